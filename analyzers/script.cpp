#include "analyzers/script.h"

#include <unicode/uchar.h>

#include "analyzers/utf8.h"

namespace izdeu::analyzers {

WordScript word_script(std::string_view utf8_word) {
  bool latin = false;
  bool other = false;
  std::size_t i = 0;
  while (i < utf8_word.size()) {
    const auto byte = static_cast<unsigned char>(utf8_word[i]);
    if (byte < 0x80) {
      // ASCII fast path: only letters matter, digits and punctuation do not.
      latin = latin || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
      ++i;
      continue;
    }
    const char32_t c = decode_utf8(utf8_word, i);
    if (is_cyrillic(c)) return WordScript::kCyrillic;
    if (is_latin_letter(c)) {
      latin = true;
    } else if (u_isalpha(static_cast<UChar32>(c))) {
      other = true;
    }
  }
  if (latin) return WordScript::kLatin;
  return other ? WordScript::kOther : WordScript::kNumber;
}

}  // namespace izdeu::analyzers
