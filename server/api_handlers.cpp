#include "server/api_handlers.h"

#include <chrono>

#include "analyzers/analyzer.h"
#include "analyzers/language_detector.h"
#include "server/api_json.h"
#include "server/http_errors.h"

namespace izdeu::server {

void ApiHandlers::search(const httplib::Request& request, httplib::Response& response) {
  const auto started = std::chrono::steady_clock::now();
  auto search_request = parse_search_request(request);
  if (!search_request) return write_error(response, search_request.error());
  auto result = searchers_.acquire()->search(*search_request);
  if (!result) return write_error(response, result.error());
  const double took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  write_json(response, 200, search_result_json(*search_request, *result, took_ms));
}

void ApiHandlers::analyze(const httplib::Request& request, httplib::Response& response) {
  auto analyze_request = parse_analyze_request(request);
  if (!analyze_request) return write_error(response, analyze_request.error());
  const analyzers::Language language =
      analyze_request->language.value_or(analyzers::detect_language(analyze_request->text));
  const auto tokens = analyzers::analyzer_for(language).analyze(analyze_request->text);
  // The readings are a search's: in the language asked for, else every one.
  corpus::SearchRequest as_query;
  as_query.query = analyze_request->text;
  as_query.language = analyze_request->language;
  auto readings = searchers_.acquire()->explain(as_query);
  if (!readings && readings.error().code != corpus::ErrorCode::kInvalidArgument) {
    return write_error(response, readings.error());
  }
  write_json(response, 200,
             analysis_json(language, tokens,
                           readings ? std::optional(std::move(*readings)) : std::nullopt));
}

void ApiHandlers::health(const httplib::Request&, httplib::Response& response) {
  auto count = searchers_.acquire()->document_count();
  if (!count) return write_error(response, count.error());
  write_json(response, 200, health_json(*count));
}

}  // namespace izdeu::server
