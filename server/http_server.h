#pragma once
// Owns the httplib::Server: the route table, the thread pool, the exception
// handler and the access log.

#include <httplib.h>

#include <memory>
#include <mutex>
#include <ostream>
#include <string>

#include "corpus/searcher_pool.h"
#include "server/api_handlers.h"
#include "server/server_config.h"
#include "server/suggest_handler.h"

namespace izdeu::server {

class HttpServer {
 public:
  /// `searchers` must outlive the server. The access log (one JSON line per
  /// request) goes to `access_log`, or nowhere when it is null.
  HttpServer(const ServerConfig& config, corpus::SearcherPool& searchers, std::ostream* access_log);
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds config.host:config.port; config.port 0 picks a free port.
  /// Returns the bound port, or an error when the address is in use.
  corpus::Result<int> bind();
  /// Serves until stop(); call after bind().
  void run();
  /// Stops run() from any thread.
  void stop();

 private:
  void register_routes();
  void log_access(const httplib::Request& request, const httplib::Response& response);

  ServerConfig config_;
  httplib::Server http_;
  ApiHandlers api_;
  SuggestHandler suggest_;
  std::ostream* access_log_;
  std::mutex log_mutex_;
};

}  // namespace izdeu::server
