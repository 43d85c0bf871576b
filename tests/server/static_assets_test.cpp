// The search page's files: every file the page refers to (index.html's
// /static/ links and the modules' imports) is compiled in and served with its
// content type, so the page cannot load with a missing piece.

#include "server/static_assets.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "corpus/index_writer.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

namespace izdeu::server {
namespace {

using testing::TempDir;
using testing::TestServer;

// Names the page refers to: /static/<name> in HTML, ./<name> in JS imports.
std::set<std::string> references(const std::string& text) {
  static const std::regex kReference(
      R"re((?:/static/|from "\./)([A-Za-z0-9_-]+\.(?:js|css|html)))re");
  std::set<std::string> names;
  for (std::sregex_iterator it(text.begin(), text.end(), kReference), end; it != end; ++it) {
    names.insert((*it)[1].str());
  }
  return names;
}

TEST(StaticAssets, EveryFileThePageRefersToIsCompiledIn) {
  std::set<std::string> pending = references(std::string(index_html()));
  EXPECT_TRUE(pending.count("app.js") && pending.count("style.css"));
  std::set<std::string> seen;
  while (!pending.empty()) {
    const std::string name = *pending.begin();
    pending.erase(pending.begin());
    if (!seen.insert(name).second) continue;
    const auto asset = static_asset(name);
    ASSERT_TRUE(asset.has_value()) << name;
    EXPECT_FALSE(asset->content.empty()) << name;
    for (const std::string& more : references(std::string(asset->content))) pending.insert(more);
  }
  EXPECT_GE(seen.size(), 5u);
}

TEST(StaticAssets, UnknownNamesAreNotFound) {
  for (const char* name : {"", "nope.js", "../CMakeLists.txt", "app.js/", "APP.JS"}) {
    EXPECT_FALSE(static_asset(name).has_value()) << name;
  }
}

TEST(StaticAssets, ServedAtStaticWithTheirContentType) {
  TempDir index;
  {
    auto writer = corpus::IndexWriter::open(index.str());
    ASSERT_TRUE(writer) << writer.error().message;
    ASSERT_TRUE(writer->commit());
  }
  TestServer server({index.str()});
  ASSERT_TRUE(server.ok()) << server.error();
  auto client = server.client();
  const struct {
    const char* path;
    int status;
    const char* type;
  } cases[] = {
      {"/static/app.js", 200, "text/javascript"},
      {"/static/i18n.js", 200, "text/javascript"},
      {"/static/style.css", 200, "text/css"},
      {"/static/index.html", 200, "text/html"},
      {"/static/missing.js", 404, "application/json"},
      {"/static/..%2Fserver_config.cpp", 404, "application/json"},
  };
  for (const auto& c : cases) {
    auto response = client.Get(c.path);
    ASSERT_TRUE(response) << c.path;
    EXPECT_EQ(response->status, c.status) << c.path;
    EXPECT_EQ(response->get_header_value("Content-Type").rfind(c.type, 0), 0u)
        << c.path << ": " << response->get_header_value("Content-Type");
  }
}

}  // namespace
}  // namespace izdeu::server
