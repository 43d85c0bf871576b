#include "analyzers/filters/homoglyph_repairer.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace izdeu::analyzers {
namespace {

struct Case {
  std::string_view input;
  Language document;
  std::string_view repaired;
};

void PrintTo(const Case& c, std::ostream* os) { *os << '"' << c.input << '"'; }

constexpr Language kRu = Language::kRussian;
constexpr Language kKk = Language::kKazakh;

// The "\u..." escapes spell out the Latin or Cyrillic look-alike in each word.
constexpr Case kCases[] = {
    // Latin look-alikes inside Cyrillic words -> Cyrillic.
    {"Қайы\u0070лы", kKk, "Қайырлы"},  // U+0070 p -> U+0440 р
    {"б\u0061л\u0061", kRu, "бала"},   // U+0061 a -> U+0430 а
    {"\u0063\u0065\u006F\u0078\u0079\u0070", kRu,
     "\u0063\u0065\u006F\u0078\u0079\u0070"},  // Latin only
    {"\u041C\u006F\u0441\u006B\u0432\u0430", kRu,
     "\u041C\u006F\u0441\u006B\u0432\u0430"},  // Latin k: no look-alike
    {"Мо\u0063ква", kRu, "Москва"},            // U+0063 c -> U+0441 с
    {"\u0041\u0042\u0043ДЕ", kRu, "АВСДЕ"},    // A B C -> U+0410 U+0412 U+0421
    {"\u0045\u0048\u004B\u004D\u004F\u0050\u0054\u0058\u0059Ж", kRu, "ЕНКМОРТХУЖ"},
    {"т\u0065\u0078\u006Fн", kRu, "техон"},  // e x o
    {"\u0049ван", kRu, "Іван"},              // U+0049 I -> U+0406 І
    // Kazakh words read Latin i and dotless ı as і (U+0456).
    {"б\u0069р", kKk, "бір"},
    {"б\u0131р", kKk, "бір"},       // U+0131 ı, Kazakh document
    {"ә\u0131л", kRu, "әіл"},       // Kazakh letter ә: a Kazakh word in any document
    {"б\u0131р", kRu, "б\u0131р"},  // ı in a Russian word: not a look-alike
    {"м\u0069р", kRu, "мір"},       // Latin i is a look-alike of і anyway
    // Cyrillic look-alikes inside Latin words -> Latin.
    {"M\u0456nistr", kRu, "Ministr"},    // U+0456 і -> U+0069 i
    {"\u0441omputer", kRu, "computer"},  // U+0441 с -> U+0063 c
    {"T\u043Eyota", kKk, "Toyota"},      // U+043E о -> U+006F o
    {"Bank\u0410", kRu, "BankA"},        // U+0410 А -> U+0041 A
    // Both directions possible: the majority script wins, Cyrillic on a tie.
    {"\u0058\u0058V\u0406", kRu, "XXVI"},  // Latin X X V + Cyrillic І (V has no look-alike)
    {"\u0425\u0425V\u0406", kRu, "XXVI"},  // Cyrillic Х Х І + Latin V
    {"\u0425\u0425\u0049", kRu, "ХХІ"},    // Cyrillic Х Х + Latin I -> Cyrillic
    {"\u0058\u0058\u0406", kRu, "XXI"},    // Latin X X + Cyrillic І -> Latin
    {"\u0061\u0441", kRu, "ас"},           // tie -> Cyrillic
    // Unrelated letters of both scripts: left alone.
    {"Cola\u0436\u0430", kRu, "Cola\u0436\u0430"},      // l and ж have no look-alike
    {"Coca\u041A\u043E\u043B\u0430", kRu, "СосаКола"},  // Latin "Coca" is all look-alikes
    {"sбq", kRu, "sбq"},
    // Fast paths.
    {"Москва", kRu, "Москва"},
    {"Moskva", kRu, "Moskva"},
    {"2021", kKk, "2021"},
    {"", kKk, ""},
};

class HomoglyphRepairerTableTest : public testing::TestWithParam<Case> {};

TEST_P(HomoglyphRepairerTableTest, Repairs) {
  std::string word(GetParam().input);
  HomoglyphRepairer::repair(word, GetParam().document);
  EXPECT_EQ(word, GetParam().repaired);
}
INSTANTIATE_TEST_SUITE_P(Table, HomoglyphRepairerTableTest, testing::ValuesIn(kCases));

TEST(HomoglyphRepairerTest, RepairsAliasesAndKeepsOffsets) {
  std::vector<Token> tokens(1);
  tokens[0].text = "Ж\u0075к";  // Latin u has no Cyrillic look-alike: unchanged
  tokens[0].aliases.push_back({"Т\u0065ст", 1});
  tokens[0].byte_begin = 3;
  tokens[0].byte_end = 8;
  HomoglyphRepairer(Language::kRussian).apply(tokens);
  EXPECT_EQ(tokens[0].text, "Ж\u0075к");
  EXPECT_EQ(tokens[0].aliases[0].text, "Тест");
  EXPECT_EQ(tokens[0].byte_begin, 3u);
  EXPECT_EQ(tokens[0].byte_end, 8u);
}

}  // namespace
}  // namespace izdeu::analyzers
