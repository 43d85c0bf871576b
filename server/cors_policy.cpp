#include "server/cors_policy.h"

#include <algorithm>

namespace izdeu::server {

CorsPolicy::CorsPolicy(std::vector<std::string> origins) {
  for (std::string& origin : origins) {
    if (origin == "*") {
      any_ = true;
    } else {
      origins_.push_back(std::move(origin));
    }
  }
}

std::string CorsPolicy::allow_origin(std::string_view origin) const {
  if (origin.empty()) return {};
  if (any_) return "*";
  // Browsers serialize an origin's scheme and host in lower case, and the
  // configured list is lower-cased when parsed, so a lower-cased comparison
  // also accepts a hand-written request that capitalizes the host.
  std::string key(origin);
  std::transform(key.begin(), key.end(), key.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (std::find(origins_.begin(), origins_.end(), key) == origins_.end()) return {};
  return std::string(origin);
}

}  // namespace izdeu::server
