#include "indexer/jsonl_reader.h"

#include <cstdint>
#include <istream>
#include <string>

#include "analyzers/text_normalizer.h"
#include "formats/article_json.h"

namespace izdeu::indexer {

using analyzers::strip_bom;

corpus::Result<corpus::RawArticle> parse_jsonl_record(std::string_view line) {
  return formats::parse_article_json(line);
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
