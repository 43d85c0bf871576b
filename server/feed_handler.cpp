#include "server/feed_handler.h"

#include <algorithm>
#include <map>

#include "corpus/index/fnv1a.h"
#include "server/api_json.h"
#include "server/atom_writer.h"
#include "server/entity_labels.h"
#include "server/http_errors.h"
#include "server/request_params.h"
#include "server/static_assets.h"

namespace izdeu::server {
namespace {

// Parameters that shape the feed's content (its identity), in the order the
// canonical query string lists them; page, per_page, after, sort, facets and
// explain are the search page's business, not the feed's.
constexpr const char* kFeedParams[] = {"q",        "lang",          "from",  "to",
                                       "person",   "region",        "topic", "match",
                                       "collapse", "snippet_chars", "limit"};

// RFC 3986 unreserved characters stay; every other byte is %XX, so the
// string is safe in a URL and, once XML-escaped, in an attribute.
std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// The feed's parameters as a query string in a fixed order, repeated values
// in the order given: the same search always gets the same feed id and URLs.
std::string canonical_query(const httplib::Request& request) {
  std::string out;
  for (const char* name : kFeedParams) {
    const auto [begin, end] = request.params.equal_range(name);
    for (auto it = begin; it != end; ++it) {
      if (trimmed(it->second).empty()) continue;
      if (!out.empty()) out += '&';
      out += name;
      out += '=';
      out += percent_encode(trimmed(it->second));
    }
  }
  return out;
}

// The server's address as the client reached it. Only the scheme and the
// Host header are known here; a proxy that terminates TLS says so in
// X-Forwarded-Proto.
std::string base_url(const httplib::Request& request) {
  const std::string scheme =
      request.get_header_value("X-Forwarded-Proto") == "https" ? "https" : "http";
  std::string host = request.get_header_value("Host");
  // A Host header is a host and maybe a port; anything else is not echoed.
  if (host.empty() || host.find_first_of("/\\\"<> @") != std::string::npos) host = "localhost";
  return scheme + "://" + host;
}

// Article dates are days; an Atom date is a moment: the day's start, UTC.
std::string rfc3339(const corpus::Date& date) { return date.to_iso() + "T00:00:00Z"; }

std::string feed_title(const corpus::SearchRequest& search) {
  std::string title = "izdeu: " + search.query;
  for (const std::string& person : search.people) title += " · " + person;
  for (const std::string& region : search.regions) title += " · " + region;
  for (const std::string& topic : search.topics) title += " · " + topic;
  if (search.language) title += " · " + std::string(analyzers::to_code(*search.language));
  return title;
}

std::string label_ru(const nlohmann::json& label) {
  return label.is_object() && label.contains("ru") ? label["ru"].get<std::string>() : std::string();
}

AtomEntry entry_for(const corpus::Hit& hit, const std::string& base, const std::string& updated) {
  AtomEntry entry;
  entry.id = "urn:izdeu:article:" + percent_encode(hit.id);
  entry.title = hit.title;
  const bool web_url = hit.url.rfind("http://", 0) == 0 || hit.url.rfind("https://", 0) == 0;
  entry.link = web_url ? hit.url : base + "/?doc=" + percent_encode(hit.id);
  entry.updated = hit.date ? rfc3339(*hit.date) : updated;
  entry.summary_html = hit.snippet;
  for (const std::string& key : hit.people) {
    entry.categories.push_back({key, "urn:izdeu:person", person_display_name(key)});
  }
  for (const std::string& id : hit.regions) {
    entry.categories.push_back({id, "urn:izdeu:region", label_ru(region_label(id))});
  }
  for (const std::string& id : hit.topics) {
    entry.categories.push_back({id, "urn:izdeu:topic", label_ru(topic_label(id))});
  }
  return entry;
}

}  // namespace

std::string http_date(std::time_t seconds) {
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[utc.tm_wday],
                utc.tm_mday, kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                utc.tm_sec);
  return buffer;
}

// Parsed by hand, not with strptime: %a and %b follow the C locale only
// while the process's locale is "C".
std::optional<std::time_t> parse_http_date(std::string_view text) {
  static constexpr std::string_view kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";
  // "Sun, 06 Nov 1994 08:49:37 GMT": 29 characters, fixed positions.
  if (text.size() != 29 || text[3] != ',' || text[4] != ' ' || text[7] != ' ' || text[11] != ' ' ||
      text[16] != ' ' || text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT") {
    return std::nullopt;
  }
  const auto number = [&](std::size_t at, std::size_t length) -> int {
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const std::size_t month = kMonths.find(text.substr(8, 3));
  const int day = number(5, 2), year = number(12, 4), hour = number(17, 2), minute = number(20, 2),
            second = number(23, 2);
  if (month == std::string_view::npos || month % 3 != 0 || day < 1 || day > 31 || year < 1970 ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  const auto date = corpus::make_date(year, static_cast<int>(month / 3) + 1, day);
  if (!date) return std::nullopt;
  return static_cast<std::time_t>(date->days_since_epoch() * 86400 + hour * 3600 + minute * 60 +
                                  second);
}

void FeedHandler::feed(const httplib::Request& request, httplib::Response& response) {
  auto search = parse_search_request(request);
  if (!search) return write_error(response, search.error());
  auto limit = parse_count(request, "limit", kFeedEntries, 1, kMaxFeedEntries);
  if (!limit) return write_error(response, limit.error());
  // A feed is the newest matches, whatever order the page was in.
  search->sort = corpus::SortOrder::kDate;
  search->page = 1;
  search->per_page = *limit;
  search->after.clear();
  search->facets.clear();
  search->explain = false;
  auto result = searchers_.acquire()->search(*search);
  if (!result) return write_error(response, result.error());

  // sort=date puts the newest first and undated articles last.
  std::optional<corpus::Date> newest;
  for (const corpus::Hit& hit : result->hits) {
    if (hit.date && (!newest || *newest < *hit.date)) newest = hit.date;
  }
  const std::string base = base_url(request);
  const std::string query = canonical_query(request);
  AtomFeed feed;
  feed.id = "urn:izdeu:feed:" + corpus::fnv1a_hex(query);
  feed.title = feed_title(*search);
  feed.self = base + "/api/v1/feed?" + query;
  feed.alternate = base + "/?" + query;
  // No entry has a date: the epoch, which any real change moves forward.
  feed.updated = newest ? rfc3339(*newest) : "1970-01-01T00:00:00Z";
  feed.generator = "izdeu";
  for (const corpus::Hit& hit : result->hits) {
    feed.entries.push_back(entry_for(hit, base, feed.updated));
  }
  const std::string body = write_atom(feed);

  // Weak: httplib may send the same body gzip- or br-encoded.
  const std::string etag = "W/\"" + corpus::fnv1a_hex(body) + "\"";
  response.set_header("ETag", etag);
  response.set_header("Cache-Control", "no-cache");
  std::optional<std::time_t> last_modified;
  if (newest) {
    last_modified = static_cast<std::time_t>(newest->days_since_epoch() * 86400);
    response.set_header("Last-Modified", http_date(*last_modified));
  }
  // RFC 9110 13.1.3: If-Modified-Since is ignored when If-None-Match is sent.
  bool not_modified = false;
  if (request.has_header("If-None-Match")) {
    not_modified = etag_matches(request.get_header_value("If-None-Match"), etag);
  } else if (last_modified && request.has_header("If-Modified-Since")) {
    const auto since = parse_http_date(request.get_header_value("If-Modified-Since"));
    not_modified = since && *last_modified <= *since;
  }
  if (not_modified) {
    response.status = 304;
    return;
  }
  response.set_content(body, "application/atom+xml; charset=utf-8");
}

}  // namespace izdeu::server
