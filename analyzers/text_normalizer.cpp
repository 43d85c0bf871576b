#include "analyzers/text_normalizer.h"

#include <unicode/uchar.h>

#include "analyzers/utf8.h"

namespace izdeu::analyzers {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t begin = i;
    const char32_t c = analyzers::decode_utf8(text, i);
    // decode_utf8 reports an invalid sequence as U+FFFD consumed in one byte;
    // a genuine U+FFFD REPLACEMENT CHARACTER in the text is three bytes long.
    if (c == analyzers::kReplacementCharacter && i - begin != 3) return begin;
  }
  return std::nullopt;
}

char32_t to_lower(char32_t c) {
  // u_tolower is the simple, locale-free mapping: no Turkish dotless-i
  // surprises, and one code point in, one code point out.
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::string to_lower_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  analyzers::for_each_code_point(text, [&](char32_t c, std::size_t, std::size_t) {
    analyzers::append_utf8(out, to_lower(c));
  });
  return out;
}

bool is_space_code_point(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0; }

bool is_invisible_code_point(char32_t c) {
  // U+FEFF ZERO WIDTH NO-BREAK SPACE survives as a stray byte order mark when
  // files are concatenated; U+200B ZERO WIDTH SPACE comes from copied web pages.
  return c == 0xFEFF || c == 0x200B;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  analyzers::for_each_code_point(text, [&](char32_t c, std::size_t, std::size_t) {
    if (is_invisible_code_point(c)) return;
    if (is_space_code_point(c)) {
      pending_space = !out.empty();
      return;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    analyzers::append_utf8(out, c);
  });
  return out;
}

std::string_view strip_bom(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  return text;
}

}  // namespace izdeu::analyzers
