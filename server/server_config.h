#pragma once
// izdeu-server's settings: command-line flags override environment variables,
// which override the defaults. Built once in main() and validated once.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "corpus/error.h"

namespace izdeu::server {

struct ServerConfig {
  std::vector<std::string> index_paths;  ///< one or more shards searched as one index
  std::string host = "127.0.0.1";
  int port = 8080;          ///< 0: any free port (tests)
  std::size_t threads = 4;  ///< HTTP worker threads; each leases its own Xapian handle
  bool quiet = false;       ///< no access log
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
