#pragma once
// Snippets computed with our own analyzer, not Xapian's MSet::snippet(): its
// tokenizer knows nothing of our normalization, so it would miss inflected,
// case-folded and ё/е forms that matched.

#include <cstddef>
#include <string>
#include <string_view>

#include "analyzers/language.h"
#include "corpus/query_builder.h"

namespace izdeu::corpus {

/// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

/// The passage of `text` of at most about `max_chars` characters that holds
/// the most distinct matched words, HTML-escaped, every matched word wrapped in
/// <mark>…</mark>, with "…" where the passage cuts the text. Without any
/// match, the start of the text. Words match when their exact form or their
/// stem is in `terms`. Never fails.
std::string make_snippet(std::string_view text, analyzers::Language language,
                         const MatchTerms& terms, std::size_t max_chars);

}  // namespace izdeu::corpus
