#include "corpus/search/popularity_source.h"

#include <algorithm>

namespace izdeu::corpus {

Xapian::Query popularity_query(double max_weight) {
  // ValueWeightPostingSource weighs a document by its slot value and bounds
  // that by the slot's upper bound, so the matcher can still skip the source
  // once it cannot change which documents make the page.
  return Xapian::Query(
      Xapian::Query::OP_SCALE_WEIGHT,
      Xapian::Query((new Xapian::ValueWeightPostingSource(schema::kPopularitySlot))->release()),
      std::max(0.0, max_weight));
}

double popularity_bonus(double views, double max_weight) {
  return std::max(0.0, max_weight) * schema::popularity_share(views);
}

}  // namespace izdeu::corpus
