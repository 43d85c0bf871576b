#pragma once
// The parallel half of an ingest job:
//
//   reader (calling thread)   reads records (JSONL lines, page dumps) unparsed
//     -> work queue           bounded in records and bytes
//   workers (N threads)       parse, prepare (corpus::prepare_document: id,
//                             language, analysis, entities, encoding)
//     -> reorder window       puts results back into input order
//   routing                   picks each article's shard, reports skipped input
//     -> one queue per shard  bounded in documents and estimated bytes
//   writers (one per shard)   add or replace, commit when the batch is big
//
// Every stage is bounded, so memory stays within PipelineSettings however
// large the input. Results leave the workers in input order, so an id that
// occurs twice ends up as the later article, as with one thread.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "corpus/article.h"
#include "corpus/error.h"
#include "corpus/index/index_writer.h"
#include "corpus/index/prepare.h"
#include "indexer/archive_reader.h"

namespace izdeu::indexer {

struct PipelineSettings {
  unsigned threads = 2;  ///< workers that parse and analyze (at least 1)
  /// Records read ahead of the workers: at most this many bytes of raw input.
  std::size_t read_ahead_bytes = 16u << 20;
  /// Encoded documents waiting for each writer: at most this many estimated bytes.
  std::size_t document_queue_bytes = 32u << 20;
  /// Each writer commits when the changes it has buffered reach this many
  /// estimated bytes (Xapian keeps them in memory until the commit).
  std::size_t flush_bytes = 256u << 20;
  /// ... or when it has buffered this many articles; 0 = no count limit.
  std::size_t batch_size = 0;
  /// What the workers prepare each article with (corpus::prepare_document):
  /// the taxonomy and gazetteer, or an annotation that replaces theirs. Used
  /// from several threads at once.
  corpus::PrepareOptions prepare;
};

/// Chooses the shard (index into the writers) of an article id. Calls never
/// overlap and come in input order. An error stops the pipeline.
using ShardRouter = std::function<corpus::Result<std::size_t>(const std::string& id)>;

struct PipelineCounts {
  std::uint64_t read = 0;  ///< articles parsed
  std::uint64_t added = 0;
  std::uint64_t replaced = 0;
  std::uint64_t bytes = 0;    ///< archive bytes read
  std::uint64_t commits = 0;  ///< commits made while writing (the final ones excluded)
  std::size_t peak_queued_records = 0;
  std::size_t peak_queued_documents = 0;
};

/// Progress: articles written so far, archive bytes read, bytes in all.
using PipelineProgress = std::function<void(std::uint64_t articles, std::uint64_t bytes_done,
                                            std::uint64_t bytes_total)>;

/// Reads every file into `writers` (one per shard, each used by one writer
/// thread only) and leaves their last batch uncommitted. Bad input is skipped
/// and reported to `on_issue` in input order, from whichever thread gets to
/// it (calls never overlap); so is a record whose parsing or preparation
/// throws (reason "unexpected error: ..."), which never stops the run. Fails when a writer fails
/// (the index cannot be written); then nothing more is read.
corpus::Result<PipelineCounts> run_pipeline(const std::vector<ArchiveFile>& files,
                                            std::vector<corpus::IndexWriter>& writers,
                                            const ShardRouter& route,
                                            const PipelineSettings& settings,
                                            const PipelineProgress& on_progress,
                                            const IssueSink& on_issue);

/// The estimated memory of an encoded document while it waits in a queue and
/// while Xapian buffers its postings; what PipelineSettings' byte limits count.
std::size_t estimated_document_bytes(const Xapian::Document& document);

}  // namespace izdeu::indexer
