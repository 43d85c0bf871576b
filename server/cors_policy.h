#pragma once
// Which web pages may call the API from a browser (CORS, the Fetch standard's
// "CORS protocol"). The server itself answers every request the same way; the
// headers only tell a browser whether a page from another origin may read the
// answer.

#include <string>
#include <string_view>
#include <vector>

namespace izdeu::server {

class CorsPolicy {
 public:
  /// Methods and request headers a preflight allows; the API is read-only.
  static constexpr std::string_view kAllowedMethods = "GET, HEAD, OPTIONS";
  static constexpr std::string_view kAllowedHeaders =
      "Accept, Accept-Language, Content-Language, Content-Type, If-None-Match";
  /// How long a browser may cache a preflight answer, in seconds.
  static constexpr int kMaxAgeSeconds = 86400;

  /// `origins` as ServerConfig::cors_origins holds them (lower case, or "*").
  /// No origins: CORS is off and no response carries CORS headers.
  explicit CorsPolicy(std::vector<std::string> origins);

  bool enabled() const { return any_ || !origins_.empty(); }

  /// Access-Control-Allow-Origin for a request whose Origin header is
  /// `origin`: "*" when any origin is allowed, `origin` itself when it is in
  /// the list, empty when it is not (or the request has no Origin).
  std::string allow_origin(std::string_view origin) const;

  /// True when the answer depends on the Origin header (a list rather than
  /// "*"), so every response must say `Vary: Origin` for caches.
  bool varies_by_origin() const { return !any_ && !origins_.empty(); }

 private:
  std::vector<std::string> origins_;
  bool any_ = false;
};

}  // namespace izdeu::server
