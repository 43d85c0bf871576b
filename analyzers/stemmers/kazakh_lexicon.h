#pragma once
// Vocabulary-confirmed Kazakh stems: a deeper analysis of a word is used only
// when another word of the vocabulary supports it.

#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/stemmers/kazakh_stemmer.h"

namespace izdeu::analyzers {

/// The stems of a Kazakh vocabulary (the distinct words of an index), chosen
/// once per word so that heavier morphology is affordable.
///
/// A stem s is *attested* by a vocabulary word f when stem(f) == s. For each
/// word w, the chosen stem is the deepest of readings(w) (the last in its
/// order) attested by at least one word other than w and by no fewer other
/// words than stem(w) is (strictly more for a reading longer than stem(w),
/// which corrects stem(): қорғады -> қорға, not қорғ); if none is, stem(w). So «кітабымыздан»
/// becomes кітап only if «кітап», «кітабы» or another word whose stem() is кітап is in the
/// vocabulary, while «үкіметін» stays үкімет (many words) rather than the
/// rarer үкім (-етін read as a participle). Deeper readings never chain:
/// only stem() of another word attests.
///
/// Build cost: one readings() call per distinct word plus hash lookups; no
/// dependence on word frequency. Immutable after construction, so stem() is
/// thread-safe.
class KazakhLexicon {
 public:
  /// `words`: the distinct words (lower-case, normalized UTF-8); duplicates
  /// are ignored. `stemmer` is used during construction only.
  explicit KazakhLexicon(std::span<const std::string_view> words,
                         const KazakhStemmer& stemmer = KazakhStemmer());

  /// The confirmed stem of a vocabulary word. For a word not in the
  /// vocabulary (a query word), the deepest reading attested by a vocabulary
  /// word, else stem(word).
  std::string stem(std::string_view word) const;

  /// Distinct words of the vocabulary.
  std::size_t size() const { return chosen_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::size_t attestations(std::string_view stem) const;

  template <typename V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;

  KazakhStemmer stemmer_;
  Map<std::string> chosen_;       // word -> confirmed stem
  Map<std::size_t> attestation_;  // stem -> words attesting it
};

/// The deepest of `readings` (readings[0] is stem(); the rest from
/// KazakhStemmer::readings()) that is attested by at least one vocabulary
/// word and by at least as many as readings[0] (strictly more if it is
/// longer than readings[0]); readings[0] if there is none.
/// `attestations(s)` counts the vocabulary words other than the word itself
/// whose stem() is s. The building block of KazakhLexicon, for a caller with
/// its own tables (e.g. a lexicon stored in an index).
template <typename Attestations>
const std::string& choose_confirmed_reading(const std::vector<std::string>& readings,
                                            Attestations&& attestations) {
  const std::string& first = readings.front();
  const std::size_t own = attestations(std::string_view(first));
  for (std::size_t i = readings.size(); i-- > 1;) {
    const std::size_t count = attestations(std::string_view(readings[i]));
    // A shorter reading must be attested at least as well as stem(); one
    // that keeps more of the word, strictly better (қорғады: қорға, not
    // stem()'s қорғ).
    const std::size_t needed =
        readings[i].size() < first.size() ? std::max<std::size_t>(own, 1) : own + 1;
    if (count >= needed) return readings[i];
  }
  return first;
}

}  // namespace izdeu::analyzers
