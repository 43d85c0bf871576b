#pragma once
// A fixed set of Searchers shared by a server's worker threads. A thread
// leases one Searcher for the length of a request, so no Xapian object is
// ever used by two threads at once (Xapian's thread rule), and each database
// handle stays open and warm between requests.
//
// Each Searcher reopens its handle itself when a writer has committed (see
// Searcher). The pool also watches the index's revision, so that a server can
// report when it last saw a new commit without leasing a Searcher.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "corpus/search/searcher.h"

namespace izdeu::corpus {

class SearcherPool {
 public:
  /// Opens `size` Searchers over the same shards.
  static Result<SearcherPool> open(const std::vector<std::string>& paths, std::size_t size);

  /// Exclusive use of one Searcher until the Lease is destroyed.
  class Lease {
   public:
    Lease(SearcherPool& pool, Searcher* searcher) : pool_(&pool), searcher_(searcher) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease(Lease&& other) noexcept : pool_(other.pool_), searcher_(other.searcher_) {
      other.searcher_ = nullptr;
    }
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (searcher_ != nullptr) pool_->release(searcher_);
    }
    Searcher& operator*() const { return *searcher_; }
    Searcher* operator->() const { return searcher_; }

   private:
    SearcherPool* pool_;
    Searcher* searcher_;
  };

  /// Blocks until a Searcher is free. Thread-safe. At most once a second it
  /// also checks the index revision (see status()), so changed_at follows
  /// commits while the server is busy even if nobody asks for status().
  Lease acquire();

  /// The index as the pool sees it now.
  struct Status {
    std::uint64_t documents = 0;  ///< articles in all shards
    std::uint64_t revision = 0;   ///< sum of the shards' Xapian revisions; grows with every commit
    /// When the pool first saw `revision`: when it was opened, or the first
    /// check after the commit that made it (checks: every status() call, and
    /// acquire() at most once a second).
    std::chrono::system_clock::time_point changed_at;
  };

  /// Picks up any new commit and reports. Thread-safe; never waits for a
  /// free Searcher. kUnavailable (or kDataLoss) when a shard cannot be read.
  Result<Status> status();

  std::size_t size() const { return searchers_.size(); }

  SearcherPool(SearcherPool&& other) noexcept;
  SearcherPool& operator=(SearcherPool&&) = delete;
  ~SearcherPool();

 private:
  struct Watch;

  SearcherPool(std::vector<Searcher> searchers, std::unique_ptr<Watch> watch);
  void release(Searcher* searcher);

  std::vector<Searcher> searchers_;
  std::vector<Searcher*> free_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::unique_ptr<Watch> watch_;
};

}  // namespace izdeu::corpus
