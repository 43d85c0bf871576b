#include "corpus/search/facet_counter.h"

#include <algorithm>
#include <cmath>

#include "corpus/article.h"
#include "corpus/index/fnv1a.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

// Date::is_valid() accepts years 1800..2200: one counter per month of them.
constexpr int kFirstYear = 1800;
constexpr int kLastYear = 2200;
constexpr std::size_t kMonths = (kLastYear - kFirstYear + 1) * 12;

std::size_t index_of(FacetField field) { return static_cast<std::size_t>(field); }

std::uint64_t scaled(std::uint64_t count, double scale) {
  return scale > 1 ? static_cast<std::uint64_t>(std::llround(static_cast<double>(count) * scale))
                   : count;
}

}  // namespace

FacetCounter::FacetCounter(const std::vector<FacetField>& fields, bool collapse)
    : collapse_(collapse) {
  for (FacetField field : fields) want_[index_of(field)] = true;
  if (want_[index_of(FacetField::kYear)] || want_[index_of(FacetField::kMonth)]) {
    months_.assign(kMonths, 0);
  }
}

void FacetCounter::HashCounts::grow() {
  std::vector<std::uint64_t> hashes = std::move(hashes_);
  std::vector<std::uint32_t> slots = std::move(slots_);
  const std::size_t capacity = std::max<std::size_t>(64, hashes.size() * 2);
  hashes_.assign(capacity, 0);
  slots_.assign(capacity, 0);
  const std::size_t mask = capacity - 1;
  for (std::size_t k = 0; k < hashes.size(); ++k) {
    if (hashes[k] == 0) continue;
    std::size_t i = (hashes[k] ^ (hashes[k] >> 29)) & mask;
    while (hashes_[i] != 0) i = (i + 1) & mask;
    hashes_[i] = hashes[k];
    slots_[i] = slots[k];
  }
}

bool FacetCounter::HashCounts::add(std::string_view value, std::uint64_t n) {
  return add_hash(fnv1a_64(value) | 1, value, n);  // | 1: never 0, the free marker
}

bool FacetCounter::HashCounts::add_hash(std::uint64_t hash, std::string_view value,
                                        std::uint64_t n) {
  if (2 * (size_ + 1) > hashes_.size()) grow();
  const std::size_t mask = hashes_.size() - 1;
  for (std::size_t i = (hash ^ (hash >> 29)) & mask;; i = (i + 1) & mask) {
    if (hashes_[i] == hash) {
      if (keep_values_) values_[slots_[i]].count += n;
      return false;
    }
    if (hashes_[i] == 0) {
      hashes_[i] = hash;
      if (keep_values_) {
        slots_[i] = static_cast<std::uint32_t>(values_.size());
        values_.push_back({std::string(value), n});
      }
      ++size_;
      return true;
    }
  }
}

void FacetCounter::use(const FacetCache* cache) {
  cache_ = cache;
  if (cache == nullptr) return;
  cached_regions_.assign(cache->region_names().size(), 0);
  cached_topics_.assign(cache->topic_names().size(), 0);
  cached_people_.assign(cache->person_names().size(), 0);
  cached_languages_.assign(cache->languages().size(), 0);
  cached_groups_seen_.assign(collapse_ ? (cache->collapse_groups() + 63) / 64 : 0, 0);
}

void FacetCounter::count_cached(Xapian::docid docid) {
  if (collapse_) {
    // A bit per group: the cost of a copy check is one memory access.
    const std::uint32_t group = cache_->collapse_group(docid);
    if (group != 0) {
      std::uint64_t& word = cached_groups_seen_[group / 64];
      const std::uint64_t bit = std::uint64_t{1} << (group % 64);
      if ((word & bit) != 0) return;
      word |= bit;
    }
  }
  ++counted_;
  if (!months_.empty()) {
    const std::uint16_t month = cache_->month(docid);
    if (month != 0) ++months_[month - 1];
  }
  if (want_[index_of(FacetField::kRegion)]) {
    for (std::uint32_t id : cache_->regions(docid)) ++cached_regions_[id];
  }
  if (want_[index_of(FacetField::kTopic)]) {
    for (std::uint32_t id : cache_->topics(docid)) ++cached_topics_[id];
  }
  if (want_[index_of(FacetField::kPerson)]) {
    for (std::uint32_t id : cache_->people(docid)) ++cached_people_[id];
  }
  if (want_[index_of(FacetField::kLanguage)]) {
    const std::uint8_t language = cache_->language(docid);
    if (language != 0) ++cached_languages_[language];
  }
}

void FacetCounter::count_list(HashCounts& counts, std::string_view list, bool people) {
  std::size_t begin = 0;
  std::size_t listed = 0;
  while (begin < list.size()) {
    // Only an article's main people count (most mentioned first in the slot).
    if (people && listed++ == kMaxMainPeople) break;
    std::size_t end = list.find(schema::kListSeparator, begin);
    if (end == std::string_view::npos) end = list.size();
    std::string_view item = list.substr(begin, end - begin);
    // People carry their mention count after kCountSeparator; a facet counts
    // articles, not mentions.
    if (people) item = item.substr(0, item.find(schema::kCountSeparator));
    if (!item.empty()) counts.add(item);
    begin = end + 1;
  }
}

void FacetCounter::operator()(const Xapian::Document& document, double) {
  if (++seen_ > limit_) return;
  if (cache_ != nullptr) {
    const Xapian::docid docid = document.get_docid();
    if (docid < cache_->limit()) return count_cached(docid);
  }
  // The matcher hands the spy a document that reads values from the value
  // streams in docid order: each get_value() is a step along a stream.
  if (collapse_) {
    // Copies of one story are counted once, as the collapsed result shows
    // them. A 64-bit hash of the key is enough: a collision would merely
    // leave one article out of the counts.
    // Like Xapian's own collapsing, an empty key collapses nothing.
    const std::string key = document.get_value(schema::kCollapseSlot);
    if (!key.empty() && !collapse_keys_.add(key)) return;
  }
  ++counted_;
  if (months_.empty()) {
    count_entities(document);
    return;
  }
  const std::string date = document.get_value(schema::kDateSlot);
  if (date.size() == 8) {
    const int year = date_digits(std::string_view(date).substr(0, 4));
    const int month = date_digits(std::string_view(date).substr(4, 2));
    if (year >= kFirstYear && year <= kLastYear && month >= 1 && month <= 12) {
      ++months_[static_cast<std::size_t>((year - kFirstYear) * 12 + month - 1)];
    }
  }
  count_entities(document);
}

void FacetCounter::count_entities(const Xapian::Document& document) {
  if (want_[index_of(FacetField::kRegion)]) {
    count_list(regions_, document.get_value(schema::kRegionsSlot), false);
  }
  if (want_[index_of(FacetField::kTopic)]) {
    count_list(topics_, document.get_value(schema::kTopicsSlot), false);
  }
  if (want_[index_of(FacetField::kPerson)]) {
    count_list(people_, document.get_value(schema::kPeopleSlot), true);
  }
  if (want_[index_of(FacetField::kLanguage)]) {
    count_list(languages_, document.get_value(schema::kLanguageSlot), false);
  }
}

std::vector<Facet> FacetCounter::facets(const std::vector<FacetField>& order, std::size_t limit,
                                        double scale) const {
  // Counts from the cache join those read from value streams, by name.
  auto merged = [&](const HashCounts& read, const std::vector<std::uint64_t>& cached,
                    const std::vector<std::string>* names) {
    HashCounts all = read;
    for (std::size_t id = 0; names != nullptr && id < cached.size(); ++id) {
      if (cached[id] > 0) all.add((*names)[id], cached[id]);
    }
    return all;
  };
  const HashCounts regions =
      merged(regions_, cached_regions_, cache_ ? &cache_->region_names() : nullptr);
  const HashCounts topics =
      merged(topics_, cached_topics_, cache_ ? &cache_->topic_names() : nullptr);
  const HashCounts people =
      merged(people_, cached_people_, cache_ ? &cache_->person_names() : nullptr);
  const HashCounts languages =
      merged(languages_, cached_languages_, cache_ ? &cache_->languages() : nullptr);
  auto by_count = [&](const HashCounts& counts, std::size_t keep) {
    std::vector<FacetValue> values = counts.values();
    auto more_frequent = [](const FacetValue& a, const FacetValue& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    if (values.size() > keep) {
      std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(keep),
                        values.end(), more_frequent);
      values.resize(keep);
    } else {
      std::sort(values.begin(), values.end(), more_frequent);
    }
    return values;
  };
  auto histogram = [&](bool by_month) {
    std::vector<FacetValue> values;
    for (int year = kFirstYear; year <= kLastYear; ++year) {
      std::uint64_t year_count = 0;
      for (int month = 1; month <= 12; ++month) {
        const std::uint64_t count =
            months_[static_cast<std::size_t>((year - kFirstYear) * 12 + month - 1)];
        year_count += count;
        if (by_month && count > 0) {
          std::string value =
              std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month);
          values.push_back({std::move(value), count});
        }
      }
      if (!by_month && year_count > 0) values.push_back({std::to_string(year), year_count});
    }
    return values;
  };

  std::vector<Facet> out;
  std::vector<bool> done(6, false);
  for (FacetField field : order) {
    if (done[index_of(field)]) continue;
    done[index_of(field)] = true;
    Facet facet;
    facet.field = field;
    switch (field) {
      case FacetField::kRegion:
        facet.values = by_count(regions, limit);
        break;
      case FacetField::kPerson:
        facet.values = by_count(people, limit);
        break;
      case FacetField::kTopic:
        facet.values = by_count(topics, limit);
        break;
      case FacetField::kLanguage:
        facet.values = by_count(languages, languages.values().size());
        break;
      case FacetField::kYear:
      case FacetField::kMonth:
        if (!months_.empty()) facet.values = histogram(field == FacetField::kMonth);
        break;
    }
    facet.exact = scale <= 1;
    for (FacetValue& value : facet.values) value.count = scaled(value.count, scale);
    out.push_back(std::move(facet));
  }
  return out;
}

}  // namespace izdeu::corpus
