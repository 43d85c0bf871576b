#include "server/api_json.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "analyzers/utf8.h"
#include "server/request_params.h"

namespace izdeu::server {
namespace {

using corpus::invalid_argument;
using corpus::Result;
using nlohmann::json;

std::string dump(const json& value) {
  // Stored text is valid UTF-8 (the indexer sanitizes it); replace guards the rest.
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json date_json(const std::optional<corpus::Date>& date) {
  return date ? json(date->to_iso()) : json(nullptr);
}

json views_json(const std::optional<std::int64_t>& views) {
  return views ? json(*views) : json(nullptr);
}

}  // namespace

Result<corpus::SearchRequest> parse_search_request(const httplib::Request& request) {
  corpus::SearchRequest out;
  const std::string q = request.has_param("q") ? request.get_param_value("q") : std::string();
  if (q.size() > kMaxQueryBytes) {
    return invalid_argument("parameter 'q' is longer than " + std::to_string(kMaxQueryBytes) +
                            " bytes");
  }
  out.query = analyzers::sanitize_utf8(trimmed(q));
  if (out.query.empty()) return invalid_argument("parameter 'q' is required and must not be empty");

  auto page = parse_count(request, "page", 1, 1, 1'000'000);
  if (!page) return page.error();
  out.page = *page;
  auto per_page = parse_count(request, "per_page", 10, 1, corpus::kMaxPerPage);
  if (!per_page) return per_page.error();
  out.per_page = *per_page;
  auto snippet = parse_count(request, "snippet_chars", 240, 0, 2000);
  if (!snippet) return snippet.error();
  out.snippet_chars = *snippet;

  if (request.has_param("lang") && !trimmed(request.get_param_value("lang")).empty()) {
    const std::string lang = trimmed(request.get_param_value("lang"));
    auto language = analyzers::parse_language(lang);
    if (!language)
      return invalid_argument("parameter 'lang' must be 'kk' or 'ru', got '" + lang + "'");
    out.language = language;
  }
  auto from = parse_date_param(request, "from");
  if (!from) return from.error();
  out.from = *from;
  auto to = parse_date_param(request, "to");
  if (!to) return to.error();
  out.to = *to;
  if (out.from && out.to && *out.to < *out.from) {
    return invalid_argument("parameter 'from' is after 'to'");
  }

  if (request.has_param("match")) {
    const std::string match = trimmed(request.get_param_value("match"));
    if (match == "auto" || match.empty()) {
      out.match = corpus::MatchMode::kAuto;
    } else if (match == "all") {
      out.match = corpus::MatchMode::kAll;
    } else if (match == "any") {
      out.match = corpus::MatchMode::kAny;
    } else {
      return invalid_argument("parameter 'match' must be 'all', 'any' or 'auto', got '" + match +
                              "'");
    }
  }
  if (request.has_param("sort")) {
    const std::string sort = trimmed(request.get_param_value("sort"));
    if (sort == "relevance" || sort.empty()) {
      out.sort = corpus::SortOrder::kRelevance;
    } else if (sort == "date") {
      out.sort = corpus::SortOrder::kDate;
    } else {
      return invalid_argument("parameter 'sort' must be 'relevance' or 'date', got '" + sort + "'");
    }
  }
  return out;
}

std::string search_result_json(const corpus::SearchRequest& request,
                               const corpus::SearchResult& result, double took_ms) {
  json hits = json::array();
  for (const corpus::Hit& hit : result.hits) {
    hits.push_back({{"id", hit.id},
                    {"title", hit.title},
                    {"date", date_json(hit.date)},
                    {"lang", analyzers::to_code(hit.language)},
                    {"url", hit.url},
                    {"source", hit.source},
                    {"views", views_json(hit.views)},
                    {"score", hit.score},
                    {"snippet", hit.snippet}});
  }
  const json body = {
      {"query", request.query}, {"total", result.total},        {"total_exact", result.total_exact},
      {"page", request.page},   {"per_page", request.per_page}, {"took_ms", took_ms},
      {"hits", std::move(hits)}};
  return dump(body);
}

Result<AnalyzeRequest> parse_analyze_request(const httplib::Request& request) {
  AnalyzeRequest out;
  const std::string text =
      request.has_param("text") ? request.get_param_value("text") : std::string();
  if (text.size() > kMaxAnalyzeBytes) {
    return invalid_argument("parameter 'text' is longer than " + std::to_string(kMaxAnalyzeBytes) +
                            " bytes");
  }
  if (trimmed(text).empty()) {
    return invalid_argument("parameter 'text' is required and must not be empty");
  }
  out.text = analyzers::sanitize_utf8(text);
  const std::string lang =
      request.has_param("lang") ? trimmed(request.get_param_value("lang")) : std::string();
  if (!lang.empty() && lang != "auto") {
    out.language = analyzers::parse_language(lang);
    if (!out.language) {
      return invalid_argument("parameter 'lang' must be 'kk', 'ru' or 'auto', got '" + lang + "'");
    }
  }
  return out;
}

std::string analysis_json(analyzers::Language language,
                          const std::vector<analyzers::Token>& tokens) {
  json items = json::array();
  for (const analyzers::Token& token : tokens) {
    json aliases = json::array();
    for (const analyzers::Alias& alias : token.aliases) {
      aliases.push_back({{"text", alias.text}, {"span", alias.span}});
    }
    items.push_back({{"text", token.text},
                     {"stem", token.stem},
                     {"loose", token.loose},
                     {"loose_stem", token.loose_stem},
                     {"aliases", std::move(aliases)},
                     {"position", token.position},
                     {"start", token.byte_begin},
                     {"end", token.byte_end},
                     {"lang", analyzers::to_code(token.language)},
                     {"stop_word", token.stop_word},
                     {"capitalized", token.capitalized}});
  }
  return dump({{"lang", analyzers::to_code(language)}, {"tokens", std::move(items)}});
}

std::string article_json(const corpus::Article& article) {
  const json body = {{"id", article.id},
                     {"url", article.url},
                     {"source", article.source},
                     {"section", article.section},
                     {"lang", analyzers::to_code(article.language)},
                     {"title", article.title},
                     {"date", date_json(article.date)},
                     {"views", views_json(article.views)},
                     {"body", article.body}};
  return dump(body);
}

}  // namespace izdeu::server
