#include "server/suggest_handler.h"

#include "analyzers/utf8.h"
#include "server/api_json.h"
#include "server/http_errors.h"
#include "server/request_params.h"

namespace izdeu::server {

using corpus::invalid_argument;

corpus::Result<SuggestRequest> parse_suggest_request(const httplib::Request& request) {
  SuggestRequest out;
  const std::string q = request.has_param("q") ? request.get_param_value("q") : std::string();
  if (q.empty()) return invalid_argument("parameter 'q' is required and must not be empty");
  if (q.size() > kMaxSuggestQueryBytes) {
    return invalid_argument("parameter 'q' is longer than " +
                            std::to_string(kMaxSuggestQueryBytes) + " bytes");
  }
  // Not trimmed: "токаев " (a finished word) and "токаев" complete differently.
  out.query = analyzers::sanitize_utf8(q);
  auto limit = parse_count(request, "limit", static_cast<std::uint32_t>(out.limit), 1,
                           static_cast<std::uint32_t>(corpus::kMaxSuggestions));
  if (!limit) return limit.error();
  out.limit = *limit;
  return out;
}

SuggestHandler::SuggestHandler(const std::vector<std::string>& index_paths,
                               corpus::SuggesterCacheOptions options) {
  auto cache = corpus::SuggesterCache::open(index_paths, std::move(options));
  if (cache) {
    cache_ = std::move(*cache);
  } else {
    open_error_ = cache.error();
  }
}

void SuggestHandler::suggest(const httplib::Request& request, httplib::Response& response) const {
  auto suggest_request = parse_suggest_request(request);
  if (!suggest_request) return write_error(response, suggest_request.error());
  if (!cache_) return write_error(response, open_error_);
  const auto suggester = cache_->current();
  if (!suggester) {
    response.set_header("Retry-After", "1");
    return write_error(response,
                       corpus::unavailable("suggestions are still being built, try again shortly"));
  }
  const corpus::Suggestions suggestions =
      suggester->suggest(suggest_request->query, suggest_request->limit);
  write_json(response, 200, suggestions_json(suggest_request->query, suggestions));
}

}  // namespace izdeu::server
