#include "corpus/search/article_highlighter.h"

#include <string_view>

#include "corpus/query/query_builder.h"
#include "corpus/search/snippet_generator.h"

namespace izdeu::corpus {
namespace {

std::size_t count_marks(std::string_view html) {
  std::size_t count = 0;
  for (std::size_t at = html.find("<mark>"); at != std::string_view::npos;
       at = html.find("<mark>", at + 6)) {
    ++count;
  }
  return count;
}

}  // namespace

Result<HighlightedArticle> highlight_article(Searcher& searcher, const Article& article,
                                             const SearchRequest& request) {
  // The database gives the query the indexed forms of its words (the
  // lexicon), so the body is marked with exactly what a search reads.
  auto built = build_query(request, &searcher.database());
  if (!built) return built.error();
  HighlightedArticle out;
  out.title_html = highlight(article.title, article.language, built->match_terms);
  out.body_html = highlight(article.body, article.language, built->match_terms);
  out.marks = count_marks(out.title_html) + count_marks(out.body_html);
  return out;
}

}  // namespace izdeu::corpus
