#pragma once
// The analysts' API: every mention of a person, streamed (/api/v1/mentions),
// the most-mentioned people (/api/v1/people) and one person's profile
// (/api/v1/people/{key}).

#include <httplib.h>

#include "corpus/search/searcher_pool.h"

namespace izdeu::server {

class PeopleHandlers {
 public:
  explicit PeopleHandlers(corpus::SearcherPool& searchers) : searchers_(searchers) {}

  /// GET /api/v1/mentions?person=&from=&to=&region=&format=json|jsonl|csv
  /// Streams every mention (chunked transfer): memory stays flat. The
  /// response holds one searcher of the pool until the stream ends.
  void mentions(const httplib::Request& request, httplib::Response& response);
  /// GET /api/v1/people?q=&from=&to=&region=&limit=
  void people(const httplib::Request& request, httplib::Response& response);
  /// GET /api/v1/people/{key}?from=&to=&region=&limit=
  void person(const httplib::Request& request, httplib::Response& response);

 private:
  corpus::SearcherPool& searchers_;
};

/// One CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180).
std::string csv_field(std::string_view value);

}  // namespace izdeu::server
