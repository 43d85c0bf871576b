#pragma once
// Facet counting during the match: a Xapian::MatchSpy that reads the facet
// value slots of every matching document (schema.h slots 0 and 4-7) as the
// matcher streams them, so no document is read from the record table.

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/search/facet_cache.h"
#include "corpus/search_types.h"

namespace izdeu::corpus {

class FacetCounter : public Xapian::MatchSpy {
 public:
  /// Counts `fields` (any order, duplicates ignored). With `collapse`, a
  /// syndicated copy (a document whose collapse key was already seen) is not
  /// counted again, so counts agree with a collapsed `total`; a value counts
  /// once for a group of copies when any copy has it (the union, whatever
  /// order the copies come in, so every layout of the index counts alike).
  FacetCounter(const std::vector<FacetField>& fields, bool collapse);

  /// Reads the facet fields of documents `cache` covers from it instead of
  /// the value streams. `cache` must outlive the counter and belong to the
  /// database revision being searched, a single shard (the matcher shows a
  /// spy shard-local docids).
  void use(const FacetCache* cache);

  /// Counts only the first `limit` documents shown. (Xapian stops showing
  /// documents after check_at_least, except over several shards, where a
  /// boolean match goes on to the end.)
  void set_limit(std::uint64_t limit) { limit_ = limit; }

  void operator()(const Xapian::Document& document, double weight) override;

  /// Counts computed elsewhere (remote shards, through Xapian's own
  /// ValueCountMatchSpy): `n` more documents with the single value `item` of
  /// `slot` (a facet slot of schema.h; a person without its mention count;
  /// a date as YYYYMMDD), or `documents` more counted documents.
  void add_item(Xapian::valueno slot, std::string_view item, std::uint64_t n);
  void add_counted(std::uint64_t documents) { counted_ += documents, seen_ += documents; }

  /// Matching documents the spy was shown, copies included.
  std::uint64_t documents_seen() const { return seen_; }
  /// Documents looked at: documents_seen() up to the limit.
  std::uint64_t documents_sampled() const { return std::min(seen_, limit_); }
  /// Documents counted: documents_seen() without collapsed copies.
  std::uint64_t documents_counted() const { return counted_; }

  /// The facets in `order`. Region, person and topic keep their `limit`
  /// most frequent values (ties by value); language every value; year and
  /// month every bucket in date order. With `scale` above 1 (the counter saw a
  /// sample of the matches) counts are multiplied by it and exact is false.
  std::vector<Facet> facets(const std::vector<FacetField>& order, std::size_t limit,
                            double scale) const;

 private:
  // Counts by value in an open-addressing table keyed by a 64-bit hash of
  // the value: a probe or two per value and no allocation once a value has
  // been seen. (Two values sharing a 64-bit hash would share a count.)
  class HashCounts {
   public:
    explicit HashCounts(bool keep_values) : keep_values_(keep_values) {}
    /// Counts `value` `n` times more; true if it was not seen before.
    bool add(std::string_view value, std::uint64_t n = 1);
    /// add() with the hash already taken.
    bool add_hash(std::uint64_t hash, std::string_view value, std::uint64_t n);
    /// Every value seen with its count (empty unless keep_values).
    const std::vector<FacetValue>& values() const { return values_; }

   private:
    void grow();
    bool keep_values_;
    std::vector<std::uint64_t> hashes_;  // 0 marks a free slot
    std::vector<std::uint32_t> slots_;   // index into values_ (or a count without values)
    std::vector<FacetValue> values_;
    std::size_t size_ = 0;
  };

  void count_entities(const Xapian::Document& document, std::uint64_t group);
  void count_cached(Xapian::docid docid);
  void count_cached_items(Xapian::docid docid, std::uint32_t group);
  // Counts each value of `list` once; with `group` (a hash of the collapse
  // key, 0 for none) only the values no earlier copy of the group had.
  void count_list(HashCounts& counts, std::string_view list, bool people, std::uint64_t group,
                  std::uint64_t field);

  bool want_[6] = {};
  bool collapse_ = false;
  std::uint64_t seen_ = 0;
  std::uint64_t limit_ = ~std::uint64_t{0};
  std::uint64_t counted_ = 0;
  HashCounts collapse_keys_{false};
  HashCounts group_items_{false};  // (group, field, value) hashes counted
  HashCounts regions_{true};
  HashCounts people_{true};
  HashCounts topics_{true};
  HashCounts languages_{true};
  std::vector<std::uint64_t> months_;  // index (year - kFirstYear) * 12 + month - 1
  // Counts by FacetCache id, for the documents the cache covers.
  const FacetCache* cache_ = nullptr;
  std::vector<std::uint64_t> cached_regions_;
  std::vector<std::uint64_t> cached_topics_;
  std::vector<std::uint64_t> cached_people_;
  std::vector<std::uint64_t> cached_languages_;
  // The first copy counted of each collapse group (0: none yet), and for a
  // group seen again every copy counted, so a later copy adds only values
  // none of them had.
  std::vector<Xapian::docid> cached_first_;
  std::unordered_map<std::uint32_t, std::vector<Xapian::docid>> cached_copies_;
};

}  // namespace izdeu::corpus
