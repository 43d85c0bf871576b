#pragma once
// Token text -> its canonical lower-case form.

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/token_filter.h"

namespace izdeu::analyzers {

/// ICU NFKC_Casefold of each token, plus the repairs ICU does not make
/// (language.md §7.1, §7.3):
///   * "İ" (U+0130) becomes "i", not "i" + combining dot;
///   * "ё" (U+0451, and U+0401 folded to it) becomes "е" (U+0435);
///   * stress marks U+0301 and U+0300 are removed ("за́мок" -> "замок"), but
///     "й" is kept (no generic accent stripping, which would give "и");
///   * the look-alikes of Kazakh letters become the letters: "ӊ" -> "ң", and
///     Latin schwa "ə" -> "ә" in words that also contain Cyrillic letters.
/// Aliases are normalized alike. Tokens that become empty are dropped.
/// Homoglyphs (Latin letters inside Cyrillic words) are repaired before this
/// filter, by HomoglyphRepairer, while the original case is still known.
class UnicodeNormalizer : public TokenFilter {
 public:
  void apply(std::vector<Token>& tokens) const override;

  /// The normalized form of one word (empty if nothing remains).
  static std::string normalize(std::string_view word);
};

}  // namespace izdeu::analyzers
