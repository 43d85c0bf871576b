#pragma once
// Plain request/response structs of the search library: no JSON, no HTTP.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/language.h"
#include "corpus/date.h"

namespace izdeu::corpus {

enum class SortOrder {
  kRelevance,  ///< BM25 with title boost, proximity bonus and a weak popularity signal
  kDate,       ///< newest first, relevance breaks ties
  kRecency,    ///< relevance decayed by age (see kRecencyHalfLifeDays)
};

/// How many of the query's plain words a document must match (issue: a
/// natural-language question rarely has every word in one article).
enum class MatchMode {
  kAll,   ///< every plain word is required
  kAny,   ///< any plain word; more and rarer matched words rank higher
  kAuto,  ///< all while that finds enough, then the least informative words become optional
};

inline constexpr std::uint32_t kMaxPerPage = 1000;

/// sort=recency ranks by relevance × 0.5^(age / kRecencyHalfLifeDays): an
/// article a year old counts half as much as one from today, two years old a
/// quarter. Age is counted from SearchRequest::today; articles dated in the
/// future count as today's, articles without a date as kUndatedAgeDays old.
inline constexpr double kRecencyHalfLifeDays = 365;
inline constexpr double kUndatedAgeDays = 10 * kRecencyHalfLifeDays;

/// Facet counts (and `total`) are exact while a query matches at most this
/// many articles; beyond, they are scaled up from the first this-many
/// matches seen and flagged as estimates.
inline constexpr std::uint32_t kExactCountsUpTo = 100'000;

/// A query that finds fewer articles than this gets a did-you-mean suggestion
/// when one finds more.
inline constexpr std::uint64_t kDidYouMeanBelow = 5;

/// Facets a search can count. Year and month form the date histogram.
enum class FacetField { kRegion, kPerson, kTopic, kLanguage, kYear, kMonth };

struct SearchRequest {
  std::string query;                            ///< query language, see README
  std::optional<analyzers::Language> language;  ///< filter; nullopt: every language
  std::optional<Date> from;                     ///< inclusive
  std::optional<Date> to;                       ///< inclusive
  /// Filters given as parameters (beside person:/region:/topic: in the query):
  /// every listed value is required. Values as users type them: any name of a
  /// region, any case of a person's name, a topic id or name.
  std::vector<std::string> people;
  std::vector<std::string> regions;
  std::vector<std::string> topics;
  SortOrder sort = SortOrder::kRelevance;
  MatchMode match = MatchMode::kAuto;
  std::uint32_t page = 1;       ///< 1-based; ignored when `after` is set
  std::uint32_t per_page = 10;  ///< 1..kMaxPerPage
  /// Cursor from a previous SearchResult::next_cursor of the same query,
  /// filters and sort: continues exactly after that page's last hit.
  std::string after;
  std::uint32_t snippet_chars = 240;
  std::vector<FacetField> facets;   ///< facets to count; empty: none
  std::uint32_t facet_limit = 10;   ///< values per facet, most frequent first
  bool collapse_duplicates = true;  ///< syndicated copies (same title and date) shown once
  /// The day ages are counted from for sort=recency; nullopt: today (UTC).
  std::optional<Date> today;
  /// Fill SearchResult::explanation and Hit::matched: why each hit matched.
  bool explain = false;
};

/// How an indexed form reads a query word, best first: the form typed (or an
/// alias: a Roman numeral's value), an inflection in the word's language, a
/// spelling in the other script or alphabet, or a form of a synonym group
/// the word's span names (АНК = Ассамблея народа Казахстана).
enum class ReadingClass { kExact, kStem, kCrossScript, kSynonym };

/// One indexed form a query word matches (explain=true).
struct ReadingExplanation {
  std::string form;
  ReadingClass kind = ReadingClass::kExact;
  /// The lexicon key that led to the form ("Zru:мед", corpus/index/lexicon.h);
  /// empty for exact and synonym readings.
  std::string key;
  std::uint64_t articles = 0;  ///< articles holding the form (document frequency)
};

/// One query word and what the index reads into it (explain=true).
struct WordExplanation {
  std::string word;  ///< as typed; a synonym span's words as typed
  /// Every indexed form the word matches: exact first, then stem, then
  /// cross-script, each by document frequency; forms no article holds are left out.
  std::vector<ReadingExplanation> readings;
  bool acronym = false;     ///< all capitals: matches where written in capitals only
  bool exact_only = false;  ///< acronym, Roman numeral or number: no inflections
  bool short_word = false;  ///< three letters or fewer: own inflections only, no other script
};

/// A query word's form found in one hit (explain=true).
struct HitMatch {
  std::string word;  ///< WordExplanation::word
  std::string form;
  ReadingClass kind = ReadingClass::kExact;
  bool in_title = false;  ///< found in the title (else in the text)
};

struct Hit {
  std::string id;
  /// The title to show: the stored title, or for an untitled article one made
  /// from its body's first words (generated_title(), snippet_generator.h).
  std::string title;
  bool title_generated = false;  ///< `title` was made from the body; the article has none
  std::string url;
  std::string source;
  std::optional<Date> date;
  analyzers::Language language = analyzers::Language::kRussian;
  std::optional<std::int64_t> views;
  double score = 0;     ///< ranking weight; comparable within one result only
  std::string snippet;  ///< HTML: escaped text (the title when there is no body), words in <mark>
  std::string title_html;            ///< the title, HTML-escaped, matched words in <mark>
  std::uint32_t duplicates = 0;      ///< other syndicated copies collapsed into this hit
  std::vector<std::string> people;   ///< person keys
  std::vector<std::string> regions;  ///< region ids
  std::vector<std::string> topics;   ///< topic ids
  /// explain=true: the query's forms this article holds, by word (a form in
  /// both title and text is listed for each).
  std::vector<HitMatch> matched;
};

struct FacetValue {
  std::string value;  ///< person key, region id, topic id, "kk"/"ru"/"en", "2021", "2021-07"
  std::uint64_t count = 0;
};

struct Facet {
  FacetField field = FacetField::kRegion;
  /// Region, person and topic: the facet_limit most frequent, then by value.
  /// Language: every one found. Year and month (the date histogram): every bucket, oldest first.
  std::vector<FacetValue> values;
  bool exact = true;  ///< false when scaled up from the first kExactCountsUpTo matches
};

struct SearchResult {
  std::uint64_t total = 0;   ///< number of matching articles (after collapsing)
  bool total_exact = true;   ///< false when `total` is an estimate
  std::uint64_t offset = 0;  ///< hits before this page in the whole result
  std::vector<Hit> hits;
  std::vector<Facet> facets;  ///< in the order requested
  /// Cursor for the next page (opaque, URL-safe); empty at the end of the results.
  std::string next_cursor;
  /// A corrected query when this one finds little or nothing; never the query itself.
  std::optional<std::string> did_you_mean;
  /// MatchMode::kAuto made some words optional; they are listed here.
  bool relaxed = false;
  std::vector<std::string> optional_words;
  /// explain=true: each query word's readings, in query order.
  std::vector<WordExplanation> explanation;
};

}  // namespace izdeu::corpus
