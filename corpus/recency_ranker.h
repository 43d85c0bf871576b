#pragma once
// sort=recency: relevance × 0.5^(age / kRecencyHalfLifeDays) (search_types.h).
// Xapian adds weights and cannot multiply them, so the ranking is computed
// over relevance-ranked prefixes of the result: a prefix is re-ranked and
// grown until no match outside it could enter the wanted top, which makes
// the order exact while reading dates for a few hundred matches, not all.

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "corpus/date.h"

namespace izdeu::corpus {

/// Days since 1970-01-01 of `today`, or of the current UTC date.
std::int64_t day_number(const std::optional<Date>& today);

/// 0.5^(age / kRecencyHalfLifeDays) of an article whose date value
/// (schema::kDateSlot, "YYYYMMDD") is `date_value`, counted from day number
/// `today`. A future date counts as today; an empty or unreadable date as
/// kUndatedAgeDays old.
double recency_factor(std::string_view date_value, std::int64_t today);

/// One hit of a computed ranking.
struct RankedItem {
  Xapian::docid docid = 0;
  double score = 0;
  Xapian::doccount duplicates = 0;  ///< collapsed copies
};

/// The first `count` matches by recency score (score descending, docid
/// ascending), exactly. `first` is the relevance-ranked top `first_size` the
/// caller already fetched; `fetch(n)` returns the relevance-ranked top n.
/// `max_factor` bounds recency_factor() over all matches (1 when unknown).
std::vector<RankedItem> rank_by_recency(const Xapian::Database& database, const Xapian::MSet& first,
                                        Xapian::doccount first_size, std::size_t count,
                                        double max_factor, std::int64_t today,
                                        const std::function<Xapian::MSet(Xapian::doccount)>& fetch);

}  // namespace izdeu::corpus
