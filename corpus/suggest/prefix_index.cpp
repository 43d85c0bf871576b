#include "corpus/suggest/prefix_index.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace izdeu::corpus {
namespace {

// The longest prefix of `text` of at most `max` bytes that does not end
// inside a UTF-8 sequence.
std::size_t cut_length(std::string_view text, std::size_t max) {
  if (text.size() <= max) return text.size();
  std::size_t length = max;
  while (length > 0 && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
  return length;
}

}  // namespace

void PrefixIndex::Builder::add(std::string_view key, std::span<const std::uint32_t> starts,
                               std::uint32_t item, std::uint32_t rank) {
  if (key.empty()) return;
  if (pool_.size() + key.size() > std::numeric_limits<std::uint32_t>::max()) {
    // 4 GiB of keys is far beyond any configured cap; refuse rather than wrap.
    throw std::length_error("prefix index keys exceed 4 GiB");
  }
  const auto base = static_cast<std::uint32_t>(pool_.size());
  pool_ += key;
  for (const std::uint32_t start : starts) {
    if (start >= key.size()) continue;
    const std::string_view suffix = key.substr(start);
    const auto length = static_cast<std::uint32_t>(cut_length(suffix, kMaxKeyBytes));
    entries_.push_back({{base + start, base + start + length, item}, rank});
  }
}

namespace {

constexpr std::uint64_t pack(std::uint32_t rank, std::size_t index) {
  return (static_cast<std::uint64_t>(rank) << 32) |
         (0xFFFFFFFFu - static_cast<std::uint32_t>(index));
}

constexpr std::size_t unpack_index(std::uint64_t packed) {
  return 0xFFFFFFFFu - static_cast<std::uint32_t>(packed & 0xFFFFFFFFu);
}

}  // namespace

PrefixIndex PrefixIndex::Builder::build() && {
  PrefixIndex index;
  index.pool_ = std::move(pool_);
  const std::string_view pool = index.pool_;
  auto key = [pool](const Entry& e) { return pool.substr(e.begin, e.end - e.begin); };
  std::sort(entries_.begin(), entries_.end(), [&key](const Ranked& a, const Ranked& b) {
    const int order = key(a.entry).compare(key(b.entry));
    if (order != 0) return order < 0;
    return a.rank > b.rank;
  });
  const std::size_t n = entries_.size();
  if (n >= 0xFFFFFFFFu) throw std::length_error("prefix index has too many entries");
  index.entries_.reserve(n);
  index.tree_.assign(2 * n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    index.entries_.push_back(entries_[i].entry);
    index.tree_[n + i] = pack(entries_[i].rank, i);
  }
  for (std::size_t p = n; p-- > 1;)
    index.tree_[p] = std::max(index.tree_[2 * p], index.tree_[2 * p + 1]);
  entries_.clear();
  entries_.shrink_to_fit();
  index.pool_.shrink_to_fit();
  return index;
}

// The bottom-up segment tree query over [first, last): each level takes at
// most one node from each end.
std::uint64_t PrefixIndex::best_in(std::size_t first, std::size_t last) const {
  const std::size_t n = entries_.size();
  std::uint64_t best = 0;
  for (std::size_t l = first + n, r = last + n; l < r; l >>= 1, r >>= 1) {
    if (l & 1) best = std::max(best, tree_[l++]);
    if (r & 1) best = std::max(best, tree_[--r]);
  }
  return best;
}

PrefixIndex::Range PrefixIndex::range(std::string_view prefix) const {
  prefix = prefix.substr(0, cut_length(prefix, kMaxKeyBytes));
  const auto first = std::partition_point(entries_.begin(), entries_.end(),
                                          [&](const Entry& e) { return key(e) < prefix; });
  // Keys that start with `prefix` sort right after it, before any other key >= prefix.
  const auto last = std::partition_point(first, entries_.end(), [&](const Entry& e) {
    return key(e).substr(0, prefix.size()) == prefix;
  });
  return {static_cast<std::size_t>(first - entries_.begin()),
          static_cast<std::size_t>(last - entries_.begin())};
}

std::size_t PrefixIndex::count(std::string_view prefix) const {
  const Range r = range(prefix);
  return r.last - r.first;
}

std::vector<std::uint32_t> PrefixIndex::top(std::string_view prefix, std::size_t count) const {
  std::vector<std::uint32_t> items;
  if (count == 0) return items;
  const Range r = range(prefix);
  if (r.first == r.last) return items;

  struct Candidate {
    std::uint64_t best;  // the best entry of [first, last), packed
    std::size_t first;
    std::size_t last;
  };
  // A max-heap of ranges by their best entry; popping one splits its range
  // around that entry. Holds at most one range more than entries popped.
  std::vector<Candidate> heap;
  const auto worse = [](const Candidate& a, const Candidate& b) { return a.best < b.best; };
  auto push = [&](std::size_t first, std::size_t last) {
    if (first >= last) return;
    heap.push_back({best_in(first, last), first, last});
    std::push_heap(heap.begin(), heap.end(), worse);
  };
  push(r.first, r.last);
  for (std::size_t budget = 4 * count + 16; budget > 0 && !heap.empty() && items.size() < count;
       --budget) {
    std::pop_heap(heap.begin(), heap.end(), worse);
    const Candidate candidate = heap.back();
    heap.pop_back();
    const std::size_t best = unpack_index(candidate.best);
    const std::uint32_t item = entries_[best].item;
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
    push(candidate.first, best);
    push(best + 1, candidate.last);
  }
  return items;
}

std::size_t PrefixIndex::memory_bytes() const {
  return pool_.capacity() + entries_.capacity() * sizeof(Entry) +
         tree_.capacity() * sizeof(std::uint64_t);
}

}  // namespace izdeu::corpus
