#include "analyzers/keyboard_layout.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace izdeu::analyzers {
namespace {

constexpr KeyboardLayout kLatin = KeyboardLayout::kLatin;
constexpr KeyboardLayout kRussian = KeyboardLayout::kRussian;
constexpr KeyboardLayout kKazakh = KeyboardLayout::kKazakh;

struct RetypeCase {
  std::string_view typed_text;
  KeyboardLayout typed;
  KeyboardLayout intended;
  std::string_view meant;
};

void PrintTo(const RetypeCase& c, std::ostream* os) { *os << '"' << c.typed_text << '"'; }

constexpr RetypeCase kRetypeCases[] = {
    // Latin keys, Russian meant.
    {"Fkvfns", kLatin, kRussian, "Алматы"},
    {"fkvfns", kLatin, kRussian, "алматы"},
    {"ghtpbltyn", kLatin, kRussian, "президент"},
    {"Njrftd", kLatin, kRussian, "Токаев"},
    {"'ktrnhjyyjt ghfdbntkmcndj", kLatin, kRussian, "электронное правительство"},
    {"`krf", kLatin, kRussian, "ёлка"},                          // ` is ё in Russian
    {"[jhjij ,skj ;bnm", kLatin, kRussian, "хорошо было жить"},  // [ , ; are letters
    {"covid-19 2024", kLatin, kRussian, "сщмшв-19 2024"},        // digits and '-' stay digits
    // Latin keys, Kazakh meant: the digit row carries the Kazakh letters.
    {")fpf0cnfy", kLatin, kKazakh, "Қазақстан"},  // Shift+0 is Қ
    {"0fpf0cnfy", kLatin, kKazakh, "қазақстан"},
    {"`2-3", kLatin, kKazakh, "`әөі"},  // ` gives "(" in Kazakh: punctuation stays
    {"2 3 4 5 8 9 0 - =", kLatin, kKazakh, "ә і ң ғ ү ұ қ ө һ"},
    {"@ # $ % * ( ) _ +", kLatin, kKazakh, "Ә І Ң Ғ Ү Ұ Қ Ө Һ"},
    {"ntufq", kLatin, kKazakh, "тегай"},  // letter rows are ЙЦУКЕН in both
    {"=fhb", kLatin, kKazakh, "һари"},
    {"\\jhsc", kLatin, kKazakh, "\\орыс"},
    // Cyrillic typed, Latin meant.
    {"Ещлфум", kRussian, kLatin, "Tokaev"},
    {"фдьфен", kRussian, kLatin, "almaty"},
    {"ЖЭ", kRussian, kLatin, ":\""},  // Cyrillic letters on punctuation keys
    {"ё", kRussian, kLatin, "`"},
    {"әіқ", kKazakh, kLatin, "230"},
    {"(", kKazakh, kLatin, "("},  // the Kazakh ` key gives "(": not a letter either way
    // Russian layout on keys labelled in Kazakh.
    {"0аза0стан", kRussian, kKazakh, "қазақстан"},
    {"ёлка", kRussian, kKazakh, "ёлка"},  // ё -> "(" would not be a letter: kept
    // Same layout: unchanged, invalid bytes replaced.
    {"abc", kLatin, kLatin, "abc"},
    {"a\xFF", kLatin, kLatin, "a\uFFFD"},
};

class RetypeTest : public ::testing::TestWithParam<RetypeCase> {};

TEST_P(RetypeTest, GivesWhatTheSameKeysGiveInTheIntendedLayout) {
  const RetypeCase& c = GetParam();
  EXPECT_EQ(retype(c.typed_text, c.typed, c.intended), c.meant);
}

INSTANTIATE_TEST_SUITE_P(Table, RetypeTest, ::testing::ValuesIn(kRetypeCases));

TEST(RetypeTest, RoundTripsEveryLetterKey) {
  // Every Cyrillic letter of both layouts goes to Latin and back unchanged.
  const std::string russian = "йцукенгшщзхъфывапролджэячсмитьбюёЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮЁ";
  EXPECT_EQ(retype(retype(russian, kRussian, kLatin), kLatin, kRussian), russian);
  const std::string kazakh = "әіңғүұқөһӘІҢҒҮҰҚӨҺйцукенгшщзхъфывапролджэячсмитьбю";
  EXPECT_EQ(retype(retype(kazakh, kKazakh, kLatin), kLatin, kKazakh), kazakh);
  const std::string latin = "qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM";
  EXPECT_EQ(retype(retype(latin, kLatin, kRussian), kRussian, kLatin), latin);
}

struct FixesCase {
  std::string_view query;
  std::vector<std::string_view> fixes;  // the texts, in order
};

void PrintTo(const FixesCase& c, std::ostream* os) { *os << '"' << c.query << '"'; }

const FixesCase kFixesCases[] = {
    {"Fkvfns", {"Алматы"}},  // Kazakh reading is the same: listed once
    {"ghtpbltyn", {"президент"}},
    {"0fpf0cnfy", {"0аза0стан", "қазақстан"}},  // Russian first, then Kazakh
    {"Ещлфум", {"Tokaev"}},
    {"әдьфен", {}},  // no Russian key gives ә, and on the Kazakh one it is "2"
    {"жез", {}},     // ж would be ";"
    {"Ьфкфе", {"Marat"}},
    {"0аза0стан", {"0fpf0cnfy", "қазақстан"}},  // digits inside a Cyrillic word
    {"5 мая", {"5 vfz"}},                       // a digit beside a space is just a number
    {"Öskemen", {}},                            // accented Latin is no layout slip
    {"Almaty Алматы", {}},                      // both scripts
    {"2024", {}},                               // no letters
    {"", {}},
    {"...", {}},
};

class LayoutFixesTest : public ::testing::TestWithParam<FixesCase> {};

TEST_P(LayoutFixesTest, ListsThePlausibleReadings) {
  const FixesCase& c = GetParam();
  std::vector<std::string> texts;
  for (const LayoutFix& fix : layout_fixes(c.query)) {
    EXPECT_NE(fix.typed, fix.intended);
    EXPECT_EQ(fix.text, retype(c.query, fix.typed, fix.intended));
    texts.push_back(fix.text);
  }
  EXPECT_EQ(texts, std::vector<std::string>(c.fixes.begin(), c.fixes.end()));
}

INSTANTIATE_TEST_SUITE_P(Table, LayoutFixesTest, ::testing::ValuesIn(kFixesCases));

TEST(LayoutFixesTest, NamesTheLayouts) {
  const auto latin = layout_fixes("ghtpbltyn");
  ASSERT_EQ(latin.size(), 1u);
  EXPECT_EQ(latin[0].typed, kLatin);
  EXPECT_EQ(latin[0].intended, kRussian);
  const auto kazakh = layout_fixes("0fpf0cnfy");
  ASSERT_EQ(kazakh.size(), 2u);
  EXPECT_EQ(kazakh[1].intended, kKazakh);
  const auto cyrillic = layout_fixes("Ещлфум");
  ASSERT_EQ(cyrillic.size(), 1u);
  EXPECT_EQ(cyrillic[0].typed, kRussian);
  EXPECT_EQ(cyrillic[0].intended, kLatin);
}

}  // namespace
}  // namespace izdeu::analyzers
