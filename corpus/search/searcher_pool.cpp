#include "corpus/search/searcher_pool.h"

#include <xapian.h>

#include <atomic>

#include "corpus/index/index_revision.h"
#include "corpus/index/shards.h"

namespace izdeu::corpus {

// One extra read-only handle per shard, used only under `mutex`, so that
// status() neither leases a Searcher (it would wait behind busy requests) nor
// touches a Searcher's handle from a second thread.
struct SearcherPool::Watch {
  std::vector<std::string> paths;
  std::vector<Xapian::Database> shards;
  std::mutex mutex;
  Status seen;
  bool checked = false;
  // steady_clock nanoseconds of the last check acquire() started.
  std::atomic<std::int64_t> last_check{0};

  // Reopens every shard and updates `seen`. Caller holds `mutex`.
  Result<Status> check() {
    std::uint64_t documents = 0;
    std::uint64_t revision = 0;
    for (std::size_t i = 0; i < shards.size(); ++i) {
      // A commit landing between reopen() and the reads surfaces as
      // DatabaseModifiedError; reopening again reaches the newer revision.
      // Each attempt takes microseconds, so a few outlast any real writer.
      auto read = with_reopen_retry(shards[i], paths[i], [&]() -> Result<void> {
        shards[i].reopen();
        const Xapian::doccount count = shards[i].get_doccount();
        const std::uint64_t shard_revision = index_revision(shards[i]);
        documents += count;
        revision += shard_revision;
        return {};
      });
      if (!read) return read.error();
    }
    if (!checked || revision != seen.revision) seen.changed_at = std::chrono::system_clock::now();
    checked = true;
    seen.revision = revision;
    seen.documents = documents;
    return seen;
  }
};

SearcherPool::SearcherPool(std::vector<Searcher> searchers, std::unique_ptr<Watch> watch)
    : searchers_(std::move(searchers)), watch_(std::move(watch)) {
  for (Searcher& searcher : searchers_) free_.push_back(&searcher);
}

// Moving a vector keeps its elements where they are, so the free list stays valid.
SearcherPool::SearcherPool(SearcherPool&& other) noexcept
    : searchers_(std::move(other.searchers_)),
      free_(std::move(other.free_)),
      watch_(std::move(other.watch_)) {}

SearcherPool::~SearcherPool() = default;

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
  auto watch = std::make_unique<Watch>();
  watch->paths = paths;
  if (auto opened = open_shards(paths, &watch->shards); !opened) return opened.error();
  // The first search should not pay for reading the facet cache.
  if (auto warm = searchers.front().warm_up(); !warm) return warm.error();
  auto first = watch->check();
  if (!first) return first.error();
  return SearcherPool(std::move(searchers), std::move(watch));
}

SearcherPool::Lease SearcherPool::acquire() {
  // One thread a second does the check; the others skip it without waiting.
  using std::chrono::nanoseconds;
  const std::int64_t now =
      std::chrono::duration_cast<nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count();
  std::int64_t last = watch_->last_check.load(std::memory_order_relaxed);
  if (now - last >= nanoseconds(std::chrono::seconds(1)).count() &&
      watch_->last_check.compare_exchange_strong(last, now, std::memory_order_relaxed)) {
    std::unique_lock watch_lock(watch_->mutex, std::try_to_lock);
    // A failed check changes nothing; the Searcher reports the same error.
    if (watch_lock.owns_lock()) (void)watch_->check();
  }

  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !free_.empty(); });
  Searcher* searcher = free_.back();
  free_.pop_back();
  return Lease(*this, searcher);
}

Result<SearcherPool::Status> SearcherPool::status() {
  std::lock_guard lock(watch_->mutex);
  return watch_->check();
}

void SearcherPool::release(Searcher* searcher) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(searcher);
  }
  available_.notify_one();
}

}  // namespace izdeu::corpus
