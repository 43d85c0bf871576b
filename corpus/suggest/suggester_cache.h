#pragma once
// The current Suggester of an index, rebuilt in the background when a writer
// commits, so that suggestions follow the index as searches do.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "corpus/error.h"
#include "corpus/suggest/suggester.h"

namespace izdeu::corpus {

struct SuggesterCacheOptions {
  SuggesterLimits limits;
  /// How often the background thread looks for a new revision. After a
  /// rebuild it waits at least twice as long as the rebuild took, so an
  /// indexer that commits constantly cannot keep a core busy rebuilding.
  std::chrono::milliseconds check_interval{5000};
  /// false: no thread; the owner calls refresh() (tests, tools).
  bool background = true;
};

/// Serves the Suggester of the latest revision it has built. Readers take a
/// shared_ptr to an immutable Suggester, so a rebuild never blocks or changes
/// a suggestion in progress: the old one serves until the new one is swapped
/// in, and is freed when its last reader lets go.
///
/// A revision is the list of the shards' Xapian revisions (each shard is a
/// single glass database); where a backend has none, the document count and
/// last docid stand in. Thread-safe.
class SuggesterCache {
 public:
  /// Opens the shards at `paths` (at least one); with options.background, the
  /// first build starts at once in the background. kUnavailable if a shard
  /// cannot be opened.
  static Result<std::unique_ptr<SuggesterCache>> open(const std::vector<std::string>& paths,
                                                      SuggesterCacheOptions options = {});

  /// Stops the background thread; a build in progress is abandoned.
  ~SuggesterCache();
  SuggesterCache(const SuggesterCache&) = delete;
  SuggesterCache& operator=(const SuggesterCache&) = delete;

  /// The newest Suggester, or null until the first build has finished.
  std::shared_ptr<const Suggester> current() const;

  /// Reopens the shards and rebuilds if their revision changed since the last
  /// build (or nothing was built yet). Returns whether it rebuilt. A build
  /// that races two commits is retried; on failure the old Suggester stays.
  /// Blocks while another refresh runs.
  Result<bool> refresh();

  /// Completed builds so far.
  std::uint64_t builds() const;

  /// The message of the last failed refresh, empty if the last one succeeded.
  std::string last_error() const;

 private:
  struct Shards;
  SuggesterCache(std::unique_ptr<Shards> shards, SuggesterCacheOptions options);
  void run();

  const SuggesterCacheOptions options_;

  mutable std::mutex refresh_mutex_;  // guards shards_ (Xapian objects are single-threaded)
  std::unique_ptr<Shards> shards_;
  std::vector<std::uint64_t> built_revision_;

  mutable std::mutex current_mutex_;  // guards the fields below
  std::shared_ptr<const Suggester> current_;
  std::uint64_t builds_ = 0;
  std::string last_error_;

  std::mutex stop_mutex_;
  std::condition_variable stop_;
  bool stopping_ = false;
  std::atomic<bool> cancel_{false};  // stops a build in progress when the cache is destroyed
  std::thread thread_;               // last: started once everything else is constructed
};

}  // namespace izdeu::corpus
