#pragma once
// Query text -> Xapian::Query, analyzed by the same analyzers as the articles.

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "corpus/error.h"
#include "corpus/search_types.h"

namespace izdeu::corpus {

/// What a query matches, for highlighting: exact forms, stems and loose keys.
struct MatchTerms {
  std::set<std::string> exact;
  std::set<std::string> stems;
  std::set<std::string> loose;
};

struct BuiltQuery {
  Xapian::Query query;
  MatchTerms match_terms;
  bool relaxed = false;                     ///< MatchMode::kAuto made words optional
  std::vector<std::string> optional_words;  ///< those words, as typed
};

/// Weights of the readings of one query word, relative to its exact form.
/// A document that has the exact form also has its stem and loose key, so it
/// collects every reading's weight and ranks above one with only a stem, which
/// ranks above one with only a loose (transliterated or letter-folded) match.
inline constexpr double kStemWeight = 0.5;
inline constexpr double kLooseWeight = 0.25;

/// Every word of the query is required. A word matches its exact normalized
/// form or an alias of it (a Roman numeral's value), any of its stems, or its
/// cross-script loose key (so Latin «Tokayev» finds Cyrillic «Токаев», and
/// «Тоқаев» finds «Токаев»), with the weights above. A hyphenated compound
/// matches as a phrase of its parts or as one joined word.
///
/// Stop words are dropped unless the query has nothing else. Text in double
/// quotes ("…" or «…») is a phrase of exact forms, stop words included; an
/// unbalanced quote is read as plain words. When the request names no
/// language, the query is analyzed as Kazakh and as Russian and the readings
/// of each word are ORed. Language and date filters are boolean.
///
/// kInvalidArgument when the query has no words or a date range is reversed.
///
/// `database` supplies term statistics for MatchMode::kAuto (which words are
/// least informative, whether all-words matching finds enough); without it
/// kAuto behaves as kAll.
Result<BuiltQuery> build_query(const SearchRequest& request,
                               const Xapian::Database* database = nullptr);

}  // namespace izdeu::corpus
