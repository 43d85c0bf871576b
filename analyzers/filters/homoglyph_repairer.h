#pragma once
// Latin look-alike letters inside Cyrillic words, and the reverse.

#include <string>
#include <vector>

#include "analyzers/language.h"
#include "analyzers/token_filter.h"

namespace izdeu::analyzers {

/// Repairs words that mix Cyrillic and Latin look-alike letters (scraped text
/// and legacy fonts, language.md §7.3): "Қайыpлы" with a Latin "p" becomes
/// "Қайырлы", "Mіnistr" with a Cyrillic "і" becomes "Ministr". A word is
/// converted to the script of its other letters only when every letter of the
/// minority script has a look-alike; when both directions work, the script
/// with more letters wins (Cyrillic on a tie). Words that mix unrelated
/// letters ("Coca-Колa" parts aside) are left alone.
///
/// Kazakh words read Latin "i" (U+0069) and dotless "ı" (U+0131) as "і"
/// (U+0456): a Cyrillic word with a Kazakh-only letter, or any Cyrillic word
/// in a Kazakh document. Runs first, on the tokenizer's original-case text
/// (upper-case look-alikes such as "B" -> "В" cannot be told after case
/// folding); also repairs the aliases.
class HomoglyphRepairer : public TokenFilter {
 public:
  explicit HomoglyphRepairer(Language document_language) : document_language_(document_language) {}
  void apply(std::vector<Token>& tokens) const override;

  /// Repairs one word in place; returns true if it changed.
  static bool repair(std::string& word, Language document_language);

 private:
  Language document_language_;
};

}  // namespace izdeu::analyzers
