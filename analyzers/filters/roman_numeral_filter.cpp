#include "analyzers/filters/roman_numeral_filter.h"

#include <array>
#include <cstddef>

#include "analyzers/utf8.h"

namespace izdeu::analyzers {
namespace {

// A numeral letter -> its Latin upper-case form, or 0.
char latin_numeral(char32_t c, bool& upper, bool& cyrillic) {
  cyrillic = false;
  upper = true;
  switch (c) {
    case U'I':
    case U'V':
    case U'X':
    case U'L':
    case U'C':
    case U'D':
    case U'M':
      return static_cast<char>(c);
    case U'i':
    case U'v':
    case U'x':
    case U'l':
    case U'c':
    case U'd':
    case U'm':
      upper = false;
      return static_cast<char>(c - 'a' + 'A');
    default:
      break;
  }
  cyrillic = true;
  switch (c) {
    case 0x0425:
      return 'X';  // U+0425 CYRILLIC CAPITAL LETTER HA
    case 0x0406:
      return 'I';  // U+0406 CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I
    case 0x0421:
      return 'C';  // U+0421 CYRILLIC CAPITAL LETTER ES
    case 0x041C:
      return 'M';  // U+041C CYRILLIC CAPITAL LETTER EM
    default:
      break;
  }
  upper = false;
  switch (c) {
    case 0x0445:
      return 'X';  // U+0445 CYRILLIC SMALL LETTER HA
    case 0x0456:
      return 'I';  // U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
    case 0x0441:
      return 'C';  // U+0441 CYRILLIC SMALL LETTER ES
    case 0x043C:
      return 'M';  // U+043C CYRILLIC SMALL LETTER EM
    default:
      return 0;
  }
}

// The canonical numeral of 1..3999.
std::string to_roman(std::uint32_t value) {
  static constexpr std::array<std::pair<std::uint32_t, const char*>, 13> kParts = {{
      {1000, "M"},
      {900, "CM"},
      {500, "D"},
      {400, "CD"},
      {100, "C"},
      {90, "XC"},
      {50, "L"},
      {40, "XL"},
      {10, "X"},
      {9, "IX"},
      {5, "V"},
      {4, "IV"},
      {1, "I"},
  }};
  std::string out;
  for (const auto& [part, letters] : kParts) {
    while (value >= part) {
      out += letters;
      value -= part;
    }
  }
  return out;
}

std::uint32_t letter_value(char letter) {
  switch (letter) {
    case 'I':
      return 1;
    case 'V':
      return 5;
    case 'X':
      return 10;
    case 'L':
      return 50;
    case 'C':
      return 100;
    case 'D':
      return 500;
    default:
      return 1000;  // 'M'
  }
}

}  // namespace

std::uint32_t RomanNumeralFilter::parse(std::string_view word, std::string& numeral) {
  // 15 letters is the longest canonical numeral (MMMDCCCLXXXVIII = 3888);
  // each letter is at most two bytes.
  if (word.empty() || word.size() > 30) return 0;
  std::string latin;  // upper case
  bool any_upper = false, any_lower = false, any_cyrillic = false, hundreds = false;
  std::size_t i = 0;
  while (i < word.size()) {
    bool upper = false, cyrillic = false;
    const char letter = latin_numeral(decode_utf8(word, i), upper, cyrillic);
    if (letter == 0) return 0;
    latin.push_back(letter);
    (upper ? any_upper : any_lower) = true;
    any_cyrillic = any_cyrillic || cyrillic;
    hundreds = hundreds || letter == 'C' || letter == 'D' || letter == 'M';
  }
  if (latin.size() > 15) return 0;
  if (latin.size() == 1) {
    // Only "I", "V", "X" typed in upper-case Latin.
    if (any_cyrillic || any_lower || (latin[0] != 'I' && latin[0] != 'V' && latin[0] != 'X')) {
      return 0;
    }
  } else {
    if (any_upper && any_lower) return 0;
    if (hundreds && latin.size() < 4) return 0;
  }
  // Sum with the subtractive rule, then accept only the canonical spelling.
  std::int64_t value = 0;
  for (std::size_t k = 0; k < latin.size(); ++k) {
    const std::int64_t v = letter_value(latin[k]);
    if (k + 1 < latin.size() && v < letter_value(latin[k + 1])) {
      value -= v;
    } else {
      value += v;
    }
  }
  if (value <= 0 || value > 3999 || to_roman(static_cast<std::uint32_t>(value)) != latin) return 0;
  numeral.clear();
  for (char c : latin) numeral.push_back(static_cast<char>(c - 'A' + 'a'));
  return static_cast<std::uint32_t>(value);
}

void RomanNumeralFilter::apply(std::vector<Token>& tokens) const {
  std::string numeral;
  for (Token& token : tokens) {
    // Cheap rejection: a numeral starts with an ASCII letter or a two-byte Cyrillic one.
    if (token.text.empty()) continue;
    const auto first = static_cast<unsigned char>(token.text[0]);
    if (first >= 0x80 && first != 0xD0 && first != 0xD1) continue;
    if (lone_i_ == LoneI::kPronoun && token.text == "I") continue;
    const std::uint32_t value = parse(token.text, numeral);
    if (value == 0) continue;
    token.text = numeral;
    token.aliases.push_back({std::to_string(value), 1});
  }
}

}  // namespace izdeu::analyzers
