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
char32_t decode_utf8(std::string_view text, std::size_t& i);

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

/// `text` with every invalid sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view text);

}  // namespace izdeu::analyzers
