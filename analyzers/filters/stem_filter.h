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
  std::shared_ptr<const Stemmer> kazakh;   ///< Cyrillic words marked Kazakh
  std::shared_ptr<const Stemmer> russian;  ///< Cyrillic words marked Russian
  /// Capitalized words of either language, tried before `kazakh` and `russian`
  /// (a RussianNameNormalizer; see StemFilter). Null: no name stemming.
  std::shared_ptr<const Stemmer> russian_names;
  std::shared_ptr<const Stemmer> latin;  ///< Latin-script words
};

/// Sets Token::stem from the token's script and language (set earlier by
/// KazakhTokenMarker): Kazakh words -> `kazakh`; Russian words -> `russian`;
/// Latin words -> `latin`; numbers and other scripts get no stem. Runs last,
/// on normalized text.
///
/// Names come first. A capitalized Cyrillic word is looked up as a name
/// before the language's stemmer is chosen, in both languages:
///   * a Russian word gets `russian_names` (RussianNameNormalizer: its name
///     key when a name rule applies, else Snowball);
///   * a Kazakh word that is a surname in -ов/-ев/-ин with a Kazakh suffix
///     gets RussianNameNormalizer::kazakh_surname_key ("Назарбаевқа" ->
///     "назарбаев" in a Russian or a Kazakh document), else `kazakh`.
/// The name reading is used at any position in the sentence, including its
/// first word: the tokens do not say where sentences start, and in news a
/// sentence starts with a surname ("Токаев подписал...") far more often than
/// with a capitalized common noun of a name shape. The name rules are narrow
/// (listed first names, patronymics, -ский, -ов/-ев/-ин surnames, -ан names)
/// and skip frequent genitive plurals ("Городов", "Депутатов"); a common noun
/// they still catch is found through query_stems(), which offers the name
/// reading of the query word too.
class StemFilter : public TokenFilter {
 public:
  explicit StemFilter(StemmerSet stemmers) : stemmers_(std::move(stemmers)) {}

  void apply(std::vector<Token>& tokens) const override;

  /// The stem apply() gives `token` (empty if it has none).
  std::string stem_of(const Token& token) const;

  /// Every stem a query word may match: stem_of(token) first, then both the
  /// name reading and the common-noun reading (Russian: name key and
  /// Snowball; Kazakh: surname key and the Kazakh stemmer), since a query
  /// typed in lower case cannot say which one the text used. No duplicates;
  /// empty when the word has no stem.
  std::vector<std::string> query_stems(const Token& token) const;

 private:
  std::string name_reading(const Token& token) const;

  StemmerSet stemmers_;
};

}  // namespace izdeu::analyzers
