#include "corpus/prefix_index.h"

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
    entries_.push_back({base + start, base + start + length, item, rank});
  }
}

PrefixIndex PrefixIndex::Builder::build() && {
  PrefixIndex index;
  index.pool_ = std::move(pool_);
  index.entries_ = std::move(entries_);
  std::sort(index.entries_.begin(), index.entries_.end(), [&index](const Entry& a, const Entry& b) {
    const int order = index.key(a).compare(index.key(b));
    if (order != 0) return order < 0;
    return a.rank > b.rank;
  });
  const std::size_t n = index.entries_.size();
  index.tree_.assign(2 * n, 0);
  for (std::size_t i = 0; i < n; ++i) index.tree_[n + i] = static_cast<std::uint32_t>(i);
  for (std::size_t p = n; p-- > 1;) {
    const std::uint32_t left = index.tree_[2 * p];
    const std::uint32_t right = index.tree_[2 * p + 1];
    index.tree_[p] = index.better(left, right) ? left : right;
  }
  index.pool_.shrink_to_fit();
  index.entries_.shrink_to_fit();
  return index;
}

bool PrefixIndex::better(std::uint32_t a, std::uint32_t b) const {
  const std::uint32_t rank_a = entries_[a].rank;
  const std::uint32_t rank_b = entries_[b].rank;
  return rank_a != rank_b ? rank_a > rank_b : a < b;
}

// The bottom-up segment tree query over [first, last): each level takes at
// most one node from each end.
std::uint32_t PrefixIndex::best_in(std::size_t first, std::size_t last) const {
  const std::size_t n = entries_.size();
  auto best = static_cast<std::uint32_t>(first);
  for (std::size_t l = first + n, r = last + n; l < r; l >>= 1, r >>= 1) {
    if (l & 1) {
      if (better(tree_[l], best)) best = tree_[l];
      ++l;
    }
    if (r & 1) {
      --r;
      if (better(tree_[r], best)) best = tree_[r];
    }
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
    std::uint32_t best;  // the best entry of [first, last)
    std::size_t first;
    std::size_t last;
  };
  // A max-heap of ranges by their best entry; popping one splits its range
  // around that entry. Holds at most one range more than entries popped.
  std::vector<Candidate> heap;
  const auto worse = [this](const Candidate& a, const Candidate& b) {
    return better(b.best, a.best);
  };
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
    const std::uint32_t item = entries_[candidate.best].item;
    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
    push(candidate.first, candidate.best);
    push(candidate.best + 1, candidate.last);
  }
  return items;
}

std::size_t PrefixIndex::memory_bytes() const {
  return pool_.capacity() + entries_.capacity() * sizeof(Entry) +
         tree_.capacity() * sizeof(std::uint32_t);
}

}  // namespace izdeu::corpus
