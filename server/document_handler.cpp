#include "server/document_handler.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "corpus/search/article_highlighter.h"
#include "corpus/search/similar_finder.h"
#include "server/api_json.h"
#include "server/entity_labels.h"
#include "server/http_errors.h"
#include "server/request_params.h"

namespace izdeu::server {
namespace {

using nlohmann::json;

std::string id_of(const httplib::Request& request) {
  return request.matches.size() > 1 ? request.matches[1].str() : std::string();
}

// The article's main entities. People are stored most mentioned first
// (corpus::Article::people); a long report can name dozens, which would bury
// the text under chips.
void add_main_entities(json& body, const corpus::Article& article) {
  json people = json::array();
  for (std::size_t i = 0; i < article.people.size() && i < kMainPeople; ++i) {
    const corpus::PersonRef& person = article.people[i];
    people.push_back({{"key", person.key},
                      {"name", person_display_name(person.key)},
                      {"mentions", person.mentions}});
  }
  json regions = json::array();
  for (std::size_t i = 0; i < article.regions.size() && i < kMainRegions; ++i) {
    regions.push_back({{"id", article.regions[i]}, {"name", region_label(article.regions[i])}});
  }
  json topics = json::array();
  for (std::size_t i = 0; i < article.topics.size() && i < kMainTopics; ++i) {
    topics.push_back({{"id", article.topics[i]}, {"name", topic_label(article.topics[i])}});
  }
  body["people"] = std::move(people);
  body["regions"] = std::move(regions);
  body["topics"] = std::move(topics);
}

}  // namespace

void DocumentHandler::document(const httplib::Request& request, httplib::Response& response) {
  auto searcher = searchers_.acquire();
  auto article = searcher->get_article(id_of(request));
  if (!article) return write_error(response, article.error());
  json body = article_fields_json(*article);
  add_main_entities(body, *article);
  if (!param(request, "q").empty()) {
    auto search_request = parse_search_request(request);
    if (!search_request) return write_error(response, search_request.error());
    auto marked = corpus::highlight_article(*searcher, *article, *search_request);
    if (!marked) return write_error(response, marked.error());
    body["title_html"] = std::move(marked->title_html);
    body["body_html"] = std::move(marked->body_html);
    body["marks"] = marked->marks;
  }
  write_json(response, 200, dump(body));
}

void DocumentHandler::similar(const httplib::Request& request, httplib::Response& response) {
  auto limit = parse_count(request, "limit", 10, 1, corpus::kMaxSimilar);
  if (!limit) return write_error(response, limit.error());
  const std::string id = id_of(request);
  auto hits = corpus::find_similar(*searchers_.acquire(), id, *limit);
  if (!hits) return write_error(response, hits.error());
  json similar = json::array();
  for (const corpus::Hit& hit : *hits) similar.push_back(hit_json(hit));
  write_json(response, 200, dump({{"id", id}, {"similar", std::move(similar)}}));
}

}  // namespace izdeu::server
