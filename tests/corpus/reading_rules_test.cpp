// The precision rules of a query word's readings (reading_rules.h), one
// table per rule.
#include "corpus/query/reading_rules.h"

#include <gtest/gtest.h>

#include <string_view>

#include "analyzers/script.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;

TEST(ReadingRulesTest, CrossScriptOnlyWhereScriptsOrKazakhLettersDiffer) {
  struct Case {
    const char* word;
    const char* form;
    bool allowed;
  };
  for (const Case& c : std::initializer_list<Case>{{"tokayev", "токаев", true},
                                                   {"тоқаев", "токаевым", true},
                                                   {"қазақстан", "казахстан", true},
                                                   {"tokayev", "toqaev", true},
                                                   {"мед", "медиа", false},
                                                   {"сапаров", "сапары", false},
                                                   {"тоқаев", "тоқаев", false}}) {
    EXPECT_EQ(is_cross_script_spelling(c.word, c.form), c.allowed) << c.word << " " << c.form;
  }
}

TEST(ReadingRulesTest, RussianStemsNeedARussianEndingOnBothWords) {
  struct Case {
    const char* stem;
    const char* word;
    const char* form;
    bool short_word;
    bool allowed;
  };
  for (const Case& c :
       std::initializer_list<Case>{{"мед", "мед", "меда", true, true},
                                   {"мед", "мед", "медиа", true, false},
                                   {"мед", "медиа", "медом", false, false},
                                   {"ассамбл", "ассамблея", "ассамблеи", false, true},
                                   {"токаев", "токаев", "токаевым", false, true}}) {
    EXPECT_EQ(is_stem_reading(Language::kRussian, c.stem, c.word, c.form, c.short_word), c.allowed)
        << c.word << " " << c.form;
  }
}

TEST(ReadingRulesTest, ShortWordsReachOnlyTheirOwnInflections) {
  EXPECT_TRUE(is_stem_reading(Language::kKazakh, "ел", "ел", "елдің", true));
  EXPECT_FALSE(is_stem_reading(Language::kKazakh, "ес", "ескі", "ес", true));
}

TEST(ReadingRulesTest, AcronymsAreTwoToFiveCapitals) {
  for (const char* word : {"ООН", "ЕС", "ІІМ", "NATO", "ШОС"})
    EXPECT_TRUE(analyzers::is_acronym(word)) << word;
  for (const char* word : {"ТОКАЕВА", "Ес", "ес", "О", "XXVIIIA"})
    EXPECT_FALSE(analyzers::is_acronym(word)) << word;
}

TEST(ReadingRulesTest, DeclinedAcronymsKeepTheirCapitals) {
  struct Case {
    const char* surface;
    std::size_t ending_bytes;
  };
  const Case cases[] = {
      {"МИДа", std::string_view("а").size()},
      {"МИДе", std::string_view("е").size()},
      {"ООНом", std::string_view("ом").size()},
      {"СНГами", std::string_view("ами").size()},
      {"МИД", 0},      // not declined: an acronym as it is
      {"Мида", 0},     // one capital: a word
      {"ТОКАЕВа", 0},  // six capitals: a word typed in capitals
      {"МИДх", 0},     // not a case ending
      {"Аа", 0},       // one capital before the ending
  };
  for (const Case& c : cases) {
    EXPECT_EQ(analyzers::acronym_ending_bytes(c.surface), c.ending_bytes) << c.surface;
  }
}

}  // namespace
}  // namespace izdeu::corpus
