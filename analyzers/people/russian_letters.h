#pragma once
// Letter tests for declining Russian names, shared by the first-name lexicon
// and the surname rules. Words are lower-case UTF-8; every letter tested is
// two-byte Cyrillic, so suffix tests compare bytes.

#include <string_view>

namespace izdeu::analyzers {

/// Whether `word` ends with the bytes of `ending`.
inline bool ends_with(std::string_view word, std::string_view ending) {
  return word.size() >= ending.size() && word.substr(word.size() - ending.size()) == ending;
}

/// The last letter of `word` (a whole UTF-8 sequence), or empty.
inline std::string_view last_letter(std::string_view word) {
  std::size_t i = word.size();
  while (i > 0 && (static_cast<unsigned char>(word[i - 1]) & 0xC0) == 0x80) --i;
  if (i > 0) --i;
  return word.substr(i);
}

/// A Russian vowel letter (а е и о у ы э ю я).
inline bool is_vowel(std::string_view letter) {
  for (std::string_view v : {"а", "е", "и", "о", "у", "ы", "э", "ю", "я"}) {
    if (letter == v) return true;
  }
  return false;
}

/// ж ш ч щ ц: after them Russian writes -ем/-ей where others take -ом/-ой,
/// and и where others take ы.
inline bool is_hushing(std::string_view letter) {
  for (std::string_view h : {"ж", "ш", "ч", "щ", "ц"}) {
    if (letter == h) return true;
  }
  return false;
}

/// Letters after which Russian writes и, never ы: г к х and the hushing ones.
inline bool takes_i(std::string_view letter) {
  return letter == "г" || letter == "к" || letter == "х" || is_hushing(letter);
}

}  // namespace izdeu::analyzers
