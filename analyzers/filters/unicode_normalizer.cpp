#include "analyzers/filters/unicode_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
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

void ascii_lower_in_place(std::string& word) {
  for (char& c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

// The fast path for words of ASCII and the Cyrillic block U+0400..U+04FF
// (nearly every Kazakh and Russian word): the full normalize() below, done by
// a table of what it gives for each single code point.
//
// Why a table is exact: the table only holds code points that, for ICU's
// NFKC_Casefold, have a normalization boundary before them (no combining marks
// such as U+0483..U+0489, nothing that composes with what precedes it). By the
// definition of hasBoundaryBefore(), normalize(a + c + b) = normalize(a) +
// normalize(c + b) for such c, so the normalization of a word made only of
// such code points is the concatenation of their single normalizations. The table is filled from
// ICU itself at first use, with the post-processing of normalize() applied to
// each result, so it cannot drift from the ICU data the slow path uses. Code
// points whose result is not one code point in the table's own ranges (or that
// the post-processing treats by context, like U+0259) are left out: words with
// them take the ICU path.
struct FastFold {
  // Result per code point, 0 = not in the table. Index: code point for
  // U+0000..U+007F, 0x80 + (code point - 0x400) for U+0400..U+04FF.
  std::array<char16_t, 0x80 + 0x100> result{};
  bool usable = false;
};

// The post-processing of normalize() for one code point of the folded text;
// -1 when the code point is removed (stress marks).
UChar32 post_process(UChar32 c, bool has_cyrillic);

const FastFold& fast_fold() {
  static const FastFold table = [] {
    FastFold t;
    const icu::Normalizer2* normalizer = nfkc_casefold();
    if (normalizer == nullptr) return t;  // no ICU data: the slow path handles it
    const auto fill = [&](UChar32 c, std::size_t index) {
      if (c == 0) return;  // NUL: keep it on the slow path, 0 marks "absent"
      if (!normalizer->hasBoundaryBefore(c)) return;
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString folded = normalizer->normalize(icu::UnicodeString(c), status);
      if (U_FAILURE(status) || folded.length() != 1) return;
      const UChar32 f = folded.char32At(0);
      const UChar32 out = post_process(f, is_cyrillic(static_cast<char32_t>(c)));
      // The post-processing of this one code point must not depend on the
      // rest of the word (U+0259 does, through has_cyrillic).
      if (out != post_process(f, !is_cyrillic(static_cast<char32_t>(c)))) return;
      if (out < 0x01 || (out >= 0x80 && (out < 0x400 || out > 0x4FF))) return;
      t.result[index] = static_cast<char16_t>(out);
    };
    for (UChar32 c = 0; c < 0x80; ++c) fill(c, static_cast<std::size_t>(c));
    for (UChar32 c = 0x400; c <= 0x4FF; ++c) fill(c, static_cast<std::size_t>(0x80 + c - 0x400));
    t.usable = true;
    return t;
  }();
  return table;
}

// normalize() by the table, written to `dest` (room for word.size() bytes:
// every table result has the UTF-8 length of its input, so that is also the
// output length); false if some code point of `word` is not in the table, in
// which case `dest` holds garbage. `dest` may be word.data(): each character
// is read before its own bytes are written, and no other bytes are touched.
bool normalize_fast(std::string_view word, char* dest) {
  const FastFold& table = fast_fold();
  if (!table.usable) return false;
  const std::size_t n = word.size();
  for (std::size_t i = 0; i < n;) {
    const auto b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      const char16_t r = table.result[b];
      if (r == 0) return false;
      dest[i] = static_cast<char>(r);
      ++i;
      continue;
    }
    // U+0400..U+04FF is 0xD0..0xD3 followed by one continuation byte.
    if (b < 0xD0 || b > 0xD3 || i + 1 >= n) return false;
    const auto trail = static_cast<unsigned char>(word[i + 1]);
    if ((trail & 0xC0) != 0x80) return false;
    const char16_t r = table.result[0x80 + (((b & 0x1Fu) << 6) | (trail & 0x3Fu)) - 0x400u];
    if (r < 0x400) return false;  // absent, or would change the UTF-8 length
    dest[i] = static_cast<char>(0xC0 | (r >> 6));
    dest[i + 1] = static_cast<char>(0x80 | (r & 0x3F));
    i += 2;
  }
  return true;
}

// normalize(word), in place when the table path applies (no allocation, no
// copy: the common case in apply()).
void normalize_in_place(std::string& word) {
  // Normalize into a scratch buffer first: on failure part way, `word` must
  // still be the original for the ICU path.
  constexpr std::size_t kStack = 256;
  if (is_ascii(word)) {  // what normalize() does for ASCII
    ascii_lower_in_place(word);
    return;
  }
  if (word.size() <= kStack) {
    char buffer[kStack];
    if (normalize_fast(word, buffer)) {
      std::memcpy(word.data(), buffer, word.size());
      return;
    }
  }
  word = UnicodeNormalizer::normalize(word);
}

UChar32 post_process(UChar32 c, bool has_cyrillic) {
  switch (c) {
    case 0x0301:  // U+0301 COMBINING ACUTE ACCENT: Russian stress mark
    case 0x0300:  // U+0300 COMBINING GRAVE ACCENT: secondary stress mark
      // After NFKC, Latin "é" is precomposed, so only marks on letters without
      // a precomposed form (Cyrillic vowels) are still separate and removed here;
      // the two Cyrillic vowels NFKC does compose with U+0300 are unfolded below.
      return -1;
    case 0x0450:      // U+0450 CYRILLIC SMALL LETTER IE WITH GRAVE: NFKC composed е + U+0300
      return 0x0435;  // U+0435 CYRILLIC SMALL LETTER IE
    case 0x0451:      // U+0451 CYRILLIC SMALL LETTER IO (folded from U+0401): Russian writing
      return 0x0435;  // mostly omits the dots, so ё -> U+0435 CYRILLIC SMALL LETTER IE
    case 0x045D:      // U+045D CYRILLIC SMALL LETTER I WITH GRAVE: NFKC composed и + U+0300
      return 0x0438;  // U+0438 CYRILLIC SMALL LETTER I
    case 0x04CA:      // U+04CA CYRILLIC SMALL LETTER EN WITH TAIL (Khanty), used for ң
      return 0x04A3;  // U+04A3 CYRILLIC SMALL LETTER EN WITH DESCENDER
    case 0x0259:      // U+0259 LATIN SMALL LETTER SCHWA (folded from U+018F), used for ә
      // Only inside Cyrillic words: "Əliyev" is Azerbaijani Latin and stays.
      return has_cyrillic ? 0x04D9 : c;  // U+04D9 CYRILLIC SMALL LETTER SCHWA
    default:
      return c;
  }
}

}  // namespace

std::string UnicodeNormalizer::normalize(std::string_view word) {
  std::string out(word);
  // ASCII words are the only ones NFKC_Casefold maps to plain lower case, and
  // they are common enough (numbers, Latin names) to deserve skipping ICU.
  if (is_ascii(word)) {
    ascii_lower_in_place(out);
    return out;
  }
  if (normalize_fast(word, out.data())) return out;
  out.assign(word);
  const icu::Normalizer2* normalizer = nfkc_casefold();
  // ICU lengths are 32-bit; a word that long is junk the LengthFilter drops anyway.
  if (normalizer == nullptr || word.size() >= std::numeric_limits<std::int32_t>::max() / 2) {
    ascii_lower_in_place(out);
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
    ascii_lower_in_place(out);
    return out;
  }

  out.clear();
  const char16_t* units = folded.getBuffer();
  const auto length = folded.length();
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U16_NEXT(units, i, length, c);
    c = post_process(c, has_cyrillic);
    if (c < 0) continue;  // a stress mark
    append_utf8(out, static_cast<char32_t>(c));
  }
  return out;
}

void UnicodeNormalizer::apply(std::vector<Token>& tokens) const {
  for (Token& token : tokens) {
    normalize_in_place(token.text);
    for (Alias& alias : token.aliases) normalize_in_place(alias.text);
    std::erase_if(token.aliases, [](const Alias& alias) { return alias.text.empty(); });
  }
  std::erase_if(tokens, [](const Token& token) { return token.text.empty(); });
}

}  // namespace izdeu::analyzers
