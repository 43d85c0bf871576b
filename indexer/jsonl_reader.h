#pragma once
// JSON Lines archives: one JSON object per line, one article per object.
//
//   {"id": "kt-1", "url": "https://...", "source": "kazinform", "lang": "kk",
//    "title": "...", "date": "2021-07-01", "views": 1234, "body": "..."}
//
// Fields (unknown fields are ignored; null counts as absent):
//   title, body   strings; either may be missing, null or blank, not both
//                 (an untitled item is shown by its body's first words)
//   id            string or integer; see article_id.h for how it is used
//   url, source, section  strings
//   lang          "kk", "ru" or "en" (and the aliases of analyzers::parse_language);
//                 overrides language detection; any other value is an error
//   date          "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS..." (the date part is
//                 used) or any form parse_news_date() accepts
//   views         non-negative integer, or a string of digits

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "corpus/article.h"
#include "corpus/error.h"
#include "indexer/archive_reader.h"

namespace izdeu::indexer {

/// Parses one JSONL line (without its line end); never throws. On success the article has
/// every given field set: `language` from "lang" (nullopt when absent, null or
/// empty: corpus::prepare_document() detects it), `id` the given id or empty.
/// Errors are
/// ErrorCode::kDataLoss with a reason such as "invalid json: ...",
/// "line is not a json object", "field \"title\" must be a string",
/// "fields \"title\" and \"body\" are both missing or empty",
/// "unknown language \"xx\"", "field \"date\" is not a date: \"...\"";
/// a number too large for a double ("1e400") is "invalid json: number
/// overflow ...".
corpus::Result<corpus::RawArticle> parse_jsonl_record(std::string_view line);

/// Receives one non-blank line of a JSONL stream (line ends, the CR of CRLF and
/// a byte order mark on line 1 removed) with its line number, counting from 1;
/// returns false to stop reading.
using JsonLineSink = std::function<bool(std::uint64_t line_number, std::string&& line)>;

/// Splits `input` into lines without parsing them (read_jsonl's first half,
/// for callers that parse on other threads). A line longer than
/// `max_line_bytes` (line end, CR and BOM not counted) is reported as
/// {"<path>:<line>", "line longer than N bytes"} and skipped; it is read in
/// pieces and discarded, never held in memory whole. A stream read error is
/// reported as {path, reason}. Returns the number of lines passed on.
std::size_t read_jsonl_lines(std::istream& input, std::string_view path,
                             const JsonLineSink& on_line, const IssueSink& on_issue,
                             std::size_t max_line_bytes = kMaxRecordBytes);

/// Reads `input` line by line (never the whole stream at once) and passes
/// each good article to `on_article`. Blank lines are skipped silently; a byte
/// order mark on the first line and CR of CRLF line ends are tolerated. A bad
/// line (including one longer than `max_line_bytes`, see read_jsonl_lines) is
/// reported to `on_issue` as {"<path>:<line number>", reason}, counting from
/// 1, and skipped. A stream read error is reported as {path, reason}.
/// Articles are passed on as read, without an id or a detected language
/// (corpus::prepare_article() decides those). Returns the number of articles
/// passed on.
std::size_t read_jsonl(std::istream& input, std::string_view path, const RawArticleSink& on_article,
                       const IssueSink& on_issue, std::size_t max_line_bytes = kMaxRecordBytes);

}  // namespace izdeu::indexer
