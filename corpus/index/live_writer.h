#pragma once
// The writer of a live index: the one IndexWriter of a served index, shared by
// every thread that writes through it (the HTTP write API).
//
// Durability: apply() returns only after its changes are committed, and a
// Xapian commit is durable (it fsyncs every table, then the version file that
// names the new revision, and never overwrites the blocks of the revision it
// replaces; LiveWriter then fsyncs the directory, so that the version file's
// rename is on disk too): what apply() acknowledged survives the process being killed and
// the machine losing power; a change in flight at that moment is either whole
// or absent. Commits are grouped: changes that arrive while one commit runs
// wait for the next, which then serves them all, so concurrent writers share
// one commit (and its fsyncs) instead of queueing one commit each.
//
// Why no write-ahead journal: on the machine of BENCHMARKS.md an append with
// fdatasync takes ~4 ms and a Xapian commit of one article ~28 ms, so a journal
// would answer a lone writer's single articles ~7x sooner; batches and
// concurrent writers share a commit either way. Committing first keeps one
// copy of every article, needs no replay at start, and makes an acknowledged
// article visible to the next search and GET at once (`?wait=true` is always
// met). The measured throughput is in BENCHMARKS.md ("Writes over HTTP").

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "corpus/date.h"
#include "corpus/error.h"
#include "corpus/index/index_writer.h"

namespace izdeu::corpus {

/// A file a running server writes into the index directory it owns
/// ("izdeu-server pid N url URL"), so that a second writer refused the lock
/// can say who holds it and where to send articles instead.
inline constexpr const char* kWriterNoteFile = ".izdeu-writer";

/// One change to apply: an article to add or replace (a document prepared by
/// prepare_document()), one to delete by id, or every article of a source
/// and/or dated before a day.
struct IndexChange {
  enum class Kind { kPut, kDelete, kDeleteWhere };
  Kind kind = Kind::kPut;
  std::string id;              ///< kPut, kDelete
  Xapian::Document document;   ///< kPut
  std::string source;          ///< kDeleteWhere: "" for any source
  std::optional<Date> before;  ///< kDeleteWhere: dated strictly before this day
};

/// What a change did, in the order the changes were given.
struct ChangeOutcome {
  enum class Status { kIndexed, kReplaced, kDeleted, kNotFound };
  Status status = Status::kIndexed;
  std::uint64_t deleted = 0;  ///< kDeleteWhere: how many articles it deleted
};

struct LiveWriterOptions {
  /// Changes waiting for a commit beyond which apply() refuses more
  /// (kResourceExhausted): a writer faster than the index gets told to slow
  /// down instead of growing memory. A single apply() larger than this is
  /// taken when nothing else waits.
  std::size_t max_pending = 4096;
  /// Called on the commit thread before each group is applied, with the
  /// number of changes in it; for tests that need a commit to be in flight.
  std::function<void(std::size_t)> before_group;
};

class LiveWriter {
 public:
  /// Opens (creating) the index at `path` for writing and starts the commit
  /// thread. kUnavailable when another writer holds the lock.
  static Result<std::unique_ptr<LiveWriter>> open(const std::string& path,
                                                  const LiveWriterOptions& options = {});
  ~LiveWriter();
  LiveWriter(const LiveWriter&) = delete;
  LiveWriter& operator=(const LiveWriter&) = delete;

  /// Applies `changes` in order and returns once they are committed (durable
  /// and visible to readers that reopen), with one outcome per change.
  /// kResourceExhausted when too many changes wait already (nothing applied);
  /// an error of the index (kUnavailable, kDataLoss) when the commit failed,
  /// in which case none of the changes is acknowledged. Thread-safe.
  Result<std::vector<ChangeOutcome>> apply(std::vector<IndexChange> changes);

  struct Stats {
    std::uint64_t commits = 0;                ///< commits made
    std::uint64_t changes = 0;                ///< changes committed
    std::size_t pending = 0;                  ///< changes waiting for a commit now
    std::uint64_t refused = 0;                ///< apply() calls refused for a full queue
    std::chrono::nanoseconds last_commit{0};  ///< how long the last commit (with its fsyncs) took
    std::chrono::nanoseconds oldest_pending{0};  ///< how long the oldest waiting change has waited
    std::uint64_t documents = 0;                 ///< articles in the index after the last commit
  };
  Stats stats() const;

  const std::string& path() const { return path_; }

 private:
  struct Batch;
  LiveWriter(std::string path, IndexWriter writer, const LiveWriterOptions& options);
  void run();
  void commit_group(std::vector<std::shared_ptr<Batch>>& group);

  std::string path_;
  IndexWriter writer_;  // used by the commit thread only
  LiveWriterOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Batch>> queue_;
  std::size_t pending_ = 0;
  bool stopping_ = false;
  Stats stats_;
  std::thread thread_;
};

}  // namespace izdeu::corpus
