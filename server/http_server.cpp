#include "server/http_server.h"

#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <nlohmann/json.hpp>

#include "server/api_json.h"
#include "server/connection_pool.h"
#include "server/http_errors.h"

// httplib.h compiles its gzip support in only under this define, which the
// cpp-httplib pkg-config file supplies (see cmake/IzdeuDependencies.cmake).
#ifndef CPPHTTPLIB_ZLIB_SUPPORT
#error "izdeu-server expects cpp-httplib with CPPHTTPLIB_ZLIB_SUPPORT (gzip responses)"
#endif

namespace izdeu::server {
namespace {

// httplib runs a request's pre-routing handler, route handler, post-routing
// handler and logger on one pool thread, one request after another, so what
// the logger needs to know about the request can wait for it here.
struct RequestState {
  std::chrono::steady_clock::time_point started;
  std::size_t endpoint = Metrics::kOther;
  bool active = false;  // false: httplib answered before routing (a malformed request)
};
thread_local RequestState request_state;

std::string utc_timestamp() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace

namespace {

std::string writes_disabled_reason(const ServerConfig& config) {
  if (!config.keys.any_write()) {
    return "writes are disabled: start izdeu-server with --keys FILE (or IZDEU_KEYS) naming a key "
           "with the write right";
  }
  return "writes are disabled: this server does not own its index (several --index shards, or "
         "the index is not writable)";
}

}  // namespace

HttpServer::HttpServer(const ServerConfig& config, corpus::SearcherPool& searchers,
                       std::ostream* access_log, corpus::LiveWriter* writer)
    : config_(config),
      searchers_(searchers),
      cors_(config.cors_origins),
      options_endpoint_(metrics_.add_endpoint("OPTIONS")),
      api_(searchers),
      people_(searchers),
      suggest_(config_.index_paths),
      write_(config_, writer, writer == nullptr ? writes_disabled_reason(config_) : std::string()),
      documents_(searchers),
      feed_(searchers),
      export_(searchers),
      access_log_(access_log) {
  const std::size_t threads = config_.threads;
  const std::size_t connections = config_.max_connections;
  http_.new_task_queue = [threads, connections] {
    return new ConnectionPool(threads, connections);
  };
  // Keep-alive: a connection serves up to 100 requests and is closed after
  // 5 s idle; it holds a connection thread meanwhile, not a Searcher.
  http_.set_keep_alive_max_count(100);
  http_.set_keep_alive_timeout(5);
  // httplib writes a response's headers and body separately; with Nagle's
  // algorithm on, a keep-alive client's delayed ACK then holds the body back
  // ~40 ms, far longer than a suggestion takes to compute.
  http_.set_tcp_nodelay(true);
  // httplib's own options set SO_REUSEPORT, which lets a second server bind
  // the same port and silently take half the connections; SO_REUSEADDR only
  // allows a restart while old connections are in TIME_WAIT. The socket is
  // kept so that bind() can widen httplib's listen backlog (see there).
  http_.set_socket_options([this](socket_t socket) {
    int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_socket_ = socket;
  });
  // httplib skips (reads and drops) a body whose Content-Length is over this
  // and answers 413; refuse_body() counts the chunked bodies it would
  // otherwise keep whole in memory.
  // Write routes take bodies up to max_write_bytes; they and refuse_body()
  // count a body themselves, so the larger limit only lets them see it.
  http_.set_payload_max_length(writer == nullptr
                                   ? config_.max_body_bytes
                                   : std::max(config_.max_body_bytes, config_.max_write_bytes));
  http_.set_pre_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        return before_routing(request, response);
      });
  http_.set_post_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        after_routing(request, response);
      });
  http_.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
        std::string what = "unexpected error";
        try {
          if (error) std::rethrow_exception(error);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        write_error(response, corpus::internal(what));
      });
  // Requests no route matched, and statuses httplib set without a body, get
  // the standard error body too.
  http_.set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
    answer_error(request, response);
  });
  http_.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    log_access(request, response);
  });
  register_routes();
}

void HttpServer::get(std::string_view label, const std::string& pattern, Handler handler) {
  const std::size_t endpoint = metrics_.add_endpoint(label);
  routes_.emplace_back(pattern);
  http_.Get(pattern, [endpoint, handler = std::move(handler)](const httplib::Request& request,
                                                              httplib::Response& response) {
    request_state.endpoint = endpoint;
    handler(request, response);
  });
}

void HttpServer::write_route(std::string_view method, std::string_view label,
                             const std::string& pattern, BodyHandler handler) {
  const std::size_t endpoint =
      metrics_.add_endpoint(std::string(method) + " " + std::string(label));
  auto route = [endpoint, handler = std::move(handler)](const httplib::Request& request,
                                                        httplib::Response& response,
                                                        const httplib::ContentReader& read_body) {
    request_state.endpoint = endpoint;
    handler(request, response, read_body);
  };
  if (method == "PUT") {
    http_.Put(pattern, std::move(route));
  } else if (method == "POST") {
    http_.Post(pattern, std::move(route));
  } else {
    http_.Delete(pattern, std::move(route));
  }
}

void HttpServer::register_routes() {
  // Before the catch-all body routes below: httplib takes the first match.
  write_route("POST", "/api/v1/documents/delete", "/api/v1/documents/delete",
              [this](const auto& req, auto& res, const auto& body) {
                write_.delete_documents(req, res, body);
              });
  write_route("PUT", "/api/v1/documents/{id}", R"(/api/v1/documents/([^/]+))",
              [this](const auto& req, auto& res, const auto& body) {
                write_.put_document(req, res, body);
              });
  write_route("DELETE", "/api/v1/documents/{id}", R"(/api/v1/documents/([^/]+))",
              [this](const auto& req, auto& res, const auto& body) {
                write_.delete_document(req, res, body);
              });
  write_route("POST", "/api/v1/documents", "/api/v1/documents",
              [this](const auto& req, auto& res, const auto& body) {
                write_.post_documents(req, res, body);
              });
  get("/api/v1/search", "/api/v1/search",
      [this](const auto& req, auto& res) { api_.search(req, res); });
  get("/api/v1/documents/{id}", R"(/api/v1/documents/([^/]+))",
      [this](const auto& req, auto& res) { documents_.document(req, res); });
  get("/api/v1/documents/{id}/similar", R"(/api/v1/documents/([^/]+)/similar)",
      [this](const auto& req, auto& res) { documents_.similar(req, res); });
  get("/api/v1/search/export", "/api/v1/search/export",
      [this](const auto& req, auto& res) { export_.export_search(req, res); });
  get("/api/v1/feed", "/api/v1/feed", [this](const auto& req, auto& res) { feed_.feed(req, res); });
  get("/api/v1/suggest", "/api/v1/suggest",
      [this](const auto& req, auto& res) { suggest_.suggest(req, res); });
  get("/api/v1/analyze", "/api/v1/analyze",
      [this](const auto& req, auto& res) { api_.analyze(req, res); });
  get("/api/v1/mentions", "/api/v1/mentions",
      [this](const auto& req, auto& res) { people_.mentions(req, res); });
  get("/api/v1/people", "/api/v1/people",
      [this](const auto& req, auto& res) { people_.people(req, res); });
  get("/api/v1/people/{key}", R"(/api/v1/people/([^/]+))",
      [this](const auto& req, auto& res) { people_.person(req, res); });
  get("/health", "/health", [this](const auto& req, auto& res) { api_.health(req, res); });
  get("/metrics", "/metrics", [this](const auto&, auto& res) { serve_metrics(res); });
  get("/", "/", [this](const auto& req, auto& res) {
    serve_static(find_static_asset("index.html"), "index.html", req, res);
  });
  // The name is only looked up in the embedded table, never on disk, so
  // "/static/../x" is just a name that is not there.
  get("/static/{name}", "/static/(.+)", [this](const auto& req, auto& res) {
    const std::string name = req.matches[1].str();
    serve_static(find_static_asset(name), name, req, res);
  });
  // httplib reads the body of these methods before routing, into memory,
  // unless a route takes it as a ContentReader; without these routes a 1 GiB
  // chunked POST to any path is held whole before its 404.
  const auto refuse = [this](const httplib::Request& req, httplib::Response& res,
                             const httplib::ContentReader& read_body) {
    refuse_body(req, res, read_body);
  };
  http_.Post(".*", refuse);
  http_.Put(".*", refuse);
  http_.Patch(".*", refuse);
  http_.Delete(".*", refuse);
}

// The body is read to its end, even past the limit, so that the connection
// stays in step: stopping early would leave the rest of the body to be read
// as the next request. Only a count is kept, never the bytes.
void HttpServer::refuse_body(const httplib::Request&, httplib::Response& response,
                             const httplib::ContentReader& read_body) {
  std::size_t received = 0;
  const bool complete = read_body([&received](const char*, std::size_t length) {
    received += length;
    return true;
  });
  // httplib sets 413 itself for a Content-Length over the limit.
  if (response.status == 413 || received > config_.max_body_bytes) {
    return write_refusal(response, Refusal::kBodyTooLarge,
                         "request body over " + std::to_string(config_.max_body_bytes) +
                             " bytes; the API reads no request body");
  }
  if (!complete) {
    response.status = 400;
    return;
  }
  // No route takes a body: answer_error() makes this 405 on a path a GET
  // route serves, 404 elsewhere.
  response.status = 404;
}

httplib::Server::HandlerResponse HttpServer::before_routing(const httplib::Request& request,
                                                            httplib::Response& response) {
  request_state = {std::chrono::steady_clock::now(), Metrics::kOther, true};
  // A request with a body goes on to refuse_body(), which reads it: refusing
  // it here would leave its body to be read as the next request.
  if (request.method == "POST" || request.method == "PUT" || request.method == "PATCH" ||
      request.method == "DELETE") {
    return httplib::Server::HandlerResponse::Unhandled;
  }
  // httplib has parsed every header field already (Debian's libcpp-httplib
  // is compiled with no limit on their number); this at least spends no
  // handler's work on such a request. httplib adds four fields of its own.
  const std::size_t fields = request.headers.size() - request.headers.count("REMOTE_ADDR") -
                             request.headers.count("REMOTE_PORT") -
                             request.headers.count("LOCAL_ADDR") -
                             request.headers.count("LOCAL_PORT");
  if (fields > kMaxHeaderFields) {
    write_refusal(response, Refusal::kTooManyHeaders,
                  "more than " + std::to_string(kMaxHeaderFields) + " header fields");
    return httplib::Server::HandlerResponse::Handled;
  }
  // httplib answers every range it parsed, each a copy of the body (2,700
  // ranges of a 10 KB file make 26 MB). The ranges must be cleared, not just
  // refused: httplib applies them to whatever body is answered, the error
  // body included. The Request is httplib's own non-const object.
  if (request.ranges.size() > kMaxRanges) {
    const_cast<httplib::Request&>(request).ranges.clear();
    write_refusal(response, Refusal::kTooManyRanges,
                  "more than " + std::to_string(kMaxRanges) + " ranges in Range");
    return httplib::Server::HandlerResponse::Handled;
  }
  if (request.method == "OPTIONS") {
    request_state.endpoint = options_endpoint_;
    answer_options(request, response);
    return httplib::Server::HandlerResponse::Handled;
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

// httplib answers 404 to a method it has no route for, even on a path that
// a GET route serves; that path exists, so the answer is 405 with what it
// allows (RFC 9110 15.5.6). It is decided here, after httplib has read the
// request's body, so a keep-alive connection stays in step.
void HttpServer::answer_error(const httplib::Request& request, httplib::Response& response) {
  if (response.status == 404 && response.body.empty() && request.method != "GET" &&
      request.method != "HEAD") {
    for (const std::regex& route : routes_) {
      if (!std::regex_match(request.path, route)) continue;
      response.status = 405;
      response.set_header("Allow", std::string(CorsPolicy::kAllowedMethods));
      break;
    }
  }
  complete_error_answer(request, response);
}

// Every path answers OPTIONS with what it allows. A CORS preflight (an
// OPTIONS with Access-Control-Request-Method) from an allowed origin also
// learns which methods and headers it may use and how long to remember that;
// from any other origin it gets no CORS headers, and the browser refuses.
void HttpServer::answer_options(const httplib::Request& request, httplib::Response& response) {
  response.status = 204;
  response.set_header("Allow", std::string(CorsPolicy::kAllowedMethods));
  const bool preflight = request.has_header("Access-Control-Request-Method");
  if (preflight && !cors_.allow_origin(request.get_header_value("Origin")).empty()) {
    response.set_header("Access-Control-Allow-Methods", std::string(CorsPolicy::kAllowedMethods));
    response.set_header("Access-Control-Allow-Headers", std::string(CorsPolicy::kAllowedHeaders));
    response.set_header("Access-Control-Max-Age", std::to_string(CorsPolicy::kMaxAgeSeconds));
  }
}

// Runs on every response, routed or not, after httplib has compressed the
// body and before it writes the headers.
void HttpServer::after_routing(const httplib::Request& request, httplib::Response& response) {
  if (cors_.enabled()) {
    const std::string allow = cors_.allow_origin(request.get_header_value("Origin"));
    if (!allow.empty()) response.set_header("Access-Control-Allow-Origin", allow);
  }
  // Caches must key on what the answer depended on: the encoding httplib
  // chose from Accept-Encoding, and the Origin when only some are allowed.
  response.set_header("Vary",
                      cors_.varies_by_origin() ? "Origin, Accept-Encoding" : "Accept-Encoding");
  // httplib adds "Content-Length: 0" to every empty answer; 204 must not
  // carry one (RFC 9110 8.6) and on a 304 it would misstate the file's size.
  if (response.status == 204 || response.status == 304) response.headers.erase("Content-Length");
}

// The page's files change only with a new build, but their names carry no
// hash, so browsers must ask again each time ("no-cache") and get a body-less
// 304 while the ETag still matches. The ETag is weak (W/) because httplib may
// send the same file gzip- or br-encoded.
void HttpServer::serve_static(const StaticAsset* asset, std::string_view name,
                              const httplib::Request& request, httplib::Response& response) {
  if (asset == nullptr) {
    return write_error(response, corpus::not_found("no such file: " + std::string(name)));
  }
  response.set_header("ETag", std::string(asset->etag));
  response.set_header("Cache-Control", "no-cache");
  if (etag_matches(request.get_header_value("If-None-Match"), asset->etag)) {
    response.status = 304;
    return;
  }
  response.set_content(asset->body.data(), asset->body.size(), std::string(asset->content_type));
}

void HttpServer::serve_metrics(httplib::Response& response) {
  IndexGauges index;
  if (auto status = searchers_.status()) {
    index.up = true;
    index.documents = status->documents;
    index.revision = status->revision;
    index.last_reopen = status->changed_at;
  }
  response.set_header("Cache-Control", "no-store");
  response.set_content(metrics_.render(index) + write_.metrics_text(),
                       std::string(kMetricsContentType));
}

void HttpServer::log_access(const httplib::Request& request, const httplib::Response& response) {
  const RequestState state = request_state;
  request_state = {};
  const auto took = state.active ? std::chrono::steady_clock::now() - state.started
                                 : std::chrono::steady_clock::duration::zero();
  metrics_.record(state.endpoint, response.status,
                  std::chrono::duration_cast<std::chrono::nanoseconds>(took));
  if (access_log_ == nullptr) return;
  const nlohmann::json line = {
      {"ts", utc_timestamp()},
      {"remote", request.remote_addr},
      {"remote_port", request.remote_port},
      {"method", request.method},
      {"path", request.path},
      {"endpoint", std::string(metrics_.label(state.endpoint))},
      {"q", request.has_param("q") ? request.get_param_value("q") : ""},
      {"status", response.status},
      {"bytes", response.body.size()},
      {"took_ms", std::chrono::duration<double, std::milli>(took).count()}};
  std::lock_guard lock(log_mutex_);
  *access_log_ << dump(line) << '\n';
  access_log_->flush();
}

corpus::Result<int> HttpServer::bind() {
  int port = config_.port;
  if (port == 0) {
    port = http_.bind_to_any_port(config_.host);
    if (port <= 0) return corpus::unavailable("cannot bind to " + config_.host);
  } else if (!http_.bind_to_port(config_.host, config_.port)) {
    return corpus::unavailable("cannot listen on " + config_.host + ":" +
                               std::to_string(config_.port) + " (address in use?)");
  }
  // httplib listens with a backlog of 5: a sixth client connecting before the
  // accept loop runs has its SYN dropped and retries after 1 s, then 3 s (the
  // 4 s p99 of 16 keep-alive clients in issue 18). Listening again on a
  // listening socket only changes its backlog (Linux).
  if (listen_socket_ >= 0) ::listen(listen_socket_, SOMAXCONN);
  return port;
}

void HttpServer::run() { http_.listen_after_bind(); }

void HttpServer::stop() { http_.stop(); }

}  // namespace izdeu::server
