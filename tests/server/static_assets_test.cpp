// The embedded page files: lookup, content types, ETag matching.

#include "server/static_assets.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

namespace izdeu::server {
namespace {

TEST(StaticAssetsTest, ContentTypeByExtension) {
  const std::pair<const char*, const char*> cases[] = {
      {"index.html", "text/html; charset=utf-8"},
      {"app.js", "text/javascript; charset=utf-8"},
      {"i18n.js", "text/javascript; charset=utf-8"},
      {"style.css", "text/css; charset=utf-8"},
      {"STYLE.CSS", "text/css; charset=utf-8"},
      {"fonts/x.woff2", "font/woff2"},
      {"logo.svg", "image/svg+xml"},
      {"favicon.ico", "image/vnd.microsoft.icon"},
      {"data.json", "application/json"},
      {"notes.txt", "text/plain; charset=utf-8"},
      {"archive.tar.gz", "application/octet-stream"},
      {"Makefile", "application/octet-stream"},
      {"dir.d/noext", "application/octet-stream"},
  };
  for (const auto& [name, type] : cases) EXPECT_EQ(content_type_for(name), type) << name;
}

TEST(StaticAssetsTest, IfNoneMatchComparesWeakly) {
  const std::string_view etag = "W/\"a82a9f642c67723b\"";
  const std::pair<const char*, bool> cases[] = {
      {"W/\"a82a9f642c67723b\"", true},
      {"\"a82a9f642c67723b\"", true},
      {"*", true},
      {" * ", true},
      {"\"x\", W/\"a82a9f642c67723b\"", true},
      {"\"x\",W/\"a82a9f642c67723b\" ,\"y\"", true},
      {"\"x\", \"y\"", false},
      {"a82a9f642c67723b", false},  // unquoted is not the same tag
      {"W/\"a82a9f642c67723\"", false},
      {"", false},
      {",,", false},
  };
  for (const auto& [header, matches] : cases) {
    EXPECT_EQ(etag_matches(header, etag), matches) << header;
  }
}

TEST(StaticAssetsTest, EveryEmbeddedFileIsFoundByName) {
  const auto files = embedded_files();
  ASSERT_FALSE(files.empty());
  std::set<std::string_view> etags;
  for (const EmbeddedFile& file : files) {
    const StaticAsset* asset = find_static_asset(file.name);
    ASSERT_NE(asset, nullptr) << file.name;
    EXPECT_EQ(asset->body, file.body);
    EXPECT_EQ(asset->etag, file.etag);
    EXPECT_EQ(asset->content_type, content_type_for(file.name));
    etags.insert(file.etag);
  }
  // Different files, different tags (unless two files are byte-identical).
  std::set<std::string_view> bodies;
  for (const EmbeddedFile& file : files) bodies.insert(file.body);
  EXPECT_EQ(etags.size(), bodies.size());
  for (const char* name : {"", "nope.js", "index.htm", "index.html/", "../index.html"}) {
    EXPECT_EQ(find_static_asset(name), nullptr) << name;
  }
}

// Names the page refers to: /static/<name> in HTML, ./<name> in JS imports.
std::set<std::string> references(std::string_view text) {
  static const std::regex kReference(
      R"re((?:/static/|from "\./)([A-Za-z0-9_-]+\.(?:js|css|html)))re");
  std::set<std::string> names;
  const std::string copy(text);
  for (std::sregex_iterator it(copy.begin(), copy.end(), kReference), end; it != end; ++it) {
    names.insert((*it)[1].str());
  }
  return names;
}

// Following index.html's links and the modules' imports: the page can never
// load with a missing piece.
TEST(StaticAssetsTest, EveryFileThePageRefersToIsEmbedded) {
  const StaticAsset* index = find_static_asset("index.html");
  ASSERT_NE(index, nullptr);
  std::set<std::string> pending = references(index->body);
  EXPECT_TRUE(pending.count("app.js") && pending.count("style.css"));
  std::set<std::string> seen;
  while (!pending.empty()) {
    const std::string name = *pending.begin();
    pending.erase(pending.begin());
    if (!seen.insert(name).second) continue;
    const StaticAsset* asset = find_static_asset(name);
    ASSERT_NE(asset, nullptr) << name;
    EXPECT_FALSE(asset->body.empty()) << name;
    for (const std::string& more : references(asset->body)) pending.insert(more);
  }
  EXPECT_GE(seen.size(), 5u);
}

}  // namespace
}  // namespace izdeu::server
