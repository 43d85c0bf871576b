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
// Frequent English function and question words. A Latin text needs several
// of them to be English: a name ("Tokayev"), an acronym or a query like "Astana Expo" has
// none and keeps the Cyrillic rules' answer.
constexpr std::array<std::string_view, 31> kEnglishFunctionWords = {
    "the", "of", "and", "to", "in", "is", "was", "for", "on", "with", "that", "by", "from", "this",
    "it", "were", "are", "has", "have", "will", "been", "which",
    // question words and auxiliaries: a typed question is short
    "what", "who", "how", "why", "when", "where", "did", "does", "do"};
// Kazakh function words as the Latin alphabets spell them without special
// letters ("jäne", "üşin" are caught by their letters). "men", "ben" are left
// out: they are English words too.
constexpr std::array<std::string_view, 11> kKazakhLatinFunctionWords = {
    "jane", "ushin", "turaly", "boiynsha", "bul", "osy", "dep", "jyly", "arqyly", "degen", "bolyp"};

// Letters of the Kazakh Latin alphabets (2021: ä ö ü ğ ş ñ ı ū; 2018: á ó ú ǵ
// ń ý) that English does not use, both cases. U+0131 LATIN SMALL LETTER
// DOTLESS I is the 2021 alphabet's "ы". Turkish and German text has some of
// them too; izdeu reads neither, so they count for Kazakh.
constexpr bool is_kazakh_latin_letter(char32_t c) {
  switch (c) {
    case 0x00C4:  // Ä
    case 0x00E4:
    case 0x00D6:  // Ö
    case 0x00F6:
    case 0x00DC:  // Ü
    case 0x00FC:
    case 0x011E:  // Ğ
    case 0x011F:
    case 0x015E:  // Ş
    case 0x015F:
    case 0x00D1:  // Ñ
    case 0x00F1:
    case 0x0131:  // ı
    case 0x016A:  // Ū
    case 0x016B:
    case 0x00C1:  // Á
    case 0x00E1:
    case 0x00D3:  // Ó
    case 0x00F3:
    case 0x00DA:  // Ú
    case 0x00FA:
    case 0x01F4:  // Ǵ
    case 0x01F5:
    case 0x0143:  // Ń
    case 0x0144:
    case 0x00DD:  // Ý
    case 0x00FD:
      return true;
    default:
      return false;
  }
}

constexpr bool is_apostrophe(char32_t c) { return c == U'\'' || c == 0x2019; }

// True when a Latin word (ASCII lower-cased, apostrophes kept as U+0027) uses
// the 2017 apostrophe alphabet: an apostrophe after a, o, u, g, n, c, i or y
// that does not begin an English contraction or possessive ('s 't 'd 'm 're
// 'll 've): "Respy'bli'kasy", "bu'gin", but not "don't",
// "Kazakhstan's", "you've".
bool has_kazakh_apostrophe(std::string_view word) {
  for (std::size_t i = 1; i < word.size(); ++i) {
    if (word[i] != '\'') continue;
    if (std::string_view("aougnciy").find(word[i - 1]) == std::string_view::npos) continue;
    if (i + 1 < word.size() &&
        std::string_view("stdmrlv").find(word[i + 1]) != std::string_view::npos) {
      continue;
    }
    return true;
  }
  return false;
}

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& words, std::string_view word) {
  for (std::string_view w : words) {
    if (w == word) return true;
  }
  return false;
}

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
  // Latin words, counted alongside: English, Kazakh in a Latin alphabet, or
  // (names, acronyms) neither.
  std::size_t latin_words = 0;
  std::size_t kazakh_latin_words = 0;  // with a Kazakh Latin letter or apostrophe
  std::size_t kazakh_latin_function_words = 0;
  std::size_t english_words = 0;
  std::string latin;
  bool latin_has_kazakh_letter = false;
  auto finish_latin = [&] {
    while (!latin.empty() && latin.back() == '\'') latin.pop_back();  // closing quote
    ++latin_words;
    kazakh_latin_words += latin_has_kazakh_letter || has_kazakh_apostrophe(latin);
    kazakh_latin_function_words += listed(kKazakhLatinFunctionWords, latin);
    english_words += listed(kEnglishFunctionWords, latin);
    latin.clear();
    latin_has_kazakh_letter = false;
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
    if (is_latin_letter(c)) {
      latin_has_kazakh_letter = latin_has_kazakh_letter || is_kazakh_latin_letter(c);
      append_utf8(latin, (c >= 'A' && c <= 'Z') ? c + 0x20 : c);
    } else if (!latin.empty() && is_apostrophe(c)) {
      latin += '\'';  // inside the word: "don't", "bu'gin"
    } else if (!latin.empty()) {
      finish_latin();
    }
  });
  if (!word.empty()) finish_word();
  if (!latin.empty()) finish_latin();
  // Mostly Latin words: Kazakh by its letters or function words, English by
  // its function words. Without that evidence the Cyrillic rules below decide
  // (Russian, for a text with no Cyrillic word).
  if (latin_words > cyrillic_words) {
    const bool kazakh_letters =
        kazakh_latin_words >= 2 && kazakh_latin_words * 100 >= latin_words * 15;
    const bool kazakh_function_words =
        kazakh_latin_function_words >= 2 && kazakh_latin_function_words > english_words;
    if (kazakh_letters || kazakh_function_words) return Language::kKazakh;
    if (english_words >= 2 && english_words * 10 >= latin_words) return Language::kEnglish;
  }
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
