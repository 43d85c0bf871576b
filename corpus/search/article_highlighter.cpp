#include "corpus/search/article_highlighter.h"

#include <xapian.h>

#include <string_view>

#include "corpus/index/xapian_errors.h"
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
  // database() reopens to the latest commit, and may throw doing so.
  const Xapian::Database* database = nullptr;
  try {
    database = &searcher.database();
  } catch (const Xapian::Error& e) {
    return from_xapian(e);
  }
  auto built = build_query(request, database);
  if (!built) return built.error();
  HighlightedArticle out;
  out.title_html = highlight(article.title, article.language, built->match_terms);
  // highlight() collapses white space (it was made for titles), so each
  // paragraph is marked on its own and the blank lines between them kept.
  std::string_view body = article.body;
  while (!body.empty()) {
    const std::size_t end = body.find("\n\n");
    const std::string_view paragraph = body.substr(0, end);
    if (!out.body_html.empty()) out.body_html += "\n\n";
    out.body_html += highlight(paragraph, article.language, built->match_terms);
    if (end == std::string_view::npos) break;
    body.remove_prefix(end + 2);
  }
  out.marks = count_marks(out.title_html) + count_marks(out.body_html);
  return out;
}

}  // namespace izdeu::corpus
