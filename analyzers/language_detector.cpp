#include "analyzers/language_detector.h"

#include <array>
#include <string>

#include "analyzers/script.h"
#include "analyzers/utf8.h"

namespace izdeu::analyzers {
namespace {

// Frequent Kazakh function words written with Russian letters only, so that
// text typed without Kazakh letters (a Russian keyboard) is still recognized.
constexpr std::array<std::string_view, 14> kKazakhFunctionWords = {
    "мен",     "бен",  "пен", "жане", "бул",    "ушин",     "деп",
    "бойынша", "жылы", "осы", "сол",  "туралы", "арасында", "кезинде"};
constexpr std::array<std::string_view, 14> kRussianFunctionWords = {
    "и", "в", "на", "что", "не", "с", "по", "для", "это", "как", "из", "от", "который", "также"};

}  // namespace

bool is_kazakh_word(std::string_view utf8_word) {
  // Branch-free pre-check: every Kazakh-only letter is encoded as 0xD2 or 0xD3
  // followed by a trail byte, or (і, І) as D1 96 / D0 86, so a word with no
  // byte 0xD2, 0xD3, 0x96 or 0x86 has none. Most Russian words fail it.
  unsigned candidate = 0;
  for (char ch : utf8_word) {
    const auto b = static_cast<unsigned char>(ch);
    candidate |= static_cast<unsigned>((b & 0xFE) == 0xD2) | static_cast<unsigned>(b == 0x96) |
                 static_cast<unsigned>(b == 0x86);
  }
  if (candidate == 0) return false;
  bool found = false;
  for_each_code_point(utf8_word, [&](char32_t c, std::size_t, std::size_t) {
    if (is_kazakh_letter(c)) found = true;
  });
  return found;
}

Language detect_language(std::string_view utf8_text, std::size_t max_bytes) {
  if (utf8_text.size() > max_bytes) utf8_text = utf8_text.substr(0, max_bytes);
  // Counted per word, not per letter: a Russian article quoting «Мәңгілік ел»
  // has few Kazakh words but, in a short text, a letter share like Kazakh's.
  std::size_t cyrillic_words = 0;
  std::size_t kazakh_letter_words = 0;
  std::size_t kazakh_words = 0;
  std::size_t russian_words = 0;
  std::string word;
  bool word_has_kazakh_letter = false;
  auto finish_word = [&] {
    ++cyrillic_words;
    kazakh_letter_words += word_has_kazakh_letter;
    for (auto w : kKazakhFunctionWords) kazakh_words += (word == w);
    for (auto w : kRussianFunctionWords) russian_words += (word == w);
    word.clear();
    word_has_kazakh_letter = false;
  };
  for_each_code_point(utf8_text, [&](char32_t c, std::size_t, std::size_t) {
    if (is_cyrillic(c)) {
      word_has_kazakh_letter = word_has_kazakh_letter || is_kazakh_letter(c);
      // Lower-case the basic Cyrillic block (U+0410..U+042F -> U+0430..U+044F) for word lookup.
      char32_t lower = (c >= 0x0410 && c <= 0x042F) ? c + 0x20 : c;
      append_utf8(word, lower);
    } else if (!word.empty()) {
      finish_word();
    }
  });
  if (!word.empty()) finish_word();
  if (cyrillic_words == 0) return Language::kRussian;
  // In Kazakh prose 30-60 % of the words have a Kazakh-only letter; in Russian
  // text only quoted names and phrases do. In between, function words decide.
  const double share =
      static_cast<double>(kazakh_letter_words) / static_cast<double>(cyrillic_words);
  if (share >= 0.3) return Language::kKazakh;
  if (share >= 0.08) return russian_words > kazakh_words ? Language::kRussian : Language::kKazakh;
  // Almost no Kazakh letters: Russian, unless Kazakh function words typed on a
  // Russian keyboard dominate.
  return kazakh_words > 2 * russian_words + 2 ? Language::kKazakh : Language::kRussian;
}

}  // namespace izdeu::analyzers
