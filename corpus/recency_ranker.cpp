#include "corpus/recency_ranker.h"

#include <algorithm>
#include <chrono>
#include <cmath>

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

std::vector<RankedItem> rank_by_recency(
    const Xapian::Database& database, const Xapian::MSet& first, Xapian::doccount first_size,
    std::size_t count, double max_factor, std::int64_t today,
    const std::function<Xapian::MSet(Xapian::doccount)>& fetch) {
  Xapian::MSet mset = first;
  Xapian::doccount asked = first_size;
  while (true) {
    std::vector<RankedItem> items = rerank(database, mset, today);
    // Every match is in the prefix: the re-ranking is the whole answer.
    const bool complete = mset.size() < asked;
    if (!complete && items.size() >= count && count > 0) {
      // A match outside the prefix weighs at most the prefix's smallest
      // relevance weight, and its factor is at most max_factor: if even that
      // stays below the count-th score, it cannot enter the top.
      const double weakest = mset[mset.size() - 1].get_weight();
      if (weakest * max_factor < items[count - 1].score) {
        items.resize(count);
        return items;
      }
    }
    if (complete) {
      if (items.size() > count) items.resize(count);
      return items;
    }
    asked = asked > Xapian::doccount(-1) / 4 ? Xapian::doccount(-1) : asked * 4;
    mset = fetch(asked);
  }
}

}  // namespace izdeu::corpus
