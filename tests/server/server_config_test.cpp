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
  EXPECT_EQ(parsed->config.threads, 4u);
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
  };
  for (const BadCase& c : cases) {
    auto parsed = parse(c.args);
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find(c.mentions), std::string::npos) << parsed.error().message;
  }
}

TEST(ServerConfigTest, HelpListsEveryFlagAndItsEnvironmentVariable) {
  const std::string usage = server_usage();
  for (const char* text : {"--index", "--host", "--port", "--threads", "IZDEU_PORT"}) {
    EXPECT_NE(usage.find(text), std::string::npos) << text;
  }
  auto parsed = parse({"--help"});
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->show_help);
}

}  // namespace
}  // namespace izdeu::server
