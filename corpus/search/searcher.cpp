#include "corpus/search/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <string_view>

#include "analyzers/text_normalizer.h"
#include "analyzers/utf8.h"
#include "corpus/date.h"
#include "corpus/index/article_codec.h"
#include "corpus/index/lexicon.h"
#include "corpus/index/shards.h"
#include "corpus/query/date_filters.h"
#include "corpus/query/query_builder.h"
#include "corpus/schema.h"
#include "corpus/search/facet_cache.h"
#include "corpus/search/facet_counter.h"
#include "corpus/search/match_explanation.h"
#include "corpus/search/popularity_source.h"
#include "corpus/search/recency_ranker.h"
#include "corpus/search/search_cursor.h"
#include "corpus/search/snippet_generator.h"
#include "corpus/search/spelling_suggester.h"

namespace izdeu::corpus {
namespace {

// Without facets, `total` is still counted exactly up to this many matches:
// cheap, and exact for nearly every query a journalist types.
constexpr Xapian::doccount kExactTotalUpTo = 10'000;

// A cursor's last hit is looked for this many places either side of where the
// cursor says it was, so a walk survives commits that move it a little.
constexpr std::uint64_t kAnchorSlack = 50;

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
  // Only date cursors carry a day, and a day's hits are among those shown.
  const bool date = cursor->sort == SortOrder::kDate;
  if ((!date && (!cursor->day.empty() || cursor->day_offset != 0)) ||
      cursor->day_offset > cursor->position) {
    return invalid_argument("cursor 'after' is malformed");
  }
  return std::optional<SearchCursor>(std::move(*cursor));
}

Xapian::doccount clamp_count(std::uint64_t n) {
  return static_cast<Xapian::doccount>(
      std::min<std::uint64_t>(n, std::numeric_limits<Xapian::doccount>::max()));
}

// The first day of the month `months` months before `date`'s month.
Date months_before(const Date& date, int months) {
  const int index = date.year * 12 + (date.month - 1) - months;
  return Date{index / 12, index % 12 + 1, 1};
}

// Date order of `query` for ranks [first, first + size), newest first.
// Sorting by a value makes the matcher look at every match, so the newest
// days are tried first: the matches since the month before `newest` (then a
// year, then four years back, then all dated ones up to `newest`) are the
// head of the whole order, and when they fill the window the rest of the
// archive is never read. The filters are date terms (date_filters.h), not
// value ranges, so each try reads only its own matches. The last try is
// `rest`: the query with whatever may follow the dated ones (undated
// articles).
Xapian::MSet newest_first(Xapian::Enquire& enquire, const Xapian::Query& query,
                          const std::optional<Date>& newest, const Xapian::Query& rest,
                          Xapian::doccount first, Xapian::doccount size) {
  if (newest) {
    std::vector<Xapian::Query> filters;
    for (int months : {1, 12, 48})
      filters.push_back(date_range_filter(months_before(*newest, months), newest));
    filters.push_back(date_range_filter(std::nullopt, newest));
    for (const Xapian::Query& filter : filters) {
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, filter));
      Xapian::MSet mset = enquire.get_mset(first, size);
      if (mset.size() == size) return mset;
    }
  }
  enquire.set_query(rest);
  return enquire.get_mset(first, size);
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

// Counting pass: total and facets over the whole result (a cursor's filter
// aside). Unweighted, so the matcher only walks posting lists; the counter
// collapses copies itself, so Xapian keeps no collapse table here. `cache`
// (may be null) serves the counter's value reads.
void count_matches(Xapian::Database& database, const FacetCache* cache,
                   const SearchRequest& request, const Xapian::Query& query, SearchResult& result) {
  FacetCounter counter(request.facets, request.collapse_duplicates);
  counter.use(cache);
  const Xapian::doccount check = request.facets.empty() ? kExactTotalUpTo : kExactCountsUpTo;
  counter.set_limit(check);
  Xapian::Enquire counting(database);
  counting.set_query(query);
  counting.set_weighting_scheme(Xapian::BoolWeight());
  counting.add_matchspy(&counter);
  const Xapian::MSet mset = counting.get_mset(0, 0, check);
  // The matcher stops handing matches to the counter once it has seen
  // `check` of them; below that it has seen them all.
  const bool counted_all = counter.documents_seen() < check;
  if (counted_all) {
    result.total = counter.documents_counted();
  } else {
    const double unique =
        static_cast<double>(counter.documents_counted()) /
        static_cast<double>(std::max<std::uint64_t>(1, counter.documents_sampled()));
    // Over several shards a boolean match runs to the end, so the counter
    // has seen every match (it counted a sample); otherwise Xapian estimates.
    const double uncollapsed = counter.documents_seen() > check
                                   ? static_cast<double>(counter.documents_seen())
                                   : static_cast<double>(mset.get_matches_estimated());
    result.total = std::max<std::uint64_t>(counter.documents_counted(),
                                           static_cast<std::uint64_t>(uncollapsed * unique));
  }
  result.total_exact = counted_all;
  if (!request.facets.empty()) {
    const double counted =
        static_cast<double>(std::max<std::uint64_t>(1, counter.documents_counted()));
    const double scale = counted_all ? 1.0 : static_cast<double>(result.total) / counted;
    result.facets = counter.facets(request.facets, request.facet_limit, scale);
  }
}

// The value slot a facet is counted from.
Xapian::valueno slot_of(FacetField field) {
  switch (field) {
    case FacetField::kRegion:
      return schema::kRegionsSlot;
    case FacetField::kPerson:
      return schema::kPeopleSlot;
    case FacetField::kTopic:
      return schema::kTopicsSlot;
    case FacetField::kLanguage:
      return schema::kLanguageSlot;
    case FacetField::kYear:
    case FacetField::kMonth:
      break;
  }
  return schema::kDateSlot;
}

// The single values of a slot's value: a list's items, a person without
// its mention count, a date as it is.
std::vector<std::string_view> items_of(Xapian::valueno slot, std::string_view value) {
  std::vector<std::string_view> items;
  if (slot == schema::kDateSlot) {
    if (!value.empty()) items.push_back(value);
    return items;
  }
  std::size_t begin = 0;
  while (begin < value.size()) {
    std::size_t end = value.find(schema::kListSeparator, begin);
    if (end == std::string_view::npos) end = value.size();
    std::string_view item = value.substr(begin, end - begin);
    begin = end + 1;
    if (slot == schema::kPeopleSlot) item = item.substr(0, item.find(schema::kCountSeparator));
    if (!item.empty() && std::find(items.begin(), items.end(), item) == items.end()) {
      items.push_back(item);
    }
  }
  return items;
}

// count_matches over remote shards. xapian-tcpsrv runs only Xapian's own
// classes, so the counts come from a ValueCountMatchSpy per slot, which
// Xapian merges across shards, and FacetCounter orders them as it orders its
// own. Copies (collapse): the total is the distinct collapse keys plus the
// documents without one; a value of a group of copies counts once, as
// FacetCounter counts it, so the copies of each key seen more than once are
// read (one small query per group) and their extra counts taken back.
void count_matches_remote(Xapian::Database& database, const SearchRequest& request,
                          const Xapian::Query& query, SearchResult& result) {
  const bool collapse = request.collapse_duplicates;
  std::vector<Xapian::valueno> slots;
  for (FacetField field : request.facets) {
    const Xapian::valueno slot = slot_of(field);
    if (std::find(slots.begin(), slots.end(), slot) == slots.end()) slots.push_back(slot);
  }
  Xapian::Enquire counting(database);
  counting.set_query(query);
  counting.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy keys(schema::kCollapseSlot);
  counting.add_matchspy(&keys);
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  for (Xapian::valueno slot : slots) {
    spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
    counting.add_matchspy(spies.back().get());
  }
  const Xapian::doccount check = request.facets.empty() ? kExactTotalUpTo : kExactCountsUpTo;
  const Xapian::MSet mset = counting.get_mset(0, 0, check);
  const std::uint64_t seen = keys.get_total();
  std::uint64_t keyed = 0, groups = 0;
  std::vector<std::pair<std::string, Xapian::doccount>> repeated;
  for (auto it = keys.values_begin(); it != keys.values_end(); ++it) {
    keyed += it.get_termfreq();
    ++groups;
    if (collapse && it.get_termfreq() > 1) repeated.emplace_back(*it, it.get_termfreq());
  }
  const std::uint64_t counted = collapse ? groups + (seen - std::min(seen, keyed)) : seen;
  const bool counted_all = seen < check;
  if (counted_all) {
    result.total = counted;
  } else {
    const double unique =
        static_cast<double>(counted) / static_cast<double>(std::max<std::uint64_t>(1, seen));
    const double uncollapsed =
        std::max(static_cast<double>(seen), static_cast<double>(mset.get_matches_estimated()));
    result.total =
        std::max<std::uint64_t>(counted, static_cast<std::uint64_t>(uncollapsed * unique));
  }
  result.total_exact = counted_all;
  if (request.facets.empty()) return;

  // Per slot: documents per single value, copies included.
  std::vector<std::map<std::string, std::int64_t>> counts(slots.size());
  for (std::size_t s = 0; s < slots.size(); ++s) {
    for (auto it = spies[s]->values_begin(); it != spies[s]->values_end(); ++it) {
      const std::string value = *it;
      for (std::string_view item : items_of(slots[s], value)) {
        counts[s][std::string(item)] += it.get_termfreq();
      }
    }
  }
  for (const auto& [key, copies] : repeated) {
    Xapian::Enquire group(database);
    group.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER, query,
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kCollapseSlot, key, key)));
    group.set_weighting_scheme(Xapian::BoolWeight());
    const Xapian::MSet members = group.get_mset(0, copies);
    members.fetch();
    std::vector<std::map<std::string, std::int64_t>> held(slots.size());
    for (auto it = members.begin(); it != members.end(); ++it) {
      const Xapian::Document document = it.get_document();
      for (std::size_t s = 0; s < slots.size(); ++s) {
        const std::string value = document.get_value(slots[s]);
        for (std::string_view item : items_of(slots[s], value)) ++held[s][std::string(item)];
      }
    }
    for (std::size_t s = 0; s < slots.size(); ++s) {
      for (const auto& [item, n] : held[s]) counts[s][item] -= n - 1;
    }
  }
  FacetCounter counter(request.facets, collapse);
  counter.add_counted(counted);
  for (std::size_t s = 0; s < slots.size(); ++s) {
    for (const auto& [item, n] : counts[s]) {
      if (n > 0) counter.add_item(slots[s], item, static_cast<std::uint64_t>(n));
    }
  }
  const double scale = counted_all ? 1.0
                                   : static_cast<double>(result.total) /
                                         static_cast<double>(std::max<std::uint64_t>(1, counted));
  result.facets = counter.facets(request.facets, request.facet_limit, scale);
}

// The stretch of the ranking a page is cut from.
struct Ranking {
  Window window;
  std::uint64_t expected = 0;     // window index where the page starts, barring a realigned cursor
  std::uint64_t rank_offset = 0;  // whole-result rank of the window's rank 0
};

// Ranking pass: only as deep as the page (plus a cursor's slack), so the
// matcher can skip documents that cannot make it.
Ranking rank_window(Xapian::Database& database, const SearchRequest& request,
                    const BuiltQuery& built, const std::optional<SearchCursor>& cursor) {
  const Xapian::doccount per_page = request.per_page;
  const bool date_sort = request.sort == SortOrder::kDate;
  Xapian::Enquire enquire(database);
  Xapian::Query query = built.query;
  if (!date_sort) {
    // The popularity bonus is a share of the best weight this query gives.
    // Not MSet::get_max_possible(): that bound comes from each database's
    // own statistics (wdf and length bounds), so a sharded index, and a
    // remote shard more so, would rank with another cap than one database.
    // The coordination bonuses of optional words are left out of it: scaled
    // to them, popularity would outweigh BM25 among articles matching the
    // same words.
    enquire.set_query(query);
    const Xapian::MSet best = enquire.get_mset(0, 1);
    const double top = best.empty() ? 0.0 : best.begin().get_weight();
    const double max_bonus = std::max(0.0, top - built.bonus_weight) * kPopularityShare;
    if (max_bonus > 0) {
      query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, popularity_query(max_bonus));
    }
  }
  if (request.collapse_duplicates) enquire.set_collapse_key(schema::kCollapseSlot);
  if (date_sort) enquire.set_sort_by_value_then_relevance(schema::kDateSlot, /*reverse=*/true);

  Ranking ranking;
  const std::uint64_t base = cursor ? (date_sort ? cursor->day_offset : cursor->position)
                                    : std::uint64_t{request.page - 1} * per_page;
  const std::uint64_t lead = cursor ? std::min(base, kAnchorSlack) : 0;
  const std::uint64_t tail = cursor ? kAnchorSlack : 0;
  // One hit more than the page shows whether another page follows.
  const std::uint64_t wanted = base + per_page + tail + 1;

  if (request.sort == SortOrder::kRecency) {
    // The best relevance weight bounds every score far more tightly than
    // the query's theoretical maximum, so fewer age bands are read.
    enquire.set_query(query);
    const Xapian::MSet best = enquire.get_mset(0, 1);
    const double max_weight = best.empty() ? 0.0 : best.begin().get_weight();
    ranking.window.items =
        rank_by_recency(enquire, database, query, wanted, day_number(request.today), max_weight);
    ranking.expected = base;
  } else if (date_sort) {
    // A cursor continues with its day and older (undated last): the walk
    // never re-sorts what it has shown. A page number starts at rank 0, so
    // that a cursor made from it can count the hits of the page's last day.
    std::optional<Date> newest = parse_yyyymmdd(database.get_value_upper_bound(schema::kDateSlot));
    Xapian::Query rest = query;
    if (cursor) {
      newest = parse_yyyymmdd(cursor->day);
      rest = Xapian::Query(
          Xapian::Query::OP_FILTER, query,
          newest ? Xapian::Query(Xapian::Query::OP_OR, date_range_filter(std::nullopt, newest),
                                 undated_filter())
                 : undated_filter());
      ranking.rank_offset = cursor->position - base;
    }
    const Xapian::doccount first = clamp_count(cursor ? base - lead : 0);
    const Xapian::doccount size = clamp_count(wanted - first);
    ranking.window = window_of(newest_first(enquire, query, newest, rest, first, size), true);
    ranking.expected = base - first;
  } else {
    const Xapian::doccount first = clamp_count(base - lead);
    const Xapian::doccount size = clamp_count(wanted - first);
    enquire.set_query(query);
    ranking.window = window_of(enquire.get_mset(first, size), false);
    ranking.expected = base - first;
  }
  return ranking;
}

// A relaxed result: which optional words each hit of the page lacks, and the
// union of them (in the order of built.optional) as the result's optional_words.
void mark_missing_words(const Xapian::Database& database, const BuiltQuery& built,
                        const std::vector<RankedItem>& items, std::size_t start,
                        SearchResult& result) {
  std::vector<Xapian::docid> docids;
  for (std::size_t i = 0; i < result.hits.size(); ++i) docids.push_back(items[start + i].docid);
  const std::vector<std::vector<std::string>> missing =
      find_missing_words(database, docids, built.optional);
  std::vector<bool> lacked(built.optional.size(), false);
  for (std::size_t i = 0; i < result.hits.size(); ++i) {
    Hit& hit = result.hits[i];
    hit.missing_words = missing[i];
    hit.matched_all = hit.missing_words.empty();
    for (std::size_t w = 0; w < built.optional.size(); ++w) {
      lacked[w] = lacked[w] || std::find(hit.missing_words.begin(), hit.missing_words.end(),
                                         built.optional[w].text) != hit.missing_words.end();
    }
  }
  for (std::size_t w = 0; w < built.optional.size(); ++w) {
    if (lacked[w]) result.optional_words.push_back(built.optional[w].text);
  }
}

// Articles with every word of a relaxed query, collapsed as the result is:
// the ones whose weight holds every optional word's bonus (each adds at
// least kMatchedWordBonus; BM25, rarity and proximity together stay below one).
std::uint64_t count_full_matches(const Xapian::Database& database, const SearchRequest& request,
                                 const BuiltQuery& built) {
  if (built.full_matches == 0 || !request.collapse_duplicates) return built.full_matches;
  Xapian::Enquire enquire(database);
  enquire.set_query(built.query);
  enquire.set_collapse_key(schema::kCollapseSlot);
  enquire.set_cutoff(0, kMatchedWordBonus * static_cast<double>(built.optional.size()));
  return enquire.get_mset(0, static_cast<Xapian::doccount>(built.full_matches)).size();
}

// Whether `text` holds more than white space and invisible code points, as
// prepare_article() counts a title or body as present; stops at the first
// letter, so a long body costs nothing.
bool has_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = analyzers::decode_utf8(text, i);
    if (!analyzers::is_space_code_point(c) && !analyzers::is_invisible_code_point(c)) return true;
  }
  return false;
}

// Hit assembly: the page's hits from their stored articles (titles
// highlighted, snippets made), its offset, and the cursor to the next page
// when the window holds one more hit.
Result<void> assemble_page(const Xapian::Database& database, const SearchRequest& request,
                           const BuiltQuery& built, const std::optional<SearchCursor>& cursor,
                           const Ranking& ranking, SearchResult& result) {
  const MatchTerms& terms = built.match_terms;
  const Window& window = ranking.window;
  const std::size_t start = page_start(window, ranking.expected, cursor);
  const std::size_t end = std::min<std::size_t>(window.items.size(), start + request.per_page);
  result.offset = ranking.rank_offset + window.first + start;
  for (std::size_t i = start; i < end; ++i) {
    const RankedItem& item = window.items[i];
    auto article = decode_article(database.get_document(item.docid).get_data());
    if (!article) return article.error();
    Hit hit;
    hit.id = std::move(article->id);
    // An article has a title or a body (prepare_article()); an untitled one
    // is shown by its first words, a body-less one by its title twice over.
    const bool has_title = has_text(article->title);
    const bool has_body = has_text(article->body);
    hit.title = has_title ? std::move(article->title) : generated_title(article->body);
    hit.title_generated = !has_title;
    hit.title_html = highlight(hit.title, article->language, terms);
    hit.url = std::move(article->url);
    hit.source = std::move(article->source);
    hit.date = article->date;
    hit.language = article->language;
    hit.views = article->views;
    hit.score = item.score;
    hit.duplicates = request.collapse_duplicates ? item.duplicates : 0;
    hit.snippet = make_snippet(has_body ? article->body : hit.title, article->language, terms,
                               request.snippet_chars);
    for (PersonRef& person : article->people) {
      if (hit.people.size() == kMaxMainPeople) break;  // the main people only
      hit.people.push_back(std::move(person.key));
    }
    hit.regions = std::move(article->regions);
    hit.topics = std::move(article->topics);
    if (request.explain) hit.matched = find_hit_matches(database, item.docid, built.explanation);
    result.hits.push_back(std::move(hit));
  }
  if (built.relaxed) mark_missing_words(database, built, window.items, start, result);

  if (end < window.items.size()) {
    SearchCursor next;
    next.sort = request.sort;
    next.fingerprint = request_fingerprint(request);
    next.position = result.offset + (end - start);
    next.last_docid = window.items[end - 1].docid;
    if (request.sort == SortOrder::kDate) {
      next.day = window.days[end - 1];
      next.day_offset = day_run(window, end, next.day);
    }
    result.next_cursor = encode_cursor(next);
  }
  return {};
}

}  // namespace

Searcher::Searcher(std::vector<std::string> paths, std::unique_ptr<Xapian::Database> database,
                   std::vector<Xapian::Database> shards, std::vector<Xapian::Database> remote)
    : paths_(std::move(paths)),
      where_(joined_paths(paths_)),
      database_(std::move(database)),
      shards_(std::move(shards)),
      facet_caches_(std::make_shared<FacetCacheStore>()) {
  if (!remote.empty()) {
    // Both on the heap, so a moved Searcher keeps the registration valid.
    remote_ = std::make_unique<std::vector<Xapian::Database>>(std::move(remote));
    remote_lexicon_ = std::make_unique<RemoteLexicon>(*database_, *remote_);
  }
}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Result<Searcher> Searcher::open(const std::vector<std::string>& paths) {
  if (paths.empty()) return invalid_argument("no index given");
  std::vector<Xapian::Database> shards;
  auto database = open_shards(paths, &shards);
  if (!database) return database.error();
  auto remote = open_remote_shards(paths);
  if (!remote) return remote.error();
  return Searcher(paths, std::make_unique<Xapian::Database>(std::move(*database)),
                  std::move(shards), std::move(*remote));
}

template <typename Call>
auto Searcher::reconnecting(Call&& call) -> decltype(call()) {
  auto result = call();
  if (result || !remote_ || result.error().code != ErrorCode::kUnavailable ||
      !result.error().message.starts_with(kRemoteUnreachable) || !reconnect()) {
    return result;
  }
  return call();
}

bool Searcher::reconnect() {
  auto reopened = Searcher::open(paths_);
  if (!reopened) return false;
  std::shared_ptr<FacetCacheStore> caches = facet_caches_;
  *this = std::move(*reopened);
  facet_caches_ = std::move(caches);
  return true;
}

void Searcher::refresh() {
  // reopen() is a cheap revision check when nothing changed.
  database_->reopen();
  if (remote_) {
    for (Xapian::Database& shard : *remote_) shard.reopen();
  }
}

Result<SearchResult> Searcher::search(const SearchRequest& request) {
  if (auto valid = validate(request); !valid) return valid.error();
  auto cursor = read_cursor(request);
  if (!cursor) return cursor.error();
  return reconnecting([&]() -> Result<SearchResult> {
    auto built = build_query(request, database_.get());
    if (!built) return built.error();

    return with_reopen_retry(*database_, where_, [&]() -> Result<SearchResult> {
      refresh();
      auto result = run(request, *built, *cursor);
      // A relaxed query dropped words that found nothing: a correction may help too.
      if (result && (result->total < kDidYouMeanBelow || result->relaxed)) {
        // A relaxed result's total counts articles without some words; as
        // typed, the query found fewer (none with every word), so any
        // correction that finds articles is better.
        result->did_you_mean =
            suggest_correction(*database_, request, result->relaxed ? 0 : result->total);
      }
      return result;
    });
  });
}

Result<SearchResult> Searcher::run(const SearchRequest& request, const BuiltQuery& built,
                                   const std::optional<SearchCursor>& cursor) {
  SearchResult result;
  result.relaxed = built.relaxed;
  result.explanation = built.explanation;
  // Kept alive for the counting pass: the counter reads it (for collapse
  // keys too, so a count without facets uses it as well). One database
  // only — counted by Xapian (size()), not by paths: a stub names several —
  // since over several the matcher shows a spy each database's own docids,
  // which a cache of the combined docids cannot be looked up by.
  if (remote_) {
    count_matches_remote(*database_, request, built.query, result);
  } else {
    const std::shared_ptr<const FacetCache> cache =
        database_->size() == 1
            ? facet_caches_->get(FacetCacheStore::revision_key(shards_), *database_)
            : nullptr;
    count_matches(*database_, cache.get(), request, built.query, result);
  }
  result.full_matches =
      built.relaxed ? count_full_matches(*database_, request, built) : result.total;
  const Ranking ranking = rank_window(*database_, request, built, cursor);
  if (auto page = assemble_page(*database_, request, built, cursor, ranking, result); !page) {
    return page.error();
  }
  return result;
}

Result<void> Searcher::warm_up() {
  return with_reopen_retry(*database_, where_, [&]() -> Result<void> {
    refresh();
    if (database_->size() == 1 && !remote_) {
      (void)facet_caches_->get(FacetCacheStore::revision_key(shards_), *database_);
    }
    return {};
  });
}

Result<std::vector<WordExplanation>> Searcher::explain(const SearchRequest& request) {
  SearchRequest explained = request;
  explained.explain = true;
  return with_reopen_retry(*database_, where_, [&]() -> Result<std::vector<WordExplanation>> {
    refresh();
    auto built = build_query(explained, database_.get());
    if (!built) return built.error();
    return std::move(built->explanation);
  });
}

Result<Article> Searcher::get_article(const std::string& id) {
  return reconnecting([&] {
    return with_reopen_retry(*database_, where_, [&]() -> Result<Article> {
      refresh();
      Xapian::PostingIterator posting = database_->postlist_begin(id_term(id));
      if (id.empty() || posting == database_->postlist_end(id_term(id))) {
        return not_found("no article with id '" + id + "'");
      }
      return decode_article(database_->get_document(*posting).get_data());
    });
  });
}

Xapian::Database& Searcher::database() {
  refresh();
  return *database_;
}

Result<std::uint64_t> Searcher::document_count() {
  return reconnecting([&] {
    return with_reopen_retry(*database_, where_, [&]() -> Result<std::uint64_t> {
      refresh();
      return std::uint64_t{database_->get_doccount()};
    });
  });
}

}  // namespace izdeu::corpus
