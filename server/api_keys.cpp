#include "server/api_keys.h"

namespace izdeu::server {
namespace {

constexpr std::size_t kMinKeyChars = 16;
constexpr std::size_t kMaxKeyChars = 256;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

std::optional<std::uint8_t> parse_rights(std::string_view list, std::string& bad) {
  std::uint8_t rights = 0;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view word = trim(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (word == "read") {
      rights |= kRead;
    } else if (word == "write") {
      rights |= kWrite | kRead;
    } else if (word == "admin") {
      rights |= kAdmin | kWrite | kRead;
    } else {
      bad = std::string(word);
      return std::nullopt;
    }
  }
  if (rights == 0) return std::nullopt;
  return rights;
}

}  // namespace

bool constant_time_equal(std::string_view presented, std::string_view expected) {
  // Every byte of `expected` is compared whatever the outcome so far, and a
  // presented key of another length is compared byte for byte too (against
  // itself cycled), so neither a matching prefix nor the length shortens it.
  unsigned char difference = presented.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const unsigned char a =
        presented.empty() ? 0 : static_cast<unsigned char>(presented[i % presented.size()]);
    difference |= static_cast<unsigned char>(a ^ static_cast<unsigned char>(expected[i]));
  }
  return difference == 0;
}

corpus::Result<ApiKeys> ApiKeys::parse(std::string_view text, std::string_view origin) {
  ApiKeys keys;
  std::size_t number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find_first_of("\n;");
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++number;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    const auto where = std::string(origin) + ":" + std::to_string(number) + ": ";
    const std::size_t space = line.find_first_of(" \t");
    if (space == std::string_view::npos) {
      return corpus::invalid_argument(where + "a key needs its rights (read, write, admin)");
    }
    const std::string_view secret = line.substr(0, space);
    if (secret.size() < kMinKeyChars || secret.size() > kMaxKeyChars) {
      return corpus::invalid_argument(where + "a key must have " + std::to_string(kMinKeyChars) +
                                      " to " + std::to_string(kMaxKeyChars) + " characters");
    }
    for (const char c : secret) {
      if (c <= ' ' || c > '~') {
        return corpus::invalid_argument(where + "a key must be printable ASCII without spaces");
      }
    }
    std::string bad;
    const auto rights = parse_rights(trim(line.substr(space)), bad);
    if (!rights) {
      return corpus::invalid_argument(
          where +
          (bad.empty() ? "no rights given" : "unknown right '" + bad + "' (read, write, admin)"));
    }
    keys.keys_.push_back({std::string(secret), *rights});
  }
  return keys;
}

void ApiKeys::merge(const ApiKeys& other) {
  keys_.insert(keys_.end(), other.keys_.begin(), other.keys_.end());
}

bool ApiKeys::any_write() const {
  for (const Key& key : keys_) {
    if ((key.rights & kWrite) != 0) return true;
  }
  return false;
}

std::optional<std::uint8_t> ApiKeys::rights_of(std::string_view presented) const {
  std::optional<std::uint8_t> found;
  for (const Key& key : keys_) {
    // No early exit: the time taken does not say which key matched.
    if (constant_time_equal(presented, key.secret) && !found) found = key.rights;
  }
  return found;
}

std::string presented_key(std::string_view authorization, std::string_view x_izdeu_key) {
  authorization = trim(authorization);
  // RFC 6750: the scheme name is case-insensitive.
  if (authorization.size() > 7) {
    std::string scheme(authorization.substr(0, 7));
    for (char& c : scheme) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (scheme == "bearer ") return std::string(trim(authorization.substr(7)));
  }
  return std::string(trim(x_izdeu_key));
}

}  // namespace izdeu::server
