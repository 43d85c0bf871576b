#include "analyzers/filters/unicode_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstdint>
#include <limits>

#include "analyzers/script.h"
#include "analyzers/utf8.h"

namespace izdeu::analyzers {
namespace {

// ICU owns the instance; normalize() on it is thread-safe. Null only if the
// ICU data is missing, in which case words are merely lower-cased (ASCII).
const icu::Normalizer2* nfkc_casefold() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

void ascii_lower(std::string& word) {
  for (char& c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

}  // namespace

std::string UnicodeNormalizer::normalize(std::string_view word) {
  std::string out(word);
  // ASCII words are the only ones NFKC_Casefold maps to plain lower case, and
  // they are common enough (numbers, Latin names) to deserve skipping ICU.
  if (is_ascii(word)) {
    ascii_lower(out);
    return out;
  }
  const icu::Normalizer2* normalizer = nfkc_casefold();
  // ICU lengths are 32-bit; a word that long is junk the LengthFilter drops anyway.
  if (normalizer == nullptr || word.size() >= std::numeric_limits<std::int32_t>::max() / 2) {
    ascii_lower(out);
    return out;
  }

  // Reused per thread, so a token costs no allocation once they have grown.
  thread_local icu::UnicodeString source;
  thread_local icu::UnicodeString folded;
  UErrorCode status = U_ZERO_ERROR;
  {
    // Decode straight into the reused buffer; invalid bytes become U+FFFD.
    const auto capacity = static_cast<std::int32_t>(word.size()) + 1;
    char16_t* buffer = source.getBuffer(capacity);
    if (buffer == nullptr) return out;  // out of memory: keep the word as it is
    std::int32_t length = 0;
    u_strFromUTF8WithSub(buffer, capacity, &length, word.data(),
                         static_cast<std::int32_t>(word.size()), 0xFFFD, nullptr, &status);
    source.releaseBuffer(U_SUCCESS(status) ? length : 0);
  }
  bool has_cyrillic = false;
  for (std::int32_t i = 0; i < source.length(); ++i) {
    const char16_t c = source.charAt(i);
    // U+0130 LATIN CAPITAL LETTER I WITH DOT ABOVE: case folding would give
    // "i" + U+0307 COMBINING DOT ABOVE, which matches nothing a user types.
    if (c == 0x0130) source.setCharAt(i, u'i');
    has_cyrillic = has_cyrillic || is_cyrillic(c);
  }
  normalizer->normalize(source, folded, status);
  if (U_FAILURE(status)) {
    ascii_lower(out);
    return out;
  }

  out.clear();
  const char16_t* units = folded.getBuffer();
  const auto length = folded.length();
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U16_NEXT(units, i, length, c);
    switch (c) {
      case 0x0301:  // U+0301 COMBINING ACUTE ACCENT: Russian stress mark
      case 0x0300:  // U+0300 COMBINING GRAVE ACCENT: secondary stress mark
        // After NFKC, Latin "é" is precomposed, so only marks on letters without
        // a precomposed form (Cyrillic vowels) are still separate and removed here;
        // the two Cyrillic vowels NFKC does compose with U+0300 are unfolded below.
        continue;
      case 0x0450:   // U+0450 CYRILLIC SMALL LETTER IE WITH GRAVE: NFKC composed е + U+0300
        c = 0x0435;  // U+0435 CYRILLIC SMALL LETTER IE
        break;
      case 0x0451:   // U+0451 CYRILLIC SMALL LETTER IO (folded from U+0401): Russian writing
        c = 0x0435;  // mostly omits the dots, so ё -> U+0435 CYRILLIC SMALL LETTER IE
        break;
      case 0x045D:   // U+045D CYRILLIC SMALL LETTER I WITH GRAVE: NFKC composed и + U+0300
        c = 0x0438;  // U+0438 CYRILLIC SMALL LETTER I
        break;
      case 0x04CA:   // U+04CA CYRILLIC SMALL LETTER EN WITH TAIL (Khanty), used for ң
        c = 0x04A3;  // U+04A3 CYRILLIC SMALL LETTER EN WITH DESCENDER
        break;
      case 0x0259:  // U+0259 LATIN SMALL LETTER SCHWA (folded from U+018F), used for ә
        // Only inside Cyrillic words: "Əliyev" is Azerbaijani Latin and stays.
        if (has_cyrillic) c = 0x04D9;  // U+04D9 CYRILLIC SMALL LETTER SCHWA
        break;
      default:
        break;
    }
    append_utf8(out, static_cast<char32_t>(c));
  }
  return out;
}

void UnicodeNormalizer::apply(std::vector<Token>& tokens) const {
  for (Token& token : tokens) {
    token.text = normalize(token.text);
    for (Alias& alias : token.aliases) alias.text = normalize(alias.text);
    std::erase_if(token.aliases, [](const Alias& alias) { return alias.text.empty(); });
  }
  std::erase_if(tokens, [](const Token& token) { return token.text.empty(); });
}

}  // namespace izdeu::analyzers
