#pragma once
// Cheap per-code-point script tests shared by the filters (no ICU calls).

#include <cstddef>
#include <string_view>

namespace izdeu::analyzers {

/// True for the Cyrillic blocks U+0400..U+052F (basic, extended and supplement:
/// every Kazakh and Russian letter).
constexpr bool is_cyrillic(char32_t c) { return c >= 0x0400 && c <= 0x052F; }

/// True for Latin letters: ASCII A-Z a-z, Latin-1 letters, Latin Extended-A/B,
/// IPA (U+0250..U+02AF: the schwa U+0259) and Latin Extended Additional.
constexpr bool is_latin_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) ||
         (c >= 0x0250 && c <= 0x02AF) || (c >= 0x1E00 && c <= 0x1EFF);
}

/// True when every byte of `text` is ASCII.
constexpr bool is_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

/// The kind of word a token is, deciding which stemmer (if any) applies.
enum class WordScript {
  kCyrillic,  ///< has at least one Cyrillic letter
  kLatin,     ///< has Latin letters and no Cyrillic ones
  kNumber,    ///< no letters at all (digits, "1,5", "01.07.2021")
  kOther,     ///< letters of other scripts only (Arabic, CJK, ...)
};

/// Classifies a UTF-8 word; invalid bytes count as "other" letters.
WordScript word_script(std::string_view utf8_word);

}  // namespace izdeu::analyzers
