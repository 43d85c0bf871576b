#include "corpus/search/search_cursor.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <vector>

#include "corpus/index/fnv1a.h"

namespace izdeu::corpus {
namespace {

// RFC 4648 section 5 alphabet ("base64url"), without padding: safe in a query
// string without percent-encoding.
constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kVersion = "c1";
// Longer than any cursor we write; bounds the work on hostile input.
constexpr std::size_t kMaxCursorChars = 200;

std::string base64url(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(buffer >> bits) & 0x3F];
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 0x3F];
  return out;
}

bool from_base64url(std::string_view text, std::string& out) {
  std::array<int, 256> value{};
  value.fill(-1);
  for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
    value[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int>(i);
  }
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : text) {
    if (value[c] < 0) return false;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value[c]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  // Leftover bits must be the zero padding encode wrote.
  return bits < 6 && (buffer & ((1u << bits) - 1)) == 0;
}

template <typename T>
bool parse_number(std::string_view text, T& out, int base = 10) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out, base);
  return ec == std::errc() && ptr == text.data() + text.size();
}

char sort_code(SortOrder sort) {
  switch (sort) {
    case SortOrder::kRelevance:
      return 'r';
    case SortOrder::kDate:
      return 'd';
    case SortOrder::kRecency:
      return 't';
  }
  return 'r';
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = text.find(separator, begin);
    parts.push_back(text.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) return parts;
    begin = end + 1;
  }
}

}  // namespace

std::string encode_cursor(const SearchCursor& cursor) {
  char fingerprint[9];
  std::snprintf(fingerprint, sizeof fingerprint, "%08x", cursor.fingerprint);
  std::string text(kVersion);
  text += '.';
  text += sort_code(cursor.sort);
  text += '.';
  text += fingerprint;
  text += '.' + std::to_string(cursor.position) + '.' + std::to_string(cursor.last_docid);
  text += '.' + (cursor.day.empty() ? std::string("-") : cursor.day);
  text += '.' + std::to_string(cursor.day_offset);
  return base64url(text);
}

Result<SearchCursor> decode_cursor(std::string_view text) {
  const Error malformed = invalid_argument("cursor 'after' is malformed");
  std::string plain;
  if (text.empty() || text.size() > kMaxCursorChars || !from_base64url(text, plain)) {
    return malformed;
  }
  const std::vector<std::string_view> parts = split(plain, '.');
  if (parts.size() != 7 || parts[0] != kVersion || parts[1].size() != 1 || parts[2].size() != 8) {
    return malformed;
  }
  SearchCursor cursor;
  switch (parts[1][0]) {
    case 'r':
      cursor.sort = SortOrder::kRelevance;
      break;
    case 'd':
      cursor.sort = SortOrder::kDate;
      break;
    case 't':
      cursor.sort = SortOrder::kRecency;
      break;
    default:
      return malformed;
  }
  if (!parse_number(parts[2], cursor.fingerprint, 16) || !parse_number(parts[3], cursor.position) ||
      !parse_number(parts[4], cursor.last_docid) || !parse_number(parts[6], cursor.day_offset)) {
    return malformed;
  }
  if (parts[5] != "-") {
    if (parts[5].size() != 8) return malformed;
    for (char c : parts[5]) {
      if (c < '0' || c > '9') return malformed;
    }
    cursor.day = std::string(parts[5]);
  }
  // Re-encoding must give back the text: no second spelling of a cursor
  // (leading zeros, signs, lower/upper hex) is accepted.
  if (encode_cursor(cursor) != text) return malformed;
  return cursor;
}

std::uint32_t request_fingerprint(const SearchRequest& request) {
  // Fields joined with U+001F INFORMATION SEPARATOR ONE, which no typed value contains.
  std::string key = request.query;
  auto add = [&key](std::string_view value) {
    key += '\x1f';
    key += value;
  };
  add(request.language ? analyzers::to_code(*request.language) : "");
  add(request.from ? request.from->to_yyyymmdd() : "");
  add(request.to ? request.to->to_yyyymmdd() : "");
  for (const auto* list : {&request.people, &request.regions, &request.topics}) {
    add("[");
    for (const std::string& value : *list) add(value);
  }
  add(std::string(1, sort_code(request.sort)));
  add(std::to_string(static_cast<int>(request.match)));
  add(request.collapse_duplicates ? "c" : "");
  // Only when set: cursors of requests with the default stay as they were.
  if (request.relax_below != kRelaxBelow) add("r" + std::to_string(request.relax_below));
  const std::uint64_t hash = fnv1a_64(key);
  return static_cast<std::uint32_t>(hash ^ (hash >> 32));
}

}  // namespace izdeu::corpus
