#include "analyzers/tokenizer.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>

#include "analyzer_test_util.h"

namespace izdeu::analyzers {
namespace {

using testing_util::join_texts;

struct Case {
  std::string_view input;
  std::string_view words;  // expected token texts, space-separated
};

// Shown in test names and failure messages instead of raw bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << '"' << c.input << '"'; }

constexpr Case kCases[] = {
    {"Президент подписал закон.", "Президент подписал закон"},
    {"Нур-Султан, Алма-Ата", "Нур Султан Алма Ата"},  // hyphens split
    {"ҚР-да 5-ші", "ҚР да 5 ші"},                     // suffix after hyphen split
    {"мек\u00ADтеп\u00ADтер", "мектептер"},           // soft hyphen deleted
    {"сөз\u200Bсөз", "сөз сөз"},                      // ZWSP separates
    {"сөз\u2060сөз\uFEFFсөз", "сөз сөз сөз"},         // word joiner, BOM separate
    {"O\u2019skemen O\u02BCskemen O`skemen", "O'skemen O'skemen O'skemen"},  // apostrophes
    {"01.07.2021 1,5 COVID-19", "01.07.2021 1,5 COVID 19"},
    {"«Мәңгілік ел» — 2050!", "Мәңгілік ел 2050"},  // punctuation dropped
    {"Л.Ю. Гирш", "Л.Ю Гирш"},
    {"  \n\t ", ""},
    {"", ""},
    {"🙂 emoji", "emoji"},
};

class TokenizerTableTest : public testing::TestWithParam<Case> {};

TEST_P(TokenizerTableTest, SplitsIntoWords) {
  EXPECT_EQ(join_texts(Tokenizer().tokenize(GetParam().input)), GetParam().words);
}
INSTANTIATE_TEST_SUITE_P(Table, TokenizerTableTest, testing::ValuesIn(kCases));

TEST(TokenizerTest, OffsetsPointIntoTheOriginalBytes) {
  const std::string text = "Бір, two; Үш!";
  const auto tokens = Tokenizer().tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(tokens[i].position, i);
    EXPECT_EQ(text.substr(tokens[i].byte_begin, tokens[i].byte_end - tokens[i].byte_begin),
              tokens[i].text);
  }
  EXPECT_EQ(tokens[0].byte_begin, 0u);
  EXPECT_EQ(tokens[0].byte_end, 6u);  // three two-byte letters
  EXPECT_EQ(tokens[1].byte_begin, 8u);
}

TEST(TokenizerTest, OffsetsSpanSoftHyphensAndApostropheLookAlikes) {
  const std::string text = "а мек\u00ADтеп O\u2019skemen";
  const auto tokens = Tokenizer().tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].text, "мектеп");
  EXPECT_EQ(text.substr(tokens[1].byte_begin, tokens[1].byte_end - tokens[1].byte_begin),
            "мек\u00ADтеп");
  EXPECT_EQ(tokens[2].text, "O'skemen");
  EXPECT_EQ(text.substr(tokens[2].byte_begin), "O\u2019skemen");
  EXPECT_EQ(tokens[2].byte_end, text.size());
}

TEST(TokenizerTest, OffsetsSurviveInvalidUtf8) {
  const std::string text = "ab\xFF\xC3 сөз \xE2\x82";
  const auto tokens = Tokenizer().tokenize(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].text, "ab");
  EXPECT_EQ(tokens[1].text, "сөз");
  EXPECT_EQ(text.substr(tokens[1].byte_begin, tokens[1].byte_end - tokens[1].byte_begin), "сөз");
}

TEST(TokenizerTest, MarksCapitalizedWords) {
  const auto tokens = Tokenizer().tokenize("Алматы алматы ҚАЗАҚ İstanbul 5G");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_FALSE(tokens[1].capitalized);
  EXPECT_TRUE(tokens[2].capitalized);
  EXPECT_TRUE(tokens[3].capitalized);
  EXPECT_FALSE(tokens[4].capitalized);
}

TEST(TokenizerTest, KeepsCharactersOutsideTheBmp) {
  // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter encoded as a surrogate pair in UTF-16.
  const std::string text = "x \U0001D400b y";
  const auto tokens = Tokenizer().tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].text, "\U0001D400b");
  EXPECT_EQ(tokens[1].byte_begin, 2u);
  EXPECT_EQ(tokens[1].byte_end, 7u);
}

}  // namespace
}  // namespace izdeu::analyzers
