#include "indexer/ingest_job.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>

#include "corpus/index/fnv1a.h"
#include "corpus/index/index_compactor.h"
#include "corpus/index/index_writer.h"
#include "corpus/index/shard_lookup.h"
#include "indexer/index_layout.h"
#include "indexer/ingest_pipeline.h"

namespace izdeu::indexer {
namespace {

namespace fs = std::filesystem;

using Clock = std::chrono::steady_clock;

// Shards of a new index that is merged at the end live here until then.
constexpr const char* kBuildDirectory = ".izdeu-build";

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

unsigned default_threads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? cores : 1;
}

// How the memory budget is shared. Read-ahead and the document queues only
// have to keep the threads busy; everything else lets the writers buffer
// more between commits, which is what makes Xapian write faster.
PipelineSettings settings_for(const IngestOptions& options, unsigned threads, unsigned shards) {
  constexpr std::size_t kMiB = 1u << 20;
  const std::size_t total = std::max<std::size_t>(options.memory_mb, 1) * kMiB;
  PipelineSettings settings;
  settings.threads = threads;
  settings.read_ahead_bytes = std::clamp(total / 32, kMiB, 64 * kMiB);
  settings.document_queue_bytes = std::clamp(total / 16 / shards, kMiB, 128 * kMiB);
  const std::size_t queues = settings.read_ahead_bytes + shards * settings.document_queue_bytes;
  settings.flush_bytes = std::max(total > queues ? (total - queues) / shards : 0, 4 * kMiB);
  settings.batch_size = options.batch_size;
  // Entities are found on the worker threads: the recognizer, gazetteer and
  // taxonomy are immutable and shared.
  settings.prepare.topics = options.topics;
  settings.prepare.annotate = options.annotate;
  return settings;
}

// Where each database of this run is, and what happens to it at the end.
struct Plan {
  IndexShape shape = IndexShape::kNew;
  std::vector<std::string> databases;
  bool fresh = false;  ///< databases are created by this run (bulk mode)
  bool merge = false;  ///< compact `databases` into the index directory at the end
  std::string build_directory;
};

corpus::Result<Plan> plan_for(const IngestOptions& options, unsigned threads,
                              std::vector<std::string>& notes) {
  auto layout = inspect_index(options.index_path);
  if (!layout) return layout.error();
  Plan plan;
  plan.shape = layout->shape;
  if (layout->shape != IndexShape::kNew) {
    plan.databases = layout->databases;
    if (options.shards > 1 && layout->shape == IndexShape::kSingle) {
      notes.push_back(
          "the index exists as one database: it is updated in place by one writer "
          "(--shards applies to new indexes)");
    }
    return plan;
  }
  const unsigned shards = options.shards > 0 ? options.shards : threads;
  plan.fresh = true;
  plan.merge = options.merge;
  if (plan.merge) {
    plan.build_directory = (fs::path(options.index_path) / kBuildDirectory).string();
    for (unsigned shard = 0; shard < shards; ++shard) {
      plan.databases.push_back(shard_directory(plan.build_directory, shard));
    }
  } else {
    for (unsigned shard = 0; shard < shards; ++shard) {
      plan.databases.push_back(shard_directory(options.index_path, shard));
    }
  }
  return plan;
}

corpus::Result<std::vector<corpus::IndexWriter>> open_writers(const Plan& plan) {
  // Commits follow the memory budget (PipelineSettings::flush_bytes), not
  // Xapian's fixed count of documents.
  corpus::IndexWriter::disable_automatic_flush();
  std::vector<corpus::IndexWriter> writers;
  for (const std::string& path : plan.databases) {
    if (plan.fresh) {
      std::error_code ec;
      fs::create_directories(path, ec);
      if (ec) return corpus::unavailable("cannot create " + path + ": " + ec.message());
    }
    auto writer = corpus::IndexWriter::open(path, {.overwrite = plan.fresh, .bulk = plan.fresh});
    if (!writer) return writer.error();
    writers.push_back(std::move(*writer));
  }
  return writers;
}

// New articles of a sharded index go to the shard their id hashes to; the
// hash keeps a repeated id in one shard, where it replaces itself.
std::size_t hashed_shard(const std::string& id, std::size_t shards) {
  return static_cast<std::size_t>(corpus::fnv1a_64(id) % shards);
}

corpus::Result<void> apply_deletes(const IngestOptions& options,
                                   std::vector<corpus::IndexWriter>& writers, IngestStats& stats) {
  for (const std::string& id : options.delete_ids) {
    bool found = false;
    for (corpus::IndexWriter& writer : writers) {
      auto removed = writer.remove(id);
      if (!removed) return removed.error();
      found = found || *removed;
    }
    found ? ++stats.deleted : ++stats.delete_missing;
  }
  return {};
}

// Ends the run's writes: commits, and for a new index either merges the
// shards into the index directory or makes them durable and lists them.
corpus::Result<void> finish(const IngestOptions& options, const Plan& plan,
                            std::vector<corpus::IndexWriter>& writers, IngestStats& stats,
                            const StageSink& on_stage) {
  for (corpus::IndexWriter& writer : writers) {
    stats.documents_in_index += writer.document_count();
    // Shards that are about to be merged need no fsync: they are read once
    // and deleted, and a crash before the merge leaves no index to damage.
    auto done = plan.fresh && !plan.merge ? writer.sync() : writer.commit();
    if (!done) return done;
    if (auto closed = writer.close(); !closed) return closed;
  }
  if (plan.fresh && !plan.merge) {
    return write_shard_stub(options.index_path, static_cast<unsigned>(plan.databases.size()));
  }
  if (!plan.merge) return {};

  const auto started = Clock::now();
  if (on_stage) {
    on_stage("merging " + std::to_string(plan.databases.size()) +
             (plan.databases.size() == 1 ? " shard" : " shards") + " into one database");
  }
  auto compacted = corpus::compact_indexes(plan.databases, options.index_path);
  if (!compacted) return compacted;
  std::error_code ec;
  fs::remove_all(plan.build_directory, ec);
  stats.merged = true;
  stats.merge_seconds = seconds_since(started);
  return {};
}

// The job once its plan is made; the writers are closed when it returns.
corpus::Result<IngestStats> ingest(const IngestOptions& options, const Plan& plan,
                                   IngestStats stats, Clock::time_point started,
                                   const ProgressSink& on_progress, const IssueSink& on_issue,
                                   const StageSink& on_stage) {
  auto writers = open_writers(plan);
  if (!writers) return writers.error();
  stats.shards = static_cast<unsigned>(writers->size());

  if (auto deleted = apply_deletes(options, *writers, stats); !deleted) return deleted.error();

  auto skip = [&](const ReadIssue& issue) {
    stats.skipped.push_back(issue);
    if (on_issue) on_issue(issue);
  };
  const std::vector<ArchiveFile> files = list_archive_files(options.paths, skip);
  stats.files = files.size();

  // An article already in one of several shards stays in that shard.
  std::optional<corpus::ShardLookup> lookup;
  if (plan.shape == IndexShape::kSharded && writers->size() > 1) {
    auto opened = corpus::ShardLookup::open(plan.databases);
    if (!opened) return opened.error();
    lookup.emplace(std::move(*opened));
  }
  const std::size_t shards = writers->size();
  const ShardRouter route = [&](const std::string& id) -> corpus::Result<std::size_t> {
    if (shards == 1) return std::size_t{0};
    if (lookup) {
      auto found = lookup->find(id);
      if (!found) return found.error();
      if (*found) return **found;
    }
    return hashed_shard(id, shards);
  };

  const PipelineSettings settings = settings_for(options, stats.threads, stats.shards);
  auto counts = run_pipeline(files, *writers, route, settings, on_progress, skip);
  if (!counts) return counts.error();
  stats.read = counts->read;
  stats.added = counts->added;
  stats.replaced = counts->replaced;
  stats.bytes = counts->bytes;
  stats.commits = counts->commits;

  lookup.reset();
  if (auto finished = finish(options, plan, *writers, stats, on_stage); !finished) {
    return finished.error();
  }
  stats.seconds = seconds_since(started);
  return stats;
}

}  // namespace

corpus::Result<IngestStats> run_ingest(const IngestOptions& options,
                                       const ProgressSink& on_progress, const IssueSink& on_issue,
                                       const StageSink& on_stage) {
  const auto started = Clock::now();
  IngestStats stats;
  stats.threads = options.threads > 0 ? options.threads : default_threads();

  auto plan = plan_for(options, stats.threads, stats.notes);
  if (!plan) return plan.error();
  if (!plan->build_directory.empty()) {
    // Left over from a run that did not finish.
    std::error_code ec;
    fs::remove_all(plan->build_directory, ec);
  }
  auto result = ingest(options, *plan, std::move(stats), started, on_progress, on_issue, on_stage);
  if (!result && !plan->build_directory.empty()) {
    // A failed first build leaves nothing usable; its shards (which can be
    // as large as the index) are not left for the next run to find.
    std::error_code ec;
    fs::remove_all(plan->build_directory, ec);
  }
  return result;
}

}  // namespace izdeu::indexer
