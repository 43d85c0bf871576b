#pragma once
// Query text -> Xapian::Query, analyzed by the same analyzers as the articles.

#include <xapian.h>

#include <set>
#include <string>

#include "corpus/error.h"
#include "corpus/search_types.h"

namespace izdeu::corpus {

/// What a query matches, for highlighting: exact forms and stems.
struct MatchTerms {
  std::set<std::string> exact;
  std::set<std::string> stems;
};

struct BuiltQuery {
  Xapian::Query query;
  MatchTerms match_terms;
};

/// Every word of the query is required. A word matches its exact normalized
/// form, or (with half the weight) any of its stems, so an exact form ranks
/// above an inflected one. When the request names no language, the query is
/// analyzed as Kazakh and as Russian and the readings of each word are ORed.
/// Language and date filters are boolean: they do not change scores.
///
/// kInvalidArgument when the query has no words or a date range is reversed.
Result<BuiltQuery> build_query(const SearchRequest& request);

}  // namespace izdeu::corpus
