#include "analyzers/language_registry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <set>
#include <string>
#include <string_view>

#include "analyzer_test_util.h"
#include "analyzers/analyzer.h"
#include "analyzers/filters/kazakh_token_marker.h"
#include "analyzers/language_detector.h"
#include "analyzers/question_words.h"
#include "analyzers/script.h"
#include "analyzers/stemmers/stemmer.h"
#include "analyzers/stop_words.h"

namespace izdeu::analyzers {
namespace {

using testing_util::join_stems;
using testing_util::join_texts;

// --- the table ---------------------------------------------------------------

// The query builder skips a latin_script_only language for a query with no
// Latin letter, because it reads exactly as in the other languages.
TEST(LanguageRegistryTest, ALatinOnlyLanguageReadsCyrillicTextAsTheOthersDo) {
  const std::string_view texts[] = {
      "Президент Токаев открыл сессию Ассамблеи",
      "Қазақстан халқы Ассамблеясының сессиясы",
      "Ерлана Сапарова не было на ХХІ съезде в 2021 году",
      "«Нұр Отан» партиясы және «Аманат»",
  };
  // Everything a query term is made of. The language of a word without
  // Cyrillic letters («ХХІ» read as a numeral, «2021») follows the document
  // and decides nothing: such a token is neither a stop nor a question word.
  const auto key = [](const Token& t) {
    std::string aliases;
    for (const auto& alias : t.aliases) aliases += alias.text + ",";
    const bool cyrillic = word_script(t.text) == WordScript::kCyrillic;
    return t.text + "|" + t.stem + "|" + t.loose + "|" + t.loose_stem + "|" + aliases + "|" +
           (cyrillic ? std::string(to_code(t.language)) : "") + "|" + std::to_string(t.position) +
           "|" + (t.stop_word ? "stop" : "");
  };
  std::size_t latin_only = 0;
  for (const LanguageInfo& row : languages()) {
    if (!row.latin_script_only) continue;
    ++latin_only;
    for (std::string_view text : texts) {
      std::vector<std::string> own;
      for (const Token& t : analyzer_for(row.language).analyze(text)) own.push_back(key(t));
      std::vector<std::string> russian;
      for (const Token& t : analyzer_for(Language::kRussian).analyze(text)) {
        russian.push_back(key(t));
      }
      EXPECT_EQ(own, russian) << row.code << ": " << text;
    }
  }
  EXPECT_EQ(latin_only, 1u) << "English is the one Latin-only language";
}

TEST(LanguageRegistryTest, RowsFollowTheEnumAndAreComplete) {
  ASSERT_EQ(languages().size(), kLanguageCount);
  std::set<std::string_view> codes;
  for (std::size_t i = 0; i < languages().size(); ++i) {
    const LanguageInfo& row = languages()[i];
    SCOPED_TRACE(row.code);
    EXPECT_EQ(static_cast<std::size_t>(row.language), i);
    EXPECT_EQ(&language_info(row.language), &row);
    EXPECT_EQ(row.code.size(), 2u);
    EXPECT_TRUE(
        std::all_of(row.code.begin(), row.code.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
    EXPECT_FALSE(row.labels.kk.empty());
    EXPECT_FALSE(row.labels.ru.empty());
    EXPECT_FALSE(row.labels.en.empty());
    ASSERT_NE(row.make_analyzer, nullptr);
    ASSERT_NE(row.stemmer, nullptr);
    EXPECT_FALSE(row.stop_words.empty());
    EXPECT_FALSE(row.question_words.empty());
    EXPECT_EQ(analyzer_for(row.language).language(), row.language);
    // Codes and aliases are unique across the whole table.
    EXPECT_TRUE(codes.insert(row.code).second) << row.code;
    for (std::string_view alias : row.aliases) EXPECT_TRUE(codes.insert(alias).second) << alias;
  }
}

TEST(LanguageRegistryTest, ParseLanguageRoundTripsCodesAndAliases) {
  for (const LanguageInfo& row : languages()) {
    EXPECT_EQ(to_code(row.language), row.code);
    EXPECT_EQ(parse_language(row.code), row.language);
    std::string upper(row.code);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    EXPECT_EQ(parse_language(upper), row.language) << upper;
    for (std::string_view alias : row.aliases) EXPECT_EQ(parse_language(alias), row.language);
  }
  EXPECT_EQ(parse_language("en"), Language::kEnglish);
  EXPECT_EQ(parse_language("ENG"), Language::kEnglish);
  EXPECT_EQ(parse_language("kz"), Language::kKazakh);
  EXPECT_EQ(parse_language("ru-KZ"), Language::kRussian);
  EXPECT_EQ(parse_language("de"), std::nullopt);
  EXPECT_EQ(parse_language(""), std::nullopt);
  EXPECT_EQ(parse_language("english"), std::nullopt);
}

TEST(LanguageRegistryTest, CodeListNamesEveryLanguage) {
  EXPECT_EQ(code_list(), "kk, ru or en");
  EXPECT_EQ(code_list("'"), "'kk', 'ru' or 'en'");
}

TEST(LanguageRegistryTest, EveryListedWordIsNormalizedAndFoundAgain) {
  for (const LanguageInfo& row : languages()) {
    SCOPED_TRACE(row.code);
    for (std::string_view word : row.stop_words) {
      EXPECT_TRUE(is_stop_word(word, row.language)) << word;
      // Listed as the analyzer normalizes it: the analyzer gives the same text back.
      const auto tokens = analyzer_for(row.language).analyze(word);
      ASSERT_EQ(tokens.size(), 1u) << word;
      EXPECT_EQ(tokens[0].text, word);
    }
    for (std::string_view word : row.question_words) {
      EXPECT_TRUE(is_question_word(word, row.language)) << word;
    }
    EXPECT_EQ(stop_words(row.language).size(),
              std::set<std::string_view>(row.stop_words.begin(), row.stop_words.end()).size());
  }
}

TEST(LanguageRegistryTest, StemmersAreTheLanguagesOwn) {
  EXPECT_EQ(language_info(Language::kEnglish).stemmer().stem("meetings"), "meet");
  EXPECT_EQ(language_info(Language::kRussian).stemmer().stem("встречи"), "встреч");
  EXPECT_EQ(language_info(Language::kKazakh).stemmer().stem("мектептерде"), "мектеп");
}

// --- English word lists ---------------------------------------------------------

struct WordCase {
  std::string_view word;
  bool listed;
};
void PrintTo(const WordCase& c, std::ostream* os) { *os << '"' << c.word << '"'; }

constexpr WordCase kEnglishStopCases[] = {
    {"the", true},
    {"a", true},
    {"of", true},
    {"and", true},
    {"with", true},
    {"was", true},
    {"their", true},
    {"which", true},
    {"what", true},
    {"who", true},
    // negation changes what a query means: never a stop word
    {"not", false},
    {"no", false},
    {"never", false},
    {"without", false},
    {"nobody", false},
    {"nothing", false},
    // content words
    {"president", false},
    {"meeting", false},
    {"astana", false},
    {"election", false},
    // Cyrillic words are no English stop words
    {"и", false},
    {"және", false},
};

class EnglishStopWordTest : public testing::TestWithParam<WordCase> {};
TEST_P(EnglishStopWordTest, Listed) {
  EXPECT_EQ(is_stop_word(GetParam().word, Language::kEnglish), GetParam().listed);
}
INSTANTIATE_TEST_SUITE_P(Table, EnglishStopWordTest, testing::ValuesIn(kEnglishStopCases));

constexpr WordCase kEnglishQuestionCases[] = {
    {"what", true},  {"who", true},  {"whom", true},     {"whose", true}, {"when", true},
    {"where", true}, {"why", true},  {"how", true},      {"which", true}, {"whether", true},
    {"not", false},  {"the", false}, {"meeting", false}, {"кто", false},  {"кім", false},
};

class EnglishQuestionWordTest : public testing::TestWithParam<WordCase> {};
TEST_P(EnglishQuestionWordTest, Listed) {
  EXPECT_EQ(is_question_word(GetParam().word, Language::kEnglish), GetParam().listed);
}
INSTANTIATE_TEST_SUITE_P(Table, EnglishQuestionWordTest, testing::ValuesIn(kEnglishQuestionCases));

TEST(StopWordsTest, AnyLanguageCoversEveryRegisteredList) {
  EXPECT_TRUE(is_stop_word_of_any_language("и"));
  EXPECT_TRUE(is_stop_word_of_any_language("және"));
  EXPECT_TRUE(is_stop_word_of_any_language("the"));
  EXPECT_FALSE(is_stop_word_of_any_language("нет"));  // a negation: never a stop word
  EXPECT_FALSE(is_stop_word_of_any_language("astana"));
}

// --- the English recipe -----------------------------------------------------------

struct AnalyzerCase {
  std::string_view input;
  std::string_view texts;
  std::string_view stems;
};
void PrintTo(const AnalyzerCase& c, std::ostream* os) { *os << '"' << c.input << '"'; }

constexpr AnalyzerCase kEnglishCases[] = {
    {"Meetings were held", "meetings were held", "meet were held"},
    {"The elections in Astana", "the elections in astana", "the elect in astana"},
    // Snowball English, not a name rule, for Latin words.
    {"Tokayev visited", "tokayev visited", "tokayev visit"},
    // A quoted Russian word is Russian-stemmed, a Kazakh one Kazakh-stemmed.
    {"the «Ассамблеи» of «Мәңгілік елдің»", "the ассамблеи of мәңгілік елдің",
     "the ассамбл of мәңгілік ел"},
    // "I" the pronoun stays a word; other Roman numerals are numerals.
    {"I saw World War II", "i saw world war ii", "i saw world war ii"},
};

class EnglishAnalyzerTest : public testing::TestWithParam<AnalyzerCase> {};
TEST_P(EnglishAnalyzerTest, ProducesExpectedTerms) {
  const auto tokens = analyzer_for(Language::kEnglish).analyze(GetParam().input);
  EXPECT_EQ(join_texts(tokens), GetParam().texts);
  EXPECT_EQ(join_stems(tokens), GetParam().stems);
}
INSTANTIATE_TEST_SUITE_P(Table, EnglishAnalyzerTest, testing::ValuesIn(kEnglishCases));

TEST(EnglishAnalyzerTest, MarksLanguagesStopWordsAliasesAndLooseKeys) {
  const auto tokens = analyzer_for(Language::kEnglish).analyze("I met the Akim of «Алматы» II");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_EQ(tokens[0].language, Language::kEnglish);
  EXPECT_TRUE(tokens[0].aliases.empty()) << "the pronoun I is no numeral 1";
  EXPECT_TRUE(tokens[0].stop_word);
  EXPECT_TRUE(tokens[2].stop_word);                   // the
  EXPECT_FALSE(tokens[3].stop_word);                  // akim
  EXPECT_EQ(tokens[5].language, Language::kRussian);  // Cyrillic in English text
  ASSERT_EQ(tokens[6].aliases.size(), 1u);
  EXPECT_EQ(tokens[6].aliases[0].text, "2");
  // The loose key of a Latin spelling equals the Cyrillic spellings' keys.
  const auto latin = analyzer_for(Language::kEnglish).analyze("Tokayev");
  const auto kazakh = analyzer_for(Language::kKazakh).analyze("Тоқаев");
  const auto russian = analyzer_for(Language::kRussian).analyze("Токаев");
  ASSERT_EQ(latin.size(), 1u);
  EXPECT_FALSE(latin[0].loose.empty());
  EXPECT_EQ(latin[0].loose, kazakh.at(0).loose);
  EXPECT_EQ(latin[0].loose, russian.at(0).loose);
}

TEST(EnglishAnalyzerTest, RussianAndKazakhDocumentsKeepTheirReadingOfLatinWords) {
  // Latin words in Russian text keep the Russian document language (and so no
  // English stop words): the registry adds English without changing kk/ru.
  const auto tokens = analyzer_for(Language::kRussian).analyze("the Beatles");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].language, Language::kRussian);
  EXPECT_FALSE(tokens[0].stop_word);
  EXPECT_EQ(KazakhTokenMarker::language_of("the", Language::kKazakh), Language::kKazakh);
  EXPECT_EQ(KazakhTokenMarker::language_of("the", Language::kEnglish), Language::kEnglish);
  EXPECT_EQ(KazakhTokenMarker::language_of("страна", Language::kEnglish), Language::kRussian);
  EXPECT_EQ(KazakhTokenMarker::language_of("мәңгілік", Language::kEnglish), Language::kKazakh);
  EXPECT_EQ(KazakhTokenMarker::language_of("2024", Language::kEnglish), Language::kEnglish);
}

}  // namespace
}  // namespace izdeu::analyzers
