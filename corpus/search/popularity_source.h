#pragma once
// Page views as a weak popularity signal: a Xapian::PostingSource over the
// views slot (schema::kViewsSlot) that adds a small weight growing with
// log(1 + views). Combined with OP_AND_MAYBE it never changes which articles
// match, only how near-ties among them are ordered.

#include <xapian.h>

#include <string>

namespace izdeu::corpus {

/// log(1 + views) saturates here: a million views and ten million weigh the same.
inline constexpr double kViewsSaturation = 1'000'000;

/// The popularity bonus as a share of the query's largest possible relevance
/// weight (Xapian's MSet::get_max_possible()): the most viewed article gains
/// at most this, so views reorder only articles whose relevance is within a
/// few per cent of each other.
inline constexpr double kPopularityShare = 0.03;

class PopularitySource : public Xapian::ValuePostingSource {
 public:
  /// `max_weight`: the bonus of an article with kViewsSaturation views or more.
  explicit PopularitySource(double max_weight);

  double get_weight() const override;
  PopularitySource* clone() const override;
  void init(const Xapian::Database& database) override;
  std::string name() const override;

  /// The bonus for `views` (exposed for tests).
  static double bonus(double views, double max_weight);

 private:
  double max_weight_;
};

}  // namespace izdeu::corpus
