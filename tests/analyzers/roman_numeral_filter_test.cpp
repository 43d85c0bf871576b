#include "analyzers/filters/roman_numeral_filter.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace izdeu::analyzers {
namespace {

struct Case {
  std::string_view word;  // as the tokenizer gives it (original case)
  std::uint32_t value;    // 0: not a numeral
  std::string_view numeral;
};

void PrintTo(const Case& c, std::ostream* os) { *os << '"' << c.word << '"'; }

constexpr Case kCases[] = {
    // Numerals, in any script.
    {"XXVI", 26, "xxvi"},
    {"\u0425\u0425V\u0406", 26, "xxvi"},  // Cyrillic Х Х, Latin V, Cyrillic І
    {"XXV\u0406", 26, "xxvi"},            // Latin X X V, Cyrillic І
    {"\u0425\u0425\u0406", 21, "xxi"},    // all Cyrillic: "ХХІ ғасыр"
    {"xxi", 21, "xxi"},
    {"\u0445\u0445\u0456", 21, "xxi"},  // lower-case Cyrillic х х і
    {"II", 2, "ii"},
    {"IV", 4, "iv"},
    {"IX", 9, "ix"},
    {"XIV", 14, "xiv"},
    {"XL", 40, "xl"},
    {"LXXX", 80, "lxxx"},
    {"MMXXI", 2021, "mmxxi"},
    {"MCMXC", 1990, "mcmxc"},
    {"MMMCMXCIX", 3999, "mmmcmxcix"},
    {"\u041C\u041C\u0425\u0425", 2020, "mmxx"},  // Cyrillic М М Х Х
    {"I", 1, "i"},                               // "Петр I": single upper-case Latin I, V, X
    {"V", 5, "v"},
    {"X", 10, "x"},
    // Not numerals.
    {"\u0421", 0, ""},              // Russian preposition С
    {"\u0441", 0, ""},              // с
    {"\u041C\u0406", 0, ""},        // МІ: M needs four letters
    {"\u0414\u0406", 0, ""},        // ДІ
    {"\u043C\u0438", 0, ""},        // ми
    {"\u0421\u0438", 0, ""},        // Си
    {"\u0414\u0418\u041C", 0, ""},  // ДИМ
    {"dim", 0, ""},                 // not canonical
    {"mix", 0, ""},                 // canonical 1009, but three letters with M
    {"MIX", 0, ""},
    {"civil", 0, ""},
    {"CD", 0, ""},
    {"DC", 0, ""},
    {"MC", 0, ""},
    {"Xi", 0, ""},  // mixed case: a name
    {"Li", 0, ""},
    {"i", 0, ""},  // lower-case single letters never
    {"v", 0, ""},
    {"\u0406", 0, ""},  // Cyrillic single letters never
    {"\u0456", 0, ""},
    {"\u0425", 0, ""},
    {"C", 0, ""},
    {"D", 0, ""},
    {"L", 0, ""},
    {"M", 0, ""},
    {"IIII", 0, ""},  // not canonical
    {"IC", 0, ""},
    {"VX", 0, ""},
    {"XM", 0, ""},
    {"MMMM", 0, ""},  // 4000: out of range
    {"MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM", 0, ""},
    {"XXVIa", 0, ""},
    {"XX5", 0, ""},
    {"", 0, ""},
};

class RomanNumeralTableTest : public testing::TestWithParam<Case> {};

TEST_P(RomanNumeralTableTest, Parses) {
  std::string numeral;
  EXPECT_EQ(RomanNumeralFilter::parse(GetParam().word, numeral), GetParam().value);
  if (GetParam().value != 0) {
    EXPECT_EQ(numeral, GetParam().numeral);
  }
}
INSTANTIATE_TEST_SUITE_P(Table, RomanNumeralTableTest, testing::ValuesIn(kCases));

TEST(RomanNumeralFilterTest, RewritesNumeralsAndAddsTheNumber) {
  std::vector<Token> tokens(3);
  tokens[0].text = "\u0425\u0425V\u0406";
  tokens[1].text = "сессии";
  tokens[2].text = "МІ";
  for (std::uint32_t i = 0; i < 3; ++i) tokens[i].position = i;
  RomanNumeralFilter().apply(tokens);
  EXPECT_EQ(tokens[0].text, "xxvi");
  ASSERT_EQ(tokens[0].aliases.size(), 1u);
  EXPECT_EQ(tokens[0].aliases[0].text, "26");
  EXPECT_EQ(tokens[0].aliases[0].span, 1u);
  EXPECT_EQ(tokens[1].text, "сессии");
  EXPECT_TRUE(tokens[1].aliases.empty());
  EXPECT_EQ(tokens[2].text, "МІ");
  EXPECT_TRUE(tokens[2].aliases.empty());
}

}  // namespace
}  // namespace izdeu::analyzers
