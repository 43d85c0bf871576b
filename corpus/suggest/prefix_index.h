#pragma once
// Sorted keys with a range-maximum tree: "the best items whose key starts
// with this prefix" in O(log n) per item returned, whatever the prefix length.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace izdeu::corpus {

/// An immutable set of entries (key, item, rank). A query names a prefix and
/// gets the distinct items of the entries whose key starts with it, highest
/// rank first. The entries are sorted by key, so a prefix's entries are one
/// contiguous range (two binary searches); a tree of the best entry of each
/// power-of-two block (a segment tree of rank and entry packed in one 64-bit
/// word, so a query touches nothing else) gives the range's best entry in
/// O(log n), and the next best ones come from splitting the range around it. A short prefix
/// matching a million entries costs no more than a long one matching ten, so no per-prefix tables
/// are needed.
///
/// Thread-safe for any number of concurrent readers (nothing mutable).
class PrefixIndex {
  struct Entry {
    std::uint32_t begin;  // key bytes in pool_
    std::uint32_t end;
    std::uint32_t item;
  };
  struct Ranked {
    Entry entry;
    std::uint32_t rank;
  };

 public:
  /// Keys are cut to this many bytes (at a UTF-8 boundary): a prefix longer
  /// than that is cut the same way, so it still matches.
  static constexpr std::size_t kMaxKeyBytes = 160;

  class Builder {
   public:
    /// Adds `key` for `item` once per offset in `starts` (byte offsets into
    /// `key`; 0 is the whole key), so that a prefix matches at any of them:
    /// the word starts of a title, say. Offsets at or past the end are ignored.
    /// A higher `rank` is better; equal ranks come out in key order.
    void add(std::string_view key, std::span<const std::uint32_t> starts, std::uint32_t item,
             std::uint32_t rank);

    PrefixIndex build() &&;

   private:
    std::string pool_;
    std::vector<Ranked> entries_;
  };

  PrefixIndex() = default;

  /// Up to `count` distinct items with an entry whose key starts with
  /// `prefix`, best rank first. At most 4 * count + 16 entries are looked at,
  /// so an item that fills the range with many entries cannot make it slow.
  /// An empty prefix matches every entry.
  std::vector<std::uint32_t> top(std::string_view prefix, std::size_t count) const;

  /// Number of entries whose key starts with `prefix`.
  std::size_t count(std::string_view prefix) const;

  std::size_t size() const { return entries_.size(); }
  /// Bytes held by the keys, entries and tree.
  std::size_t memory_bytes() const;

 private:
  struct Range {
    std::size_t first;
    std::size_t last;  // one past
  };

  std::string_view key(const Entry& entry) const {
    return std::string_view(pool_).substr(entry.begin, entry.end - entry.begin);
  }
  Range range(std::string_view prefix) const;
  // The best entry of [first, last) as packed in tree_.
  std::uint64_t best_in(std::size_t first, std::size_t last) const;

  std::string pool_;
  std::vector<Entry> entries_;  // sorted by key
  // tree_[n + i] packs entry i as rank << 32 | (2^32 - 1 - i): the larger
  // word is the better entry (higher rank, then earlier key). tree_[p] is the
  // larger of its two children.
  std::vector<std::uint64_t> tree_;
};

}  // namespace izdeu::corpus
