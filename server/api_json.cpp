#include "server/api_json.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "analyzers/language_registry.h"
#include "analyzers/utf8.h"
#include "server/entity_labels.h"
#include "server/request_params.h"

namespace izdeu::server {
namespace {

using corpus::invalid_argument;
using corpus::Result;
using nlohmann::json;

// The text of a parameter that must be one of `choices`; `fallback` when absent or empty.
template <typename T, std::size_t N>
Result<T> parse_choice(const httplib::Request& request, const char* name, T fallback,
                       const std::pair<const char*, T> (&choices)[N]) {
  if (!request.has_param(name)) return fallback;
  const std::string text = trimmed(request.get_param_value(name));
  if (text.empty()) return fallback;
  std::string allowed;
  for (const auto& [word, value] : choices) {
    if (text == word) return value;
    allowed += std::string(allowed.empty() ? "'" : ", '") + word + "'";
  }
  return invalid_argument(std::string("parameter '") + name + "' must be one of " + allowed +
                          ", got '" + text + "'");
}

constexpr std::pair<const char*, corpus::FacetField> kFacetNames[] = {
    {"region", corpus::FacetField::kRegion}, {"person", corpus::FacetField::kPerson},
    {"topic", corpus::FacetField::kTopic},   {"lang", corpus::FacetField::kLanguage},
    {"year", corpus::FacetField::kYear},     {"month", corpus::FacetField::kMonth},
};

const char* facet_name(corpus::FacetField field) {
  for (const auto& [name, value] : kFacetNames) {
    if (value == field) return name;
  }
  return "";
}

// facets=region,person,... ; absent or empty: all six; "none": none. Given
// several times (facets=region&facets=year), the lists are joined.
Result<std::vector<corpus::FacetField>> parse_facets(const httplib::Request& request) {
  auto lists = param_values(request, "facets");
  if (!lists) return lists.error();
  std::vector<corpus::FacetField> fields;
  if (lists->empty()) {
    for (const auto& [name, field] : kFacetNames) fields.push_back(field);
    return fields;
  }
  if (lists->size() == 1 && lists->front() == "none") return fields;
  for (const std::string& text : *lists) {
    std::size_t begin = 0;
    while (begin <= text.size()) {
      std::size_t end = text.find(',', begin);
      if (end == std::string::npos) end = text.size();
      const std::string name = trimmed(text.substr(begin, end - begin));
      begin = end + 1;
      if (name.empty()) continue;
      bool known = false;
      for (const auto& [facet, field] : kFacetNames) {
        if (name != facet) continue;
        known = true;
        if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
      }
      if (!known) {
        return invalid_argument(
            "parameter 'facets' must list region, person, topic, lang, year, month or be "
            "'none', got '" +
            name + "'");
      }
    }
  }
  return fields;
}

// Month names, nominative: Russian «январь», Kazakh «қаңтар».
constexpr const char* kRussianMonths[] = {"январь",   "февраль", "март",   "апрель",
                                          "май",      "июнь",    "июль",   "август",
                                          "сентябрь", "октябрь", "ноябрь", "декабрь"};
constexpr const char* kKazakhMonths[] = {"қаңтар",   "ақпан",  "наурыз", "сәуір",
                                         "мамыр",    "маусым", "шілде",  "тамыз",
                                         "қыркүйек", "қазан",  "қараша", "желтоқсан"};

// What a reader sees for a facet value: a display name for a person, names
// in both languages for everything else.
json facet_label(corpus::FacetField field, const std::string& value) {
  switch (field) {
    case corpus::FacetField::kRegion:
      return region_label(value);
    case corpus::FacetField::kTopic:
      return topic_label(value);
    case corpus::FacetField::kPerson:
      return person_display_name(value);
    case corpus::FacetField::kLanguage:
      if (const auto language = analyzers::parse_language(value)) {
        const analyzers::LanguageLabels& labels = analyzers::language_info(*language).labels;
        return {{"ru", labels.ru}, {"kk", labels.kk}};
      }
      return {{"ru", value}, {"kk", value}};
    case corpus::FacetField::kYear:
      return {{"ru", value}, {"kk", value}};
    case corpus::FacetField::kMonth: {
      // "2021-07" -> «июль 2021», «2021 шілде».
      const int month = value.size() == 7 ? std::atoi(value.c_str() + 5) : 0;
      if (month < 1 || month > 12) return {{"ru", value}, {"kk", value}};
      const std::string year = value.substr(0, 4);
      return {{"ru", std::string(kRussianMonths[month - 1]) + " " + year},
              {"kk", year + " " + kKazakhMonths[month - 1]}};
    }
  }
  return {{"ru", value}, {"kk", value}};
}

json date_json(const std::optional<corpus::Date>& date) {
  return date ? json(date->to_iso()) : json(nullptr);
}

json views_json(const std::optional<std::int64_t>& views) {
  return views ? json(*views) : json(nullptr);
}

std::string_view reading_class_name(corpus::ReadingClass kind) {
  switch (kind) {
    case corpus::ReadingClass::kExact:
      return "exact";
    case corpus::ReadingClass::kStem:
      return "stem";
    case corpus::ReadingClass::kCrossScript:
      return "cross_script";
    case corpus::ReadingClass::kSynonym:
      return "synonym";
  }
  return "exact";
}

json explanation_json(const std::vector<corpus::WordExplanation>& words) {
  json out = json::array();
  for (const corpus::WordExplanation& word : words) {
    json readings = json::array();
    for (const corpus::ReadingExplanation& reading : word.readings) {
      readings.push_back({{"form", reading.form},
                          {"class", reading_class_name(reading.kind)},
                          {"key", reading.key.empty() ? json(nullptr) : json(reading.key)},
                          {"articles", reading.articles}});
    }
    out.push_back({{"word", word.word},
                   {"acronym", word.acronym},
                   {"exact_only", word.exact_only},
                   {"short_word", word.short_word},
                   {"readings", std::move(readings)}});
  }
  return out;
}

}  // namespace

std::string dump(const json& value) {
  // Stored text is valid UTF-8 (the indexer sanitizes it) and so are parsed
  // parameters (sanitize_utf8); replace guards the rest, such as an error
  // message quoting the raw bytes of a bad request.
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

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
      return invalid_argument("parameter 'lang' must be " + analyzers::code_list("'") + ", got '" +
                              lang + "'");
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

  static constexpr std::pair<const char*, corpus::SortOrder> kSorts[] = {
      {"relevance", corpus::SortOrder::kRelevance},
      {"date", corpus::SortOrder::kDate},
      {"recency", corpus::SortOrder::kRecency}};
  auto sort = parse_choice(request, "sort", corpus::SortOrder::kRelevance, kSorts);
  if (!sort) return sort.error();
  out.sort = *sort;
  static constexpr std::pair<const char*, corpus::MatchMode> kMatches[] = {
      {"all", corpus::MatchMode::kAll},
      {"any", corpus::MatchMode::kAny},
      {"auto", corpus::MatchMode::kAuto}};
  auto match = parse_choice(request, "match", corpus::MatchMode::kAuto, kMatches);
  if (!match) return match.error();
  out.match = *match;
  static constexpr std::pair<const char*, bool> kBooleans[] = {
      {"true", true}, {"false", false}, {"1", true}, {"0", false}};
  auto collapse = parse_choice(request, "collapse", true, kBooleans);
  if (!collapse) return collapse.error();
  out.collapse_duplicates = *collapse;
  auto explain = parse_choice(request, "explain", false, kBooleans);
  if (!explain) return explain.error();
  out.explain = *explain;

  for (auto [name, list] : {std::pair{"person", &out.people}, std::pair{"region", &out.regions},
                            std::pair{"topic", &out.topics}}) {
    auto values = param_values(request, name);
    if (!values) return values.error();
    *list = std::move(*values);
  }
  auto facets = parse_facets(request);
  if (!facets) return facets.error();
  out.facets = std::move(*facets);
  auto facet_limit = parse_count(request, "facet_limit", 10, 1, kMaxFacetLimit);
  if (!facet_limit) return facet_limit.error();
  out.facet_limit = *facet_limit;

  if (request.has_param("after")) {
    const std::string after = trimmed(request.get_param_value("after"));
    // The searcher checks the cursor itself; only its size is bounded here.
    if (after.size() > kMaxCursorBytes) return invalid_argument("cursor 'after' is malformed");
    out.after = after;
  }
  return out;
}

json hit_json(const corpus::Hit& hit) {
  json people = json::array();
  for (const std::string& key : hit.people) {
    people.push_back({{"key", key}, {"name", person_display_name(key)}});
  }
  json regions = json::array();
  for (const std::string& id : hit.regions) {
    regions.push_back({{"id", id}, {"name", region_label(id)}});
  }
  json topics = json::array();
  for (const std::string& id : hit.topics) {
    topics.push_back({{"id", id}, {"name", topic_label(id)}});
  }
  return {{"id", hit.id},
          {"title", hit.title},
          {"title_html", hit.title_html},
          {"title_generated", hit.title_generated},
          {"date", date_json(hit.date)},
          {"lang", analyzers::to_code(hit.language)},
          {"url", hit.url},
          {"source", hit.source},
          {"views", views_json(hit.views)},
          {"score", hit.score},
          {"snippet", hit.snippet},
          {"duplicates", hit.duplicates},
          {"matched_all", hit.matched_all},
          {"missing_words", hit.missing_words},
          {"people", std::move(people)},
          {"regions", std::move(regions)},
          {"topics", std::move(topics)}};
}

std::string search_result_json(const corpus::SearchRequest& request,
                               const corpus::SearchResult& result, double took_ms) {
  json hits = json::array();
  for (const corpus::Hit& hit : result.hits) {
    hits.push_back(hit_json(hit));
    if (request.explain) {
      json matched = json::array();
      for (const corpus::HitMatch& match : hit.matched) {
        matched.push_back({{"word", match.word},
                           {"form", match.form},
                           {"class", reading_class_name(match.kind)},
                           {"field", match.in_title ? "title" : "text"}});
      }
      hits.back()["matched"] = std::move(matched);
    }
  }
  json facets = json::object();
  for (const corpus::Facet& facet : result.facets) {
    json values = json::array();
    for (const corpus::FacetValue& value : facet.values) {
      values.push_back({{"value", value.value},
                        {"count", value.count},
                        {"label", facet_label(facet.field, value.value)}});
    }
    facets[facet_name(facet.field)] = {{"exact", facet.exact}, {"values", std::move(values)}};
  }
  // With a cursor the page number is where the walk has got to.
  const std::uint64_t page =
      request.after.empty() ? request.page : result.offset / request.per_page + 1;
  json body = {
      {"query", request.query},
      {"total", result.total},
      {"total_exact", result.total_exact},
      {"page", page},
      {"per_page", request.per_page},
      {"took_ms", took_ms},
      {"next_cursor", result.next_cursor.empty() ? json(nullptr) : json(result.next_cursor)},
      {"did_you_mean", result.did_you_mean ? json(*result.did_you_mean) : json(nullptr)},
      {"relaxed", result.relaxed},
      {"full_matches", result.full_matches},
      {"optional_words", result.optional_words},
      {"hits", std::move(hits)},
      {"facets", std::move(facets)}};
  if (request.explain) body["explanation"] = explanation_json(result.explanation);
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
      return invalid_argument("parameter 'lang' must be " + analyzers::code_list("'") +
                              " or 'auto', got '" + lang + "'");
    }
  }
  return out;
}

std::string analysis_json(analyzers::Language language, const std::vector<analyzers::Token>& tokens,
                          const std::optional<std::vector<corpus::WordExplanation>>& readings) {
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
  return dump({{"lang", analyzers::to_code(language)},
               {"tokens", std::move(items)},
               {"readings", readings ? explanation_json(*readings) : json(nullptr)}});
}

json article_fields_json(const corpus::Article& article) {
  return {{"id", article.id},
          {"url", article.url},
          {"source", article.source},
          {"section", article.section},
          {"lang", analyzers::to_code(article.language)},
          {"title", article.title},
          {"date", date_json(article.date)},
          {"views", views_json(article.views)},
          {"body", article.body}};
}

std::string article_json(const corpus::Article& article) {
  return dump(article_fields_json(article));
}

std::string health_json(std::uint64_t documents) {
  return dump({{"status", "ok"}, {"documents", documents}});
}

std::string error_json(std::string_view code, std::string_view message) {
  return dump({{"error", {{"code", code}, {"message", message}}}});
}

std::string suggestions_json(std::string_view query, const corpus::Suggestions& suggestions) {
  json items = json::array();
  for (const corpus::Suggestion& suggestion : suggestions.items) {
    items.push_back({{"text", suggestion.text},
                     {"kind", corpus::suggestion_kind_name(suggestion.kind)},
                     {"id", suggestion.id.empty() ? json(nullptr) : json(suggestion.id)}});
  }
  return dump(
      {{"query", query},
       {"layout_fixed", suggestions.layout_fixed ? json(*suggestions.layout_fixed) : json(nullptr)},
       {"suggestions", std::move(items)}});
}

json mention_json(const corpus::Mention& mention) {
  return {{"article_id", mention.article_id}, {"date", date_json(mention.date)},
          {"title", mention.title},           {"person", mention.person_key},
          {"surface", mention.surface},       {"sentence", mention.sentence},
          {"start", mention.start},           {"end", mention.end}};
}

std::string people_json(const std::vector<corpus::PersonCount>& people) {
  json items = json::array();
  for (const corpus::PersonCount& person : people) {
    items.push_back({{"key", person.key},
                     {"name", person_display_name(person.key)},
                     {"mentions", person.mentions},
                     {"articles", person.articles}});
  }
  return dump({{"people", std::move(items)}});
}

std::string person_profile_json(const corpus::PersonProfile& profile,
                                const corpus::PersonResolution& resolution,
                                std::string_view typed) {
  json out = json::parse(person_profile_json(profile));
  if (typed != resolution.key) out["resolved_from"] = std::string(typed);
  out["aliases"] = resolution.aliases;
  return dump(out);
}

std::string person_candidates_json(const corpus::PersonResolution& resolution,
                                   std::string_view typed) {
  json items = json::array();
  for (const corpus::PersonCount& person : resolution.candidates) {
    items.push_back({{"key", person.key},
                     {"name", person_display_name(person.key)},
                     {"mentions", person.mentions},
                     {"articles", person.articles}});
  }
  return dump({{"query", std::string(typed)}, {"candidates", std::move(items)}});
}

std::string person_profile_json(const corpus::PersonProfile& profile) {
  auto counted = [](const std::vector<corpus::CountedValue>& values, const char* name) {
    json items = json::array();
    for (const auto& value : values) items.push_back({{name, value.value}, {"count", value.count}});
    return items;
  };
  json co_mentioned = json::array();
  for (const corpus::PersonCount& other : profile.co_mentioned) {
    co_mentioned.push_back({{"key", other.key},
                            {"name", person_display_name(other.key)},
                            {"articles", other.articles}});
  }
  return dump({{"key", profile.key},
               {"name", person_display_name(profile.key)},
               {"mentions", profile.mentions},
               {"articles", profile.articles},
               {"variants", counted(profile.variants, "form")},
               {"timeline", counted(profile.timeline, "month")},
               {"co_mentioned", std::move(co_mentioned)},
               {"regions", counted(profile.regions, "id")}});
}

}  // namespace izdeu::server
