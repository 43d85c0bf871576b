#pragma once
// Owns the httplib::Server: the route table, the thread pool, the exception
// handler, HTTP manners shared by every route (CORS, Vary, conditional GET of
// the page's files), the metrics and the access log.

#include <httplib.h>

#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/search/searcher_pool.h"
#include "server/api_handlers.h"
#include "server/cors_policy.h"
#include "server/document_handler.h"
#include "server/export_handler.h"
#include "server/feed_handler.h"
#include "server/metrics.h"
#include "server/people_handlers.h"
#include "server/server_config.h"
#include "server/static_assets.h"
#include "server/suggest_handler.h"
#include "server/write_handlers.h"

namespace izdeu::server {

class HttpServer {
 public:
  /// Limits on a request's shape, refused before any handler runs (the
  /// statuses are chosen in http_errors): more byte ranges in a Range header
  /// than this get 416 (each range is a copy of the answer's body), more
  /// header fields than this get 431. Bodies: ServerConfig::max_body_bytes.
  static constexpr std::size_t kMaxRanges = 8;
  static constexpr std::size_t kMaxHeaderFields = 100;

  /// `searchers` must outlive the server. The access log (one JSON line per
  /// request) goes to `access_log`, or nowhere when it is null. `writer`
  /// (outliving the server too) serves the write API; null disables it.
  HttpServer(const ServerConfig& config, corpus::SearcherPool& searchers, std::ostream* access_log,
             corpus::LiveWriter* writer = nullptr);
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds config.host:config.port; config.port 0 picks a free port.
  /// Returns the bound port, or an error when the address is in use (by
  /// another izdeu-server too: the port is never shared).
  corpus::Result<int> bind();
  /// Serves until stop(); call after bind().
  void run();
  /// Stops run() from any thread.
  void stop();

 private:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  /// Registers GET (and so HEAD) `pattern`, an httplib regex, counted in the
  /// metrics under `label`, the route's pattern as people write it.
  void get(std::string_view label, const std::string& pattern, Handler handler);
  using BodyHandler = std::function<void(const httplib::Request&, httplib::Response&,
                                         const httplib::ContentReader&)>;
  /// Registers a write route (`method` PUT, POST or DELETE) that reads its
  /// own body, counted under `label`.
  void write_route(std::string_view method, std::string_view label, const std::string& pattern,
                   BodyHandler handler);
  void register_routes();
  /// POST, PUT, PATCH and DELETE on any path: reads and drops the body, then
  /// answers 413, or 404/405 through answer_error().
  void refuse_body(const httplib::Request& request, httplib::Response& response,
                   const httplib::ContentReader& read_body);
  httplib::Server::HandlerResponse before_routing(const httplib::Request& request,
                                                  httplib::Response& response);
  void answer_options(const httplib::Request& request, httplib::Response& response);
  void after_routing(const httplib::Request& request, httplib::Response& response);
  void answer_error(const httplib::Request& request, httplib::Response& response);
  void serve_static(const StaticAsset* asset, std::string_view name,
                    const httplib::Request& request, httplib::Response& response);
  void serve_metrics(httplib::Response& response);
  void log_access(const httplib::Request& request, const httplib::Response& response);

  ServerConfig config_;
  corpus::SearcherPool& searchers_;
  CorsPolicy cors_;
  Metrics metrics_;
  std::size_t options_endpoint_;
  std::vector<std::regex> routes_;  // every pattern get() registered, as httplib matches them
  httplib::Server http_;
  ApiHandlers api_;
  PeopleHandlers people_;
  SuggestHandler suggest_;
  WriteHandlers write_;
  DocumentHandler documents_;
  FeedHandler feed_;
  ExportHandler export_;
  std::ostream* access_log_;
  int listen_socket_ = -1;  ///< httplib's listening socket, for its backlog (bind())
  std::mutex log_mutex_;
};

}  // namespace izdeu::server
