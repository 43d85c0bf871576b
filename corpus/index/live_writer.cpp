#include "corpus/index/live_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <utility>

#include "corpus/index/xapian_errors.h"
#include "corpus/schema.h"

namespace izdeu::corpus {

// One apply() call: its changes, and where the commit thread leaves the
// outcome for the caller waiting on `done`.
struct LiveWriter::Batch {
  std::vector<IndexChange> changes;
  std::chrono::steady_clock::time_point queued;
  std::optional<Result<std::vector<ChangeOutcome>>> result;
  std::condition_variable done;
};

namespace {

using Clock = std::chrono::steady_clock;

// Articles of `source` (as article_codec writes it: ASCII letters lowered)
// and/or dated before `before`; undated articles are never "before" a day.
Xapian::Query where_query(const IndexChange& change) {
  std::vector<Xapian::Query> parts;
  if (!change.source.empty()) {
    std::string source = change.source;
    for (char& c : source) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    parts.emplace_back(std::string(schema::kSourcePrefix) + source);
  }
  if (change.before) {
    // kDateSlot holds "YYYYMMDD"; the day before `before` is the range's end.
    const std::string day = change.before->to_yyyymmdd();
    parts.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kDateSlot,
                       std::to_string(std::stoll(day) - 1));
  }
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

// Xapian 1.4 fsyncs the new version file before renaming it over the old
// one, but not the directory that records the rename; after a power cut the
// old name could come back, and with it the previous revision. Syncing the
// directory makes the rename, and so the commit, durable before the answer.
Result<void> sync_directory(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return unavailable("cannot open " + path + " to sync it");
  const int synced = ::fsync(fd);
  ::close(fd);
  if (synced != 0) return unavailable("cannot sync " + path);
  return {};
}

}  // namespace

Result<std::unique_ptr<LiveWriter>> LiveWriter::open(const std::string& path,
                                                     const LiveWriterOptions& options) {
  auto writer = IndexWriter::open(path);
  if (!writer) return writer.error();
  return std::unique_ptr<LiveWriter>(new LiveWriter(path, std::move(*writer), options));
}

LiveWriter::LiveWriter(std::string path, IndexWriter writer, const LiveWriterOptions& options)
    : path_(std::move(path)), writer_(std::move(writer)), options_(options) {
  stats_.documents = writer_.document_count();
  thread_ = std::thread([this] { run(); });
}

LiveWriter::~LiveWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  (void)writer_.close();
}

Result<std::vector<ChangeOutcome>> LiveWriter::apply(std::vector<IndexChange> changes) {
  if (changes.empty()) return std::vector<ChangeOutcome>();
  auto batch = std::make_shared<Batch>();
  const std::size_t count = changes.size();
  batch->changes = std::move(changes);
  batch->queued = Clock::now();
  std::unique_lock lock(mutex_);
  if (stopping_) return unavailable("the index writer is shutting down");
  if (pending_ > 0 && pending_ + count > options_.max_pending) {
    ++stats_.refused;
    return resource_exhausted("too many writes waiting (" + std::to_string(pending_) +
                              " changes); retry later");
  }
  pending_ += count;
  queue_.push_back(batch);
  wake_.notify_all();
  batch->done.wait(lock, [&batch] { return batch->result.has_value(); });
  return std::move(*batch->result);
}

void LiveWriter::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, nothing left to commit
    // Everything that arrived while the last commit ran goes into this one.
    std::vector<std::shared_ptr<Batch>> group(queue_.begin(), queue_.end());
    queue_.clear();
    lock.unlock();
    commit_group(group);
    lock.lock();
    for (const auto& batch : group) {
      pending_ -= batch->changes.size();
      batch->done.notify_all();
    }
  }
}

// Runs on the commit thread without the mutex, except to publish results.
void LiveWriter::commit_group(std::vector<std::shared_ptr<Batch>>& group) {
  std::size_t changes = 0;
  if (options_.before_group) {
    for (const auto& batch : group) changes += batch->changes.size();
    options_.before_group(changes);
    changes = 0;
  }
  std::vector<Result<std::vector<ChangeOutcome>>> results;
  results.reserve(group.size());
  for (const auto& batch : group) {
    std::vector<ChangeOutcome> outcomes;
    std::optional<Error> failed;
    for (IndexChange& change : batch->changes) {
      ChangeOutcome outcome;
      if (change.kind == IndexChange::Kind::kPut) {
        auto written = writer_.add_or_replace(change.id, change.document);
        if (!written) {
          failed = written.error();
          break;
        }
        outcome.status = *written == WriteOutcome::kReplaced ? ChangeOutcome::Status::kReplaced
                                                             : ChangeOutcome::Status::kIndexed;
        change.document = Xapian::Document();  // the memory is the index's now
      } else if (change.kind == IndexChange::Kind::kDelete) {
        auto removed = writer_.remove(change.id);
        if (!removed) {
          failed = removed.error();
          break;
        }
        outcome.status =
            *removed ? ChangeOutcome::Status::kDeleted : ChangeOutcome::Status::kNotFound;
      } else {
        auto ids = writer_.find_ids(where_query(change));
        if (!ids) {
          failed = ids.error();
          break;
        }
        for (const std::string& id : *ids) {
          auto removed = writer_.remove(id);
          if (!removed) {
            failed = removed.error();
            break;
          }
          if (*removed) ++outcome.deleted;
        }
        if (failed) break;
        outcome.status = outcome.deleted > 0 ? ChangeOutcome::Status::kDeleted
                                             : ChangeOutcome::Status::kNotFound;
      }
      outcomes.push_back(outcome);
    }
    changes += batch->changes.size();
    if (failed) {
      results.emplace_back(*failed);
    } else {
      results.emplace_back(std::move(outcomes));
    }
  }
  // One commit for the whole group. Should it fail, no batch of the group
  // is acknowledged, including those whose changes applied cleanly: Xapian
  // keeps them pending and the next commit may write them, which is allowed
  // (an unacknowledged write may or may not survive), never the reverse.
  const auto started = Clock::now();
  auto committed = writer_.commit();
  if (committed) committed = sync_directory(path_);
  const auto took = Clock::now() - started;
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (!committed) {
      group[i]->result = committed.error();
    } else {
      group[i]->result = std::move(results[i]);
    }
  }
  ++stats_.commits;
  if (committed) stats_.changes += changes;
  stats_.last_commit = std::chrono::duration_cast<std::chrono::nanoseconds>(took);
  stats_.documents = writer_.document_count();
}

LiveWriter::Stats LiveWriter::stats() const {
  std::lock_guard lock(mutex_);
  Stats stats = stats_;
  stats.pending = pending_;
  if (!queue_.empty()) {
    stats.oldest_pending =
        std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - queue_.front()->queued);
  }
  return stats;
}

}  // namespace izdeu::corpus
