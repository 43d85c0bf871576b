#pragma once
// The facet fields of every document of one database revision, in memory and
// by docid: what FacetCounter would otherwise read from five value streams
// for every match. Counting a match then costs a few array reads instead of
// value decoding and string hashing.

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace izdeu::corpus {

/// The number a part of a stored YYYYMMDD date spells (year, month), or -1
/// when it holds anything but ASCII digits.
int date_digits(std::string_view text);

class FacetCache {
 public:
  /// Reads the date, collapse, people, regions, topics and language slots
  /// of every document of `database` (one pass along each value stream).
  static std::shared_ptr<const FacetCache> build(const Xapian::Database& database);

  /// Documents with a docid below this are covered.
  Xapian::docid limit() const { return static_cast<Xapian::docid>(month_.size()); }

  /// Month index (year - 1800) * 12 + month, counted from 1; 0 when undated.
  std::uint16_t month(Xapian::docid docid) const { return month_[docid]; }
  /// Index into languages(); 0 is "no language".
  std::uint8_t language(Xapian::docid docid) const { return language_[docid]; }
  /// Documents sharing a collapse key share this number, from 1 to
  /// collapse_groups() - 1; 0 for a document without a key.
  std::uint32_t collapse_group(Xapian::docid docid) const { return collapse_[docid]; }
  std::uint32_t collapse_groups() const { return collapse_groups_; }

  /// Ids of the document's regions, topics and people (index into the names).
  std::span<const std::uint32_t> regions(Xapian::docid docid) const { return regions_.of(docid); }
  std::span<const std::uint32_t> topics(Xapian::docid docid) const { return topics_.of(docid); }
  std::span<const std::uint32_t> people(Xapian::docid docid) const { return people_.of(docid); }

  const std::vector<std::string>& region_names() const { return regions_.names; }
  const std::vector<std::string>& topic_names() const { return topics_.names; }
  const std::vector<std::string>& person_names() const { return people_.names; }
  const std::vector<std::string>& languages() const { return languages_; }

  /// Bytes held, for logs and tests.
  std::size_t memory_bytes() const;

 private:
  // A list of ids per docid in one array (compressed sparse rows).
  struct Lists {
    std::vector<std::uint32_t> begin;  // by docid, plus one past the end
    std::vector<std::uint32_t> ids;
    std::vector<std::string> names;
    std::span<const std::uint32_t> of(Xapian::docid docid) const {
      return {ids.data() + begin[docid], ids.data() + begin[docid + 1]};
    }
  };

  std::vector<std::uint16_t> month_;
  std::vector<std::uint8_t> language_;
  std::vector<std::uint32_t> collapse_;
  std::uint32_t collapse_groups_ = 0;
  std::vector<std::string> languages_;
  Lists regions_;
  Lists topics_;
  Lists people_;
};

/// The FacetCache of the current revision of a set of shards, shared by the
/// Searchers of a pool so that one copy serves every thread. Thread-safe.
///
/// A cache is only ever used for the revision it was read from (a replaced
/// article keeps its docid, so an older cache could count its old values).
/// After a commit the first search that wants one rebuilds it, at most once
/// per kMinRebuildSeconds; meanwhile, and while another thread builds,
/// searches read the value streams as they would without a cache.
class FacetCacheStore {
 public:
  static constexpr double kMinRebuildSeconds = 10;

  explicit FacetCacheStore(double min_rebuild_seconds = kMinRebuildSeconds)
      : min_rebuild_seconds_(min_rebuild_seconds) {}

  /// The cache of revision `key` (see revision_key()), built from `database`
  /// (opened at that revision) when there is none yet; nullptr when another
  /// thread is building one or the last build is too recent.
  std::shared_ptr<const FacetCache> get(const std::string& key, const Xapian::Database& database);

  /// The revision of every shard of `shards`, joined: equal keys, equal content.
  static std::string revision_key(const std::vector<Xapian::Database>& shards);

 private:
  const double min_rebuild_seconds_;
  std::mutex mutex_;
  std::string key_;
  std::shared_ptr<const FacetCache> cache_;
  bool building_ = false;
  double last_build_ = -1e300;  // steady-clock seconds
};

}  // namespace izdeu::corpus
