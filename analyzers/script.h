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

/// True for the nine letters of the Kazakh Cyrillic alphabet that Russian
/// lacks, both cases: U+04D8/U+04D9 ә, U+0492/U+0493 ғ, U+049A/U+049B қ,
/// U+04A2/U+04A3 ң, U+04E8/U+04E9 ө, U+04B0/U+04B1 ұ, U+04AE/U+04AF ү,
/// U+04BA/U+04BB һ, U+0406/U+0456 і (the same code point as Ukrainian і).
constexpr bool is_kazakh_letter(char32_t c) {
  switch (c) {
    case 0x04D8:
    case 0x04D9:
    case 0x0492:
    case 0x0493:
    case 0x049A:
    case 0x049B:
    case 0x04A2:
    case 0x04A3:
    case 0x04E8:
    case 0x04E9:
    case 0x04B0:
    case 0x04B1:
    case 0x04AE:
    case 0x04AF:
    case 0x04BA:
    case 0x04BB:
    case 0x0406:
    case 0x0456:
      return true;
    default:
      return false;
  }
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

/// True when `kazakh_letter` holds for some code point of the word.
bool has_kazakh_letter(std::string_view utf8_word);

/// A word written in capitals, two to five letters of them («ООН», «ЕС»,
/// «ІІМ», «NATO»): an acronym. Longer words in capitals are words typed in
/// capitals («ТОКАЕВ»). `surface` is the text as written, not normalized.
bool is_acronym(std::string_view surface);
inline constexpr std::size_t kMaxAcronymLetters = 5;

/// The bytes of a Russian case ending written in lower case after an acronym
/// («МИДа», «МИДе», «ООНом», «СНГ» + «ов»): 0 when `surface` is not an acronym
/// (is_acronym) followed by one of а, у, е, ы, ом, ов, ам, ах, ами.
std::size_t acronym_ending_bytes(std::string_view surface);

}  // namespace izdeu::analyzers
