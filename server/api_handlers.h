#pragma once
// Handlers of the JSON API. Each one parses the request, calls the corpus,
// and renders the answer; none holds state beyond the searcher pool.

#include <httplib.h>

#include "corpus/search/searcher_pool.h"

namespace izdeu::server {

class ApiHandlers {
 public:
  explicit ApiHandlers(corpus::SearcherPool& searchers) : searchers_(searchers) {}

  /// GET /api/v1/search
  void search(const httplib::Request& request, httplib::Response& response);
  /// GET /api/v1/analyze: the tokens and terms of `text`, as indexing and
  /// querying see them (Elasticsearch's _analyze).
  void analyze(const httplib::Request& request, httplib::Response& response);
  /// GET /health: 200 {"status":"ok","documents":N}, or 503 when the index is unusable.
  void health(const httplib::Request& request, httplib::Response& response);

 private:
  corpus::SearcherPool& searchers_;
};

}  // namespace izdeu::server
