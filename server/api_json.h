#pragma once
// The HTTP API's wire format: request parameters -> corpus requests, corpus
// results -> JSON. The archive format has its own codec in indexer/.

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

#include "analyzers/token.h"
#include "corpus/article.h"
#include "corpus/error.h"
#include "corpus/query/query_parser.h"
#include "corpus/search_types.h"

namespace izdeu::server {

/// Longest accepted `q`, in bytes: a coarse guard checked before anything
/// else. The query language's own limits (corpus::kMaxQueryChars characters,
/// corpus::kMaxQueryTerms terms) are checked by build_query, also with 400;
/// a character is at most 4 bytes of UTF-8.
inline constexpr std::size_t kMaxQueryBytes = 4 * corpus::kMaxQueryChars;

/// Most values one repeatable filter parameter (person, region, topic) may have.
inline constexpr std::size_t kMaxFilterValues = 20;
/// Largest facet_limit.
inline constexpr std::uint32_t kMaxFacetLimit = 1000;
/// Longest accepted `after`; real cursors are far shorter.
inline constexpr std::size_t kMaxCursorBytes = 200;

/// Builds a SearchRequest from /api/v1/search parameters: q (required),
/// page, per_page (1..1000), after (cursor), lang (kk|ru|en), from, to
/// (YYYY-MM-DD), person, region, topic (each repeatable), sort
/// (relevance|date|recency), match (all|any|auto), snippet_chars (0..2000),
/// facets (comma list of region,person,topic,lang,year,month; absent or
/// empty: all six; "none": none), facet_limit (1..1000), collapse
/// (true|false). kInvalidArgument naming the parameter for anything malformed.
corpus::Result<corpus::SearchRequest> parse_search_request(const httplib::Request& request);

/// {"query","total","total_exact","page","per_page","took_ms","next_cursor","did_you_mean",
///  "relaxed","optional_words","hits":[{"id","title","title_html","date","lang","url","source",
///  "views","score","snippet","duplicates","people":[{"key","name"}],"regions":[{"id","name"}],
///  "topics":[{"id","name"}]}],"facets":{"<facet>":{"exact","values":[{"value","count","label"}]}}}
/// Region, topic, language, year and month labels are {"ru","kk"}; a person's is a display name.
/// With a cursor, "page" is where the walk has got to (offset / per_page + 1).
std::string search_result_json(const corpus::SearchRequest& request,
                               const corpus::SearchResult& result, double took_ms);

/// Longest text /api/v1/analyze accepts, in bytes.
inline constexpr std::size_t kMaxAnalyzeBytes = 100'000;

struct AnalyzeRequest {
  std::string text;
  std::optional<analyzers::Language> language;  ///< nullopt: detected from the text
};

/// Parameters of /api/v1/analyze: text (required), lang (kk|ru|en|auto).
corpus::Result<AnalyzeRequest> parse_analyze_request(const httplib::Request& request);

/// {"lang","tokens":[{"text","stem","loose","loose_stem","aliases","position","start","end",
/// "lang","stop_word","capitalized"}]} — offsets are byte offsets into `text`.
std::string analysis_json(analyzers::Language language,
                          const std::vector<analyzers::Token>& tokens);

/// The stored article: {"id","url","source","section","lang","title","date","views","body"}.
std::string article_json(const corpus::Article& article);

}  // namespace izdeu::server
