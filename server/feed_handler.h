#pragma once
// GET /api/v1/feed: any search as an Atom 1.0 feed of its newest matching
// articles, with conditional GET (ETag, Last-Modified, 304), so a feed
// reader polling a search costs one search and no body while nothing changed.

#include <httplib.h>

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "corpus/search/searcher_pool.h"

namespace izdeu::server {

/// Entries in a feed: `limit`, 1..kMaxFeedEntries, default kFeedEntries.
inline constexpr std::uint32_t kFeedEntries = 20;
inline constexpr std::uint32_t kMaxFeedEntries = 100;

/// Seconds since the epoch as an HTTP-date (RFC 9110 5.6.7, IMF-fixdate:
/// "Sun, 06 Nov 1994 08:49:37 GMT").
std::string http_date(std::time_t seconds);
/// An IMF-fixdate back to seconds; nullopt for anything else (the obsolete
/// RFC 850 and asctime forms are not read: a client that sends them gets the
/// whole feed, never a wrong 304).
std::optional<std::time_t> parse_http_date(std::string_view text);

class FeedHandler {
 public:
  explicit FeedHandler(corpus::SearcherPool& searchers) : searchers_(searchers) {}

  /// GET /api/v1/feed?q=…&person=…&region=…&topic=…&lang=…&from=…&to=…&match=…&limit=20:
  /// every parameter /api/v1/search filters by, read the same way (400 alike);
  /// the newest matching articles (sort=date) as Atom (application/atom+xml).
  /// ETag: a weak tag of the body; Last-Modified: the newest entry's date.
  /// 304 without a body when If-None-Match names the tag, or, without
  /// If-None-Match, when If-Modified-Since is not before Last-Modified.
  void feed(const httplib::Request& request, httplib::Response& response);

 private:
  corpus::SearcherPool& searchers_;
};

}  // namespace izdeu::server
