#include "server/http_server.h"

#include <chrono>
#include <exception>
#include <nlohmann/json.hpp>

#include "server/http_errors.h"
#include "server/static_assets.h"

namespace izdeu::server {
namespace {

// httplib runs a request's pre-routing handler, handler and logger on the same
// pool thread, so the start time can wait there for the logger.
thread_local std::chrono::steady_clock::time_point request_started;

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

HttpServer::HttpServer(const ServerConfig& config, corpus::SearcherPool& searchers,
                       std::ostream* access_log)
    : config_(config), api_(searchers), suggest_(config_.index_paths), access_log_(access_log) {
  const std::size_t threads = config_.threads;
  http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_.set_keep_alive_max_count(100);
  http_.set_keep_alive_timeout(5);
  // httplib writes a response's headers and body separately; with Nagle's
  // algorithm on, a keep-alive client's delayed ACK then holds the body back
  // ~40 ms, far longer than a suggestion takes to compute.
  http_.set_tcp_nodelay(true);
  http_.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
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
  // Requests no route matched, and statuses set without a body, get the
  // standard error body too.
  http_.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    if (response.status == 404) {
      write_error(response, corpus::not_found("no such endpoint: " + request.path));
    } else if (response.status == 405) {
      write_json(response, 405,
                 R"({"error":{"code":"method_not_allowed","message":"method not allowed"}})");
    } else if (response.status >= 400 && response.status < 500) {
      write_json(response, response.status,
                 R"({"error":{"code":"bad_request","message":"malformed HTTP request"}})");
    }
  });
  http_.set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    log_access(request, response);
  });
  register_routes();
}

void HttpServer::register_routes() {
  http_.Get("/api/v1/search", [this](const auto& req, auto& res) { api_.search(req, res); });
  http_.Get(R"(/api/v1/documents/([^/]+))",
            [this](const auto& req, auto& res) { api_.document(req, res); });
  http_.Get("/api/v1/suggest", [this](const auto& req, auto& res) { suggest_.suggest(req, res); });
  http_.Get("/api/v1/analyze", [this](const auto& req, auto& res) { api_.analyze(req, res); });
  http_.Get("/health", [this](const auto& req, auto& res) { api_.health(req, res); });
  http_.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::string(index_html()), "text/html; charset=utf-8");
  });
}

void HttpServer::log_access(const httplib::Request& request, const httplib::Response& response) {
  if (access_log_ == nullptr) return;
  const double took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_started)
          .count();
  const nlohmann::json line = {{"ts", utc_timestamp()},
                               {"remote", request.remote_addr},
                               {"method", request.method},
                               {"path", request.path},
                               {"q", request.has_param("q") ? request.get_param_value("q") : ""},
                               {"status", response.status},
                               {"bytes", response.body.size()},
                               {"took_ms", took_ms}};
  std::lock_guard lock(log_mutex_);
  *access_log_ << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  access_log_->flush();
}

corpus::Result<int> HttpServer::bind() {
  if (config_.port == 0) {
    const int port = http_.bind_to_any_port(config_.host);
    if (port <= 0) return corpus::unavailable("cannot bind to " + config_.host);
    return port;
  }
  if (!http_.bind_to_port(config_.host, config_.port)) {
    return corpus::unavailable("cannot listen on " + config_.host + ":" +
                               std::to_string(config_.port) + " (address in use?)");
  }
  return config_.port;
}

void HttpServer::run() { http_.listen_after_bind(); }

void HttpServer::stop() { http_.stop(); }

}  // namespace izdeu::server
