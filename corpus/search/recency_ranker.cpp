#include "corpus/search/recency_ranker.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iterator>

#include "corpus/query/date_filters.h"
#include "corpus/schema.h"
#include "corpus/search_types.h"

namespace izdeu::corpus {
namespace {

// Dates of `docids` (ascending) from the date value stream: one pass along
// the stream instead of a record lookup per document.
std::vector<std::string> dates_of(const Xapian::Database& database,
                                  const std::vector<Xapian::docid>& docids) {
  std::vector<std::string> dates(docids.size());
  Xapian::ValueIterator it = database.valuestream_begin(schema::kDateSlot);
  const Xapian::ValueIterator end = database.valuestream_end(schema::kDateSlot);
  for (std::size_t i = 0; i < docids.size() && it != end; ++i) {
    if (it.get_docid() < docids[i]) it.skip_to(docids[i]);
    if (it == end) break;
    if (it.get_docid() == docids[i]) dates[i] = *it;
  }
  return dates;
}

std::vector<RankedItem> rerank(const Xapian::Database& database, const Xapian::MSet& mset,
                               std::int64_t today) {
  std::vector<RankedItem> items;
  items.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    items.push_back({*it, it.get_weight(), it.get_collapse_count()});
  }
  std::vector<Xapian::docid> docids;
  docids.reserve(items.size());
  for (const RankedItem& item : items) docids.push_back(item.docid);
  std::sort(docids.begin(), docids.end());
  const std::vector<std::string> dates = dates_of(database, docids);
  for (RankedItem& item : items) {
    const std::size_t at = static_cast<std::size_t>(
        std::lower_bound(docids.begin(), docids.end(), item.docid) - docids.begin());
    item.score *= recency_factor(dates[at], today);
  }
  std::sort(items.begin(), items.end(), [](const RankedItem& a, const RankedItem& b) {
    return a.score != b.score ? a.score > b.score : a.docid < b.docid;
  });
  return items;
}

}  // namespace

std::int64_t day_number(const std::optional<Date>& today) {
  if (today) return today->days_since_epoch();
  const auto now = std::chrono::system_clock::now();
  return std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
}

double recency_factor(std::string_view date_value, std::int64_t today) {
  const std::optional<Date> date = parse_yyyymmdd(date_value);
  const double age =
      date ? static_cast<double>(std::max<std::int64_t>(0, today - date->days_since_epoch()))
           : kUndatedAgeDays;
  return std::exp2(-age / kRecencyHalfLifeDays);
}

namespace {

// The top `count` of the matches `enquire` finds, whose recency factors are
// at most `max_factor`, as far as they could score above `floor` (the
// count-th score found elsewhere): relevance-ranked prefixes re-ranked, the
// prefix grown fourfold until every match outside it is out of reach.
std::vector<RankedItem> rank_prefixes(Xapian::Enquire& enquire, const Xapian::Database& database,
                                      std::size_t count, double max_factor, std::int64_t today,
                                      double floor) {
  Xapian::doccount asked = static_cast<Xapian::doccount>(
      std::min<std::size_t>(std::max<std::size_t>(2 * count, 32), Xapian::doccount(-1) / 4));
  while (true) {
    const Xapian::MSet mset = enquire.get_mset(0, asked);
    std::vector<RankedItem> items = rerank(database, mset, today);
    // Every match is in the prefix: the re-ranking is the whole answer.
    if (mset.size() < asked) {
      if (items.size() > count) items.resize(count);
      return items;
    }
    // A match outside the prefix weighs at most the prefix's smallest
    // relevance weight, and its factor is at most max_factor: if even that
    // stays below the count-th score, it cannot enter the top.
    const double weakest = mset[mset.size() - 1].get_weight();
    const double bar = std::max(floor, items.size() >= count ? items[count - 1].score : 0.0);
    if (weakest * max_factor < bar) {
      if (items.size() > count) items.resize(count);
      return items;
    }
    asked = asked > Xapian::doccount(-1) / 4 ? Xapian::doccount(-1) : asked * 4;
  }
}

struct Band {
  Xapian::Query filter;
  double max_factor;
};

// Age bands by their newest day, `today` counted as age 0 (and future days
// with it). Filtered by date terms, so a band's query reads only its matches.
std::vector<Band> bands(std::int64_t today) {
  static constexpr std::int64_t kEdges[] = {0, 365, 730, 1460, 2920, 5840};
  constexpr std::size_t kCount = std::size(kEdges);
  std::vector<Band> out;
  for (std::size_t i = 0; i < kCount; ++i) {
    const std::optional<Date> newest =
        i == 0 ? std::nullopt : std::optional<Date>(date_from_days(today - kEdges[i]));
    const std::optional<Date> oldest =
        i + 1 == kCount ? std::nullopt
                        : std::optional<Date>(date_from_days(today - kEdges[i + 1] + 1));
    out.push_back({date_range_filter(oldest, newest),
                   std::exp2(-static_cast<double>(kEdges[i]) / kRecencyHalfLifeDays)});
  }
  out.push_back({undated_filter(), recency_factor("", today)});
  std::stable_sort(out.begin(), out.end(),
                   [](const Band& a, const Band& b) { return a.max_factor > b.max_factor; });
  return out;
}

bool before(const RankedItem& a, const RankedItem& b) {
  return a.score != b.score ? a.score > b.score : a.docid < b.docid;
}

}  // namespace

std::vector<RankedItem> rank_by_recency(Xapian::Enquire& enquire, const Xapian::Database& database,
                                        const Xapian::Query& query, std::size_t count,
                                        std::int64_t today, double max_weight) {
  std::vector<RankedItem> top;
  for (const Band& band : bands(today)) {
    if (top.size() >= count && max_weight * band.max_factor < top[count - 1].score) break;
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, band.filter));
    const double floor = top.size() >= count ? top[count - 1].score : 0.0;
    std::vector<RankedItem> found =
        rank_prefixes(enquire, database, count, band.max_factor, today, floor);
    top.insert(top.end(), found.begin(), found.end());
    std::sort(top.begin(), top.end(), before);
    if (top.size() > count) top.resize(count);
  }
  return top;
}

}  // namespace izdeu::corpus
