#include "corpus/searcher.h"

#include <xapian.h>

#include "corpus/article_codec.h"
#include "corpus/query_builder.h"
#include "corpus/schema.h"
#include "corpus/snippet_generator.h"
#include "corpus/xapian_errors.h"

namespace izdeu::corpus {
namespace {

// Counting exactly up to this many matches costs little and makes `total`
// exact for every query a journalist types against an archive of our size.
constexpr Xapian::doccount kExactTotalUpTo = 10000;

std::string joined(const std::vector<std::string>& paths) {
  std::string out;
  for (const auto& path : paths) out += (out.empty() ? "" : ", ") + path;
  return out;
}

// Runs `f` against the database; a commit that lands mid-read surfaces as
// DatabaseModifiedError, and Xapian's documented recovery is reopen() and
// repeat. A second failure is reported as kUnavailable.
template <typename F>
auto with_retry(Xapian::Database& database, const std::vector<std::string>& paths, F&& f)
    -> decltype(f()) {
  try {
    try {
      return f();
    } catch (const Xapian::DatabaseModifiedError&) {
      database.reopen();
      return f();
    }
  } catch (const Xapian::Error& e) {
    return from_xapian(e, joined(paths));
  }
}

Result<void> validate(const SearchRequest& request) {
  if (request.page == 0) return invalid_argument("page must be 1 or more");
  if (request.per_page == 0 || request.per_page > kMaxPerPage) {
    return invalid_argument("per_page must be between 1 and " + std::to_string(kMaxPerPage));
  }
  return {};
}

}  // namespace

Searcher::Searcher(std::vector<std::string> paths, std::unique_ptr<Xapian::Database> database)
    : paths_(std::move(paths)), database_(std::move(database)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Result<Searcher> Searcher::open(const std::vector<std::string>& paths) {
  if (paths.empty()) return invalid_argument("no index given");
  auto database = std::make_unique<Xapian::Database>();
  for (const std::string& path : paths) {
    try {
      database->add_database(Xapian::Database(path));
    } catch (const Xapian::Error& e) {
      return from_xapian(e, path);
    }
  }
  return Searcher(paths, std::move(database));
}

void Searcher::refresh() {
  // reopen() is a cheap revision check when nothing changed.
  database_->reopen();
}

Result<SearchResult> Searcher::search(const SearchRequest& request) {
  if (auto valid = validate(request); !valid) return valid.error();
  auto built = build_query(request, database_.get());
  if (!built) return built.error();

  return with_retry(*database_, paths_, [&]() -> Result<SearchResult> {
    refresh();
    Xapian::Enquire enquire(*database_);
    enquire.set_query(built->query);
    if (request.sort == SortOrder::kDate) {
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, /*reverse=*/true);
    }
    const Xapian::doccount offset = (request.page - 1) * request.per_page;
    const Xapian::MSet mset =
        enquire.get_mset(offset, request.per_page, offset + request.per_page + kExactTotalUpTo);

    SearchResult result;
    result.total = mset.get_matches_estimated();
    result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      auto article = decode_article(it.get_document().get_data());
      if (!article) return article.error();
      Hit hit;
      hit.id = article->id;
      hit.title = article->title;
      hit.url = article->url;
      hit.source = article->source;
      hit.date = article->date;
      hit.language = article->language;
      hit.views = article->views;
      hit.score = it.get_weight();
      hit.snippet =
          make_snippet(article->body, article->language, built->match_terms, request.snippet_chars);
      result.hits.push_back(std::move(hit));
    }
    return result;
  });
}

Result<Article> Searcher::get_article(const std::string& id) {
  return with_retry(*database_, paths_, [&]() -> Result<Article> {
    refresh();
    Xapian::PostingIterator posting = database_->postlist_begin(id_term(id));
    if (id.empty() || posting == database_->postlist_end(id_term(id))) {
      return not_found("no article with id '" + id + "'");
    }
    return decode_article(database_->get_document(*posting).get_data());
  });
}

Xapian::Database& Searcher::database() {
  refresh();
  return *database_;
}

Result<std::uint64_t> Searcher::document_count() {
  return with_retry(*database_, paths_, [&]() -> Result<std::uint64_t> {
    refresh();
    return std::uint64_t{database_->get_doccount()};
  });
}

}  // namespace izdeu::corpus
