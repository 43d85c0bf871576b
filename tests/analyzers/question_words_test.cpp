#include "analyzers/question_words.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string_view>

namespace izdeu::analyzers {
namespace {

struct Case {
  Language language;
  std::string_view word;  // normalized
  bool question;
};
void PrintTo(const Case& c, std::ostream* os) {
  *os << to_code(c.language) << ":\"" << c.word << '"';
}

constexpr Case kCases[] = {
    // the words the issue names, with case forms
    {Language::kRussian, "какой", true},
    {Language::kRussian, "каком", true},
    {Language::kRussian, "кто", true},
    {Language::kRussian, "кого", true},
    {Language::kRussian, "кому", true},
    {Language::kRussian, "что", true},
    {Language::kRussian, "чем", true},
    {Language::kRussian, "где", true},
    {Language::kRussian, "когда", true},
    {Language::kRussian, "сколько", true},
    {Language::kRussian, "скольких", true},
    {Language::kRussian, "как", true},
    {Language::kRussian, "ли", true},
    {Language::kKazakh, "қандай", true},
    {Language::kKazakh, "кім", true},
    {Language::kKazakh, "кімнің", true},
    {Language::kKazakh, "не", true},
    {Language::kKazakh, "нені", true},
    {Language::kKazakh, "қайда", true},
    {Language::kKazakh, "қайдан", true},
    {Language::kKazakh, "қашан", true},
    {Language::kKazakh, "неше", true},
    {Language::kKazakh, "нешінші", true},
    {Language::kKazakh, "қалай", true},
    {Language::kKazakh, "ма", true},
    // Russian «не» is a negation, never a question word
    {Language::kRussian, "не", false},
    {Language::kRussian, "ни", false},
    // the other language's question words are not this one's
    {Language::kRussian, "кім", false},
    {Language::kKazakh, "кто", false},
    // content words
    {Language::kRussian, "президент", false},
    {Language::kRussian, "комитет", false},  // starts like «ком»
    {Language::kKazakh, "кімдік", false},    // «identity», starts like «кім»
    {Language::kKazakh, "неке", false},      // «marriage», starts like «не»
    {Language::kKazakh, "", false},
};

class QuestionWordsTest : public ::testing::TestWithParam<Case> {};

TEST_P(QuestionWordsTest, Classifies) {
  const Case& c = GetParam();
  EXPECT_EQ(is_question_word(c.word, c.language), c.question);
}

INSTANTIATE_TEST_SUITE_P(Words, QuestionWordsTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& param) {
                           return "Case" + std::to_string(param.index);
                         });

TEST(QuestionWordListTest, SortedUniqueAndNeverANegation) {
  for (Language language : {Language::kKazakh, Language::kRussian}) {
    const auto words = question_words(language);
    EXPECT_TRUE(std::is_sorted(words.begin(), words.end()));
    EXPECT_EQ(std::adjacent_find(words.begin(), words.end()), words.end());
    for (std::string_view negation : {"нет", "ни", "без", "емес", "жоқ"}) {
      EXPECT_FALSE(is_question_word(negation, language)) << negation;
    }
  }
  EXPECT_FALSE(is_question_word("не", Language::kRussian));
}

}  // namespace
}  // namespace izdeu::analyzers
