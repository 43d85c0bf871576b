#pragma once
// One article and what surrounds it: GET /api/v1/documents/{id} (the stored
// article, its main people, regions and topics, and with `q` the query's
// matched forms marked in the whole text) and
// GET /api/v1/documents/{id}/similar (related articles).

#include <httplib.h>

#include <cstddef>

#include "corpus/search/searcher_pool.h"

namespace izdeu::server {

/// The document view's chips: at most this many of an article's people (the
/// most mentioned), regions and topics (the first tagged: topics are stored
/// strongest evidence first), at most 10 in all.
inline constexpr std::size_t kMainPeople = 5;
inline constexpr std::size_t kMainRegions = 3;
inline constexpr std::size_t kMainTopics = 2;

class DocumentHandler {
 public:
  explicit DocumentHandler(corpus::SearcherPool& searchers) : searchers_(searchers) {}

  /// GET /api/v1/documents/{id}[?q=…&lang=…]: {"id","url","source","section","lang","title",
  /// "date","views","body","people":[{"key","name","mentions"}],"regions":[{"id","name"}],
  /// "topics":[{"id","name"}]}; with `q` (and any search filter, read as
  /// search reads them) also "title_html", "body_html" (HTML-escaped, matched
  /// forms in <mark>, paragraphs separated by blank lines) and "marks". 404 for
  /// an unknown id, 400 for a query search would refuse.
  void document(const httplib::Request& request, httplib::Response& response);
  /// GET /api/v1/documents/{id}/similar?limit=10 (1..100): {"id","similar":[hit…]}, the
  /// hits as search renders them (corpus::find_similar). 404 for an unknown id.
  void similar(const httplib::Request& request, httplib::Response& response);

 private:
  corpus::SearcherPool& searchers_;
};

}  // namespace izdeu::server
