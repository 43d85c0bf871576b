#pragma once
// Runs izdeu's HttpServer in-process on a free loopback port for one test,
// and stops it in the destructor.

#include <httplib.h>

#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "corpus/index/live_writer.h"
#include "corpus/search/searcher_pool.h"
#include "server/http_server.h"

namespace izdeu::testing {

class TestServer {
 public:
  explicit TestServer(const std::vector<std::string>& index_paths, std::size_t threads = 2,
                      std::ostream* access_log = nullptr)
      : TestServer(config_for(index_paths, threads), access_log) {}

  /// Serves `config.index_paths` with `config` (CORS origins, threads...);
  /// host and port are always 127.0.0.1 and a free port.
  TestServer(server::ServerConfig config, std::ostream* access_log)
      : TestServer(std::move(config), access_log, std::nullopt) {}

  /// With `writer` options, the server owns config.index_paths[0] and serves
  /// the write API through a corpus::LiveWriter (created before the index is
  /// read, so the index may not exist yet).
  TestServer(server::ServerConfig config, std::ostream* access_log,
             std::optional<corpus::LiveWriterOptions> writer) {
    config.host = "127.0.0.1";
    config.port = 0;
    if (writer) {
      auto opened = corpus::LiveWriter::open(config.index_paths.front(), *writer);
      if (!opened) {
        error_ = opened.error().message;
        return;
      }
      writer_ = std::move(*opened);
    }
    auto pool = corpus::SearcherPool::open(config.index_paths, config.threads);
    if (!pool) {
      error_ = pool.error().message;
      return;
    }
    pool_ = std::make_unique<corpus::SearcherPool>(std::move(*pool));
    server_ = std::make_unique<server::HttpServer>(config, *pool_, access_log, writer_.get());
    auto port = server_->bind();
    if (!port) {
      error_ = port.error().message;
      return;
    }
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
  }
  ~TestServer() {
    if (thread_.joinable()) {
      server_->stop();
      thread_.join();
    }
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  static server::ServerConfig config_for(const std::vector<std::string>& index_paths,
                                         std::size_t threads) {
    server::ServerConfig config;
    config.index_paths = index_paths;
    config.threads = threads;
    return config;
  }

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  int port() const { return port_; }

  /// A client for this server (keep-alive off, short timeouts).
  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(5);
    client.set_read_timeout(20);
    return client;
  }

 private:
  std::unique_ptr<corpus::LiveWriter> writer_;
  std::unique_ptr<corpus::SearcherPool> pool_;
  std::unique_ptr<server::HttpServer> server_;
  std::thread thread_;
  std::string error_;
  int port_ = 0;
};

}  // namespace izdeu::testing
