#pragma once
// Files of the search page, compiled into the server so that it needs no
// install step and no path to a static directory at run time.

#include <string_view>

namespace izdeu::server {

/// server/static/index.html, as it was when the server was built.
std::string_view index_html();

}  // namespace izdeu::server
