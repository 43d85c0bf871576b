#pragma once
// Text -> tokens, the same at index and at query time.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/language.h"
#include "analyzers/token.h"

namespace izdeu::analyzers {

/// Analyzes UTF-8 text in one document language. Words of the other language
/// inside it are detected per token (a Kazakh word quoted in Russian text is
/// stemmed as Kazakh, never fed to the Russian stemmer).
///
/// Thread-safe: one Analyzer may be shared by any number of threads.
/// Never fails: invalid UTF-8 is replaced, over-long words are dropped.
class Analyzer {
 public:
  virtual ~Analyzer() = default;

  virtual Language language() const = 0;

  /// Every word of `text`, in order, with positions and byte offsets.
  virtual std::vector<Token> analyze(std::string_view text) const = 0;

  /// The tokens of analyze() without their readings: the same text,
  /// positions, offsets, aliases, language and flags, but `stem`, `loose` and
  /// `loose_stem` left empty. For callers that match exact forms only (the
  /// snippets of a query whose readings the lexicon resolved); about half
  /// the work of analyze().
  virtual std::vector<Token> analyze_forms(std::string_view text) const = 0;

  /// The stems a query word may match. At index time a capitalized word may be
  /// stemmed as a name; a query typed in lower case cannot tell, so every
  /// reading is returned (the first is token.stem). Empty when the word has no stem.
  virtual std::vector<std::string> query_stems(const Token& token) const = 0;
};

/// The analyzer for a language. The returned reference lives for the whole program.
const Analyzer& analyzer_for(Language language);

}  // namespace izdeu::analyzers
