#include "indexer/server_upload.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <utility>

#include "analyzers/language.h"

namespace izdeu::indexer {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// The article as the write API reads it (formats/article_json.h): its id and
// language are sent as decided here, so the server decides nothing else.
json article_object(const corpus::Article& article) {
  json object = {{"id", article.id},
                 {"lang", analyzers::to_code(article.language)},
                 {"title", article.title},
                 {"body", article.body}};
  if (!article.url.empty()) object["url"] = article.url;
  if (!article.source.empty()) object["source"] = article.source;
  if (!article.section.empty()) object["section"] = article.section;
  if (article.date) object["date"] = article.date->to_iso();
  if (article.views) object["views"] = *article.views;
  return object;
}

struct Pending {
  std::string body;                    // NDJSON
  std::vector<std::string> locations;  // one per line, for the server's item errors
};

class Uploader {
 public:
  Uploader(const UploadOptions& options, const IssueSink& on_issue)
      : options_(options), on_issue_(on_issue), client_(options.server_url) {
    client_.set_connection_timeout(10);
    client_.set_read_timeout(600);  // a large batch waits for its commit
    client_.set_keep_alive(true);
  }

  corpus::Result<void> add(const corpus::Article& article, std::string location) {
    pending_.body += json(article_object(article)).dump();
    pending_.body += '\n';
    pending_.locations.push_back(std::move(location));
    ++stats_.read;
    if (pending_.locations.size() >= options_.batch_size) return flush();
    return {};
  }

  corpus::Result<void> flush() {
    if (pending_.locations.empty()) return {};
    const httplib::Headers headers = {{"Authorization", "Bearer " + options_.key}};
    for (;;) {
      ++stats_.requests;
      auto result =
          client_.Post("/api/v1/documents", headers, pending_.body, "application/x-ndjson");
      if (!result) {
        return corpus::unavailable("cannot reach " + options_.server_url + ": " +
                                   httplib::to_string(result.error()));
      }
      if (result->status == 429) {
        ++stats_.retries;
        int seconds = 1;
        try {
          seconds = std::max(1, std::stoi(result->get_header_value("Retry-After")));
        } catch (const std::exception&) {
        }
        std::this_thread::sleep_for(std::chrono::seconds(seconds));
        continue;
      }
      const json answer = json::parse(result->body, nullptr, false);
      if (result->status != 200) {
        std::string message = "HTTP " + std::to_string(result->status);
        if (answer.is_object() && answer.contains("error")) {
          message += ": " + answer["error"].value("message", std::string());
        }
        return result->status == 401 || result->status == 403 || result->status == 413
                   ? corpus::invalid_argument(options_.server_url +
                                              " refused the upload: " + message)
                   : corpus::unavailable(options_.server_url + " failed: " + message);
      }
      if (!answer.is_object() || !answer.contains("items")) {
        return corpus::unavailable(options_.server_url + " answered something else than a batch");
      }
      stats_.indexed += answer.value("indexed", 0u);
      stats_.replaced += answer.value("replaced", 0u);
      for (const json& item : answer["items"]) {
        if (item.value("status", "") != "error") continue;
        ++stats_.refused;
        const std::size_t index = item.value("index", std::size_t{0});
        if (on_issue_) {
          on_issue_({index < pending_.locations.size() ? pending_.locations[index] : "?",
                     "refused by the server: " +
                         item["error"].value("message", std::string("unknown error"))});
        }
      }
      break;
    }
    pending_ = {};
    return {};
  }

  UploadStats& stats() { return stats_; }

 private:
  const UploadOptions& options_;
  const IssueSink& on_issue_;
  httplib::Client client_;
  Pending pending_;
  UploadStats stats_;
};

}  // namespace

corpus::Result<UploadStats> upload_to_server(const UploadOptions& options,
                                             const IssueSink& on_issue) {
  const auto started = Clock::now();
  Uploader uploader(options, on_issue);
  const auto files = list_archive_files(options.paths, on_issue);
  std::optional<corpus::Error> failed;
  for (const ArchiveFile& file : files) {
    read_archive_file(
        file,
        [&](corpus::Article&& article) {
          if (failed) return;
          // read_archive_file() does not say which line an article came from;
          // the article's id names it as well.
          auto added = uploader.add(article, file.path + " (id " + article.id + ")");
          if (!added) failed = added.error();
        },
        on_issue);
    if (failed) return *failed;
  }
  if (auto flushed = uploader.flush(); !flushed) return flushed.error();
  UploadStats stats = uploader.stats();
  stats.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return stats;
}

}  // namespace izdeu::indexer
