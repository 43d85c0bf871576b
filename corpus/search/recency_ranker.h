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

/// The first `count` matches of `query` by recency score (score descending,
/// docid ascending), exactly, using `enquire` as set up by the caller
/// (collapsing, weighting). `max_weight` bounds the relevance weight of any
/// match: the top match's weight is the tightest bound and makes the walk
/// shortest.
///
/// The archive is read in age bands, newest first (under a year old, one to
/// two, two to four, four to eight, eight to sixteen, older; undated where its
/// factor puts it), and within a band by relevance-ranked prefixes that grow
/// until no match outside them could enter the top. The walk stops at the
/// first band whose best possible score (max_weight × the factor of its
/// newest day) cannot enter the top either: for a news archive, after a
/// band or two of small prefixes.
std::vector<RankedItem> rank_by_recency(Xapian::Enquire& enquire, const Xapian::Database& database,
                                        const Xapian::Query& query, std::size_t count,
                                        std::int64_t today, double max_weight);

}  // namespace izdeu::corpus
