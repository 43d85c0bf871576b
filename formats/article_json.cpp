#include "formats/article_json.h"

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "analyzers/text_normalizer.h"
#include "formats/date_parser.h"

namespace izdeu::formats {
namespace {

using analyzers::collapse_whitespace;
using nlohmann::json;

corpus::Error field_error(std::string_view field, std::string_view problem) {
  return corpus::data_loss("field \"" + std::string(field) + "\" " + std::string(problem));
}

// The value of an optional string field; absent and null give "".
corpus::Result<std::string> optional_string(const json& record, std::string_view field) {
  const auto it = record.find(field);
  if (it == record.end() || it->is_null()) return std::string();
  if (!it->is_string()) return field_error(field, "must be a string");
  return it->get<std::string>();
}

// The body keeps its paragraph breaks, so only its ends are trimmed (and the
// CR of CRLF dropped); a blank body gives "".
std::string trimmed_body(std::string text) {
  std::erase(text, '\r');
  const auto first = text.find_first_not_of(" \t\n");
  if (first == std::string::npos) return std::string();
  const auto last = text.find_last_not_of(" \t\n");
  return text.substr(first, last - first + 1);
}

// Ids are often numeric in database exports; 42 and "42" mean the same id.
corpus::Result<std::string> read_id(const json& record) {
  const auto it = record.find("id");
  if (it == record.end() || it->is_null()) return std::string();
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return it->dump();
  return field_error("id", "must be a string or an integer");
}

corpus::Result<std::optional<corpus::Date>> read_date(const json& record) {
  auto text = optional_string(record, "date");
  if (!text) return text.error();
  const std::string trimmed = collapse_whitespace(*text);
  if (trimmed.empty()) return std::optional<corpus::Date>();
  std::string_view view = trimmed;
  // ISO 8601 with a time ("2021-07-01T09:30:00+06:00"): the day is what we keep.
  if (view.size() > 10 && (view[10] == 'T' || view[10] == ' ')) {
    if (auto date = corpus::parse_iso_date(view.substr(0, 10))) return std::optional(*date);
  }
  if (auto date = parse_news_date(view)) return std::optional(*date);
  return field_error("date", "is not a date: \"" + trimmed + "\"");
}

corpus::Result<std::optional<std::int64_t>> read_views(const json& record) {
  const auto it = record.find("views");
  if (it == record.end() || it->is_null()) return std::optional<std::int64_t>();
  if (it->is_number_unsigned()) {
    const auto value = it->get<std::uint64_t>();
    if (value <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return std::optional(static_cast<std::int64_t>(value));
    }
  } else if (it->is_number_integer()) {
    const auto value = it->get<std::int64_t>();
    if (value >= 0) return std::optional(value);
  } else if (it->is_string()) {
    const auto& text = it->get_ref<const std::string&>();
    // Digits only; at most 18 of them always fit in int64.
    if (!text.empty() && text.size() <= 18 &&
        text.find_first_not_of("0123456789") == std::string::npos) {
      return std::optional<std::int64_t>(std::stoll(text));
    }
  }
  return field_error("views", "must be a non-negative integer");
}

corpus::Result<corpus::RawArticle> parse_object(const json& record) {
  if (!record.is_object()) return corpus::data_loss("not a json object");

  corpus::RawArticle article;
  auto title = optional_string(record, "title");
  if (!title) return title.error();
  auto body = optional_string(record, "body");
  if (!body) return body.error();
  auto id = read_id(record);
  if (!id) return id.error();
  auto url = optional_string(record, "url");
  if (!url) return url.error();
  auto source = optional_string(record, "source");
  if (!source) return source.error();
  auto section = optional_string(record, "section");
  if (!section) return section.error();
  auto lang = optional_string(record, "lang");
  if (!lang) return lang.error();
  auto date = read_date(record);
  if (!date) return date.error();
  auto views = read_views(record);
  if (!views) return views.error();

  // The title is one line in the index and in results. Either may be
  // missing (an untitled wire item, a headline-only brief), not both.
  article.title = collapse_whitespace(*title);
  article.body = trimmed_body(std::move(*body));
  if (article.title.empty() && collapse_whitespace(article.body).empty()) {
    return corpus::data_loss("fields \"title\" and \"body\" are both missing or empty");
  }
  article.id = std::move(*id);
  article.url = collapse_whitespace(*url);
  article.source = collapse_whitespace(*source);
  article.section = collapse_whitespace(*section);
  article.date = *date;
  article.views = *views;

  // No "lang" leaves the language open: corpus::prepare_article() detects it.
  if (const std::string code = collapse_whitespace(*lang); !code.empty()) {
    const auto language = analyzers::parse_language(code);
    if (!language) return corpus::data_loss("unknown language \"" + code + "\"");
    article.language = *language;
  }
  return article;
}

}  // namespace

std::string json_error_reason(const std::exception& e) {
  // nlohmann's messages start with "[json.exception.parse_error.101] "; the
  // bracketed part means nothing to someone fixing an archive or a request.
  std::string_view what = e.what();
  if (const auto close = what.find("] "); what.starts_with("[") && close != std::string::npos) {
    what.remove_prefix(close + 2);
  }
  return "invalid json: " + std::string(what);
}

corpus::Result<corpus::RawArticle> parse_article_object(const json& object) {
  // One bad item must never end a run or a batch: whatever the JSON library
  // throws becomes this item's reason.
  try {
    return parse_object(object);
  } catch (const json::exception& e) {
    return corpus::data_loss(json_error_reason(e));
  } catch (const std::exception& e) {
    return corpus::data_loss(std::string("cannot read the item: ") + e.what());
  }
}

corpus::Result<corpus::RawArticle> parse_article_json(std::string_view text) {
  try {
    // parse() throws parse_error for broken syntax and out_of_range for a
    // number no double holds ("1e400"); both are this line's problem.
    const json record = json::parse(text);
    if (!record.is_object()) return corpus::data_loss("line is not a json object");
    return parse_object(record);
  } catch (const json::exception& e) {
    return corpus::data_loss(json_error_reason(e));
  } catch (const std::exception& e) {
    return corpus::data_loss(std::string("cannot read the line: ") + e.what());
  }
}

}  // namespace izdeu::formats
