#include "analyzers/filters/homoglyph_repairer.h"

#include <cstddef>

#include "analyzers/script.h"
#include "analyzers/utf8.h"

namespace izdeu::analyzers {
namespace {

// Latin letter -> the Cyrillic letter it imitates, or 0.
char32_t latin_to_cyrillic(char32_t c) {
  switch (c) {
    case U'a':
      return 0x0430;  // U+0061 -> U+0430 CYRILLIC SMALL LETTER A
    case U'c':
      return 0x0441;  // U+0063 -> U+0441 CYRILLIC SMALL LETTER ES
    case U'e':
      return 0x0435;  // U+0065 -> U+0435 CYRILLIC SMALL LETTER IE
    case U'o':
      return 0x043E;  // U+006F -> U+043E CYRILLIC SMALL LETTER O
    case U'p':
      return 0x0440;  // U+0070 -> U+0440 CYRILLIC SMALL LETTER ER
    case U'x':
      return 0x0445;  // U+0078 -> U+0445 CYRILLIC SMALL LETTER HA
    case U'y':
      return 0x0443;  // U+0079 -> U+0443 CYRILLIC SMALL LETTER U
    case U'i':
      return 0x0456;  // U+0069 -> U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
    case U'A':
      return 0x0410;  // U+0041 -> U+0410 CYRILLIC CAPITAL LETTER A
    case U'B':
      return 0x0412;  // U+0042 -> U+0412 CYRILLIC CAPITAL LETTER VE
    case U'C':
      return 0x0421;  // U+0043 -> U+0421 CYRILLIC CAPITAL LETTER ES
    case U'E':
      return 0x0415;  // U+0045 -> U+0415 CYRILLIC CAPITAL LETTER IE
    case U'H':
      return 0x041D;  // U+0048 -> U+041D CYRILLIC CAPITAL LETTER EN
    case U'I':
      return 0x0406;  // U+0049 -> U+0406 CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I
    case U'K':
      return 0x041A;  // U+004B -> U+041A CYRILLIC CAPITAL LETTER KA
    case U'M':
      return 0x041C;  // U+004D -> U+041C CYRILLIC CAPITAL LETTER EM
    case U'O':
      return 0x041E;  // U+004F -> U+041E CYRILLIC CAPITAL LETTER O
    case U'P':
      return 0x0420;  // U+0050 -> U+0420 CYRILLIC CAPITAL LETTER ER
    case U'T':
      return 0x0422;  // U+0054 -> U+0422 CYRILLIC CAPITAL LETTER TE
    case U'X':
      return 0x0425;  // U+0058 -> U+0425 CYRILLIC CAPITAL LETTER HA
    case U'Y':
      return 0x0423;  // U+0059 -> U+0423 CYRILLIC CAPITAL LETTER U
    default:
      return 0;
  }
}

// Cyrillic letter -> the Latin letter it imitates, or 0.
char32_t cyrillic_to_latin(char32_t c) {
  switch (c) {
    case 0x0430:
      return U'a';  // U+0430 CYRILLIC SMALL LETTER A
    case 0x0441:
      return U'c';  // U+0441 CYRILLIC SMALL LETTER ES
    case 0x0435:
      return U'e';  // U+0435 CYRILLIC SMALL LETTER IE
    case 0x043E:
      return U'o';  // U+043E CYRILLIC SMALL LETTER O
    case 0x0440:
      return U'p';  // U+0440 CYRILLIC SMALL LETTER ER
    case 0x0445:
      return U'x';  // U+0445 CYRILLIC SMALL LETTER HA
    case 0x0443:
      return U'y';  // U+0443 CYRILLIC SMALL LETTER U
    case 0x0456:
      return U'i';  // U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
    case 0x0410:
      return U'A';  // U+0410 CYRILLIC CAPITAL LETTER A
    case 0x0412:
      return U'B';  // U+0412 CYRILLIC CAPITAL LETTER VE
    case 0x0421:
      return U'C';  // U+0421 CYRILLIC CAPITAL LETTER ES
    case 0x0415:
      return U'E';  // U+0415 CYRILLIC CAPITAL LETTER IE
    case 0x041D:
      return U'H';  // U+041D CYRILLIC CAPITAL LETTER EN
    case 0x0406:
      return U'I';  // U+0406 CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I
    case 0x041A:
      return U'K';  // U+041A CYRILLIC CAPITAL LETTER KA
    case 0x041C:
      return U'M';  // U+041C CYRILLIC CAPITAL LETTER EM
    case 0x041E:
      return U'O';  // U+041E CYRILLIC CAPITAL LETTER O
    case 0x0420:
      return U'P';  // U+0420 CYRILLIC CAPITAL LETTER ER
    case 0x0422:
      return U'T';  // U+0422 CYRILLIC CAPITAL LETTER TE
    case 0x0425:
      return U'X';  // U+0425 CYRILLIC CAPITAL LETTER HA
    case 0x0423:
      return U'Y';  // U+0423 CYRILLIC CAPITAL LETTER U
    default:
      return 0;
  }
}

constexpr char32_t kDotlessI = 0x0131;  // U+0131 LATIN SMALL LETTER DOTLESS I

}  // namespace

bool HomoglyphRepairer::repair(std::string& word, Language document_language) {
  // Fast paths: an ASCII word has no Cyrillic letter; a word without ASCII
  // letters and without "ı" (C4 B1) has no Latin look-alike to repair, and its
  // Cyrillic letters are only converted to Latin next to Latin letters.
  // The scan is branch-free (flags OR-ed together, which the compiler can
  // vectorize): branching per byte of mixed lead and trail bytes mispredicts,
  // and this runs on every token. "ı" is looked for only when it matters.
  unsigned bytes = 0;
  unsigned ascii_letter = 0;
  for (char ch : word) {
    const auto byte = static_cast<unsigned char>(ch);
    bytes |= byte;
    ascii_letter |= static_cast<unsigned>(byte < 0x80) &
                    static_cast<unsigned>(static_cast<unsigned char>((byte | 0x20) - 'a') < 26);
  }
  const bool non_ascii = (bytes & 0x80) != 0;
  const bool dotless_i =
      non_ascii && ascii_letter == 0 && word.find("\xC4\xB1") != std::string::npos;
  if (!non_ascii || (ascii_letter == 0 && !dotless_i)) return false;

  thread_local std::u32string letters;
  letters.clear();
  for_each_code_point(word, [](char32_t c, std::size_t, std::size_t) { letters.push_back(c); });
  std::size_t cyrillic = 0, latin = 0;
  bool all_latin_convertible = true;     // every Latin letter has a Cyrillic look-alike
  bool all_cyrillic_convertible = true;  // and the reverse
  bool kazakh = document_language == Language::kKazakh;
  for (char32_t c : letters) {
    if (is_cyrillic(c)) {
      ++cyrillic;
      all_cyrillic_convertible = all_cyrillic_convertible && cyrillic_to_latin(c) != 0;
      kazakh = kazakh || is_kazakh_letter(c);
    } else if (is_latin_letter(c)) {
      ++latin;
      all_latin_convertible = all_latin_convertible && latin_to_cyrillic(c) != 0;
    }
  }
  // U+0131 dotless ı counts as a look-alike of і only in a Kazakh word.
  if (kazakh && cyrillic > 0) {
    all_latin_convertible = true;
    for (char32_t c : letters) {
      if (is_latin_letter(c) && c != kDotlessI && latin_to_cyrillic(c) == 0) {
        all_latin_convertible = false;
      }
    }
  }
  if (cyrillic == 0 || latin == 0) return false;
  bool to_cyrillic = all_latin_convertible;
  if (to_cyrillic && all_cyrillic_convertible) to_cyrillic = cyrillic >= latin;
  if (!to_cyrillic && !all_cyrillic_convertible) return false;

  std::string out;
  out.reserve(word.size());
  for (char32_t c : letters) {
    if (to_cyrillic && is_latin_letter(c)) {
      c = c == kDotlessI ? 0x0456 : latin_to_cyrillic(c);  // ı -> U+0456 і
    } else if (!to_cyrillic && is_cyrillic(c)) {
      c = cyrillic_to_latin(c);
    }
    append_utf8(out, c);
  }
  word = std::move(out);
  return true;
}

void HomoglyphRepairer::apply(std::vector<Token>& tokens) const {
  for (Token& token : tokens) {
    repair(token.text, document_language_);
    for (Alias& alias : token.aliases) repair(alias.text, document_language_);
  }
}

}  // namespace izdeu::analyzers
