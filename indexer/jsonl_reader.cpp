#include "indexer/jsonl_reader.h"

#include <cstdint>
#include <istream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "analyzers/text_normalizer.h"
#include "indexer/date_parser.h"

namespace izdeu::indexer {

using analyzers::collapse_whitespace;
using analyzers::strip_bom;
namespace {

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

// nlohmann's messages start with "[json.exception.parse_error.101] "; the
// bracketed part means nothing to someone fixing an archive.
std::string exception_reason(const json::exception& e) {
  std::string_view what = e.what();
  if (const auto close = what.find("] "); what.starts_with("[") && close != std::string::npos) {
    what.remove_prefix(close + 2);
  }
  return "invalid json: " + std::string(what);
}

corpus::Result<corpus::RawArticle> parse_record(std::string_view line) {
  // parse() throws parse_error for broken syntax and out_of_range for a
  // number no double holds ("1e400"); both are this line's problem.
  const json record = json::parse(line);
  if (!record.is_object()) return corpus::data_loss("line is not a json object");

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

corpus::Result<corpus::RawArticle> parse_jsonl_record(std::string_view line) {
  // One bad line must never end the run: whatever the JSON library throws
  // becomes this line's reason.
  try {
    return parse_record(line);
  } catch (const json::exception& e) {
    return corpus::data_loss(exception_reason(e));
  } catch (const std::exception& e) {
    return corpus::data_loss(std::string("cannot read the line: ") + e.what());
  }
}

namespace {

enum class LineRead { kEnd, kLine, kTooLong };

// Reads up to the next '\n' (consumed, not stored) into `line`, in chunks,
// so that a line longer than `max_bytes` is read and thrown away piece by
// piece instead of growing one string to its full size.
LineRead read_capped_line(std::istream& input, std::string& line, std::size_t max_bytes,
                          std::string& chunk) {
  line.clear();
  bool any = false;
  bool too_long = false;
  for (;;) {
    // get() stops before the '\n' and fails (extracting nothing) on an empty
    // rest of the line.
    input.get(chunk.data(), static_cast<std::streamsize>(chunk.size()), '\n');
    const auto count = static_cast<std::size_t>(input.gcount());
    if (count > 0) {
      any = true;
      if (!too_long && line.size() + count > max_bytes) {
        too_long = true;
        std::string().swap(line);
      }
      if (!too_long) line.append(chunk.data(), count);
    }
    if (input.bad()) return any ? LineRead::kLine : LineRead::kEnd;
    if (input.eof()) {
      if (!any) return LineRead::kEnd;
      return too_long ? LineRead::kTooLong : LineRead::kLine;
    }
    if (input.fail()) input.clear(input.rdstate() & ~std::ios::failbit);
    if (input.peek() == '\n') {
      input.ignore();
      return too_long ? LineRead::kTooLong : LineRead::kLine;
    }
  }
}

}  // namespace

std::size_t read_jsonl_lines(std::istream& input, std::string_view path,
                             const JsonLineSink& on_line, const IssueSink& on_issue,
                             std::size_t max_line_bytes) {
  std::size_t produced = 0;
  std::uint64_t line_number = 0;
  std::string line;
  std::string chunk(64u << 10, '\0');
  // The cap counts the line as read; a CR of CRLF and a BOM fit within it.
  const std::size_t cap = max_line_bytes > SIZE_MAX - 4 ? max_line_bytes : max_line_bytes + 4;
  for (;;) {
    const LineRead read = read_capped_line(input, line, cap, chunk);
    if (read == LineRead::kEnd) break;
    ++line_number;
    if (read == LineRead::kTooLong) {
      on_issue({std::string(path) + ":" + std::to_string(line_number),
                "line longer than " + std::to_string(max_line_bytes) + " bytes"});
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number == 1) {
      const std::string_view stripped = strip_bom(line);
      if (stripped.size() != line.size()) line.erase(0, line.size() - stripped.size());
    }
    if (line.find_first_not_of(" \t\r\f\v") == std::string::npos) continue;
    if (line.size() > max_line_bytes) {
      on_issue({std::string(path) + ":" + std::to_string(line_number),
                "line longer than " + std::to_string(max_line_bytes) + " bytes"});
      continue;
    }
    ++produced;
    if (!on_line(line_number, std::move(line))) break;
    line.clear();
  }
  if (input.bad())
    on_issue({std::string(path), "read error after line " + std::to_string(line_number)});
  return produced;
}

std::size_t read_jsonl(std::istream& input, std::string_view path, const RawArticleSink& on_article,
                       const IssueSink& on_issue, std::size_t max_line_bytes) {
  std::size_t produced = 0;
  read_jsonl_lines(
      input, path,
      [&](std::uint64_t line_number, std::string&& line) {
        auto article = parse_jsonl_record(line);
        if (!article) {
          on_issue(
              {std::string(path) + ":" + std::to_string(line_number), article.error().message});
          return true;
        }
        on_article(std::move(*article));
        ++produced;
        return true;
      },
      on_issue, max_line_bytes);
  return produced;
}

}  // namespace izdeu::indexer
