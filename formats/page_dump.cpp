#include "formats/page_dump.h"

#include <unicode/uchar.h>

#include <string>
#include <vector>

#include "analyzers/text_normalizer.h"
#include "analyzers/utf8.h"
#include "formats/date_parser.h"

namespace izdeu::formats {

using analyzers::collapse_whitespace;
using analyzers::find_invalid_utf8;
using analyzers::strip_bom;
using analyzers::to_lower_utf8;
namespace {

// Every line whitespace-collapsed, so blank lines are empty strings whatever
// they held (CR of CRLF, tabs, no-break spaces, a stray U+FEFF).
std::vector<std::string> split_lines(std::string_view content) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin <= content.size()) {
    const std::size_t end = std::min(content.find('\n', begin), content.size());
    lines.push_back(collapse_whitespace(content.substr(begin, end - begin)));
    begin = end + 1;
  }
  return lines;
}

// Cursor over the collapsed lines.
class LineCursor {
 public:
  explicit LineCursor(const std::vector<std::string>& lines) : lines_(lines) {}

  /// Moves to the next non-blank line; false at the end or at the footer.
  bool skip_blank() {
    while (i_ < lines_.size() && lines_[i_].empty()) ++i_;
    return i_ < lines_.size() && !is_page_dump_footer(lines_[i_]);
  }
  const std::string& line() const { return lines_[i_]; }
  void next() { ++i_; }

  /// The consecutive non-blank lines from here, joined by one space; stops
  /// before a blank line, the footer or the end.
  std::string take_block() {
    std::string block;
    while (i_ < lines_.size() && !lines_[i_].empty() && !is_page_dump_footer(lines_[i_])) {
      if (!block.empty()) block.push_back(' ');
      block.append(lines_[i_]);
      ++i_;
    }
    return block;
  }

 private:
  const std::vector<std::string>& lines_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<std::int64_t> parse_view_count(std::string_view line) {
  if (line.empty() || line.front() == ' ' || line.back() == ' ') return std::nullopt;
  std::int64_t value = 0;
  int digits = 0;
  char previous = ' ';
  for (char c : line) {
    if (c == ' ') {
      if (previous == ' ') return std::nullopt;
    } else if (c >= '0' && c <= '9') {
      // 18 digits always fit in int64; a longer number is not a view count.
      if (++digits > 18) return std::nullopt;
      value = value * 10 + (c - '0');
    } else {
      return std::nullopt;
    }
    previous = c;
  }
  return value;
}

bool is_page_dump_footer(std::string_view line) {
  // The footer is the "back to the list" link; cheap length test first,
  // because this runs for every line of the body.
  if (line.size() > 64) return false;
  const std::string lower = to_lower_utf8(line);
  // Trim arrows, quotes and punctuation around the link text ("← Возврат к списку").
  std::size_t begin = lower.size();
  std::size_t end = 0;
  analyzers::for_each_code_point(lower, [&](char32_t c, std::size_t b, std::size_t e) {
    if (u_isalnum(static_cast<UChar32>(c)) == 0) return;
    begin = std::min(begin, b);
    end = e;
  });
  if (begin >= end) return false;
  const std::string_view text = std::string_view(lower).substr(begin, end - begin);
  return text == "возврат к списку" || text == "тізімге қайту";
}

corpus::Result<corpus::RawArticle> parse_page_dump(std::string_view content) {
  if (const auto bad = find_invalid_utf8(content)) {
    return corpus::data_loss("invalid utf-8 at byte " + std::to_string(*bad));
  }
  const std::vector<std::string> lines = split_lines(strip_bom(content));
  LineCursor cursor(lines);
  if (!cursor.skip_blank()) return corpus::data_loss("empty file");

  corpus::RawArticle article;
  // The section heading is optional, so the date is the first or the second line.
  if (auto date = parse_news_date(cursor.line())) {
    article.date = date;
  } else {
    article.section = cursor.line();
    cursor.next();
    if (!cursor.skip_blank()) return corpus::data_loss("no date line");
    article.date = parse_news_date(cursor.line());
    if (!article.date) return corpus::data_loss("no date line");
  }
  cursor.next();

  if (!cursor.skip_blank()) return corpus::data_loss("no title or body text");
  if (auto views = parse_view_count(cursor.line())) {
    article.views = views;
    cursor.next();
    if (!cursor.skip_blank()) return corpus::data_loss("no title or body text");
  }
  // The first block is the title, unless it is too long to be one: then the
  // page had no headline and the block is the body's first paragraph. A dump
  // of one short block is a headline without a body.
  std::string first = cursor.take_block();
  if (analyzers::count_code_points(first) <= kMaxPageDumpTitleChars) {
    article.title = std::move(first);
  } else {
    article.body = std::move(first);
  }

  while (cursor.skip_blank()) {
    if (!article.body.empty()) article.body.append("\n\n");
    article.body.append(cursor.take_block());
  }
  return article;
}

}  // namespace izdeu::formats
