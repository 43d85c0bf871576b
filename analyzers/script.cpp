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

namespace {

bool is_letter(char32_t c) { return is_cyrillic(c) || is_latin_letter(c); }

}  // namespace

bool has_kazakh_letter(std::string_view utf8_word) {
  bool found = false;
  for_each_code_point(utf8_word, [&](char32_t c, std::size_t, std::size_t) {
    found = found || is_kazakh_letter(c);
  });
  return found;
}

std::size_t acronym_ending_bytes(std::string_view surface) {
  // Russian declines an acronym read as a word (МИД, вуз) with the ending in
  // lower case: «заявление МИДа», «в МИДе». The endings are the noun case
  // endings of the masculine hard declension, singular and plural.
  static constexpr std::string_view kEndings[] = {"ами", "ом", "ов", "ам", "ах",
                                                  "а",   "у",  "е",  "ы"};
  for (const std::string_view ending : kEndings) {
    if (surface.size() > ending.size() && surface.ends_with(ending) &&
        is_acronym(surface.substr(0, surface.size() - ending.size()))) {
      return ending.size();
    }
  }
  return 0;
}

bool is_acronym(std::string_view surface) {
  std::size_t letters = 0;
  bool all_upper = true;
  for_each_code_point(surface, [&](char32_t c, std::size_t, std::size_t) {
    if (!is_letter(c)) return;
    ++letters;
    all_upper = all_upper && u_isupper(static_cast<UChar32>(c));
  });
  return all_upper && letters >= 2 && letters <= kMaxAcronymLetters;
}

}  // namespace izdeu::analyzers
