#include "corpus/facet_counter.h"

#include <algorithm>
#include <cmath>

#include "corpus/fnv1a.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

// Date::is_valid() accepts years 1800..2200: one counter per month of them.
constexpr int kFirstYear = 1800;
constexpr int kLastYear = 2200;
constexpr std::size_t kMonths = (kLastYear - kFirstYear + 1) * 12;

std::size_t index_of(FacetField field) { return static_cast<std::size_t>(field); }

int digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

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

bool FacetCounter::first_copy(std::uint64_t hash) {
  // A flat table keeps the per-match cost to a probe or two, with no
  // allocation per match (a node-based set allocated for every match).
  hash |= 1;  // never 0, the free marker
  if (2 * (collapse_key_count_ + 1) > collapse_keys_.size()) {
    std::vector<std::uint64_t> old = std::move(collapse_keys_);
    collapse_keys_.assign(std::max<std::size_t>(1024, old.size() * 2), 0);
    collapse_key_count_ = 0;
    for (std::uint64_t key : old) {
      if (key != 0) first_copy(key);
    }
  }
  const std::size_t mask = collapse_keys_.size() - 1;
  for (std::size_t i = (hash ^ (hash >> 29)) & mask;; i = (i + 1) & mask) {
    if (collapse_keys_[i] == hash) return false;
    if (collapse_keys_[i] == 0) {
      collapse_keys_[i] = hash;
      ++collapse_key_count_;
      return true;
    }
  }
}

void FacetCounter::count_list(Counts& counts, std::string_view list, bool people) {
  std::size_t begin = 0;
  while (begin < list.size()) {
    std::size_t end = list.find(schema::kListSeparator, begin);
    if (end == std::string_view::npos) end = list.size();
    std::string_view item = list.substr(begin, end - begin);
    // People carry their mention count after kCountSeparator; a facet counts
    // articles, not mentions.
    if (people) item = item.substr(0, item.find(schema::kCountSeparator));
    if (!item.empty()) {
      auto it = counts.find(item);
      if (it == counts.end()) {
        counts.emplace(std::string(item), 1);
      } else {
        ++it->second;
      }
    }
    begin = end + 1;
  }
}

void FacetCounter::operator()(const Xapian::Document& document, double) {
  ++seen_;
  // The matcher hands the spy a document that reads values from the value
  // streams in docid order: each get_value() is a step along a stream.
  if (collapse_) {
    // Copies of one story are counted once, as the collapsed result shows
    // them. A 64-bit hash of the key is enough: a collision would merely
    // leave one article out of the counts.
    if (!first_copy(fnv1a_64(document.get_value(schema::kCollapseSlot)))) return;
  }
  ++counted_;
  if (months_.empty()) {
    count_entities(document);
    return;
  }
  const std::string date = document.get_value(schema::kDateSlot);
  if (date.size() == 8) {
    const int year = digits(std::string_view(date).substr(0, 4));
    const int month = digits(std::string_view(date).substr(4, 2));
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
  auto by_count = [&](const Counts& counts, std::size_t keep) {
    std::vector<FacetValue> values;
    values.reserve(counts.size());
    for (const auto& [value, count] : counts) values.push_back({value, count});
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
        facet.values = by_count(regions_, limit);
        break;
      case FacetField::kPerson:
        facet.values = by_count(people_, limit);
        break;
      case FacetField::kTopic:
        facet.values = by_count(topics_, limit);
        break;
      case FacetField::kLanguage:
        facet.values = by_count(languages_, languages_.size());
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
