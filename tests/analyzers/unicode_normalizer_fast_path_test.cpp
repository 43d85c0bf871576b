// UnicodeNormalizer skips ICU for words of ASCII and U+0400..U+04FF with a
// table filled from ICU. This test holds it to a straight ICU reference for
// every such code point alone, every pair, and every pair after a Cyrillic
// letter, plus the marks and letters the normalizer special-cases.

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

#include "analyzers/filters/unicode_normalizer.h"
#include "analyzers/utf8.h"

namespace izdeu::analyzers {
namespace {

// NFKC_Casefold by ICU, then the normalizer's documented post-processing:
// U+0130 LATIN CAPITAL LETTER I WITH DOT ABOVE pre-mapped to i; stress marks
// U+0300/U+0301 removed; ё (U+0451) and the composed U+0450/U+045D unfolded to
// е/и; U+04CA ӊ to U+04A3 ң; U+0259 ə to U+04D9 ә inside Cyrillic words.
std::string reference(const std::u32string& code_points) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString source;
  bool cyrillic = false;
  for (char32_t c : code_points) {
    source.append(static_cast<UChar32>(c == 0x130 ? U'i' : c));
    cyrillic |= (c >= 0x400 && c <= 0x52F);
  }
  const icu::UnicodeString folded = normalizer->normalize(source, status);
  std::string out;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    switch (c) {
      case 0x301:
      case 0x300:
        continue;
      case 0x450:
      case 0x451:
        c = 0x435;
        break;
      case 0x45D:
        c = 0x438;
        break;
      case 0x4CA:
        c = 0x4A3;
        break;
      case 0x259:
        if (cyrillic) c = 0x4D9;
        break;
      default:
        break;
    }
    append_utf8(out, static_cast<char32_t>(c));
  }
  return out;
}

TEST(UnicodeNormalizerFastPathTest, AgreesWithIcuOnEveryPairOfTableCodePoints) {
  std::vector<char32_t> code_points;
  for (char32_t c = 1; c < 0x80; ++c) code_points.push_back(c);
  for (char32_t c = 0x400; c <= 0x4FF; ++c) code_points.push_back(c);
  for (char32_t c : {0x300, 0x301, 0x306, 0x308, 0x259, 0x18F, 0x130, 0xE9}) {
    code_points.push_back(c);
  }
  long checked = 0;
  long mismatches = 0;
  auto check = [&](const std::u32string& word) {
    std::string utf8;
    for (char32_t c : word) append_utf8(utf8, c);
    ++checked;
    if (UnicodeNormalizer::normalize(utf8) != reference(word) && ++mismatches <= 10) {
      ADD_FAILURE() << "differs from ICU for U+" << std::hex << static_cast<unsigned>(word[0])
                    << (word.size() > 1 ? " U+" : "")
                    << (word.size() > 1 ? static_cast<unsigned>(word[1]) : 0u);
    }
  };
  for (char32_t a : code_points) {
    check({a});
    for (char32_t b : code_points) {
      check({a, b});
      check({U'к', a, b});
    }
  }
  EXPECT_EQ(mismatches, 0);
  EXPECT_GT(checked, 300000);
}

}  // namespace
}  // namespace izdeu::analyzers
