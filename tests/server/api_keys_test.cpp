// Key files and environment key lines: rights, comments, mistakes by line
// (never quoting a key), and how a request presents its key.

#include "server/api_keys.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "server/server_config.h"
#include "tests/support/temp_dir.h"

namespace izdeu::server {
namespace {

TEST(ApiKeys, RightsByLine) {
  auto keys = ApiKeys::parse(
      "# comment\n\n"
      "reader-0123456789abcdef read\r\n"
      "writer-0123456789abcdef   write\n"
      "\tboss-0123456789abcdefgh admin # not a comment: refused below\n",
      "keys.txt");
  ASSERT_FALSE(keys);  // "#" is no right
  EXPECT_EQ(
      keys.error().message,
      "keys.txt:5: unknown right 'admin # not a comment: refused below' (read, write, admin)");

  auto good = ApiKeys::parse(
      "# comment\n\nreader-0123456789abcdef read\r\nwriter-0123456789abcdef   write\n"
      "both-0123456789abcdefgh read,write;boss-0123456789abcdefgh admin",
      "IZDEU_KEYS");
  ASSERT_TRUE(good) << good.error().message;
  struct Case {
    const char* key;
    std::optional<std::uint8_t> rights;
  };
  const Case cases[] = {
      {"reader-0123456789abcdef", kRead},
      {"writer-0123456789abcdef", kRead | kWrite},
      {"both-0123456789abcdefgh", kRead | kWrite},
      {"boss-0123456789abcdefgh", kRead | kWrite | kAdmin},
      {"reader-0123456789abcde", std::nullopt},
      {"reader-0123456789abcdefx", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(good->rights_of(c.key), c.rights) << c.key;
  EXPECT_TRUE(good->any_write());
  auto readers = ApiKeys::parse("reader-0123456789abcdef read", "x");
  ASSERT_TRUE(readers);
  EXPECT_FALSE(readers->any_write());
}

TEST(ApiKeys, MistakesAreReportedWithoutTheKey) {
  const std::pair<const char*, const char*> cases[] = {
      {"secret-0123456789abcdef", "x:1: a key needs its rights (read, write, admin)"},
      {"short write", "x:1: a key must have 16 to 256 characters"},
      {"\n\nsecret-0123456789abcdef wrte", "x:3: unknown right 'wrte' (read, write, admin)"},
      {"secret-0123456789abcdef ,", "x:1: no rights given"},
  };
  for (const auto& [text, message] : cases) {
    auto keys = ApiKeys::parse(text, "x");
    ASSERT_FALSE(keys) << text;
    EXPECT_EQ(keys.error().message, message);
    EXPECT_EQ(keys.error().message.find("secret"), std::string::npos);
  }
}

TEST(ApiKeys, PresentedKeyAndComparison) {
  EXPECT_EQ(presented_key("Bearer abc", ""), "abc");
  EXPECT_EQ(presented_key("BEARER  abc ", "other"), "abc");
  EXPECT_EQ(presented_key("", " xyz "), "xyz");
  EXPECT_EQ(presented_key("Basic dXNlcg==", ""), "");
  EXPECT_TRUE(constant_time_equal("same-key", "same-key"));
  EXPECT_FALSE(constant_time_equal("same-ke", "same-key"));
  EXPECT_FALSE(constant_time_equal("same-keyy", "same-key"));
  EXPECT_FALSE(constant_time_equal("", "same-key"));
  EXPECT_FALSE(constant_time_equal("same-kez", "same-key"));
}

TEST(ApiKeys, ServerFlagsAndEnvironment) {
  testing::TempDir dir;
  const std::string file = (dir.path() / "keys").string();
  std::ofstream(file) << "writer-0123456789abcdef write\n";
  auto parsed = parse_server_args({"--index", "x", "--keys", file}, [](const std::string& name) {
    return name == "IZDEU_KEYS" ? std::string("reader-0123456789abcdef read") : std::string();
  });
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->config.keys.rights_of("writer-0123456789abcdef"), kRead | kWrite);
  EXPECT_EQ(parsed->config.keys.rights_of("reader-0123456789abcdef"), kRead);
  auto missing = parse_server_args({"--index", "x", "--keys", file + ".none"},
                                   [](const std::string&) { return std::string(); });
  EXPECT_FALSE(missing);
  auto limits = parse_server_args(
      {"--index", "x", "--max-write-bytes", "1000000", "--max-pending-writes", "10"},
      [](const std::string&) { return std::string(); });
  ASSERT_TRUE(limits);
  EXPECT_EQ(limits->config.max_write_bytes, 1000000u);
  EXPECT_EQ(limits->config.max_pending_writes, 10u);
  EXPECT_FALSE(parse_server_args({"--index", "x", "--max-write-bytes", "10"},
                                 [](const std::string&) { return std::string(); }));
}

}  // namespace
}  // namespace izdeu::server
