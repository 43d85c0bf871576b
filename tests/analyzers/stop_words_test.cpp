#include "analyzers/stop_words.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/filters/stop_word_marker.h"

namespace izdeu::analyzers {
namespace {

struct Case {
  Language language;
  std::string_view word;  // normalized
  bool stop;
};
void PrintTo(const Case& c, std::ostream* os) {
  *os << to_code(c.language) << ":\"" << c.word << '"';
}

constexpr Case kCases[] = {
    // Russian function words
    {Language::kRussian, "и", true},
    {Language::kRussian, "в", true},
    {Language::kRussian, "на", true},
    {Language::kRussian, "для", true},
    {Language::kRussian, "который", true},
    {Language::kRussian, "этого", true},
    {Language::kRussian, "ее", true},  // "её" after YoFolder
    {Language::kRussian, "еще", true},
    {Language::kRussian, "было", true},
    // Russian question words
    {Language::kRussian, "какой", true},
    {Language::kRussian, "кто", true},
    {Language::kRussian, "что", true},
    {Language::kRussian, "где", true},
    {Language::kRussian, "когда", true},
    {Language::kRussian, "сколько", true},
    {Language::kRussian, "как", true},
    // Russian negation: never
    {Language::kRussian, "не", false},
    {Language::kRussian, "ни", false},
    {Language::kRussian, "нет", false},
    {Language::kRussian, "без", false},
    {Language::kRussian, "никто", false},
    {Language::kRussian, "ничего", false},
    {Language::kRussian, "нельзя", false},
    // Russian content words
    {Language::kRussian, "президент", false},
    {Language::kRussian, "закон", false},
    {Language::kRussian, "алматы", false},
    {Language::kRussian, "", false},
    // Kazakh function words
    {Language::kKazakh, "және", true},
    {Language::kKazakh, "мен", true},
    {Language::kKazakh, "үшін", true},
    {Language::kKazakh, "туралы", true},
    {Language::kKazakh, "бұл", true},
    {Language::kKazakh, "оның", true},
    {Language::kKazakh, "деп", true},
    {Language::kKazakh, "ма", true},
    // Kazakh question words, "не" = "what"
    {Language::kKazakh, "не", true},
    {Language::kKazakh, "қандай", true},
    {Language::kKazakh, "кім", true},
    {Language::kKazakh, "қайда", true},
    {Language::kKazakh, "қашан", true},
    {Language::kKazakh, "неше", true},
    {Language::kKazakh, "қалай", true},
    // Kazakh negation: never
    {Language::kKazakh, "емес", false},
    {Language::kKazakh, "жоқ", false},
    {Language::kKazakh, "еш", false},
    {Language::kKazakh, "ешқандай", false},
    {Language::kKazakh, "ешкім", false},
    {Language::kKazakh, "ештеңе", false},
    {Language::kKazakh, "ешқашан", false},
    // Kazakh content words homonymous with function words elsewhere
    {Language::kKazakh, "бар", false},
    {Language::kKazakh, "ана", false},
    {Language::kKazakh, "ақ", false},
    {Language::kKazakh, "қазақстан", false},
    // the lists are per language
    {Language::kKazakh, "и", false},
    {Language::kRussian, "және", false},
};

class StopWordTableTest : public testing::TestWithParam<Case> {};

TEST_P(StopWordTableTest, Classifies) {
  EXPECT_EQ(is_stop_word(GetParam().word, GetParam().language), GetParam().stop);
}
INSTANTIATE_TEST_SUITE_P(Table, StopWordTableTest, testing::ValuesIn(kCases));

TEST(StopWordListTest, ListsAreShortNormalizedAndFreeOfNegation) {
  for (Language language : {Language::kKazakh, Language::kRussian}) {
    const auto words = stop_words(language);
    EXPECT_GE(words.size(), 100u) << to_code(language);
    EXPECT_LE(words.size(), 250u) << to_code(language);
    for (std::string_view word : words) {
      EXPECT_FALSE(word.empty());
      EXPECT_EQ(word.find("ё"), std::string_view::npos) << word;
      EXPECT_EQ(word.find(' '), std::string_view::npos) << word;
      EXPECT_EQ(word.find('-'), std::string_view::npos) << word;  // hyphens split tokens
      EXPECT_TRUE(is_stop_word(word, language)) << word;
    }
    for (std::string_view negation :
         {"не", "ни", "нет", "без", "емес", "жоқ", "еш", "ешқандай", "ешкім", "ештеңе"}) {
      if (language == Language::kKazakh && negation == "не") continue;  // "what"
      EXPECT_FALSE(is_stop_word(negation, language)) << negation;
    }
  }
}

// Every entry survives the analyzer unchanged: lower case, normalized, one token.
TEST(StopWordListTest, EntriesAreTokensOfTheirAnalyzer) {
  for (Language language : {Language::kKazakh, Language::kRussian}) {
    for (std::string_view word : stop_words(language)) {
      const auto tokens = analyzer_for(language).analyze(word);
      ASSERT_EQ(tokens.size(), 1u) << word;
      EXPECT_EQ(tokens[0].text, word);
      EXPECT_TRUE(tokens[0].stop_word) << word;
    }
  }
}

struct TextCase {
  Language language;
  std::string_view text;
  std::string_view marks;  // one letter per token: S = stop word, . = not
};
void PrintTo(const TextCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

constexpr TextCase kTextCases[] = {
    {Language::kRussian, "Что не так с законом о выборах?", "S.SS.S."},
    {Language::kRussian, "Где и когда пройдут выборы", "SSS.."},
    {Language::kRussian, "без НДС", ".."},
    // tokens are kept (positions intact), only marked
    {Language::kRussian, "в Алматы", "S."},
    // a Kazakh word quoted in Russian text uses the Kazakh list; "деп" has
    // no Kazakh letter, so in a Russian text it is Russian
    {Language::kRussian, "не знаю, «кім» деп сұрады", "..S.."},
    {Language::kKazakh, "Бұл не деген сөз?", "SSS."},
    {Language::kKazakh, "Бұл дұрыс емес", "S.."},
    {Language::kKazakh, "Қазақстан және Ресей туралы", ".S.S"},
};

std::string marks_of(const std::vector<Token>& tokens) {
  std::string marks;
  for (const Token& token : tokens) marks += token.stop_word ? 'S' : '.';
  return marks;
}

class StopWordMarkerTest : public testing::TestWithParam<TextCase> {};

TEST_P(StopWordMarkerTest, MarksWithoutRemoving) {
  const auto tokens = analyzer_for(GetParam().language).analyze(GetParam().text);
  EXPECT_EQ(marks_of(tokens), GetParam().marks);
  for (std::size_t i = 0; i < tokens.size(); ++i) EXPECT_EQ(tokens[i].position, i);
}
INSTANTIATE_TEST_SUITE_P(Table, StopWordMarkerTest, testing::ValuesIn(kTextCases));

TEST(StopWordMarkerTest, UsesEachTokensLanguage) {
  std::vector<Token> tokens(2);
  tokens[0].text = "не";
  tokens[0].language = Language::kRussian;
  tokens[1].text = "не";
  tokens[1].language = Language::kKazakh;
  StopWordMarker().apply(tokens);
  EXPECT_FALSE(tokens[0].stop_word);
  EXPECT_TRUE(tokens[1].stop_word);
}

}  // namespace
}  // namespace izdeu::analyzers
