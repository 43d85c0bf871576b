// The query-language parameters of /api/v1/search: match=all|any|auto, and
// the length limits (characters, not bytes) answered with 400 at once.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "corpus/index/index_writer.h"
#include "server/api_json.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"
#include "tests/support/test_server.h"

namespace izdeu::server {
namespace {

using nlohmann::json;

httplib::Request request_with(const httplib::Params& params) {
  httplib::Request request;
  request.params = params;
  return request;
}

TEST(QueryParamsTest, MatchIsParsed) {
  const std::pair<const char*, corpus::MatchMode> cases[] = {
      {"all", corpus::MatchMode::kAll},
      {"any", corpus::MatchMode::kAny},
      {"auto", corpus::MatchMode::kAuto},
      {"", corpus::MatchMode::kAuto},
  };
  for (const auto& [value, mode] : cases) {
    auto parsed = parse_search_request(request_with({{"q", "сессия"}, {"match", value}}));
    ASSERT_TRUE(parsed) << value << ": " << parsed.error().message;
    EXPECT_EQ(parsed->match, mode) << value;
  }
  auto absent = parse_search_request(request_with({{"q", "сессия"}}));
  ASSERT_TRUE(absent);
  EXPECT_EQ(absent->match, corpus::MatchMode::kAuto);
  auto bad = parse_search_request(request_with({{"q", "сессия"}, {"match", "most"}}));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, corpus::ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.error().message.find("'match'"), std::string::npos);
}

TEST(QueryParamsTest, QueryLengthIsCountedInCharacters) {
  testing::TempDir index;
  {
    auto writer = corpus::IndexWriter::open(index.str());
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->add_or_replace(testing::make_article("a", "Сессия", "Сессия прошла.")));
    ASSERT_TRUE(writer->commit());
  }
  testing::TestServer server({index.str()});
  ASSERT_TRUE(server.ok()) << server.error();
  auto status_of = [&](const std::string& q) {
    auto client = server.client();
    auto response = client.Get(httplib::append_query_params("/api/v1/search", {{"q", q}}).c_str());
    EXPECT_TRUE(response);
    if (!response) return std::pair<int, json>{0, json()};
    return std::pair<int, json>{response->status, json::parse(response->body, nullptr, false)};
  };
  // 64 words of 30 letters: 1,983 characters. Latin letters, because httplib
  // (Debian's compiled 0.11) answers 414 to a request line over 8 KB, which a
  // percent-encoded Cyrillic query (6 bytes a letter) reaches at ~1,350.
  const std::string word(30, 'z');
  std::string q = word;
  for (int i = 1; i < 64; ++i) q += " " + word;
  EXPECT_EQ(status_of(q).first, 200);
  // 18 characters more: 2,001.
  auto [status, body] = status_of(q + std::string(18, 'z'));
  EXPECT_EQ(status, 400);
  EXPECT_NE(body["error"]["message"].get<std::string>().find("2000 characters"), std::string::npos)
      << body.dump();
  // A 65th word.
  auto [terms_status, terms_body] = status_of(q + " z");
  EXPECT_EQ(terms_status, 400);
  EXPECT_NE(terms_body["error"]["message"].get<std::string>().find("64 terms"), std::string::npos)
      << terms_body.dump();
  // The byte guard counts 4 bytes a character: 2,000 Cyrillic characters
  // (4,000 bytes) pass it and reach the query language.
  std::string cyrillic;
  for (int i = 0; i < 40; ++i)
    cyrillic += std::string(i ? " " : "") + "жжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжж";
  ASSERT_EQ(cyrillic.size(), 40u * 49 * 2 + 39);
  EXPECT_TRUE(parse_search_request(request_with({{"q", cyrillic}})));
  EXPECT_FALSE(parse_search_request(request_with({{"q", std::string(kMaxQueryBytes + 1, 'z')}})));
}

}  // namespace
}  // namespace izdeu::server
