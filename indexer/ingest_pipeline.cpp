#include "indexer/ingest_pipeline.h"

#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "indexer/bounded_queue.h"
#include "indexer/reorder_window.h"

namespace izdeu::indexer {
namespace {

// Bookkeeping of a queued record besides its text (the Job itself, the
// deque slot); keeps tiny records from looking free.
constexpr std::size_t kRecordOverheadBytes = 256;

// What a worker takes: one raw record, or a problem the reader met, which
// travels the same way so that all problems are reported in input order.
struct Job {
  std::uint64_t seq = 0;
  std::size_t file = 0;
  RawRecord record;
  std::optional<ReadIssue> issue;
};

// What a worker hands back: an encoded article or the reason it was skipped.
struct Encoded {
  std::optional<ReadIssue> issue;
  std::string id;
  std::optional<Xapian::Document> document;
  std::size_t bytes = 0;
};

// What a writer takes.
struct Routed {
  std::string id;
  Xapian::Document document;
  std::size_t bytes = 0;
};

class Pipeline {
 public:
  Pipeline(const std::vector<ArchiveFile>& files, std::vector<corpus::IndexWriter>& writers,
           const ShardRouter& route, const PipelineSettings& settings,
           const PipelineProgress& on_progress, const IssueSink& on_issue)
      : files_(files),
        writers_(writers),
        route_(route),
        settings_(settings),
        on_progress_(on_progress),
        on_issue_(on_issue),
        threads_(settings.threads > 0 ? settings.threads : 1),
        work_(64 * threads_, settings.read_ahead_bytes),
        // Far enough ahead that one slow article does not stall the others,
        // close enough that held-back documents stay few.
        window_(4 * threads_) {
    for (std::size_t i = 0; i < writers_.size(); ++i) {
      shard_queues_.push_back(
          std::make_unique<BoundedQueue<Routed>>(2 * threads_ + 8, settings.document_queue_bytes));
    }
  }

  corpus::Result<PipelineCounts> run() {
    std::vector<std::thread> writer_threads;
    for (std::size_t shard = 0; shard < writers_.size(); ++shard) {
      writer_threads.emplace_back([this, shard] { write_shard(shard); });
    }
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < threads_; ++i) workers.emplace_back([this] { work(); });

    read_all();
    work_.finish();
    for (auto& worker : workers) worker.join();
    for (auto& queue : shard_queues_) queue->finish();
    for (auto& writer : writer_threads) writer.join();

    if (failure_) return *failure_;
    counts_.added = added_;
    counts_.replaced = replaced_;
    counts_.commits = commits_;
    counts_.peak_queued_records = work_.peak_items();
    for (const auto& queue : shard_queues_) {
      counts_.peak_queued_documents += queue->peak_items();
    }
    if (on_progress_) on_progress_(written_, counts_.bytes, bytes_total_);
    return counts_;
  }

 private:
  // The calling thread: reads records and feeds the workers.
  void read_all() {
    for (const ArchiveFile& file : files_) bytes_total_ += file.size_bytes;
    std::uint64_t bytes_done = 0;
    for (std::size_t index = 0; index < files_.size() && !failed_; ++index) {
      std::uint64_t bytes_in_file = 0;
      read_raw_records(
          files_[index],
          [&](RawRecord&& record) {
            const std::size_t size = record.text.size();
            bytes_in_file += size + 1;
            Job job{next_seq_++, index, std::move(record), std::nullopt};
            if (!work_.push(std::move(job), size + kRecordOverheadBytes)) return false;
            if (on_progress_) {
              on_progress_(written_, bytes_done + std::min(bytes_in_file, files_[index].size_bytes),
                           bytes_total_);
            }
            return true;
          },
          [&](const ReadIssue& issue) {
            work_.push(Job{next_seq_++, index, {}, issue}, kRecordOverheadBytes);
          });
      bytes_done += files_[index].size_bytes;
      counts_.bytes = bytes_done;
    }
  }

  // A worker thread: parse, prepare; hand back in order.
  void work() {
    const auto release = [this](Encoded&& encoded) { route_one(std::move(encoded)); };
    while (auto job = work_.pop()) {
      Encoded encoded;
      try {
        encoded = encode(*job);
      } catch (const std::exception& e) {
        // Parsing and preparing are meant not to throw on any input; if one
        // record ever makes them, that record is skipped and reported like
        // any bad record, and the run goes on (the index is not at fault).
        encoded = skipped(*job, std::string("unexpected error: ") + e.what());
      } catch (...) {
        encoded = skipped(*job, "unexpected error");
      }
      if (failed_ || !window_.put(job->seq, std::move(encoded), release)) break;
    }
    if (failed_) window_.cancel();
  }

  Encoded skipped(const Job& job, std::string reason) const {
    Encoded encoded;
    encoded.issue = ReadIssue{record_location(files_[job.file], job.record), std::move(reason)};
    return encoded;
  }

  Encoded encode(Job& job) const {
    Encoded encoded;
    if (job.issue) {
      encoded.issue = std::move(job.issue);
      return encoded;
    }
    const ArchiveFile& file = files_[job.file];
    auto raw = parse_raw_record(file.format, job.record.text);
    if (!raw) {
      encoded.issue = ReadIssue{record_location(file, job.record), raw.error().message};
      return encoded;
    }
    // Id, language, analysis, entities and encoding, all on this thread:
    // analysis is most of the cost of indexing.
    auto prepared = corpus::prepare_document(std::move(*raw), settings_.prepare);
    if (!prepared) {
      encoded.issue = ReadIssue{record_location(file, job.record), prepared.error().message};
      return encoded;
    }
    encoded.id = std::move(prepared->article.id);
    encoded.document = std::move(prepared->document);
    encoded.bytes = estimated_document_bytes(*encoded.document);
    return encoded;
  }

  // Runs with the reorder window locked, in input order.
  void route_one(Encoded&& encoded) {
    if (failed_) return;
    if (encoded.issue) {
      report(*encoded.issue);
      return;
    }
    ++counts_.read;
    auto shard = route_(encoded.id);
    if (!shard) {
      fail(shard.error(), /*window_locked=*/true);
      return;
    }
    shard_queues_[*shard]->push(
        Routed{std::move(encoded.id), std::move(*encoded.document), encoded.bytes}, encoded.bytes);
  }

  // A writer thread, one per shard.
  void write_shard(std::size_t shard) {
    corpus::IndexWriter& writer = writers_[shard];
    std::size_t buffered_bytes = 0;
    std::size_t buffered_articles = 0;
    while (auto item = shard_queues_[shard]->pop()) {
      auto outcome = writer.add_or_replace(item->id, item->document);
      if (!outcome) {
        if (outcome.error().code != corpus::ErrorCode::kInvalidArgument) {
          fail(outcome.error());
          return;
        }
        report({item->id, outcome.error().message});
        continue;
      }
      ++(*outcome == corpus::WriteOutcome::kReplaced ? replaced_ : added_);
      ++written_;
      buffered_bytes += item->bytes;
      ++buffered_articles;
      item.reset();  // the document's memory goes back before a commit needs more
      if (buffered_bytes >= settings_.flush_bytes ||
          (settings_.batch_size > 0 && buffered_articles >= settings_.batch_size)) {
        if (auto committed = writer.commit(); !committed) {
          fail(committed.error());
          return;
        }
        ++commits_;
        buffered_bytes = 0;
        buffered_articles = 0;
      }
    }
  }

  void report(const ReadIssue& issue) {
    std::lock_guard lock(issue_mutex_);
    if (on_issue_) on_issue_(issue);
  }

  // Stops every stage: queues drop what they hold and refuse more, waiting
  // threads wake up. The first error is the one returned.
  void fail(const corpus::Error& error, bool window_locked = false) {
    {
      std::lock_guard lock(failure_mutex_);
      if (!failure_) failure_ = error;
    }
    failed_ = true;
    work_.close();
    for (auto& queue : shard_queues_) queue->close();
    // A thread inside the window's release cannot cancel it (the lock is
    // held); the workers do once put() returns.
    if (!window_locked) window_.cancel();
  }

  const std::vector<ArchiveFile>& files_;
  std::vector<corpus::IndexWriter>& writers_;
  const ShardRouter& route_;
  const PipelineSettings& settings_;
  const PipelineProgress& on_progress_;
  const IssueSink& on_issue_;
  const unsigned threads_;

  BoundedQueue<Job> work_;
  ReorderWindow<Encoded> window_;
  std::vector<std::unique_ptr<BoundedQueue<Routed>>> shard_queues_;

  std::uint64_t next_seq_ = 0;
  std::uint64_t bytes_total_ = 0;
  PipelineCounts counts_;
  std::atomic<std::uint64_t> written_{0};
  std::atomic<std::uint64_t> added_{0};
  std::atomic<std::uint64_t> replaced_{0};
  std::atomic<std::uint64_t> commits_{0};

  std::mutex issue_mutex_;
  std::mutex failure_mutex_;
  std::optional<corpus::Error> failure_;
  std::atomic<bool> failed_{false};
};

}  // namespace

std::size_t estimated_document_bytes(const Xapian::Document& document) {
  // Measured on synthetic 4.6 KB articles: a term costs about this much while
  // the document waits and again in Xapian's buffers (map nodes, the term,
  // its posting); positions and stored text add about twice the text.
  constexpr std::size_t kBytesPerTerm = 160;
  return document.termlist_count() * kBytesPerTerm + 2 * document.get_data().size();
}

corpus::Result<PipelineCounts> run_pipeline(const std::vector<ArchiveFile>& files,
                                            std::vector<corpus::IndexWriter>& writers,
                                            const ShardRouter& route,
                                            const PipelineSettings& settings,
                                            const PipelineProgress& on_progress,
                                            const IssueSink& on_issue) {
  if (writers.empty()) return corpus::invalid_argument("no index to write to");
  Pipeline pipeline(files, writers, route, settings, on_progress, on_issue);
  return pipeline.run();
}

}  // namespace izdeu::indexer
