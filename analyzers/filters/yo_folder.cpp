#include "analyzers/filters/yo_folder.h"

namespace izdeu::analyzers {

void YoFolder::fold(std::string& word) {
  // U+0451 CYRILLIC SMALL LETTER IO is D1 91 and U+0435 CYRILLIC SMALL LETTER IE
  // is D0 B5; U+0401 CAPITAL IO (D0 81) -> U+0415 CAPITAL IE (D0 95). A byte
  // scan is enough: 0xD1/0xD0 never occur inside another character's sequence.
  //
  // First a branch-free scan for either pair: data-dependent branches on every
  // byte of Cyrillic text (lead, trail, lead, ...) mispredict constantly, and
  // nearly every word has no ё (UnicodeNormalizer has already folded it).
  const char* data = word.data();
  const std::size_t n = word.size();
  unsigned found = 0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const auto lead = static_cast<unsigned char>(data[i]);
    const auto trail = static_cast<unsigned char>(data[i + 1]);
    found |= static_cast<unsigned>(lead == 0xD1) & static_cast<unsigned>(trail == 0x91);
    found |= static_cast<unsigned>(lead == 0xD0) & static_cast<unsigned>(trail == 0x81);
  }
  if (found == 0) return;
  for (std::size_t i = 0; i + 1 < word.size(); ++i) {
    const auto lead = static_cast<unsigned char>(word[i]);
    const auto trail = static_cast<unsigned char>(word[i + 1]);
    if (lead == 0xD1 && trail == 0x91) {
      word[i] = static_cast<char>(0xD0);
      word[i + 1] = static_cast<char>(0xB5);
      ++i;
    } else if (lead == 0xD0 && trail == 0x81) {
      word[i + 1] = static_cast<char>(0x95);
      ++i;
    }
  }
}

void YoFolder::apply(std::vector<Token>& tokens) const {
  for (Token& token : tokens) fold(token.text);
}

}  // namespace izdeu::analyzers
