#include "server/people_handlers.h"

#include <memory>

#include "analyzers/utf8.h"
#include "corpus/people/mention_scanner.h"
#include "corpus/people/people_stats.h"
#include "server/api_json.h"
#include "server/http_errors.h"
#include "server/request_params.h"

namespace izdeu::server {
namespace {

// One chunk of the response: this many articles, or fewer once they hold
// kMentionsPerChunk mentions, so a chunk stays a few hundred kilobytes.
constexpr std::size_t kArticlesPerChunk = 64;
constexpr std::size_t kMentionsPerChunk = 500;
constexpr std::uint32_t kMaxLimit = 1000;

enum class ExportFormat { kJson, kJsonl, kCsv };

std::string csv_row(const corpus::Mention& mention) {
  std::string row;
  for (const std::string& field :
       {mention.article_id, mention.date ? mention.date->to_iso() : std::string(), mention.title,
        mention.person_key, mention.surface, mention.sentence, std::to_string(mention.start),
        std::to_string(mention.end)}) {
    if (!row.empty()) row += ',';
    row += csv_field(field);
  }
  return row + "\r\n";
}

corpus::Result<corpus::PeopleFilter> parse_filter(const httplib::Request& request) {
  corpus::PeopleFilter filter;
  auto range = parse_date_range(request);
  if (!range) return range.error();
  filter.from = range->from;
  filter.to = range->to;
  auto regions = param_values(request, "region");
  if (!regions) return regions.error();
  filter.regions = std::move(*regions);
  return filter;
}

// The state of one streamed export, kept alive by the content provider.
struct ExportStream {
  corpus::SearcherPool::Lease lease;
  corpus::MentionScanner scanner;
  ExportFormat format;
  bool started = false;
  bool first = true;
};

}  // namespace

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

void PeopleHandlers::mentions(const httplib::Request& request, httplib::Response& response) {
  auto filter = parse_filter(request);
  if (!filter) return write_error(response, filter.error());
  filter->person = analyzers::sanitize_utf8(param(request, "person"));
  const std::string format_name = param(request, "format");
  ExportFormat format = ExportFormat::kJson;
  if (format_name == "jsonl") {
    format = ExportFormat::kJsonl;
  } else if (format_name == "csv") {
    format = ExportFormat::kCsv;
  } else if (!format_name.empty() && format_name != "json") {
    return write_error(
        response, corpus::invalid_argument("parameter 'format' must be json, jsonl or csv, got '" +
                                           format_name + "'"));
  }
  if (filter->person.empty()) {
    return write_error(response, corpus::invalid_argument("parameter 'person' is required"));
  }
  auto lease = searchers_.acquire();
  auto scanner = corpus::MentionScanner::create(*lease, *filter);
  if (!scanner) return write_error(response, scanner.error());
  auto stream =
      std::make_shared<ExportStream>(ExportStream{std::move(lease), std::move(*scanner), format});

  const char* content_type = format == ExportFormat::kCsv     ? "text/csv; charset=utf-8"
                             : format == ExportFormat::kJsonl ? "application/x-ndjson"
                                                              : "application/json";
  if (format == ExportFormat::kCsv) {
    response.set_header("Content-Disposition", "attachment; filename=\"mentions.csv\"");
  }
  response.set_chunked_content_provider(
      content_type, [stream](std::size_t, httplib::DataSink& sink) {
        std::string chunk;
        if (!stream->started) {
          stream->started = true;
          if (stream->format == ExportFormat::kCsv) {
            chunk = "article_id,date,title,person,surface,sentence,start,end\r\n";
          } else if (stream->format == ExportFormat::kJson) {
            chunk = "[";
          }
        }
        std::vector<corpus::Mention> batch;
        auto more = stream->scanner.next(batch, kArticlesPerChunk, kMentionsPerChunk);
        for (const corpus::Mention& mention : batch) {
          switch (stream->format) {
            case ExportFormat::kCsv:
              chunk += csv_row(mention);
              break;
            case ExportFormat::kJsonl:
              chunk += dump(mention_json(mention)) + "\n";
              break;
            case ExportFormat::kJson:
              if (!stream->first) chunk += ',';
              chunk += dump(mention_json(mention));
              break;
          }
          stream->first = false;
        }
        // The status line is sent already: a read error can only end the
        // stream early. The JSON array is then left unclosed, so a client
        // never mistakes a cut export for a complete one.
        if (!more) return false;
        if (!*more && stream->format == ExportFormat::kJson) chunk += "]";
        if (!chunk.empty() && !sink.write(chunk.data(), chunk.size())) return false;
        if (!*more) sink.done();
        return true;
      });
}

void PeopleHandlers::people(const httplib::Request& request, httplib::Response& response) {
  auto filter = parse_filter(request);
  if (!filter) return write_error(response, filter.error());
  auto limit = parse_count(request, "limit", 20, 1, kMaxLimit);
  if (!limit) return write_error(response, limit.error());
  auto people = corpus::top_people(*searchers_.acquire(), *filter, param(request, "q"), *limit);
  if (!people) return write_error(response, people.error());
  write_json(response, 200, people_json(*people));
}

void PeopleHandlers::person(const httplib::Request& request, httplib::Response& response) {
  const std::string typed = analyzers::sanitize_utf8(
      request.matches.size() > 1 ? request.matches[1].str() : std::string());
  auto filter = parse_filter(request);
  if (!filter) return write_error(response, filter.error());
  auto limit = parse_count(request, "limit", 20, 1, kMaxLimit);
  if (!limit) return write_error(response, limit.error());
  auto lease = searchers_.acquire();
  // A name as typed («Клара Хан», «Tokayev») is read like person= and
  // resolved to one key, or answered with the candidates it fits (300).
  auto resolution = corpus::resolve_person(*lease, typed, *filter);
  if (!resolution) return write_error(response, resolution.error());
  if (resolution->key.empty()) {
    if (resolution->candidates.size() > *limit) resolution->candidates.resize(*limit);
    return write_json(response, 300, person_candidates_json(*resolution, typed));
  }
  auto profile =
      corpus::person_profile(*lease, resolution->key, *filter, *limit, resolution->aliases);
  if (!profile) return write_error(response, profile.error());
  write_json(response, 200, person_profile_json(*profile, *resolution, typed));
}

}  // namespace izdeu::server
