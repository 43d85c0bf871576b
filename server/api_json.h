#pragma once
// The HTTP API's wire format: request parameters -> corpus requests, corpus
// results -> JSON. Every JSON body the server sends, and every access-log
// line, is rendered here and serialized by the one dump(). The archive
// format has its own codec in indexer/.

#include <httplib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/token.h"
#include "corpus/article.h"
#include "corpus/error.h"
#include "corpus/people/mention_scanner.h"
#include "corpus/people/people_stats.h"
#include "corpus/query/query_parser.h"
#include "corpus/search_types.h"
#include "corpus/suggest/suggester.h"

namespace izdeu::server {

/// The one serializer of the server's JSON: compact, UTF-8 written as is (no
/// \u escapes), and any byte sequence that is not UTF-8 replaced by U+FFFD
/// REPLACEMENT CHARACTER instead of throwing.
std::string dump(const nlohmann::json& value);

/// Longest accepted `q`, in bytes: a coarse guard checked before anything
/// else. The query language's own limits (corpus::kMaxQueryChars characters,
/// corpus::kMaxQueryTerms terms) are checked by build_query, also with 400;
/// a character is at most 4 bytes of UTF-8.
inline constexpr std::size_t kMaxQueryBytes = 4 * corpus::kMaxQueryChars;

/// Largest facet_limit.
inline constexpr std::uint32_t kMaxFacetLimit = 1000;
/// Longest accepted `after`; real cursors are far shorter.
inline constexpr std::size_t kMaxCursorBytes = 200;

/// Builds a SearchRequest from /api/v1/search parameters: q (required),
/// page, per_page (1..1000), after (cursor), lang (kk|ru|en), from, to
/// (YYYY-MM-DD), person, region, topic (each repeatable, see param_values), sort
/// (relevance|date|recency), match (all|any|auto), snippet_chars (0..2000),
/// facets (comma list of region,person,topic,lang,year,month; absent or
/// empty: all six; "none": none; repeatable, the lists joined), facet_limit (1..1000), collapse
/// (true|false), explain (true|false: each word's readings and each hit's matched
/// forms). kInvalidArgument naming the parameter for anything malformed.
corpus::Result<corpus::SearchRequest> parse_search_request(const httplib::Request& request);

/// One hit as search answers it: {"id","title","title_html","title_generated","date","lang",
/// "url","source","views","score","snippet","duplicates","matched_all","missing_words",
/// "people":[{"key","name"}],"regions":[{"id","name"}],"topics":[{"id","name"}]} (not
/// "matched", which search adds with explain=true). Also the rows of export and similar.
nlohmann::json hit_json(const corpus::Hit& hit);

/// {"query","total","total_exact","page","per_page","took_ms","next_cursor","did_you_mean",
///  "relaxed","full_matches","optional_words","hits":[{"id","title","title_html","title_generated",
///  "date","lang","url","source","views","score","snippet","duplicates","matched_all",
///  "missing_words","people":[{"key","name"}],"regions":[{"id","name"}],
///  "topics":[{"id","name"}]}],"facets":{"<facet>":{"exact","values":[{"value","count","label"}]}}}
/// "title_generated" is true when the article has no title and "title" is its
/// body's first words (corpus::Hit::title_generated).
/// With explain=true, each hit also has "matched":[{"word","form","class","field"}] and the
/// body "explanation":[{"word","acronym","exact_only","short_word","readings":[{"form","class",
/// "key","articles"}]}]; class is exact, stem, cross_script or synonym, field title or text.
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
/// "lang","stop_word","capitalized"}],"readings"} — offsets are byte offsets into `text`.
/// "readings": what a search for `text` reads into each word, against the index (as
/// search's "explanation"); null when `text` is not a valid query (too long).
std::string analysis_json(
    analyzers::Language language, const std::vector<analyzers::Token>& tokens,
    const std::optional<std::vector<corpus::WordExplanation>>& readings = std::nullopt);

/// The stored article: {"id","url","source","section","lang","title","date","views","body"}.
nlohmann::json article_fields_json(const corpus::Article& article);
std::string article_json(const corpus::Article& article);

/// /health: {"status":"ok","documents":N}.
std::string health_json(std::uint64_t documents);

/// Every error answer: {"error":{"code":code,"message":message}}.
std::string error_json(std::string_view code, std::string_view message);

/// /api/v1/suggest:
/// {"query","layout_fixed":str|null,"suggestions":[{"text","kind","id":str|null}]}.
std::string suggestions_json(std::string_view query, const corpus::Suggestions& suggestions);

/// One mention of /api/v1/mentions (format json and jsonl):
/// {"article_id","date","title","person","surface","sentence","start","end"}.
nlohmann::json mention_json(const corpus::Mention& mention);

/// /api/v1/people: {"people":[{"key","name","mentions","articles"}]}.
std::string people_json(const std::vector<corpus::PersonCount>& people);

/// /api/v1/people/{key}: {"key","name","mentions","articles","variants":[{"form","count"}],
/// "timeline":[{"month","count"}],"co_mentioned":[{"key","name","articles"}],
/// "regions":[{"id","count"}]}.
std::string person_profile_json(const corpus::PersonProfile& profile);

/// person_profile_json plus how the typed name was read: "resolved_from"
/// (the name as typed, when it was not the key itself) and "aliases" (the
/// person's other keys counted with it).
std::string person_profile_json(const corpus::PersonProfile& profile,
                                const corpus::PersonResolution& resolution, std::string_view typed);

/// {"query": typed, "candidates": [{"key","name","mentions","articles"}]}:
/// a typed name that fits several people (HTTP 300).
std::string person_candidates_json(const corpus::PersonResolution& resolution,
                                   std::string_view typed);

}  // namespace izdeu::server
