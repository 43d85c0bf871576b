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
///   * stress marks U+0301 and U+0300 are removed ("за́мок" -> "замок"), but
///     "й" and "ё" are kept (no generic accent stripping);
///   * the look-alikes of Kazakh letters become the letters: "ӊ" -> "ң", and
///     Latin schwa "ə" -> "ә" in words that also contain Cyrillic letters.
/// Tokens that become empty are dropped. "ё" is kept; YoFolder folds it.
class UnicodeNormalizer : public TokenFilter {
 public:
  void apply(std::vector<Token>& tokens) const override;

  /// The normalized form of one word (empty if nothing remains).
  static std::string normalize(std::string_view word);
};

}  // namespace izdeu::analyzers
