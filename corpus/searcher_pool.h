#pragma once
// A fixed set of Searchers shared by a server's worker threads. A thread
// leases one Searcher for the length of a request, so no Xapian object is
// ever used by two threads at once (Xapian's thread rule), and each database
// handle stays open and warm between requests.

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

#include "corpus/searcher.h"

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

  /// Blocks until a Searcher is free. Thread-safe.
  Lease acquire();

  SearcherPool(SearcherPool&& other) noexcept;
  SearcherPool& operator=(SearcherPool&&) = delete;

 private:
  explicit SearcherPool(std::vector<Searcher> searchers);
  void release(Searcher* searcher);

  std::vector<Searcher> searchers_;
  std::vector<Searcher*> free_;
  std::mutex mutex_;
  std::condition_variable available_;
};

}  // namespace izdeu::corpus
