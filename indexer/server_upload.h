#pragma once
// izdeu-indexer --server URL --key KEY PATH...: the indexer's second door.
// While izdeu-server owns an index (it holds the write lock), articles reach
// it through the server's write API instead of the index directory. The
// files are read here exactly as for --index (list_archive_files,
// read_archive_file: ids decided and languages detected by the corpus's
// prepare_article()), and sent as NDJSON batches to POST /api/v1/documents,
// where the server prepares them with the same corpus function; so an
// archive indexed through the server gets the same ids and terms.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "corpus/error.h"
#include "indexer/archive_reader.h"

namespace izdeu::indexer {

struct UploadOptions {
  std::string server_url;  ///< "http://host:port" (no path)
  std::string key;         ///< a key with the write right
  std::vector<std::string> paths;
  std::size_t batch_size = 500;  ///< articles per request
};

struct UploadStats {
  std::uint64_t read = 0;
  std::uint64_t indexed = 0;
  std::uint64_t replaced = 0;
  std::uint64_t refused = 0;  ///< items the server answered with an error (reported to on_issue)
  std::uint64_t requests = 0;
  std::uint64_t retries = 0;  ///< batches sent again after 429
  double seconds = 0;
};

/// Sends every article of `options.paths` to the server. Unreadable input
/// and items the server refuses go to `on_issue` ("path[:line]: reason") and
/// the upload goes on; a server that cannot be reached, refuses the key
/// (401/403) or fails (5xx) ends it with kUnavailable or kInvalidArgument
/// naming the server's answer. A 429 is retried after its Retry-After.
corpus::Result<UploadStats> upload_to_server(const UploadOptions& options,
                                             const IssueSink& on_issue);

}  // namespace izdeu::indexer
