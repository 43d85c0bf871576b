#pragma once
// Snippets computed with our own analyzer, not Xapian's MSet::snippet(): its
// tokenizer knows nothing of our normalization, so it would miss inflected,
// case-folded and ё/е forms that matched.

#include <cstddef>
#include <string>
#include <string_view>

#include "analyzers/language.h"
#include "corpus/query/query_word.h"

namespace izdeu::corpus {

/// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

/// Passages of `text` of about `max_chars` characters in all that show the
/// most distinct matched words, HTML-escaped, every matched word wrapped in
/// <mark>…</mark>, with "…" where a passage cuts the text. One passage when
/// it can show every matched word; otherwise up to `max_passages` passages of
/// an equal share of max_chars (at least 60 characters each), in text order,
/// joined by " … ". Without any match, the start of the text. Never fails.
///
/// A word matches as the index matched it: its exact form or an alias of it
/// (a numeral's value, a compound's joined form), its stem, or its loose
/// cross-script key or that of its stem (so «Тоқаев» is marked for a search
/// for «Tokayev», «выборах» for «выборы»).
std::string make_snippet(std::string_view text, analyzers::Language language,
                         const MatchTerms& terms, std::size_t max_chars,
                         std::size_t max_passages = 3);

/// All of `text` (a title), HTML-escaped, matched words in <mark> as above.
std::string highlight(std::string_view text, analyzers::Language language, const MatchTerms& terms);

/// Longest title made from a body (generated_title()), in words and in characters.
inline constexpr std::size_t kGeneratedTitleWords = 10;
inline constexpr std::size_t kGeneratedTitleChars = 80;

/// A title for an untitled article, shown in its place (Hit::title_generated):
/// the body's first words, white space collapsed (paragraph breaks too), at
/// most kGeneratedTitleWords words and kGeneratedTitleChars characters
/// (code points), cut at a word boundary; when the body goes on, a trailing
/// comma, colon, semicolon or dash is dropped and "…" added (not counted). A
/// first word longer than the limit is cut inside. Plain text, not escaped;
/// "" for a blank body. Never fails.
std::string generated_title(std::string_view body);

}  // namespace izdeu::corpus
