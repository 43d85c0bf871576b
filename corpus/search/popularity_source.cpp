#include "corpus/search/popularity_source.h"

#include <algorithm>
#include <cmath>

#include "corpus/schema.h"

namespace izdeu::corpus {

PopularitySource::PopularitySource(double max_weight)
    : Xapian::ValuePostingSource(schema::kViewsSlot), max_weight_(std::max(0.0, max_weight)) {}

double PopularitySource::bonus(double views, double max_weight) {
  if (!(views > 0)) return 0;  // also NaN
  const double share = std::log1p(views) / std::log1p(kViewsSaturation);
  return max_weight * std::min(1.0, share);
}

double PopularitySource::get_weight() const {
  return bonus(Xapian::sortable_unserialise(get_value()), max_weight_);
}

PopularitySource* PopularitySource::clone() const { return new PopularitySource(max_weight_); }

void PopularitySource::init(const Xapian::Database& database) {
  Xapian::ValuePostingSource::init(database);
  // An upper bound lets the matcher skip this source once it cannot change
  // which documents make the page.
  set_maxweight(max_weight_);
}

std::string PopularitySource::name() const { return "izdeu::PopularitySource"; }

}  // namespace izdeu::corpus
