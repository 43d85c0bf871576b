#pragma once
// The document view's highlighting: a whole article with every form a query
// matched marked, as snippets mark them (snippet_generator.h).

#include <cstddef>
#include <string>

#include "corpus/article.h"
#include "corpus/error.h"
#include "corpus/search/searcher.h"
#include "corpus/search_types.h"

namespace izdeu::corpus {

struct HighlightedArticle {
  std::string title_html;  ///< the whole title, HTML-escaped, matched forms in <mark>
  /// The whole body, HTML-escaped, matched forms in <mark>; paragraphs stay
  /// separated by "\n\n" (a mark never spans a line break).
  std::string body_html;
  std::size_t marks = 0;  ///< <mark> elements in title_html and body_html together
};

/// `article` with the forms `request`'s query matches marked: every form a
/// search reads into its words (exact, inflected, cross-script, synonyms),
/// found with the same analyzer and the same MatchTerms as the snippets of
/// that search. kInvalidArgument when the query is not valid (build_query).
Result<HighlightedArticle> highlight_article(Searcher& searcher, const Article& article,
                                             const SearchRequest& request);

}  // namespace izdeu::corpus
