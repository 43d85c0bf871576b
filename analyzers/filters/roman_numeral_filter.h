#pragma once
// Roman numerals -> one spelling, plus their number as an alias.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/token_filter.h"

namespace izdeu::analyzers {

/// Gives every Roman numeral one exact form, the lower-case Latin numeral,
/// whatever script it was typed in, and its value as an alias at the same
/// position: "XXVI", "ХХVІ" (Cyrillic Х Х І, Latin V) and "ХХVI" all become
/// "xxvi" with alias {"26", 1}, so "XXVI сессия", "ХХVІ сессии" and
/// "26 сессия" find each other.
///
/// Numeral letters: Latin I V X L C D M (either case) and their Cyrillic
/// look-alikes Х/х (U+0425/U+0445), І/і (U+0406/U+0456), С/с (U+0421/U+0441),
/// М/м (U+041C/U+043C). A word is a numeral only when all of these hold,
/// so that words and letters which merely look Roman stay words:
///   * it is written in the canonical subtractive form of a value 1..3999
///     ("IIII", "IC", "dim", "civil" are not numerals);
///   * it has at least two letters, all upper case or all lower case ("Xi"
///     the name and "Ми" stay words) -- or it is a single upper-case Latin
///     I, V or X ("Петр I", "Карл V"); single Cyrillic letters ("С", "і") and
///     single C, D, L, M never are;
///   * if it uses C, D or M it has at least four letters: "МІ", "mix", "CD",
///     "DC", "MC", "CM" stay words ("MMXXI", "MCMXC" are numerals).
/// Runs after HomoglyphRepairer and before UnicodeNormalizer: it needs the
/// original case.
///
/// In English text a lone "I" is the pronoun: built with
/// LoneI::kPronoun, the filter leaves it a word (no alias "1"); "II",
/// "Elizabeth II" and every other numeral are read as above.
class RomanNumeralFilter : public TokenFilter {
 public:
  enum class LoneI { kNumeral, kPronoun };

  explicit RomanNumeralFilter(LoneI lone_i = LoneI::kNumeral) : lone_i_(lone_i) {}

  void apply(std::vector<Token>& tokens) const override;

  /// The value of `word` if it is a Roman numeral by the rules above, else 0;
  /// on success `numeral` is set to the lower-case Latin spelling.
  static std::uint32_t parse(std::string_view word, std::string& numeral);

 private:
  LoneI lone_i_;
};

}  // namespace izdeu::analyzers
