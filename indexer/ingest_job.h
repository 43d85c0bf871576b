#pragma once
// Reads archives into an index: list files -> read articles -> IndexWriter,
// committing in batches, counting what happened.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "analyzers/entities/topic_taxonomy.h"
#include "corpus/error.h"
#include "indexer/archive_reader.h"

namespace izdeu::indexer {

struct IngestOptions {
  std::string index_path;
  std::vector<std::string> paths;       ///< files and directories to index
  std::vector<std::string> delete_ids;  ///< article ids to delete first
  std::size_t batch_size = 1000;        ///< articles per commit
  /// Topics articles are tagged with (corpus::annotate_entities); null for
  /// the built-in taxonomy.
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

  std::uint64_t indexed() const { return added + replaced; }
};

/// Progress callback: articles read so far, archive bytes done, bytes in all.
using ProgressSink = std::function<void(std::uint64_t articles, std::uint64_t bytes_done,
                                        std::uint64_t bytes_total)>;

/// Runs the whole job. Fails (kUnavailable) only when the index cannot be
/// opened or written; bad input is counted in stats.skipped and skipped.
/// `on_issue` sees every skipped item as it happens (for immediate reporting).
corpus::Result<IngestStats> run_ingest(const IngestOptions& options,
                                       const ProgressSink& on_progress, const IssueSink& on_issue);

}  // namespace izdeu::indexer
