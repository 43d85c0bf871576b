#pragma once
// Files of the search page, compiled into the server so that it needs no
// install step and no path to a static directory at run time.

#include <optional>
#include <string_view>

namespace izdeu::server {

struct StaticAsset {
  std::string_view name;          ///< file name in server/static/, e.g. "app.js"
  std::string_view content_type;  ///< e.g. "text/javascript; charset=utf-8"
  std::string_view content;
};

/// server/static/index.html, as it was when the server was built.
std::string_view index_html();

/// The file `name` of server/static/ (no directories), or nullopt.
std::optional<StaticAsset> static_asset(std::string_view name);

}  // namespace izdeu::server
