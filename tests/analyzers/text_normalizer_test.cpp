#include "analyzers/text_normalizer.h"

#include <gtest/gtest.h>

namespace izdeu::analyzers {
namespace {

TEST(TextNormalizerTest, FindsInvalidUtf8) {
  EXPECT_EQ(find_invalid_utf8("Қазақ тілі"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8("\xEF\xBF\xBD"), std::nullopt);  // a real U+FFFD is valid
  EXPECT_EQ(find_invalid_utf8("ab\xFF"), std::optional<std::size_t>(2));
  EXPECT_EQ(find_invalid_utf8("a\xD0"), std::optional<std::size_t>(1));         // truncated
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), std::optional<std::size_t>(0));      // overlong '/'
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), std::optional<std::size_t>(0));  // surrogate
  EXPECT_TRUE(is_valid_utf8(""));
}

TEST(TextNormalizerTest, LowersKazakhAndRussianCapitals) {
  EXPECT_EQ(to_lower_utf8("ҚАЗАҚСТАН ӘӨҰҮҒҢҺІ Ёлка ABC"), "қазақстан әөұүғңһі ёлка abc");
  // Locale-free: LATIN CAPITAL I lowers to i, never to dotless ı.
  EXPECT_EQ(to_lower_utf8("I"), "i");
}

TEST(TextNormalizerTest, OneCodePointLowersToOne) {
  const struct {
    char32_t upper, lower;
  } cases[] = {
      {U'Қ', U'қ'},
      {U'Ә', U'ә'},
      {U'І', U'і'},
      {U'Ё', U'ё'},
      {U'A', U'a'},
      {U'İ', U'i'},  // U+0130 LATIN CAPITAL LETTER I WITH DOT ABOVE: simple mapping,
                     // one code point
      {U'7', U'7'},
      {U'қ', U'қ'},
  };
  for (const auto& c : cases) EXPECT_EQ(to_lower(c.upper), c.lower) << static_cast<int>(c.upper);
}

TEST(TextNormalizerTest, AsciiLowerLeavesOtherBytes) {
  EXPECT_EQ(ascii_lower("WWW.Site.KZ"), "www.site.kz");
  EXPECT_EQ(ascii_lower("ҚАЗ-Kz"), "ҚАЗ-kz");
}

TEST(TextNormalizerTest, CollapsesAllKindsOfWhiteSpace) {
  EXPECT_EQ(collapse_whitespace("  a\t\tb \r\n c\xC2\xA0\xC2\xA0"
                                "d\xE2\x80\xAF"
                                "e  "),
            "a b c d e");
  EXPECT_EQ(collapse_whitespace("\xEF\xBB\xBF"
                                "a\xE2\x80\x8B"
                                "b"),
            "ab");  // U+FEFF, U+200B
  EXPECT_EQ(collapse_whitespace(" \t\r\n"), "");
}

TEST(TextNormalizerTest, StripsOnlyALeadingBom) {
  EXPECT_EQ(strip_bom("\xEF\xBB\xBF"
                      "x"),
            "x");
  EXPECT_EQ(strip_bom("x\xEF\xBB\xBF"), "x\xEF\xBB\xBF");
  EXPECT_EQ(strip_bom("\xEF\xBB"), "\xEF\xBB");
}

}  // namespace
}  // namespace izdeu::analyzers
