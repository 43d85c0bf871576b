#include "server/static_assets.h"

#include <algorithm>
#include <string>
#include <vector>

namespace izdeu::server {
namespace {

struct TypeByExtension {
  std::string_view extension;
  std::string_view content_type;
};

// Text types name UTF-8 because the files are UTF-8. JavaScript is
// text/javascript (RFC 9239). httplib compresses text/* and the few
// application/* types it knows, so these all go out gzipped when the client
// accepts it (fonts and images are compressed already).
constexpr TypeByExtension kTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".webmanifest", "application/manifest+json"},
    {".txt", "text/plain; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".gif", "image/gif"},
    {".webp", "image/webp"},
    {".ico", "image/vnd.microsoft.icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
};

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string_view opaque_tag(std::string_view etag) {
  if (etag.substr(0, 2) == "W/") etag.remove_prefix(2);
  return etag;
}

const std::vector<StaticAsset>& assets() {
  static const std::vector<StaticAsset> table = [] {
    std::vector<StaticAsset> out;
    for (const EmbeddedFile& file : embedded_files()) {
      out.push_back({file.name, content_type_for(file.name), file.etag, file.body});
    }
    return out;
  }();
  return table;
}

}  // namespace

std::string_view content_type_for(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  std::string extension(name.substr(dot));
  std::transform(extension.begin(), extension.end(), extension.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  for (const TypeByExtension& type : kTypes) {
    if (type.extension == extension) return type.content_type;
  }
  return "application/octet-stream";
}

const StaticAsset* find_static_asset(std::string_view name) {
  const auto& table = assets();
  auto it = std::lower_bound(table.begin(), table.end(), name,
                             [](const StaticAsset& a, std::string_view n) { return a.name < n; });
  return it != table.end() && it->name == name ? &*it : nullptr;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (trim(if_none_match) == "*") return true;
  const std::string_view wanted = opaque_tag(etag);
  while (!if_none_match.empty()) {
    const std::size_t comma = if_none_match.find(',');
    const std::string_view item = trim(if_none_match.substr(0, comma));
    if (!item.empty() && opaque_tag(item) == wanted) return true;
    if (comma == std::string_view::npos) break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace izdeu::server
