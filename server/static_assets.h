#pragma once
// Files of the search page, compiled into the server so that it needs no
// install step and no path to a static directory at run time. Every file
// under server/static/ (hidden files aside) is embedded at build time; see
// server/CMakeLists.txt.

#include <span>
#include <string_view>

namespace izdeu::server {

/// One file of server/static/ as the build saw it (generated code).
struct EmbeddedFile {
  std::string_view name;  ///< path under server/static/, e.g. "app.js"
  std::string_view etag;  ///< W/"<first 16 hex digits of the SHA-256 of body>"
  std::string_view body;
};

/// Every embedded file, sorted by name. Defined by the generated
/// static_files.cpp.
std::span<const EmbeddedFile> embedded_files();

/// An embedded file and the Content-Type it is served with.
struct StaticAsset {
  std::string_view name;
  std::string_view content_type;
  std::string_view etag;
  std::string_view body;
};

/// The embedded file called `name`, or nullptr.
const StaticAsset* find_static_asset(std::string_view name);

/// Content-Type for a file name, by its extension; unknown extensions are
/// application/octet-stream.
std::string_view content_type_for(std::string_view name);

/// True when an If-None-Match header value names `etag` (RFC 9110 13.1.2):
/// "*", or a comma-separated list with an entity tag that matches by weak
/// comparison (the W/ prefix is ignored on both sides).
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace izdeu::server
