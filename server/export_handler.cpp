#include "server/export_handler.h"

#include <memory>

#include "analyzers/language.h"
#include "server/api_json.h"
#include "server/http_errors.h"
#include "server/people_handlers.h"
#include "server/request_params.h"

namespace izdeu::server {
namespace {

// Person keys, region and topic ids never hold ';' (they are words,
// hyphens and spaces), so the joined list splits back unambiguously.
std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) out += "; ";
    out += value;
  }
  return out;
}

// The state of one streamed export, kept alive by the content provider: the
// leased searcher, the request (its `after` moves along), and the page that
// is read but not yet sent.
struct ExportStream {
  corpus::SearcherPool::Lease lease;
  corpus::SearchRequest request;
  bool csv = true;
  bool started = false;
  corpus::SearchResult page;
};

}  // namespace

std::string export_csv_row(const corpus::Hit& hit) {
  const std::string fields[] = {hit.id,
                                hit.title,
                                hit.title_generated ? "true" : "false",
                                hit.date ? hit.date->to_iso() : std::string(),
                                std::string(analyzers::to_code(hit.language)),
                                hit.url,
                                hit.source,
                                hit.views ? std::to_string(*hit.views) : std::string(),
                                dump(hit.score),
                                hit.snippet,
                                std::to_string(hit.duplicates),
                                hit.matched_all ? "true" : "false",
                                joined(hit.missing_words),
                                joined(hit.people),
                                joined(hit.regions),
                                joined(hit.topics)};
  std::string row;
  for (const std::string& field : fields) {
    if (!row.empty()) row += ',';
    row += csv_field(field);
  }
  return row + "\r\n";
}

void ExportHandler::export_search(const httplib::Request& request, httplib::Response& response) {
  const std::string format = param(request, "format");
  if (!format.empty() && format != "csv" && format != "jsonl") {
    return write_error(
        response,
        corpus::invalid_argument("parameter 'format' must be csv or jsonl, got '" + format + "'"));
  }
  auto search = parse_search_request(request);
  if (!search) return write_error(response, search.error());
  search->page = 1;
  search->per_page = kExportPage;
  search->after.clear();
  search->facets.clear();
  search->explain = false;

  auto stream = std::make_shared<ExportStream>(
      ExportStream{searchers_.acquire(), std::move(*search), format != "jsonl", false, {}});
  // The first page is read before the status line goes out, so a query the
  // searcher refuses is an ordinary 400.
  auto first = stream->lease->search(stream->request);
  if (!first) return write_error(response, first.error());
  stream->page = std::move(*first);

  response.set_header("Content-Disposition", stream->csv
                                                 ? "attachment; filename=\"izdeu-export.csv\""
                                                 : "attachment; filename=\"izdeu-export.jsonl\"");
  response.set_chunked_content_provider(
      stream->csv ? "text/csv; charset=utf-8" : "application/x-ndjson",
      [stream](std::size_t, httplib::DataSink& sink) {
        std::string chunk;
        if (!stream->started) {
          stream->started = true;
          if (stream->csv) chunk = kExportCsvHeader;
        }
        for (const corpus::Hit& hit : stream->page.hits) {
          chunk += stream->csv ? export_csv_row(hit) : dump(hit_json(hit)) + "\n";
        }
        if (!chunk.empty() && !sink.write(chunk.data(), chunk.size())) return false;
        if (stream->page.next_cursor.empty()) {
          sink.done();
          return true;
        }
        // The cursor continues exactly after the last hit sent, whatever commits
        // land meanwhile (search_cursor.h).
        stream->request.after = std::move(stream->page.next_cursor);
        auto next = stream->lease->search(stream->request);
        // The status line is sent: an error can only end the stream early.
        if (!next) return false;
        stream->page = std::move(*next);
        return true;
      });
}

}  // namespace izdeu::server
