#include "server/server_config.h"

#include <gtest/gtest.h>

#include <map>

namespace izdeu::server {
namespace {

using Env = std::map<std::string, std::string>;

corpus::Result<ParsedArgs> parse(const std::vector<std::string>& args, const Env& env = {}) {
  return parse_server_args(args, [&env](const std::string& name) {
    auto it = env.find(name);
    return it == env.end() ? std::string() : it->second;
  });
}

TEST(ServerConfigTest, Defaults) {
  auto parsed = parse({"--index", "/tmp/x"});
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->config.index_paths, std::vector<std::string>{"/tmp/x"});
  EXPECT_EQ(parsed->config.host, "127.0.0.1");
  EXPECT_EQ(parsed->config.port, 8080);
  EXPECT_EQ(parsed->config.threads, default_threads());
  EXPECT_GE(parsed->config.threads, 8u);
  EXPECT_TRUE(parsed->config.cors_origins.empty());
  EXPECT_EQ(parsed->config.max_body_bytes, 4096u);
}

TEST(ServerConfigTest, MaxBodyBytesFromFlagOrEnvironment) {
  auto flag = parse({"--index", "x", "--max-body-bytes", "0"});
  ASSERT_TRUE(flag) << flag.error().message;
  EXPECT_EQ(flag->config.max_body_bytes, 0u);
  auto env = parse({"--index", "x"}, {{"IZDEU_MAX_BODY_BYTES", "1048576"}});
  ASSERT_TRUE(env) << env.error().message;
  EXPECT_EQ(env->config.max_body_bytes, 1048576u);
}

TEST(ServerConfigTest, CorsOriginsFromFlagsAndEnvironment) {
  struct Case {
    std::vector<std::string> args;
    Env env;
    std::vector<std::string> origins;
  };
  const Case cases[] = {
      {{"--cors-origin", "https://portal.kz"}, {}, {"https://portal.kz"}},
      {{"--cors-origin=*"}, {}, {"*"}},
      {{"--cors-origin", "https://Portal.KZ, http://localhost:8000"},
       {},
       {"https://portal.kz", "http://localhost:8000"}},
      {{"--cors-origin", "https://a.kz", "--cors-origin", "https://b.kz,https://a.kz"},
       {},
       {"https://a.kz", "https://b.kz"}},
      {{"--cors-origin", "http://[::1]:8080"}, {}, {"http://[::1]:8080"}},
      {{}, {{"IZDEU_CORS_ORIGIN", "https://a.kz,https://b.kz"}}, {"https://a.kz", "https://b.kz"}},
      // Flags replace the environment's list.
      {{"--cors-origin", "https://c.kz"},
       {{"IZDEU_CORS_ORIGIN", "https://a.kz"}},
       {"https://c.kz"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"--index", "/x"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    auto parsed = parse(args, c.env);
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->config.cors_origins, c.origins) << (c.args.empty() ? "env" : c.args.back());
  }
}

TEST(ServerConfigTest, FlagsOverrideEnvironment) {
  const Env env = {{"IZDEU_PORT", "9000"}, {"IZDEU_INDEX", "/env/index"}, {"IZDEU_THREADS", "3"}};
  auto from_env = parse({}, env);
  ASSERT_TRUE(from_env) << from_env.error().message;
  EXPECT_EQ(from_env->config.port, 9000);
  EXPECT_EQ(from_env->config.threads, 3u);
  EXPECT_EQ(from_env->config.index_paths, std::vector<std::string>{"/env/index"});

  auto flags = parse({"--port=9100", "--index", "/a", "--index", "/b"}, env);
  ASSERT_TRUE(flags);
  EXPECT_EQ(flags->config.port, 9100);
  EXPECT_EQ(flags->config.index_paths, (std::vector<std::string>{"/a", "/b"}));
}

struct BadCase {
  std::vector<std::string> args;
  const char* mentions;
};

TEST(ServerConfigTest, RejectsBadArguments) {
  const BadCase cases[] = {
      {{}, "--index"},
      {{"--index"}, "needs a value"},
      {{"--index", "x", "--port", "70000"}, "--port"},
      {{"--index", "x", "--port", "80a"}, "--port"},
      {{"--index", "x", "--threads", "0"}, "--threads"},
      {{"--index", "x", "--bogus"}, "unknown option"},
      {{"--index", "x", "--max-body-bytes", "1048577"}, "--max-body-bytes"},
      {{"--index", "x", "--max-body-bytes", "-1"}, "--max-body-bytes"},
      {{"--index", "x", "--cors-origin", "portal.kz"}, "no scheme"},
      {{"--index", "x", "--cors-origin", "https://portal.kz/"}, "path"},
      {{"--index", "x", "--cors-origin", "https://portal.kz/search"}, "path"},
      {{"--index", "x", "--cors-origin", "ftp://portal.kz"}, "http or https"},
      {{"--index", "x", "--cors-origin", "https://"}, "no host"},
      {{"--index", "x", "--cors-origin", "https://portal.kz:0"}, "port"},
      {{"--index", "x", "--cors-origin", "https://portal.kz:80x"}, "port"},
      {{"--index", "x", "--cors-origin", " , "}, "needs an origin"},
  };
  for (const BadCase& c : cases) {
    auto parsed = parse(c.args);
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find(c.mentions), std::string::npos) << parsed.error().message;
  }
}

TEST(ServerConfigTest, HelpListsEveryFlagAndItsEnvironmentVariable) {
  const std::string usage = server_usage();
  for (const char* text :
       {"--index", "--host", "--port", "--threads", "--cors-origin", "--max-body-bytes",
        "IZDEU_PORT", "IZDEU_CORS_ORIGIN", "IZDEU_MAX_BODY_BYTES"}) {
    EXPECT_NE(usage.find(text), std::string::npos) << text;
  }
  auto parsed = parse({"--help"});
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->show_help);
}

}  // namespace
}  // namespace izdeu::server
