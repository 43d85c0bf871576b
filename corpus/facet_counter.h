#pragma once
// Facet counting during the match: a Xapian::MatchSpy that reads the facet
// value slots of every matching document (schema.h slots 0 and 4-7) as the
// matcher streams them, so no document is read from the record table.

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/search_types.h"

namespace izdeu::corpus {

class FacetCounter : public Xapian::MatchSpy {
 public:
  /// Counts `fields` (any order, duplicates ignored). With `collapse`, a
  /// syndicated copy (a document whose collapse key was already seen) is not
  /// counted again, so counts agree with a collapsed `total`.
  FacetCounter(const std::vector<FacetField>& fields, bool collapse);

  void operator()(const Xapian::Document& document, double weight) override;

  /// Matching documents the spy was shown, copies included.
  std::uint64_t documents_seen() const { return seen_; }
  /// Documents counted: documents_seen() without collapsed copies.
  std::uint64_t documents_counted() const { return counted_; }

  /// The facets in `order`. Region, person and topic keep their `limit`
  /// most frequent values (ties by value); language every value; year and
  /// month every bucket in date order. With `scale` above 1 (the counter saw a
  /// sample of the matches) counts are multiplied by it and exact is false.
  std::vector<Facet> facets(const std::vector<FacetField>& order, std::size_t limit,
                            double scale) const;

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  using Counts = std::unordered_map<std::string, std::uint64_t, StringHash, std::equal_to<>>;

  void count_entities(const Xapian::Document& document);
  static void count_list(Counts& counts, std::string_view list, bool people);

  bool want_[6] = {};
  bool collapse_ = false;
  std::uint64_t seen_ = 0;
  std::uint64_t counted_ = 0;
  // Hashes of the collapse keys seen: open addressing, 0 marks a free slot.
  std::vector<std::uint64_t> collapse_keys_;
  std::size_t collapse_key_count_ = 0;
  bool first_copy(std::uint64_t hash);
  Counts regions_;
  Counts people_;
  Counts topics_;
  Counts languages_;
  std::vector<std::uint64_t> months_;  // index (year - kFirstYear) * 12 + month - 1
};

}  // namespace izdeu::corpus
