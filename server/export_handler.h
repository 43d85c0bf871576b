#pragma once
// GET /api/v1/search/export: every match of a search, streamed as CSV or
// JSON Lines with chunked transfer encoding, paging internally with the
// search cursor, so memory stays that of one page however large the result.

#include <httplib.h>

#include <cstdint>
#include <string>

#include "corpus/search/searcher_pool.h"
#include "corpus/search_types.h"

namespace izdeu::server {

/// Hits read per internal page: the largest page search serves.
inline constexpr std::uint32_t kExportPage = corpus::kMaxPerPage;

/// The CSV header row of an export (hit_json's fields, lists joined by "; ").
inline constexpr const char* kExportCsvHeader =
    "id,title,title_generated,date,lang,url,source,views,score,snippet,duplicates,matched_all,"
    "missing_words,people,regions,topics\r\n";

/// One hit as a CSV row of kExportCsvHeader's columns, RFC 4180 quoting, CRLF.
std::string export_csv_row(const corpus::Hit& hit);

class ExportHandler {
 public:
  explicit ExportHandler(corpus::SearcherPool& searchers) : searchers_(searchers) {}

  /// GET /api/v1/search/export?q=…&format=csv|jsonl (default csv) and every
  /// parameter of /api/v1/search that selects or orders matches (page,
  /// per_page, after and facets are ignored: the export is the whole result).
  /// `jsonl`: one hit per line as search renders it (application/x-ndjson);
  /// `csv`: a header row, then one row per hit (text/csv). Both with
  /// Content-Disposition naming izdeu-export.csv or .jsonl. A bad query or
  /// format is 400 before anything is streamed; an error while streaming
  /// ends the response early (the chunked encoding is then not terminated).
  void export_search(const httplib::Request& request, httplib::Response& response);

 private:
  corpus::SearcherPool& searchers_;
};

}  // namespace izdeu::server
