#pragma once
// Fills Token::stem, choosing a stemmer per token.

#include <memory>
#include <string>
#include <vector>

#include "analyzers/stemmers/stemmer.h"
#include "analyzers/token_filter.h"

namespace izdeu::analyzers {

/// The stemmers a StemFilter chooses from; null members mean "no stem".
struct StemmerSet {
  std::shared_ptr<const Stemmer> kazakh;         ///< Cyrillic words marked Kazakh
  std::shared_ptr<const Stemmer> russian;        ///< Cyrillic words marked Russian
  std::shared_ptr<const Stemmer> russian_names;  ///< capitalized Russian words (else `russian`)
  std::shared_ptr<const Stemmer> latin;          ///< Latin-script words
};

/// Sets Token::stem from the token's script and language (set earlier by
/// KazakhTokenMarker): Kazakh words -> `kazakh`; Russian words -> `russian`,
/// or `russian_names` when capitalized; Latin words -> `latin`; numbers and
/// other scripts get no stem. Runs last, on normalized text.
class StemFilter : public TokenFilter {
 public:
  explicit StemFilter(StemmerSet stemmers) : stemmers_(std::move(stemmers)) {}

  void apply(std::vector<Token>& tokens) const override;

  /// The stem apply() gives `token` (empty if it has none).
  std::string stem_of(const Token& token) const;

  /// Every stem a query word may match: stem_of(token) first, then, for a
  /// Russian word, both the name reading and the common-noun reading, since a
  /// query typed in lower case cannot say which one the text used. No duplicates;
  /// empty when the word has no stem.
  std::vector<std::string> query_stems(const Token& token) const;

 private:
  StemmerSet stemmers_;
};

}  // namespace izdeu::analyzers
