#include "server/write_handlers.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <thread>
#include <utility>
#include <vector>

#include "corpus/date.h"
#include "formats/article_json.h"
#include "formats/page_dump.h"
#include "server/api_json.h"
#include "server/http_errors.h"

namespace izdeu::server {
namespace {

using nlohmann::json;

// Items a preparation thread takes at least: a small batch is prepared on
// the request's own thread.
constexpr std::size_t kItemsPerThread = 16;

// The media type without parameters, in lower case: "application/x-ndjson".
std::string media_type(const httplib::Request& request) {
  std::string type = request.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
  for (char& c : type) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return type;
}

bool is_ndjson(const std::string& type) {
  return type == "application/x-ndjson" || type == "application/ndjson" ||
         type == "application/jsonl" || type == "application/x-jsonlines";
}

// The readers report a bad record as kDataLoss (the archive is damaged);
// over HTTP it is the client's input, so 400 invalid_argument.
corpus::Error as_client_error(const corpus::Error& error) {
  if (error.code == corpus::ErrorCode::kDataLoss) return corpus::invalid_argument(error.message);
  return error;
}

json error_object(const corpus::Error& error) {
  return {{"code", corpus::error_code_name(error.code)}, {"message", error.message}};
}

std::string_view status_name(corpus::ChangeOutcome::Status status) {
  switch (status) {
    case corpus::ChangeOutcome::Status::kIndexed:
      return "indexed";
    case corpus::ChangeOutcome::Status::kReplaced:
      return "replaced";
    case corpus::ChangeOutcome::Status::kDeleted:
      return "deleted";
    case corpus::ChangeOutcome::Status::kNotFound:
      return "not_found";
  }
  return "indexed";
}

// One item of a batch as read, before preparation: its article or why not.
struct Item {
  std::string given_id;  // as the item gave it, for the answer when it fails
  corpus::Result<corpus::RawArticle> raw = corpus::invalid_argument("empty item");
};

std::string given_id_of(const json& object) {
  if (!object.is_object()) return {};
  const auto it = object.find("id");
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return it->dump();
  return {};
}

Item item_from_object(const json& object) {
  return {given_id_of(object), formats::parse_article_object(object)};
}

Item item_from_line(std::string_view line) {
  try {
    const json object = json::parse(line);
    if (!object.is_object()) return {{}, corpus::invalid_argument("line is not a json object")};
    return item_from_object(object);
  } catch (const std::exception& e) {
    return {{}, corpus::invalid_argument(formats::json_error_reason(e))};
  }
}

// The items of a batch body; an error when the body as a whole is unreadable
// (broken JSON around the array); a bad item is only that item's error.
corpus::Result<std::vector<Item>> read_items(const std::string& type, const std::string& body) {
  std::vector<Item> items;
  if (type == "text/plain") {
    items.push_back({{}, formats::parse_page_dump(body)});
    return items;
  }
  if (is_ndjson(type)) {
    std::size_t begin = 0;
    while (begin < body.size()) {
      std::size_t end = body.find('\n', begin);
      if (end == std::string::npos) end = body.size();
      std::string_view line(body.data() + begin, end - begin);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (begin == 0 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // U+FEFF BOM
      if (line.find_first_not_of(" \t") != std::string_view::npos) {
        items.push_back(item_from_line(line));
      }
      begin = end + 1;
    }
    return items;
  }
  json document;
  try {
    document = json::parse(body);
  } catch (const std::exception& e) {
    return corpus::invalid_argument(formats::json_error_reason(e));
  }
  if (document.is_array()) {
    for (const json& element : document) items.push_back(item_from_object(element));
  } else if (document.is_object()) {
    items.push_back(item_from_object(document));
  } else {
    return corpus::invalid_argument("expected a json array of articles, or one article");
  }
  return items;
}

}  // namespace

WriteHandlers::WriteHandlers(const ServerConfig& config, corpus::LiveWriter* writer,
                             std::string disabled_reason)
    : config_(config), writer_(writer), disabled_reason_(std::move(disabled_reason)) {}

std::optional<std::string> WriteHandlers::admit(const httplib::Request& request,
                                                httplib::Response& response,
                                                const httplib::ContentReader& read_body) {
  // Decided before the body is read, so that a refused request's body is
  // dropped as it arrives instead of being held.
  std::optional<Refusal> refusal;
  std::string message;
  if (writer_ == nullptr) {
    refusal = Refusal::kWritesDisabled;
    message = disabled_reason_;
  } else {
    const std::string key = presented_key(request.get_header_value("Authorization"),
                                          request.get_header_value("X-Izdeu-Key"));
    const auto rights = key.empty() ? std::nullopt : config_.keys.rights_of(key);
    if (key.empty()) {
      refusal = Refusal::kUnauthenticated;
      message = "writes need a key: Authorization: Bearer KEY or X-Izdeu-Key: KEY";
    } else if (!rights) {
      refusal = Refusal::kUnauthenticated;
      message = "unknown key";
    } else if ((*rights & kWrite) == 0) {
      refusal = Refusal::kForbidden;
      message = "this key may not write";
    }
  }
  std::string body;
  std::size_t received = 0;
  const std::size_t limit = config_.max_write_bytes;
  const bool complete = read_body([&](const char* data, std::size_t length) {
    received += length;
    if (!refusal && received <= limit) body.append(data, length);
    return true;
  });
  if (!refusal && (response.status == 413 || received > limit)) {
    refusal = Refusal::kBodyTooLarge;
    message = "request body over " + std::to_string(limit) + " bytes (--max-write-bytes)";
  }
  if (refusal) {
    ++refused_;
    if (*refusal == Refusal::kUnauthenticated) {
      response.set_header("WWW-Authenticate", "Bearer realm=\"izdeu\"");
    }
    write_refusal(response, *refusal, message);
    return std::nullopt;
  }
  if (!complete) {
    write_error(response, corpus::invalid_argument("incomplete request body"));
    return std::nullopt;
  }
  return body;
}

std::optional<std::vector<corpus::ChangeOutcome>> WriteHandlers::apply(
    std::vector<corpus::IndexChange> changes, httplib::Response& response) {
  auto outcomes = writer_->apply(std::move(changes));
  if (!outcomes) {
    if (outcomes.error().code == corpus::ErrorCode::kResourceExhausted) {
      ++refused_;
      response.set_header("Retry-After", "1");
    }
    write_error(response, outcomes.error());
    return std::nullopt;
  }
  for (const corpus::ChangeOutcome& outcome : *outcomes) {
    switch (outcome.status) {
      case corpus::ChangeOutcome::Status::kIndexed:
        ++indexed_;
        break;
      case corpus::ChangeOutcome::Status::kReplaced:
        ++replaced_;
        break;
      case corpus::ChangeOutcome::Status::kDeleted:
        deleted_ += outcome.deleted > 0 ? outcome.deleted : 1;
        break;
      case corpus::ChangeOutcome::Status::kNotFound:
        break;
    }
  }
  return std::move(*outcomes);
}

void WriteHandlers::put_document(const httplib::Request& request, httplib::Response& response,
                                 const httplib::ContentReader& read_body) {
  auto body = admit(request, response, read_body);
  if (!body) return;
  const std::string id = request.matches.size() > 1 ? request.matches[1].str() : std::string();
  const std::string type = media_type(request);
  corpus::Result<corpus::RawArticle> raw = corpus::invalid_argument("empty body");
  if (type == "text/plain") {
    raw = formats::parse_page_dump(*body);
  } else {
    raw = formats::parse_article_json(*body);
  }
  if (!raw) {
    ++failed_items_;
    return write_error(response, as_client_error(raw.error()));
  }
  if (!raw->id.empty() && raw->id != id) {
    ++failed_items_;
    return write_error(response, corpus::invalid_argument("the body's id \"" + raw->id +
                                                          "\" differs from the path's"));
  }
  raw->id = id;
  auto prepared = corpus::prepare_document(std::move(*raw), prepare_);
  if (!prepared) {
    ++failed_items_;
    return write_error(response, as_client_error(prepared.error()));
  }
  std::vector<corpus::IndexChange> changes(1);
  changes[0].id = prepared->article.id;
  changes[0].document = std::move(prepared->document);
  auto outcomes = apply(std::move(changes), response);
  if (!outcomes) return;
  write_json(
      response, 200,
      dump(json{{"id", prepared->article.id}, {"status", status_name((*outcomes)[0].status)}}));
}

void WriteHandlers::post_documents(const httplib::Request& request, httplib::Response& response,
                                   const httplib::ContentReader& read_body) {
  auto body = admit(request, response, read_body);
  if (!body) return;
  auto items = read_items(media_type(request), *body);
  body->clear();
  body->shrink_to_fit();
  if (!items) return write_error(response, items.error());
  if (items->empty()) return write_error(response, corpus::invalid_argument("no articles given"));

  // Each item is prepared on its own; a bad one is reported in its place
  // and the others are written. Preparation (analysis, entity tagging,
  // encoding) is most of a batch's cost and thread-safe, so a large batch is
  // prepared on several threads; the order of the answer and of the writes
  // stays the items' order.
  std::vector<std::optional<corpus::Result<corpus::PreparedDocument>>> prepared(items->size());
  const auto prepare_range = [&](std::size_t begin, std::size_t step) {
    for (std::size_t i = begin; i < items->size(); i += step) {
      Item& item = (*items)[i];
      prepared[i] = item.raw ? corpus::prepare_document(std::move(*item.raw), prepare_)
                             : corpus::Result<corpus::PreparedDocument>(item.raw.error());
    }
  };
  const std::size_t threads =
      std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()),
                            (items->size() + kItemsPerThread - 1) / kItemsPerThread);
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(prepare_range, t, threads);
  prepare_range(0, threads);
  for (std::thread& helper : helpers) helper.join();

  json answers = json::array();
  std::vector<corpus::IndexChange> changes;
  std::vector<std::size_t> change_item;  // answers' index of each change
  std::uint64_t failed = 0;
  for (std::size_t i = 0; i < items->size(); ++i) {
    corpus::Result<corpus::PreparedDocument>& document = *prepared[i];
    if (!document) {
      ++failed;
      json answer = {{"index", i},
                     {"status", "error"},
                     {"error", error_object(as_client_error(document.error()))}};
      if (!(*items)[i].given_id.empty()) answer["id"] = (*items)[i].given_id;
      answers.push_back(std::move(answer));
      continue;
    }
    answers.push_back({{"index", i}, {"id", document->article.id}, {"status", "indexed"}});
    corpus::IndexChange change;
    change.id = document->article.id;
    change.document = std::move(document->document);
    changes.push_back(std::move(change));
    change_item.push_back(i);
  }
  prepared.clear();
  failed_items_ += failed;
  std::uint64_t indexed = 0;
  std::uint64_t replaced = 0;
  if (!changes.empty()) {
    auto outcomes = apply(std::move(changes), response);
    if (!outcomes) return;
    for (std::size_t c = 0; c < outcomes->size(); ++c) {
      const auto status = (*outcomes)[c].status;
      answers[change_item[c]]["status"] = status_name(status);
      if (status == corpus::ChangeOutcome::Status::kReplaced) {
        ++replaced;
      } else {
        ++indexed;
      }
    }
  }
  write_json(response, 200,
             dump(json{{"indexed", indexed},
                       {"replaced", replaced},
                       {"failed", failed},
                       {"items", std::move(answers)}}));
}

void WriteHandlers::delete_document(const httplib::Request& request, httplib::Response& response,
                                    const httplib::ContentReader& read_body) {
  if (!admit(request, response, read_body)) return;
  std::vector<corpus::IndexChange> changes(1);
  changes[0].kind = corpus::IndexChange::Kind::kDelete;
  changes[0].id = request.matches.size() > 1 ? request.matches[1].str() : std::string();
  const std::string id = changes[0].id;
  auto outcomes = apply(std::move(changes), response);
  if (!outcomes) return;
  if ((*outcomes)[0].status == corpus::ChangeOutcome::Status::kNotFound) {
    return write_error(response, corpus::not_found("no article with id " + id));
  }
  write_json(response, 200, dump(json{{"id", id}, {"status", "deleted"}}));
}

void WriteHandlers::delete_documents(const httplib::Request& request, httplib::Response& response,
                                     const httplib::ContentReader& read_body) {
  auto body = admit(request, response, read_body);
  if (!body) return;
  json query;
  try {
    query = json::parse(*body);
  } catch (const std::exception& e) {
    return write_error(response, corpus::invalid_argument(formats::json_error_reason(e)));
  }
  if (!query.is_object()) {
    return write_error(response, corpus::invalid_argument("expected a json object"));
  }
  const bool has_ids = query.contains("ids");
  const bool has_filter = query.contains("source") || query.contains("before");
  if (has_ids == has_filter) {
    return write_error(response, corpus::invalid_argument(
                                     "give either \"ids\" or a filter (\"source\", \"before\")"));
  }
  std::vector<corpus::IndexChange> changes;
  if (has_ids) {
    const json& ids = query["ids"];
    if (!ids.is_array() || ids.empty()) {
      return write_error(response,
                         corpus::invalid_argument("\"ids\" must be a non-empty array of strings"));
    }
    for (const json& id : ids) {
      if (!id.is_string() && !id.is_number_integer()) {
        return write_error(
            response, corpus::invalid_argument("\"ids\" must be a non-empty array of strings"));
      }
      corpus::IndexChange change;
      change.kind = corpus::IndexChange::Kind::kDelete;
      change.id = id.is_string() ? id.get<std::string>() : id.dump();
      changes.push_back(std::move(change));
    }
  } else {
    corpus::IndexChange change;
    change.kind = corpus::IndexChange::Kind::kDeleteWhere;
    if (query.contains("source")) {
      if (!query["source"].is_string() || query["source"].get<std::string>().empty()) {
        return write_error(response,
                           corpus::invalid_argument("\"source\" must be a non-empty string"));
      }
      change.source = query["source"].get<std::string>();
    }
    if (query.contains("before")) {
      const auto date = query["before"].is_string()
                            ? corpus::parse_iso_date(query["before"].get<std::string>())
                            : std::nullopt;
      if (!date) {
        return write_error(response, corpus::invalid_argument("\"before\" must be YYYY-MM-DD"));
      }
      change.before = date;
    }
    changes.push_back(std::move(change));
  }
  std::vector<std::string> ids;
  for (const auto& change : changes) ids.push_back(change.id);
  auto outcomes = apply(std::move(changes), response);
  if (!outcomes) return;
  if (!has_ids) {
    return write_json(response, 200, dump(json{{"deleted", (*outcomes)[0].deleted}}));
  }
  json items = json::array();
  std::uint64_t deleted = 0;
  for (std::size_t i = 0; i < outcomes->size(); ++i) {
    const auto status = (*outcomes)[i].status;
    if (status == corpus::ChangeOutcome::Status::kDeleted) ++deleted;
    items.push_back({{"id", ids[i]}, {"status", status_name(status)}});
  }
  write_json(response, 200, dump(json{{"deleted", deleted}, {"items", std::move(items)}}));
}

std::string WriteHandlers::metrics_text() const {
  std::string text;
  const auto counter = [&text](std::string_view name, std::string_view help, std::uint64_t value,
                               std::string_view type = "counter") {
    text += "# HELP " + std::string(name) + ' ' + std::string(help) + '\n';
    text += "# TYPE " + std::string(name) + ' ' + std::string(type) + '\n';
    text += std::string(name) + ' ' + std::to_string(value) + '\n';
  };
  counter("izdeu_write_articles_indexed_total", "Articles added through the write API.",
          indexed_.load());
  counter("izdeu_write_articles_replaced_total", "Articles replaced through the write API.",
          replaced_.load());
  counter("izdeu_write_articles_deleted_total", "Articles deleted through the write API.",
          deleted_.load());
  counter("izdeu_write_items_failed_total", "Write items refused for their content (400).",
          failed_items_.load());
  counter("izdeu_write_requests_refused_total",
          "Write requests refused before their content was read (401, 403, 413, 429).",
          refused_.load());
  if (writer_ == nullptr) {
    counter("izdeu_write_enabled", "1 when this server accepts writes.", 0, "gauge");
    return text;
  }
  const corpus::LiveWriter::Stats stats = writer_->stats();
  counter("izdeu_write_enabled", "1 when this server accepts writes.", 1, "gauge");
  counter("izdeu_write_commits_total", "Commits made (each fsyncs; concurrent writes share one).",
          stats.commits);
  counter("izdeu_write_pending_changes",
          "Changes waiting for a commit (the write queue; 429 beyond --max-pending-writes).",
          stats.pending, "gauge");
  const auto seconds = [&text](std::string_view name, std::string_view help,
                               std::chrono::nanoseconds value) {
    text += "# HELP " + std::string(name) + ' ' + std::string(help) + '\n';
    text += "# TYPE " + std::string(name) + " gauge\n";
    text +=
        std::string(name) + ' ' + std::to_string(static_cast<double>(value.count()) / 1e9) + '\n';
  };
  seconds("izdeu_write_last_commit_seconds", "How long the last commit took, its fsyncs included.",
          stats.last_commit);
  seconds("izdeu_write_apply_lag_seconds",
          "How long the oldest waiting change has waited for its commit (0: none waits).",
          stats.oldest_pending);
  return text;
}

}  // namespace izdeu::server
