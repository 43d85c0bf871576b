#include "analyzers/filters/unicode_normalizer.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/filters/length_filter.h"
#include "analyzers/filters/yo_folder.h"

namespace izdeu::analyzers {
namespace {

struct Case {
  std::string_view input;
  std::string_view normalized;  // after UnicodeNormalizer, then YoFolder
};

// Shown in test names and failure messages instead of raw bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << '"' << c.input << '"'; }

constexpr Case kCases[] = {
    {"ҚАЗАҚСТАН", "қазақстан"},  // Kazakh letters case-fold too
    {"Москва", "москва"},
    {"Ёлка", "елка"},  // ё -> е (YoFolder)
    {"ЁЖ", "еж"},
    {"Йошкар", "йошкар"},           // й is kept, not turned into и
    {"за\u0301мок", "замок"},       // U+0301 stress mark removed
    {"ви\u0300дение", "видение"},   // U+0300 removed
    {"и\u0306", "й"},               // decomposed й composes, breve kept
    {"е\u0308ж", "еж"},             // decomposed ё composes, then folds
    {"\u0130stanbul", "istanbul"},  // İ -> i, no U+0307 COMBINING DOT ABOVE
    {"caf\u00E9", "caf\u00E9"},     // precomposed Latin accent kept
    {"cafe\u0301", "caf\u00E9"},    // decomposed one composes (NFKC), not stripped
    {"\u018Fнші", "әнші"},          // Latin schwa in a Cyrillic word -> ә
    {"\u0259\u043B\u0435\u043C", "әлем"},
    {"\u018Fliyev", "\u0259liyev"},  // Latin-only word keeps its schwa
    {"та\u04CA", "таң"},             // U+04CA ӊ -> ң
    {"\u04C9\u04D8", "ңә"},          // U+04C9 Ӊ -> ң
    {"ＱＡＺ", "qaz"},               // full-width
    {"ﬁnance", "finance"},           // ligature
    {"Straße", "strasse"},           // full case folding
    {"HELLO", "hello"},              // ASCII fast path
};

class UnicodeNormalizerTableTest : public testing::TestWithParam<Case> {};

TEST_P(UnicodeNormalizerTableTest, Normalizes) {
  std::string word = UnicodeNormalizer::normalize(GetParam().input);
  YoFolder::fold(word);
  EXPECT_EQ(word, GetParam().normalized);
}
INSTANTIATE_TEST_SUITE_P(Table, UnicodeNormalizerTableTest, testing::ValuesIn(kCases));

TEST(UnicodeNormalizerTest, FoldsYoItself) {
  EXPECT_EQ(UnicodeNormalizer::normalize("Ёлка ёж"), "елка еж");  // U+0401, U+0451 -> U+0435
  EXPECT_EQ(UnicodeNormalizer::normalize("\u0400\u040D"), "еи");  // Ѐ Ѝ: grave accents removed
}

TEST(UnicodeNormalizerTest, NormalizesAliases) {
  std::vector<Token> tokens(1);
  tokens[0].text = "Нур";
  tokens[0].aliases.push_back({"НурСултан", 2});
  tokens[0].aliases.push_back({"\u0301", 1});  // becomes empty: dropped
  UnicodeNormalizer().apply(tokens);
  ASSERT_EQ(tokens[0].aliases.size(), 1u);
  EXPECT_EQ(tokens[0].aliases[0].text, "нурсултан");
  EXPECT_EQ(tokens[0].aliases[0].span, 2u);
}

TEST(UnicodeNormalizerTest, DropsTokensThatBecomeEmpty) {
  std::vector<Token> tokens(2);
  tokens[0].text = "\u0301";
  tokens[1].text = "Сөз";
  tokens[1].position = 1;
  UnicodeNormalizer().apply(tokens);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text, "сөз");
  EXPECT_EQ(tokens[0].position, 1u);
}

TEST(LengthFilterTest, DropsLongTokensAndKeepsPositions) {
  std::vector<Token> tokens(3);
  tokens[0].text = "a";
  tokens[1].text = std::string(kMaxTokenBytes + 1, 'x');
  tokens[2].text = std::string(kMaxTokenBytes, 'y');
  for (std::uint32_t i = 0; i < 3; ++i) tokens[i].position = i;
  LengthFilter().apply(tokens);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].position, 2u);
}

}  // namespace
}  // namespace izdeu::analyzers
