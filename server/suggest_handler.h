#pragma once
// GET /api/v1/suggest: completions for the search box (corpus::Suggester),
// served from a SuggesterCache that follows the index's commits.

#include <httplib.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "corpus/error.h"
#include "corpus/suggest/suggester.h"
#include "corpus/suggest/suggester_cache.h"

namespace izdeu::server {

/// Longest accepted `q`, in bytes: a search box completes words, not essays.
inline constexpr std::size_t kMaxSuggestQueryBytes = 256;
/// `limit` when the request has none.
inline constexpr std::size_t kDefaultSuggestions = 10;

struct SuggestRequest {
  std::string query;  ///< as typed (invalid UTF-8 replaced); a trailing space matters
  std::size_t limit = kDefaultSuggestions;
};

/// Parameters of /api/v1/suggest: q (required, non-empty, at most
/// kMaxSuggestQueryBytes), limit (1..corpus::kMaxSuggestions).
corpus::Result<SuggestRequest> parse_suggest_request(const httplib::Request& request);

class SuggestHandler {
 public:
  /// Opens a SuggesterCache over `index_paths`; its first build runs in the
  /// background, and until it is done the endpoint answers 503.
  explicit SuggestHandler(const std::vector<std::string>& index_paths,
                          corpus::SuggesterCacheOptions options = {});

  /// GET /api/v1/suggest
  void suggest(const httplib::Request& request, httplib::Response& response) const;

 private:
  std::unique_ptr<corpus::SuggesterCache> cache_;
  corpus::Error open_error_;  // why cache_ is null
};

}  // namespace izdeu::server
