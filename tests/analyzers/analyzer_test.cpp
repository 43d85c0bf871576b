#include "analyzers/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer_test_util.h"
#include "analyzers/language_registry.h"

namespace izdeu::analyzers {
namespace {

using testing_util::join;
using testing_util::join_stems;
using testing_util::join_texts;

struct Case {
  std::string_view input;
  std::string_view texts;  // token texts, space-separated
  std::string_view stems;  // stems, space-separated; "-" for none
};

// Shown in test names and failure messages instead of raw bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << '"' << c.input << '"'; }

constexpr Case kRussianCases[] = {
    {"Президент Токаев подписал закон", "президент токаев подписал закон",
     "президент токаев подписа закон"},
    {"Встреча с Сапаровой в Казахстане", "встреча с сапаровой в казахстане",
     "встреч с сапаров в казахстан"},
    {"Ёлка за́мок", "елка замок", "елк замок"},
    {"В 2024 году", "в 2024 году", "в - год"},
    {"Running Apple", "running apple", "run appl"},
    // A quoted Kazakh word is Kazakh-stemmed, not Snowball-stemmed.
    {"концепция «Мәңгілік елдің»", "концепция мәңгілік елдің", "концепц мәңгілік ел"},
    {"Алматинской области", "алматинской области", "алматинский област"},
    // Nouns in -ея/-ей keep one stem in every case (Snowball alone splits them).
    {"ассамблея ассамблеи ассамблею ассамблеей ассамблеях",
     "ассамблея ассамблеи ассамблею ассамблеей ассамблеях",
     "ассамбл ассамбл ассамбл ассамбл ассамбл"},
    {"музей музея юбилей юбилеем", "музей музея юбилей юбилеем", "муз муз юбил юбил"},
};

constexpr Case kKazakhCases[] = {
    {"Қазақстанның Президенті", "қазақстанның президенті", "қазақстан президент"},
    {"Алматыдағы мектептерде", "алматыдағы мектептерде", "алматы мектеп"},
    {"2024 жылғы сайлау", "2024 жылғы сайлау", "- жыл сайлау"},
    {"ҚАЗАҚСТАНДА", "қазақстанда", "қазақстан"},
    {"Тоқаевтың жарлығы", "тоқаевтың жарлығы", "тоқаев жарлық"},
};

class RussianAnalyzerTest : public testing::TestWithParam<Case> {};
class KazakhAnalyzerTest : public testing::TestWithParam<Case> {};

TEST_P(RussianAnalyzerTest, ProducesExpectedTerms) {
  const auto tokens = analyzer_for(Language::kRussian).analyze(GetParam().input);
  EXPECT_EQ(join_texts(tokens), GetParam().texts);
  EXPECT_EQ(join_stems(tokens), GetParam().stems);
}
INSTANTIATE_TEST_SUITE_P(Table, RussianAnalyzerTest, testing::ValuesIn(kRussianCases));

TEST_P(KazakhAnalyzerTest, ProducesExpectedTerms) {
  const auto tokens = analyzer_for(Language::kKazakh).analyze(GetParam().input);
  EXPECT_EQ(join_texts(tokens), GetParam().texts);
  EXPECT_EQ(join_stems(tokens), GetParam().stems);
}
INSTANTIATE_TEST_SUITE_P(Table, KazakhAnalyzerTest, testing::ValuesIn(kKazakhCases));

// analyze_forms() is analyze() without the readings: every field but stem,
// loose and loose_stem the same, in every language, on text with the cases
// the filters before the stem filter handle (homoglyphs, Roman numerals,
// case folding, ё, compounds, initials, quoted words of the other language).
TEST(AnalyzerTest, FormsAreTheFullAnalysisWithoutReadings) {
  const std::string_view texts[] = {
      "Президент Токаев подписал закон в Нур-Султане; XXVI сессия АНК, ХХVІ век.",
      "Қазақстанның Президенті Тоқаевтың «Мәңгілік Ел» жарлығы, Л.Ю. Ким, Алма-Ата.",
      "Ёлка за́мок, Tokayev, NATO и ООН, CО2 (Latin C), 2024 году, МИДа.",
      "The Assembly of People of Kazakhstan met in Astana on 14 March.",
  };
  for (const LanguageInfo& info : languages()) {
    const Analyzer& analyzer = analyzer_for(info.language);
    for (const std::string_view text : texts) {
      SCOPED_TRACE(std::string(info.code) + ": " + std::string(text));
      const std::vector<Token> full = analyzer.analyze(text);
      const std::vector<Token> forms = analyzer.analyze_forms(text);
      ASSERT_EQ(forms.size(), full.size());
      for (std::size_t i = 0; i < full.size(); ++i) {
        EXPECT_EQ(forms[i].text, full[i].text);
        EXPECT_EQ(forms[i].position, full[i].position);
        EXPECT_EQ(forms[i].byte_begin, full[i].byte_begin);
        EXPECT_EQ(forms[i].byte_end, full[i].byte_end);
        EXPECT_EQ(forms[i].language, full[i].language);
        EXPECT_EQ(forms[i].capitalized, full[i].capitalized);
        EXPECT_EQ(forms[i].stop_word, full[i].stop_word);
        ASSERT_EQ(forms[i].aliases.size(), full[i].aliases.size());
        for (std::size_t k = 0; k < full[i].aliases.size(); ++k) {
          EXPECT_EQ(forms[i].aliases[k].text, full[i].aliases[k].text);
          EXPECT_EQ(forms[i].aliases[k].span, full[i].aliases[k].span);
        }
        EXPECT_TRUE(forms[i].stem.empty() && forms[i].loose.empty() && forms[i].loose_stem.empty())
            << forms[i].text;
      }
    }
  }
}

TEST(AnalyzerTest, RegistryReturnsOneAnalyzerPerLanguage) {
  EXPECT_EQ(analyzer_for(Language::kKazakh).language(), Language::kKazakh);
  EXPECT_EQ(analyzer_for(Language::kRussian).language(), Language::kRussian);
  EXPECT_EQ(&analyzer_for(Language::kRussian), &analyzer_for(Language::kRussian));
}

TEST(AnalyzerTest, MarksQuotedKazakhWordsInRussianText) {
  const auto tokens = analyzer_for(Language::kRussian).analyze("Идея «Мәңгілік ел» жива");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].language, Language::kRussian);
  EXPECT_EQ(tokens[1].language, Language::kKazakh);
  EXPECT_EQ(tokens[1].stem, "мәңгілік");  // Snowball would cut it
  EXPECT_EQ(tokens[3].language, Language::kRussian);
}

TEST(AnalyzerTest, SetsCapitalizedBeforeCaseFolding) {
  const auto tokens = analyzer_for(Language::kRussian).analyze("Токаев токаев");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_FALSE(tokens[1].capitalized);
  EXPECT_EQ(tokens[0].text, tokens[1].text);
}

// The stem a word gets in text, capitalized.
std::string index_stem(std::string_view word) {
  const auto tokens = analyzer_for(Language::kRussian).analyze(word);
  return tokens.size() == 1 ? tokens[0].stem : std::string("?");
}

// All stems of a lower-case query word.
std::vector<std::string> query_stems(std::string_view word) {
  const Analyzer& analyzer = analyzer_for(Language::kRussian);
  const auto tokens = analyzer.analyze(word);
  return tokens.size() == 1 ? analyzer.query_stems(tokens[0]) : std::vector<std::string>{};
}

bool query_matches(std::string_view query_word, std::string_view text_word) {
  const auto stems = query_stems(query_word);
  return std::find(stems.begin(), stems.end(), index_stem(text_word)) != stems.end();
}

TEST(AnalyzerTest, QueryStemsGiveBothReadings) {
  EXPECT_EQ(join(query_stems("токаев")), "тока токаев");
  EXPECT_EQ(join(query_stems("казахстан")), "казахста казахстан");
  EXPECT_EQ(join(query_stems("сапарова")), "сапаров");
  EXPECT_EQ(join(query_stems("Токаев")), "токаев тока");  // first is the token's own stem
  EXPECT_EQ(join(query_stems("2024")), "");
  EXPECT_EQ(join(query_stems("школы")), "школ");
}

TEST(AnalyzerTest, LowerCaseQueriesMatchCapitalizedNamesInText) {
  EXPECT_TRUE(query_matches("сапарова", "Сапарова"));
  EXPECT_TRUE(query_matches("сапаров", "Сапаровым"));
  EXPECT_TRUE(query_matches("токаев", "Токаева"));
  EXPECT_TRUE(query_matches("токаев", "Токаевой"));
  EXPECT_TRUE(query_matches("назарбаев", "Назарбаеву"));
  EXPECT_TRUE(query_matches("казахстан", "Казахстане"));
  EXPECT_TRUE(query_matches("казахстане", "Казахстана"));
  EXPECT_TRUE(query_matches("ерлан", "Ерланом"));
  EXPECT_TRUE(query_matches("астана", "Астаны"));
}

TEST(AnalyzerTest, KazakhQueryStemIsTheIndexStem) {
  const Analyzer& analyzer = analyzer_for(Language::kKazakh);
  const auto tokens = analyzer.analyze("Қазақстандағы");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(join(analyzer.query_stems(tokens[0])), "қазақстан");
}

}  // namespace
}  // namespace izdeu::analyzers
