#pragma once
// The news portal's page dumps: one article per ".txt" file, as saved from
// the article page. The layout, top to bottom:
//
//   Экономика                      section heading (optional)
//                                  blank line(s)
//   14 Марта, 2019                 date line (required; see date_parser.h)
//
//   1 234                          view count (optional; digits, spaces or
//                                  no-break spaces between thousands)
//   Заголовок статьи               title (consecutive lines join)
//
//   Первый абзац ...               body: paragraphs separated by blank lines
//
//   Второй абзац ...
//   Возврат к списку               footer (optional): «Возврат к списку» or
//   ...                            «Тізімге қайту»; anything after it is ignored
//
// A dump needs a title or a body. The title is the first block after the date
// (and view count), so a dump of one block is a title without a body; a
// first block longer than kMaxPageDumpTitleChars is no headline, and the dump
// is read as a body without a title. An untitled dump whose first paragraph
// is short cannot be told from a titled one: that paragraph is read as the title.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "corpus/article.h"
#include "corpus/error.h"

namespace izdeu::formats {

/// The longest first block read as a title, in code points; longer, it is
/// the body's first paragraph (the portal's headlines are one or two lines).
inline constexpr std::size_t kMaxPageDumpTitleChars = 250;

/// Parses one page dump. Tolerates a byte order mark (U+FEFF), CRLF line
/// ends, tabs, trailing spaces, no-break spaces and extra blank lines.
///
/// On success the article has `section` (may be empty), `date`, `views`
/// (nullopt when the dump has no view count), `title` and `body` (one of them
/// may be empty, not both) set; `id`,
/// `url` and `source` stay empty and `language` unset (a page dump does not
/// say; corpus::prepare_document() detects it).
/// Lines are whitespace-collapsed; a paragraph's lines are joined by one space
/// and paragraphs by "\n\n". The view count and the footer are never body text.
///
/// Errors (ErrorCode::kDataLoss, the message names the reason):
/// "invalid utf-8 at byte N", "empty file", "no date line" (neither of the
/// first two non-blank lines is a date), "no title or body text" (nothing
/// but the footer, or nothing at all, after the date and view count).
corpus::Result<corpus::RawArticle> parse_page_dump(std::string_view content);

/// The view count on `line`: digits, optionally grouped by single spaces
/// ("12 345"); nullopt for anything else or a value beyond 18 digits.
/// `line` must already be whitespace-collapsed (no-break spaces made spaces).
std::optional<std::int64_t> parse_view_count(std::string_view line);

/// True when `line` is the footer that ends the body, in any case and with
/// surrounding punctuation or arrows ("← Возврат к списку").
bool is_page_dump_footer(std::string_view line);

}  // namespace izdeu::formats
