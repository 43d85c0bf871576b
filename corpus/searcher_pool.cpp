#include "corpus/searcher_pool.h"

namespace izdeu::corpus {

SearcherPool::SearcherPool(std::vector<Searcher> searchers) : searchers_(std::move(searchers)) {
  for (Searcher& searcher : searchers_) free_.push_back(&searcher);
}

// Moving a vector keeps its elements where they are, so the free list stays valid.
SearcherPool::SearcherPool(SearcherPool&& other) noexcept
    : searchers_(std::move(other.searchers_)), free_(std::move(other.free_)) {}

Result<SearcherPool> SearcherPool::open(const std::vector<std::string>& paths, std::size_t size) {
  if (size == 0) return invalid_argument("a searcher pool needs at least one searcher");
  std::vector<Searcher> searchers;
  searchers.reserve(size);
  for (std::size_t i = 0; i < size; ++i) {
    auto searcher = Searcher::open(paths);
    if (!searcher) return searcher.error();
    // One facet cache for the whole pool, not one per thread.
    if (!searchers.empty()) searcher->share_facet_cache(searchers.front());
    searchers.push_back(std::move(*searcher));
  }
  // The first search should not pay for reading the facet cache.
  if (auto warm = searchers.front().warm_up(); !warm) return warm.error();
  return SearcherPool(std::move(searchers));
}

SearcherPool::Lease SearcherPool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !free_.empty(); });
  Searcher* searcher = free_.back();
  free_.pop_back();
  return Lease(*this, searcher);
}

void SearcherPool::release(Searcher* searcher) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(searcher);
  }
  available_.notify_one();
}

}  // namespace izdeu::corpus
