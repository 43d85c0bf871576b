#pragma once
// Reads archives into an index: list files -> read, analyze and write them in
// parallel (ingest_pipeline.h) -> commit, and for a new index built in
// shards, merge the shards into one database.
//
// How the index is written depends on what is already there (index_layout.h):
//   new       --shards N databases are built side by side, then compacted into
//             one (Xapian::Compactor), or kept as shards with --no-merge;
//   single    one writer updates the database in place, committing as it
//             goes, so a running server sees the new articles;
//   sharded   one writer per shard updates the shards in place; an article
//             already in a shard is replaced there, a new one goes to the
//             shard its id hashes to.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "analyzers/gazetteers/topic_taxonomy.h"
#include "corpus/article.h"
#include "corpus/error.h"
#include "corpus/index/article_codec.h"
#include "indexer/archive_reader.h"

namespace izdeu::indexer {

struct IngestOptions {
  std::string index_path;
  std::vector<std::string> paths;       ///< files and directories to index
  std::vector<std::string> delete_ids;  ///< article ids to delete first
  /// Commit at least every this many articles per writer; 0: only when the
  /// memory budget is used up (and at the end). The default is measured:
  /// Xapian's in-memory postings slow down as they grow, and with 4.6 KB
  /// articles commits every 250–1,000 articles per writer indexed 20–25 %
  /// faster than every 2,000–4,000 (BENCHMARKS.md, "Indexing").
  std::size_t batch_size = 1000;
  unsigned threads = 0;  ///< analysis threads; 0: one per core
  /// Databases a new index is built in, in parallel; 0: one per analysis
  /// thread. Ignored for an existing index (its shape is kept).
  unsigned shards = 0;
  bool merge = true;  ///< compact the shards of a new index into one database
  /// Memory for buffered work: records read ahead, documents waiting for the
  /// writers and the changes each writer holds until it commits.
  std::size_t memory_mb = 1024;
  /// Runs instead of the entity tagging on the worker threads; see
  /// corpus::PrepareOptions::annotate. Empty: corpus::annotate_entities
  /// (people, regions, and topics from `topics`).
  std::function<void(corpus::Article&, const corpus::ArticleTokens&)> annotate;
  /// Topics articles are tagged with by the default annotation; null for the
  /// built-in taxonomy.
  std::shared_ptr<const analyzers::TopicTaxonomy> topics;
};

struct IngestStats {
  std::uint64_t files = 0;
  std::uint64_t read = 0;  ///< articles read from the archives
  std::uint64_t added = 0;
  std::uint64_t replaced = 0;  ///< same id was already in the index
  std::uint64_t deleted = 0;
  std::uint64_t delete_missing = 0;  ///< --delete ids that were not in the index
  std::uint64_t bytes = 0;           ///< archive bytes read
  std::vector<ReadIssue> skipped;    ///< files and lines that were not indexed, with reasons
  std::uint64_t documents_in_index = 0;
  double seconds = 0;

  unsigned threads = 0;            ///< analysis threads used
  unsigned shards = 0;             ///< databases written in parallel
  bool merged = false;             ///< the shards were compacted into one database
  double merge_seconds = 0;        ///< time spent compacting
  std::uint64_t commits = 0;       ///< intermediate commits (memory budget or --batch)
  std::vector<std::string> notes;  ///< how the options were applied, for the user

  std::uint64_t indexed() const { return added + replaced; }
};

/// Progress callback: articles written so far, archive bytes done, bytes in all.
using ProgressSink = std::function<void(std::uint64_t articles, std::uint64_t bytes_done,
                                        std::uint64_t bytes_total)>;

/// Announces a long step that has no article count ("merging 2 shards").
using StageSink = std::function<void(const std::string& stage)>;

/// Runs the whole job. Fails (kUnavailable) only when the index cannot be
/// opened or written; bad input is counted in stats.skipped and skipped. When
/// a new index that is merged at the end fails, its shards (DIR/.izdeu-build)
/// are removed.
/// `on_issue` sees every skipped item as it happens (for immediate reporting),
/// in input order.
corpus::Result<IngestStats> run_ingest(const IngestOptions& options,
                                       const ProgressSink& on_progress, const IssueSink& on_issue,
                                       const StageSink& on_stage = {});

}  // namespace izdeu::indexer
