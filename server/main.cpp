// izdeu-server: answers searches over HTTP from one or more izdeu indexes.

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "corpus/index/live_writer.h"
#include "corpus/search/searcher_pool.h"
#include "server/http_server.h"
#include "server/server_config.h"

namespace {

izdeu::server::HttpServer* running_server = nullptr;

extern "C" void on_signal(int) {
  // httplib's stop() only flips flags and shuts the listening socket down.
  if (running_server != nullptr) running_server->stop();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace izdeu;
  const std::vector<std::string> args(argv + 1, argv + argc);
  auto parsed = server::parse_server_args(args, [](const std::string& name) {
    const char* value = std::getenv(name.c_str());
    return value == nullptr ? std::string() : std::string(value);
  });
  if (!parsed) {
    std::cerr << "izdeu-server: " << parsed.error().message << "\n\n" << server::server_usage();
    return 2;
  }
  if (parsed->show_help) {
    std::cout << server::server_usage();
    return 0;
  }
  const server::ServerConfig& config = parsed->config;

  // With a write key the server owns its index: it holds Xapian's write lock
  // for as long as it runs (an index that does not exist yet is created), so
  // izdeu-indexer --index DIR is told to send its articles through the server.
  std::unique_ptr<corpus::LiveWriter> writer;
  if (config.keys.any_write()) {
    if (config.index_paths.size() != 1) {
      std::cerr << "izdeu-server: writes need one --index (a database, not several shards)\n";
      return 2;
    }
    auto opened = corpus::LiveWriter::open(config.index_paths.front(),
                                           {.max_pending = config.max_pending_writes});
    if (!opened) {
      std::cerr << "izdeu-server: cannot open " << config.index_paths.front()
                << " for writing: " << opened.error().message << '\n';
      return 1;
    }
    writer = std::move(*opened);
  }
  auto searchers = corpus::SearcherPool::open(config.index_paths, config.threads);
  if (!searchers) {
    std::cerr << "izdeu-server: " << searchers.error().message << '\n';
    return 1;
  }
  server::HttpServer http(config, *searchers, config.quiet ? nullptr : &std::cerr, writer.get());
  auto port = http.bind();
  if (!port) {
    std::cerr << "izdeu-server: " << port.error().message << '\n';
    return 1;
  }
  running_server = &http;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  auto count = searchers->acquire()->document_count();
  std::cerr << "izdeu-server: " << (count ? *count : 0) << " articles, " << config.threads
            << " threads, listening on http://" << config.host << ':' << *port << "/\n";
  if (!config.cors_origins.empty()) {
    std::cerr << "izdeu-server: browsers may call the API from";
    for (const std::string& origin : config.cors_origins) std::cerr << ' ' << origin;
    std::cerr << '\n';
  }
  const std::filesystem::path note =
      writer ? std::filesystem::path(writer->path()) / corpus::kWriterNoteFile
             : std::filesystem::path();
  if (writer) {
    std::ofstream(note) << "izdeu-server pid " << getpid() << " url http://" << config.host << ':'
                        << *port << "/\n";
    std::cerr << "izdeu-server: writes enabled on " << writer->path() << '\n';
  }
  http.run();
  running_server = nullptr;
  if (writer) {
    std::error_code ignored;
    std::filesystem::remove(note, ignored);
  }
  return 0;
}
