#pragma once
// Minimal UTF-8 helpers for the hot paths that do not need ICU.

#include <cstddef>
#include <string>
#include <string_view>

namespace izdeu::analyzers {

/// U+FFFD, produced for every byte that does not start a valid sequence.
inline constexpr char32_t kReplacementCharacter = 0xFFFD;

/// Decodes one code point at `i`; advances `i` past it. Invalid or truncated
/// sequences, overlongs and surrogates decode as U+FFFD and advance by one byte.
/// Inline: every filter calls it per character, and the call cost more than
/// the ASCII and two-byte cases it nearly always takes.
inline char32_t decode_utf8(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  // Two-byte fast path (Cyrillic). 0xC0 and 0xC1 would be overlong: left to
  // the general code below, which rejects them.
  if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < text.size() && (byte(i + 1) & 0xC0) == 0x80) {
    const char32_t c = (static_cast<char32_t>(b0 & 0x1F) << 6) | (byte(i + 1) & 0x3F);
    i += 2;
    return c;
  }
  std::size_t length = 0;
  char32_t c = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2, c = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, c = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return kReplacementCharacter;
  }
  if (i + length > text.size()) {
    ++i;
    return kReplacementCharacter;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kReplacementCharacter;
    }
    c = (c << 6) | (b & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++i;
    return kReplacementCharacter;
  }
  i += length;
  return c;
}

/// Appends the UTF-8 encoding of `c` (U+FFFD if `c` is not a scalar value).
void append_utf8(std::string& out, char32_t c);

/// Calls f(code_point, byte_begin, byte_end) for every code point of `text`.
template <typename F>
void for_each_code_point(std::string_view text, F&& f) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t begin = i;
    const char32_t c = decode_utf8(text, i);
    f(c, begin, i);
  }
}

/// Number of code points in valid UTF-8 `text` (bytes that are not
/// continuation bytes).
inline std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

/// `text` with every invalid sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view text);

}  // namespace izdeu::analyzers
