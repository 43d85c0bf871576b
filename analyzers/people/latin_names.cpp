#include "analyzers/people/latin_names.h"

#include <algorithm>

#include "analyzers/utf8.h"

namespace izdeu::analyzers {
namespace {

enum class Style { kEnglish, kKazakh };

// Latin vowels as NameWord::folded keeps them: a e i o u y, U+0131 LATIN
// SMALL LETTER DOTLESS I, and the accented vowels of the Kazakh alphabets:
// U+00E4 ä, U+00F6 ö, U+00FC ü, U+016B ū, U+00E1 á, U+00F3 ó, U+00FA ú,
// U+00FD ý, U+00E9 é.
bool is_vowel(char32_t c) {
  switch (c) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
    case 0x0131:
    case 0x00E4:
    case 0x00F6:
    case 0x00FC:
    case 0x016B:
    case 0x00E1:
    case 0x00F3:
    case 0x00FA:
    case 0x00FD:
    case 0x00E9:
      return true;
    default:
      return false;
  }
}

// One Latin letter alone -> its folded Cyrillic letter(s); empty for a
// character that is not a Latin letter this table knows.
std::u32string single(char32_t c, Style style) {
  switch (c) {
    case 'a':
    case 0x00E4:
    case 0x00E1:
    case 0x00E0:
      return U"а";  // ä á à
    case 'b':
      return U"б";
    case 'c':
      return style == Style::kEnglish ? U"к" : U"ц";
    case 'd':
      return U"д";
    case 'e':
    case 0x00E9:
    case 0x00E8:
      return U"е";  // é è
    case 'f':
      return U"ф";
    case 'g':
    case 0x011F:
    case 0x01F5:
      return U"г";  // U+011F ğ, U+01F5 ǵ
    case 'h':
      return U"х";
    case 'j':
      return U"ж";
    case 'k':
    case 'q':
      return U"к";
    case 'l':
      return U"л";
    case 'm':
      return U"м";
    case 'n':
    case 0x00F1:
    case 0x0144:
      return U"н";  // U+00F1 ñ, U+0144 ń
    case 'o':
    case 0x00F6:
    case 0x00F3:
      return U"о";  // ö ó
    case 'p':
      return U"п";
    case 'r':
      return U"р";
    case 's':
      return U"с";
    case 0x015F:
      return U"ш";  // U+015F LATIN SMALL LETTER S WITH CEDILLA
    case 0x00E7:
      return U"ч";  // U+00E7 LATIN SMALL LETTER C WITH CEDILLA
    case 't':
      return U"т";
    case 'u':
    case 0x016B:
    case 0x00FC:
    case 0x00FA:
    case 0x00FD:
    case 0x00F9:
      return U"у";  // ū ü ú ý ù
    case 'v':
      return U"в";
    case 'w':
      return U"у";
    case 'x':
      return U"кс";
    case 'z':
      return U"з";
    default:
      return {};
  }
}

// 2017 apostrophe letters: a' g' n' o' u' y' s' c' i'.
std::u32string with_apostrophe(char32_t c) {
  switch (c) {
    case 'a':
      return U"а";
    case 'g':
      return U"г";
    case 'n':
      return U"н";
    case 'o':
      return U"о";
    case 'u':
    case 'y':
      return U"у";
    case 's':
      return U"ш";
    case 'c':
      return U"ч";
    case 'i':
      return U"и";
    default:
      return {};
  }
}

bool is_apostrophe(char32_t c) { return c == '\''; }

std::string read(const std::u32string& w, Style style) {
  std::u32string out;
  const std::size_t n = w.size();
  auto at = [&](std::size_t k) -> char32_t { return k < n ? w[k] : 0; };
  // A word start or a vowel before position k: where English writes an
  // iotated vowel as y + vowel.
  auto iotation_place = [&](std::size_t k) {
    return k == 0 || w[k - 1] == '-' || is_vowel(w[k - 1]);
  };
  for (std::size_t i = 0; i < n;) {
    const char32_t c = w[i];
    const char32_t next = at(i + 1);
    if (c == '-') {
      out += U'-';
      ++i;
      continue;
    }
    if (is_apostrophe(c)) {  // an apostrophe not after a 2017 letter: dropped
      ++i;
      continue;
    }
    if (is_apostrophe(next) && !with_apostrophe(c).empty()) {
      out += with_apostrophe(c);
      i += 2;
      continue;
    }
    if (c == 's' && next == 'h' && at(i + 2) == 'c' && at(i + 3) == 'h') {
      out += U"щ";
      i += 4;
      continue;
    }
    if (next == 'h' && (c == 's' || c == 'c' || c == 'z' || c == 'k')) {
      out += c == 's' ? U"ш" : c == 'c' ? U"ч" : c == 'z' ? U"ж" : U"х";
      i += 2;
      continue;
    }
    if (c == 't' && next == 's' && style == Style::kEnglish) {
      out += U"ц";
      i += 2;
      continue;
    }
    if (c == 'y' && style == Style::kEnglish) {
      if (iotation_place(i) && (next == 'a' || next == 'e' || next == 'u' || next == 'o')) {
        out += next == 'a' ? U"я" : next == 'u' ? U"ю" : U"е";
        i += 2;
        continue;
      }
      out += (i > 0 && is_vowel(w[i - 1]) && !is_vowel(next)) ? U"й" : U"ы";
      ++i;
      continue;
    }
    if (c == 'y') {  // Kazakh alphabets: ы
      out += U"ы";
      ++i;
      continue;
    }
    if (c == 'i' || c == 0x0131 || c == 0x00EC || c == 0x00ED) {  // i ı ì í
      if (style == Style::kKazakh && iotation_place(i) && (next == 'a' || next == 'u')) {
        out += next == 'a' ? U"я" : U"ю";  // 2021 loan spellings ia, iu
        i += 2;
        continue;
      }
      out += (i > 0 && is_vowel(w[i - 1]) && !is_vowel(next)) ? U"й" : U"и";
      ++i;
      continue;
    }
    const std::u32string letter = single(c, style);
    if (letter.empty()) return {};
    out += letter;
    ++i;
  }
  std::string utf8;
  for (char32_t c : out) append_utf8(utf8, c);
  return utf8;
}

std::u32string decode(std::string_view text) {
  std::u32string out;
  for_each_code_point(text, [&](char32_t c, std::size_t, std::size_t) { out += c; });
  return out;
}

// «kassym» -> «kasym»: English doubles a consonant Russian spells once.
std::u32string single_consonants(const std::u32string& w) {
  std::u32string out;
  for (char32_t c : w) {
    if (!out.empty() && out.back() == c && !is_vowel(c) && c != '-') continue;
    out += c;
  }
  return out;
}

}  // namespace

std::vector<std::string> latin_name_readings(std::string_view folded_latin) {
  const std::u32string word = decode(folded_latin);
  std::vector<std::string> out;
  auto add = [&](std::string reading) {
    if (!reading.empty() && std::find(out.begin(), out.end(), reading) == out.end()) {
      out.push_back(std::move(reading));
    }
  };
  const std::string english = read(word, Style::kEnglish);
  if (english.empty()) return {};
  add(english);
  add(read(word, Style::kKazakh));
  add(read(single_consonants(word), Style::kEnglish));
  return out;
}

std::string kazakh_latin_to_cyrillic(std::string_view folded_latin) {
  return read(decode(folded_latin), Style::kKazakh);
}

}  // namespace izdeu::analyzers
