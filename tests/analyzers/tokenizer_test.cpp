#include "analyzers/tokenizer.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

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
    {"ҚР-да 5-ші", "ҚР 5"},                           // suffix after hyphen dropped
    {"мек\u00ADтеп\u00ADтер", "мектептер"},           // soft hyphen deleted
    {"сөз\u200Bсөз", "сөз сөз"},                      // ZWSP separates
    {"сөз\u2060сөз\uFEFFсөз", "сөз сөз сөз"},         // word joiner, BOM separate
    {"O\u2019skemen O\u02BCskemen O`skemen", "O'skemen O'skemen O'skemen"},  // apostrophes
    {"01.07.2021 1,5 COVID-19", "01.07.2021 1,5 COVID 19"},
    {"«Мәңгілік ел» — 2050!", "Мәңгілік ел 2050"},  // punctuation dropped
    {"Л.Ю. Гирш", "Л Ю Гирш"},                      // initials split
    {"  \n\t ", ""},
    {"", ""},
    {"🙂 emoji", "emoji"},
    // No-break spaces: U+00A0 and U+202F join digit groups, separate words.
    {"1\u00A0000\u00A0000 теңге", "1000000 теңге"},
    {"10\u202F000 и 5\u00A0000", "10000 и 5000"},
    {"сөз\u00A0сөз сөз\u202Fсөз", "сөз сөз сөз сөз"},
    {"в 2021\u00A0году 5\u00A012", "в 2021 году 5 12"},  // not a 3-digit group
    {"1\u00A00000", "1 0000"},
    {"1 000 000", "1 000 000"},  // an ordinary space is a space
    // U+200C ZWNJ and U+200D ZWJ vanish, the word stays whole.
    {"мек\u200Cтеп мек\u200Dтеп", "мектеп мектеп"},
    {"O\u00B4skemen O\u2018skemen", "O'skemen O'skemen"},  // U+00B4, U+2018 -> U+0027
    // Suffixes after a hyphen behind an acronym or a number.
    {"АҚ-ның ЖШС-ға ҚР-дағы", "АҚ ЖШС ҚР"},
    {"2021-жылы 5-інші 90-х 5-го 1-й 80-Е", "2021 5 90 5 1 80"},
    {"Абай-да", "Абай да"},    // not an acronym: a compound, suffix kept
    {"ҚР-Қытай", "ҚР Қытай"},  // not a suffix
    {"ҚР - да", "ҚР да"},      // spaced: not joined
    {"COVID-19 Су-27", "COVID 19 Су 27"},
    // Initials.
    {"К.А. Хан", "К А Хан"},
    {"Н.Назарбаев", "Н Назарбаев"},
    {"т.е. U.S.A.", "т е U S A"},
    {"St.Petersburg 01.07.2021 www.tengrinews.kz", "St.Petersburg 01.07.2021 www.tengrinews.kz"},
};

class TokenizerTableTest : public testing::TestWithParam<Case> {};

TEST_P(TokenizerTableTest, SplitsIntoWords) {
  EXPECT_EQ(join_texts(Tokenizer().tokenize(GetParam().input)), GetParam().words);
}
INSTANTIATE_TEST_SUITE_P(Table, TokenizerTableTest, testing::ValuesIn(kCases));

using testing_util::describe;

constexpr Case kAliasCases[] = {
    {"Нур-Султан", "Нур{НурСултан/2} Султан"},
    {"Алма-Ата, Усть-Каменогорск", "Алма{АлмаАта/2} Ата Усть{УстьКаменогорск/2} Каменогорск"},
    {"COVID-19", "COVID{COVID19/2} 19"},
    {"Комсомольск-на-Амуре", "Комсомольск{КомсомольскнаАмуре/3} на Амуре"},
    {"Нур\u2010Султан Нур\u2011Султан", "Нур{НурСултан/2} Султан Нур{НурСултан/2} Султан"},
    {"Алма - Ата", "Алма Ата"},  // a dash between words, not a compound
    {"Алма -Ата Алма- Ата", "Алма Ата Алма Ата"},
    {"Алма\u2013Ата Алма\u2014Ата", "Алма Ата Алма Ата"},  // en and em dash
    {"1941-1945", "1941 1945"},                            // a range: no alias
    {"a-b-c-d-e", "a b c d e"},                            // too many parts for a name
    {"Л.Ю. Гирш", "Л{ЛЮ/2} Ю Гирш"},
    {"Гирш Л. Ю.", "Гирш Л Ю"},
    {"Н.Назарбаев", "Н Назарбаев"},  // one initial: nothing to join
    {"А.Б.Иванов", "А{АБ/2} Б Иванов"},
    {"ҚР-да", "ҚР"},
};

class TokenizerAliasTest : public testing::TestWithParam<Case> {};

TEST_P(TokenizerAliasTest, AddsAliases) {
  EXPECT_EQ(describe(Tokenizer().tokenize(GetParam().input)), GetParam().words);
}
INSTANTIATE_TEST_SUITE_P(Table, TokenizerAliasTest, testing::ValuesIn(kAliasCases));

// Every token's offsets cut its text (up to the repairs) out of the input,
// and positions count up from 0 without gaps.
void expect_offsets_match(const std::string& text, const std::vector<std::string>& expected) {
  const auto tokens = Tokenizer().tokenize(text);
  ASSERT_EQ(tokens.size(), expected.size()) << text;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(tokens[i].position, i) << text;
    EXPECT_EQ(text.substr(tokens[i].byte_begin, tokens[i].byte_end - tokens[i].byte_begin),
              expected[i])
        << text;
  }
}

TEST(TokenizerTest, OffsetsOfSplitAndJoinedWords) {
  expect_offsets_match("Л.Ю. Гирш", {"Л", "Ю", "Гирш"});
  expect_offsets_match("в Нур-Султане", {"в", "Нур", "Султане"});
  expect_offsets_match("ҚР-да 2021-жылы", {"ҚР", "2021"});
  expect_offsets_match("сумма 1\u00A0000\u00A0000 тг", {"сумма", "1\u00A0000\u00A0000", "тг"});
  expect_offsets_match("сөз\u00A0сөз", {"сөз", "сөз"});
  expect_offsets_match("мек\u200Dтеп O\u00B4skemen", {"мек\u200Dтеп", "O\u00B4skemen"});
}

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
