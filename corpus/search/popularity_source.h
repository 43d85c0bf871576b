#pragma once
// Page views as a weak popularity signal: a small weight growing with
// log(1 + views), read from the popularity slot (schema::kPopularitySlot)
// by Xapian's built-in ValueWeightPostingSource and scaled by the query's
// cap. Combined with OP_AND_MAYBE it never changes which articles match, only
// how near-ties among them are ordered. Built-in classes only: the query is
// serialised to remote shards (xapian-tcpsrv), which know no class of ours,
// and local and remote shards compute the same bonus.

#include <xapian.h>

#include "corpus/schema.h"

namespace izdeu::corpus {

/// log(1 + views) saturates here: a million views and ten million weigh the same.
inline constexpr double kViewsSaturation = schema::kViewsSaturation;

/// The popularity bonus as a share of the query's largest possible relevance
/// weight (Xapian's MSet::get_max_possible()): the most viewed article gains
/// at most this, so views reorder only articles whose relevance is within a
/// few per cent of each other.
inline constexpr double kPopularityShare = 0.03;

/// The bonus as a query: each article with views weighs
/// max_weight × schema::popularity_share(views) (OP_SCALE_WEIGHT over a
/// ValueWeightPostingSource on kPopularitySlot).
Xapian::Query popularity_query(double max_weight);

/// The bonus an article with `views` views gets (exposed for tests).
double popularity_bonus(double views, double max_weight);

}  // namespace izdeu::corpus
