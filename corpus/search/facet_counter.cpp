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
  cached_first_.assign(collapse_ ? cache->collapse_groups() + 1 : 0, 0);
  cached_copies_.clear();
}

void FacetCounter::count_cached(Xapian::docid docid) {
  if (collapse_) {
    const std::uint32_t group = cache_->collapse_group(docid);
    if (group != 0) {
      Xapian::docid& first = cached_first_[group];
      if (first != 0) {
        // A copy adds only the values no earlier copy had; copies are rare,
        // so only they pay for looking at the others.
        std::vector<Xapian::docid>& copies = cached_copies_[group];
        if (copies.empty()) copies.push_back(first);
        count_cached_items(docid, group);
        copies.push_back(docid);
        return;
      }
      first = docid;
    }
  }
  ++counted_;
  if (!months_.empty()) {
    const std::uint16_t month = cache_->month(docid);
    if (month != 0) ++months_[month - 1];
  }
  count_cached_items(docid, 0);
}

void FacetCounter::count_cached_items(Xapian::docid docid, std::uint32_t group) {
  const std::vector<Xapian::docid>* copies = nullptr;
  if (group != 0) copies = &cached_copies_[group];
  auto had = [&](auto values_of, std::uint32_t id) {
    if (copies == nullptr) return false;
    for (Xapian::docid copy : *copies) {
      for (std::uint32_t other : (cache_->*values_of)(copy)) {
        if (other == id) return true;
      }
    }
    return false;
  };
  if (want_[index_of(FacetField::kRegion)]) {
    for (std::uint32_t id : cache_->regions(docid)) {
      if (!had(&FacetCache::regions, id)) ++cached_regions_[id];
    }
  }
  if (want_[index_of(FacetField::kTopic)]) {
    for (std::uint32_t id : cache_->topics(docid)) {
      if (!had(&FacetCache::topics, id)) ++cached_topics_[id];
    }
  }
  if (want_[index_of(FacetField::kPerson)]) {
    for (std::uint32_t id : cache_->people(docid)) {
      if (!had(&FacetCache::people, id)) ++cached_people_[id];
    }
  }
  if (want_[index_of(FacetField::kLanguage)]) {
    const std::uint8_t language = cache_->language(docid);
    bool seen = false;
    for (std::size_t i = 0; copies != nullptr && i < copies->size(); ++i) {
      seen = seen || cache_->language((*copies)[i]) == language;
    }
    if (language != 0 && !seen) ++cached_languages_[language];
  }
}

void FacetCounter::count_list(HashCounts& counts, std::string_view list, bool people,
                              std::uint64_t group, std::uint64_t field) {
  std::size_t begin = 0;
  std::size_t listed = 0;
  while (begin < list.size()) {
    // Only an article's main people count (most mentioned first in the slot).
    if (people && listed++ == kMaxMainPeople) break;
    std::size_t end = list.find(schema::kListSeparator, begin);
    if (end == std::string_view::npos) end = list.size();
    std::string_view item = list.substr(begin, end - begin);
    begin = end + 1;
    // People carry their mention count after kCountSeparator; a facet counts
    // articles, not mentions.
    if (people) item = item.substr(0, item.find(schema::kCountSeparator));
    if (item.empty()) continue;
    if (group != 0) {
      // One hash per (group, field, value): a collision would merely leave
      // a value of one copy uncounted.
      const std::uint64_t hash =
          (group * 0x9E3779B97F4A7C15ull) ^ (fnv1a_64(item) + field * 0xC2B2AE3D27D4EB4Full);
      if (!group_items_.add_hash(hash | 1, {}, 1)) continue;
    }
    counts.add(item);
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
  std::uint64_t group = 0;
  if (collapse_) {
    // Copies of one story are counted once, as the collapsed result shows
    // them. A 64-bit hash of the key is enough: a collision would merely
    // leave one article out of the counts.
    // Like Xapian's own collapsing, an empty key collapses nothing.
    const std::string key = document.get_value(schema::kCollapseSlot);
    if (!key.empty()) {
      group = fnv1a_64(key) | 1;
      if (!collapse_keys_.add_hash(group, {}, 1)) {
        // A copy: its date is in the key, so only its entities can add.
        count_entities(document, group);
        return;
      }
    }
  }
  ++counted_;
  if (!months_.empty()) add_item(schema::kDateSlot, document.get_value(schema::kDateSlot), 1);
  count_entities(document, group);
}

void FacetCounter::add_item(Xapian::valueno slot, std::string_view item, std::uint64_t n) {
  switch (slot) {
    case schema::kDateSlot: {
      if (months_.empty() || item.size() != 8) return;
      const int year = date_digits(item.substr(0, 4));
      const int month = date_digits(item.substr(4, 2));
      if (year >= kFirstYear && year <= kLastYear && month >= 1 && month <= 12) {
        months_[static_cast<std::size_t>((year - kFirstYear) * 12 + month - 1)] += n;
      }
      return;
    }
    case schema::kRegionsSlot:
      if (want_[index_of(FacetField::kRegion)] && !item.empty()) regions_.add(item, n);
      return;
    case schema::kTopicsSlot:
      if (want_[index_of(FacetField::kTopic)] && !item.empty()) topics_.add(item, n);
      return;
    case schema::kPeopleSlot:
      item = item.substr(0, item.find(schema::kCountSeparator));
      if (want_[index_of(FacetField::kPerson)] && !item.empty()) people_.add(item, n);
      return;
    case schema::kLanguageSlot:
      if (want_[index_of(FacetField::kLanguage)] && !item.empty()) languages_.add(item, n);
      return;
    default:
      return;
  }
}

void FacetCounter::count_entities(const Xapian::Document& document, std::uint64_t group) {
  if (want_[index_of(FacetField::kRegion)]) {
    count_list(regions_, document.get_value(schema::kRegionsSlot), false, group, 1);
  }
  if (want_[index_of(FacetField::kTopic)]) {
    count_list(topics_, document.get_value(schema::kTopicsSlot), false, group, 2);
  }
  if (want_[index_of(FacetField::kPerson)]) {
    count_list(people_, document.get_value(schema::kPeopleSlot), true, group, 3);
  }
  if (want_[index_of(FacetField::kLanguage)]) {
    count_list(languages_, document.get_value(schema::kLanguageSlot), false, group, 4);
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
