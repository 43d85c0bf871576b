#include "analyzers/filters/yo_folder.h"

namespace izdeu::analyzers {

void YoFolder::fold(std::string& word) {
  // U+0451 CYRILLIC SMALL LETTER IO is D1 91 and U+0435 CYRILLIC SMALL LETTER IE
  // is D0 B5; U+0401 CAPITAL IO (D0 81) -> U+0415 CAPITAL IE (D0 95). A byte
  // scan is enough: 0xD1/0xD0 never occur inside another character's sequence.
  //
  // The scan reads through a local pointer and size and writes only on a hit:
  // stores through `word` would otherwise make the compiler reload its size
  // and data on every byte (a char store may alias anything). Nearly every
  // word has no ё, so the loop normally never writes.
  char* data = word.data();
  const std::size_t n = word.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const auto lead = static_cast<unsigned char>(data[i]);
    if (lead != 0xD0 && lead != 0xD1) continue;
    const auto trail = static_cast<unsigned char>(data[i + 1]);
    if (lead == 0xD1 && trail == 0x91) {
      data[i] = static_cast<char>(0xD0);
      data[i + 1] = static_cast<char>(0xB5);
      ++i;
    } else if (lead == 0xD0 && trail == 0x81) {
      data[i + 1] = static_cast<char>(0x95);
      ++i;
    }
  }
}

void YoFolder::apply(std::vector<Token>& tokens) const {
  for (Token& token : tokens) fold(token.text);
}

}  // namespace izdeu::analyzers
