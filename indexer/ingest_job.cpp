#include "indexer/ingest_job.h"

#include <chrono>

#include "corpus/entity_annotator.h"
#include "corpus/index_writer.h"

namespace izdeu::indexer {

corpus::Result<IngestStats> run_ingest(const IngestOptions& options,
                                       const ProgressSink& on_progress, const IssueSink& on_issue) {
  const auto started = std::chrono::steady_clock::now();
  auto writer = corpus::IndexWriter::open(options.index_path);
  if (!writer) return writer.error();

  IngestStats stats;
  auto skip = [&](const ReadIssue& issue) {
    stats.skipped.push_back(issue);
    if (on_issue) on_issue(issue);
  };

  for (const std::string& id : options.delete_ids) {
    auto removed = writer->remove(id);
    if (!removed) return removed.error();
    *removed ? ++stats.deleted : ++stats.delete_missing;
  }

  const std::vector<ArchiveFile> files = list_archive_files(options.paths, skip);
  std::uint64_t bytes_total = 0;
  for (const ArchiveFile& file : files) bytes_total += file.size_bytes;

  const analyzers::TopicTaxonomy& topics =
      options.topics ? *options.topics : analyzers::TopicTaxonomy::builtin();
  std::size_t pending = 0;
  std::optional<corpus::Error> write_error;
  for (const ArchiveFile& file : files) {
    ++stats.files;
    read_archive_file(
        file,
        [&](corpus::Article&& article) {
          if (write_error) return;
          ++stats.read;
          corpus::annotate_entities(article, topics);
          auto outcome = writer->add_or_replace(article);
          if (!outcome) {
            if (outcome.error().code == corpus::ErrorCode::kInvalidArgument) {
              skip({file.path, outcome.error().message});
            } else {
              write_error = outcome.error();
            }
            return;
          }
          *outcome == corpus::WriteOutcome::kReplaced ? ++stats.replaced : ++stats.added;
          if (++pending >= options.batch_size) {
            if (auto committed = writer->commit(); !committed) write_error = committed.error();
            pending = 0;
          }
          if (on_progress) on_progress(stats.read, stats.bytes, bytes_total);
        },
        skip);
    if (write_error) return *write_error;
    stats.bytes += file.size_bytes;
    if (on_progress) on_progress(stats.read, stats.bytes, bytes_total);
  }
  if (auto committed = writer->commit(); !committed) return committed.error();
  stats.documents_in_index = writer->document_count();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace izdeu::indexer
