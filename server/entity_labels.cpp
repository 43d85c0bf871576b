#include "server/entity_labels.h"

#include "analyzers/utf8.h"

namespace izdeu::server {
namespace {

// Upper case of the lower-case letters a person key can hold. Keys are
// normalized lower case, so only these ranges occur:
// - U+0061..U+007A LATIN SMALL LETTER A..Z -> U+0041..U+005A;
// - U+0430..U+044F CYRILLIC SMALL LETTER A..YA -> U+0410..U+042F;
// - U+0450..U+045F (ѐ ё ђ … џ, and U+0456 CYRILLIC SMALL LETTER
//   BYELORUSSIAN-UKRAINIAN I, Kazakh і) -> U+0400..U+040F;
// - U+048A..U+04BF and U+04D0..U+04FF, where the capital is the even code
//   point and the small letter the odd one after it: Kazakh ғ (U+0493),
//   қ (U+049B), ң (U+04A3), ү (U+04AF), ұ (U+04B1), һ (U+04BB), ә (U+04D9),
//   ө (U+04E9);
// - U+04C1..U+04CE, where the capital is odd and the small letter even.
char32_t to_upper(char32_t c) {
  if (c >= U'a' && c <= U'z') return c - 0x20;
  if (c >= 0x0430 && c <= 0x044F) return c - 0x20;
  if (c >= 0x0450 && c <= 0x045F) return c - 0x50;
  if ((c >= 0x048A && c <= 0x04BF) || (c >= 0x04D0 && c <= 0x04FF)) return (c % 2 == 1) ? c - 1 : c;
  if (c >= 0x04C1 && c <= 0x04CE) return (c % 2 == 0) ? c - 1 : c;
  return c;
}

nlohmann::json same_in_both(std::string_view name) {
  return {{"ru", std::string(name)}, {"kk", std::string(name)}};
}

}  // namespace

nlohmann::json region_label(std::string_view id) { return same_in_both(id); }

nlohmann::json topic_label(std::string_view id) { return same_in_both(id); }

std::string person_display_name(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  bool word_start = true;
  analyzers::for_each_code_point(key, [&](char32_t c, std::size_t, std::size_t) {
    analyzers::append_utf8(out, word_start ? to_upper(c) : c);
    word_start = c == U' ' || c == U'-';
  });
  return out;
}

}  // namespace izdeu::server
