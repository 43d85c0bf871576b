#include "corpus/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <limits>

#include "corpus/article_codec.h"
#include "corpus/facet_counter.h"
#include "corpus/popularity_source.h"
#include "corpus/query_builder.h"
#include "corpus/recency_ranker.h"
#include "corpus/schema.h"
#include "corpus/search_cursor.h"
#include "corpus/snippet_generator.h"
#include "corpus/spelling_suggester.h"
#include "corpus/xapian_errors.h"

namespace izdeu::corpus {
namespace {

// Without facets, `total` is still counted exactly up to this many matches:
// cheap, and exact for nearly every query a journalist types.
constexpr Xapian::doccount kExactTotalUpTo = 10'000;

// A cursor's last hit is looked for this many places either side of where the
// cursor says it was, so a walk survives commits that move it a little.
constexpr std::uint64_t kAnchorSlack = 50;

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

Result<std::optional<SearchCursor>> read_cursor(const SearchRequest& request) {
  if (request.after.empty()) return std::optional<SearchCursor>();
  auto cursor = decode_cursor(request.after);
  if (!cursor) return cursor.error();
  if (cursor->sort != request.sort || cursor->fingerprint != request_fingerprint(request)) {
    return invalid_argument("cursor 'after' belongs to another query, filter or sort");
  }
  return std::optional<SearchCursor>(std::move(*cursor));
}

Xapian::doccount clamp_count(std::uint64_t n) {
  return static_cast<Xapian::doccount>(
      std::min<std::uint64_t>(n, std::numeric_limits<Xapian::doccount>::max()));
}

// Articles without a date (their date value is empty; dates are digits).
Xapian::Query undated() {
  return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                       Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, "0"));
}

// Date order puts newer days first and undated articles last: everything a
// date cursor still has to show is its day or older, or undated.
Xapian::Query day_or_older(const std::string& day) {
  if (day.empty()) return undated();
  return Xapian::Query(Xapian::Query::OP_OR,
                       Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, day),
                       undated());
}

// A consecutive stretch of the ranking: items[0] has rank `first`.
struct Window {
  std::vector<RankedItem> items;
  std::vector<std::string> days;  // date values, sort=date only
  std::uint64_t first = 0;
};

Window window_of(const Xapian::MSet& mset, bool with_days) {
  Window window;
  window.first = mset.get_firstitem();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    window.items.push_back({*it, it.get_weight(), it.get_collapse_count()});
    if (with_days) window.days.push_back(it.get_sort_key());
  }
  return window;
}

// Index in window.items where the page starts: after the cursor's last hit
// when it is found near its expected place, else at `expected`.
std::size_t page_start(const Window& window, std::uint64_t expected,
                       const std::optional<SearchCursor>& cursor) {
  const std::size_t fallback =
      static_cast<std::size_t>(std::min<std::uint64_t>(expected, window.items.size()));
  if (!cursor) return fallback;
  std::size_t best = window.items.size();
  std::uint64_t best_distance = ~std::uint64_t{0};
  for (std::size_t i = 0; i < window.items.size(); ++i) {
    if (window.items[i].docid != cursor->last_docid) continue;
    const std::uint64_t distance = i + 1 > expected ? i + 1 - expected : expected - (i + 1);
    if (distance < best_distance) best = i, best_distance = distance;
  }
  return best < window.items.size() ? best + 1 : fallback;
}

// How many hits of `day` the ranking holds up to window index `end`: the run
// of that day ending there, plus everything before the window when the run
// reaches its start (only a cursor's own day can, and it started at rank 0).
std::uint64_t day_run(const Window& window, std::size_t end, const std::string& day) {
  std::size_t begin = end;
  while (begin > 0 && window.days[begin - 1] == day) --begin;
  return (end - begin) + (begin == 0 ? window.first : 0);
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
  auto cursor = read_cursor(request);
  if (!cursor) return cursor.error();
  auto built = build_query(request, database_.get());
  if (!built) return built.error();

  return with_retry(*database_, paths_, [&]() -> Result<SearchResult> {
    refresh();
    auto result = run(request, *built, *cursor);
    // A relaxed query dropped words that found nothing: a correction may help too.
    if (result && (result->total < kDidYouMeanBelow || result->relaxed)) {
      result->did_you_mean = suggest_correction(*database_, request, result->total);
    }
    return result;
  });
}

Result<SearchResult> Searcher::run(const SearchRequest& request, const BuiltQuery& built,
                                   const std::optional<SearchCursor>& cursor) {
  const Xapian::doccount per_page = request.per_page;
  const bool date_sort = request.sort == SortOrder::kDate;
  Xapian::Enquire enquire(*database_);
  Xapian::Query query = built.query;
  if (!date_sort) {
    // The popularity bonus is a share of the largest weight this query can
    // give; get_mset(0, 0) computes that bound without matching anything.
    enquire.set_query(query);
    const double max_weight = enquire.get_mset(0, 0).get_max_possible() * kPopularityShare;
    if (max_weight > 0) {
      query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                            Xapian::Query((new PopularitySource(max_weight))->release()));
    }
  }
  if (request.collapse_duplicates) enquire.set_collapse_key(schema::kCollapseSlot);
  if (date_sort) enquire.set_sort_by_value_then_relevance(schema::kDateSlot, /*reverse=*/true);

  // Always attached: besides facets it counts collapsed matches exactly, which
  // Xapian's own bounds do not once collapsing is on.
  FacetCounter counter(request.facets, request.collapse_duplicates,
                       request.sort == SortOrder::kRecency);
  const Xapian::doccount exact_up_to = request.facets.empty() ? kExactTotalUpTo : kExactCountsUpTo;
  // Whether the counter saw every match; set with the pass that ran it.
  bool counted_all = false;
  Xapian::MSet counted_mset;
  auto counted_match = [&](const Xapian::Query& counted_query, Xapian::doccount first,
                           Xapian::doccount size) {
    enquire.set_query(counted_query);
    enquire.clear_matchspies();
    enquire.add_matchspy(&counter);
    const Xapian::doccount check = std::max(exact_up_to, first + size);
    counted_mset = enquire.get_mset(first, size, check);
    enquire.clear_matchspies();
    // The matcher stops looking at matches once it has seen `check`; below
    // that it has seen them all.
    counted_all = counter.documents_counted() < check;
    return counted_mset;
  };

  SearchResult result;
  result.relaxed = built.relaxed;
  result.optional_words = built.optional_words;
  Window window;
  std::uint64_t expected = 0;     // window index where the page starts, barring a realigned cursor
  std::uint64_t rank_offset = 0;  // whole-result rank of the window's rank 0
  const std::uint64_t base = cursor ? (date_sort ? cursor->day_offset : cursor->position)
                                    : std::uint64_t{request.page - 1} * per_page;
  const std::uint64_t lead = cursor ? std::min(base, kAnchorSlack) : 0;
  const std::uint64_t tail = cursor ? kAnchorSlack : 0;
  // One hit more than the page shows whether another page follows.
  const std::uint64_t wanted = base + per_page + tail + 1;

  if (request.sort == SortOrder::kRecency) {
    const Xapian::doccount prefix = clamp_count(std::max<std::uint64_t>(2 * wanted, 100));
    const Xapian::MSet first = counted_match(query, 0, prefix);
    double max_factor = 1;
    const std::int64_t today = day_number(request.today);
    if (counted_all) max_factor = recency_factor(counter.newest_date(), today);
    window.items =
        rank_by_recency(*database_, first, prefix, wanted, max_factor, today,
                        [&](Xapian::doccount size) { return enquire.get_mset(0, size); });
    expected = base;
  } else if (date_sort && cursor) {
    // Only the cursor's day and older: the walk never re-sorts what it showed.
    const Xapian::Query rest(Xapian::Query::OP_FILTER, query, day_or_older(cursor->day));
    enquire.set_query(rest);
    const Xapian::doccount first = clamp_count(base - lead);
    const Xapian::doccount size = clamp_count(lead + per_page + tail + 1);
    FacetCounter rest_counter({}, request.collapse_duplicates, false);
    enquire.add_matchspy(&rest_counter);
    const Xapian::doccount check = std::max(kExactTotalUpTo, first + size);
    const Xapian::MSet mset = enquire.get_mset(first, size, check);
    enquire.clear_matchspies();
    window = window_of(mset, true);
    expected = lead;
    rank_offset = cursor->position - base;
    // Everything shown so far plus what is left from here.
    if (rest_counter.documents_counted() < check) {
      result.total = rank_offset + rest_counter.documents_counted();
      result.total_exact = true;
    } else {
      result.total = rank_offset + mset.get_matches_estimated();
      result.total_exact = false;
    }
    if (!request.facets.empty()) counted_match(query, 0, 0);
  } else {
    // Relevance, and date from a page number: the window starts at rank
    // 0 for date, so a cursor can count the hits of the last day.
    const Xapian::doccount first = clamp_count(date_sort ? 0 : base - lead);
    const Xapian::doccount size = clamp_count(wanted - first);
    window = window_of(counted_match(query, first, size), date_sort);
    expected = base - first;
  }
  if (!(date_sort && cursor)) {
    if (counted_all) {
      result.total = counter.documents_counted();
      result.total_exact = true;
    } else {
      result.total = counted_mset.get_matches_estimated();
      result.total_exact =
          counted_mset.get_matches_lower_bound() == counted_mset.get_matches_upper_bound();
    }
  }
  if (!request.facets.empty()) {
    const double seen = static_cast<double>(counter.documents_counted());
    const double scale = counted_all || seen == 0 ? 1.0 : static_cast<double>(result.total) / seen;
    result.facets = counter.facets(request.facets, request.facet_limit, scale);
  }

  const std::size_t start = page_start(window, expected, cursor);
  const std::size_t end = std::min<std::size_t>(window.items.size(), start + per_page);
  result.offset = rank_offset + window.first + start;
  for (std::size_t i = start; i < end; ++i) {
    const RankedItem& item = window.items[i];
    auto article = decode_article(database_->get_document(item.docid).get_data());
    if (!article) return article.error();
    Hit hit;
    hit.id = std::move(article->id);
    hit.title_html = highlight(article->title, article->language, built.match_terms);
    hit.title = std::move(article->title);
    hit.url = std::move(article->url);
    hit.source = std::move(article->source);
    hit.date = article->date;
    hit.language = article->language;
    hit.views = article->views;
    hit.score = item.score;
    hit.duplicates = request.collapse_duplicates ? item.duplicates : 0;
    hit.snippet =
        make_snippet(article->body, article->language, built.match_terms, request.snippet_chars);
    for (PersonRef& person : article->people) hit.people.push_back(std::move(person.key));
    hit.regions = std::move(article->regions);
    hit.topics = std::move(article->topics);
    result.hits.push_back(std::move(hit));
  }

  if (end < window.items.size()) {
    SearchCursor next;
    next.sort = request.sort;
    next.fingerprint = request_fingerprint(request);
    next.position = result.offset + (end - start);
    next.last_docid = window.items[end - 1].docid;
    if (date_sort) {
      next.day = window.days[end - 1];
      next.day_offset = day_run(window, end, next.day);
    }
    result.next_cursor = encode_cursor(next);
  }
  return result;
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

Result<std::uint64_t> Searcher::document_count() {
  return with_retry(*database_, paths_, [&]() -> Result<std::uint64_t> {
    refresh();
    return std::uint64_t{database_->get_doccount()};
  });
}

}  // namespace izdeu::corpus
