#pragma once
// Builds an index from archive files the way `izdeu-indexer` does, for tests
// that query a real index (the server's in-process HTTP tests above all).

#include <string>
#include <vector>

#include "indexer/ingest_job.h"

namespace izdeu::testing {

/// The bundled sample archive (tests/fixtures/sample/).
inline std::string sample_archive() {
  return std::string(IZDEU_SOURCE_DIR) + "/tests/fixtures/sample";
}

/// Indexes `paths` (files or folders) into a new index at `index_path` with
/// the indexer's defaults; the ingest statistics, or the error that stopped it.
inline corpus::Result<indexer::IngestStats> index_archives(const std::string& index_path,
                                                           std::vector<std::string> paths) {
  indexer::IngestOptions options;
  options.index_path = index_path;
  options.paths = std::move(paths);
  return indexer::run_ingest(options, nullptr, nullptr);
}

}  // namespace izdeu::testing
