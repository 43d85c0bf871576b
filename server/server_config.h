#pragma once
// izdeu-server's settings: command-line flags override environment variables,
// which override the defaults. Built once in main() and validated once.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "corpus/error.h"
#include "server/api_keys.h"

namespace izdeu::server {

/// Worker threads when --threads is not given: the hardware threads, but at
/// least 8. Each is one Searcher (an index handle) that requests lease while
/// they search; the connections themselves, idle ones included, are served
/// by up to --max-connections threads (ConnectionPool).
std::size_t default_threads();

/// --max-body-bytes when not given, and the most it may be set to.
inline constexpr std::size_t kDefaultMaxBodyBytes = 4096;
inline constexpr std::size_t kMaxMaxBodyBytes = 1 << 20;
/// --max-connections when not given.
inline constexpr std::size_t kDefaultMaxConnections = 512;
/// --max-write-bytes when not given: the largest body of a write request.
inline constexpr std::size_t kDefaultMaxWriteBytes = 32u << 20;
/// --max-pending-writes when not given (corpus::LiveWriterOptions::max_pending).
inline constexpr std::size_t kDefaultMaxPendingWrites = 4096;

struct ServerConfig {
  std::vector<std::string> index_paths;  ///< one or more shards searched as one index
  std::string host = "127.0.0.1";
  int port = 8080;                          ///< 0: any free port (tests)
  std::size_t threads = default_threads();  ///< HTTP workers; each leases its own Xapian handle
  /// Connections served at once (ConnectionPool's threads): idle and slow
  /// clients hold one each, so this, not `threads`, is how many of them the
  /// server outlasts. Raised to `threads` when lower.
  std::size_t max_connections = kDefaultMaxConnections;
  /// Origins allowed to call the API from a browser (CORS): "scheme://host[:port]"
  /// in lower case, or "*" for any. Empty: no CORS headers at all.
  std::vector<std::string> cors_origins;
  /// Largest request body accepted, in bytes. The API reads no body, so a
  /// body only decides between 405/404 (at most this many bytes, read and
  /// dropped) and 413 payload_too_large; it is never kept in memory.
  std::size_t max_body_bytes = kDefaultMaxBodyBytes;
  bool quiet = false;  ///< no access log
  /// API keys (--keys FILE, IZDEU_KEYS). Without a key that may write, the
  /// write endpoints answer 403 writes_disabled and the index is opened
  /// read-only, as before there was a write API.
  ApiKeys keys;
  /// Largest body of a write request (PUT/POST on /api/v1/documents...);
  /// larger ones are read to their end, dropped and answered 413.
  std::size_t max_write_bytes = kDefaultMaxWriteBytes;
  /// Changes waiting for a commit beyond which writes get 429.
  std::size_t max_pending_writes = kDefaultMaxPendingWrites;
};

/// What parsing the command line decided.
struct ParsedArgs {
  ServerConfig config;
  bool show_help = false;
};

/// Parses argv (without argv[0]) over `environment` lookups (name -> value,
/// empty when unset). kInvalidArgument naming the flag for anything wrong.
corpus::Result<ParsedArgs> parse_server_args(
    const std::vector<std::string>& args,
    const std::function<std::string(const std::string&)>& environment);

/// The --help text, generated from the same table as the parser.
std::string server_usage();

}  // namespace izdeu::server
