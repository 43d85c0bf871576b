// The query-language parameters of /api/v1/search: match=all|any|auto, and
// the length limits (characters, not bytes) answered with 400 at once; the
// one reader of repeated parameters (param_values) and its one limit.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "corpus/index/index_writer.h"
#include "server/api_json.h"
#include "server/request_params.h"
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

httplib::Params repeated(const char* name, std::size_t times, httplib::Params params = {}) {
  for (std::size_t i = 0; i < times; ++i) params.emplace(name, "v" + std::to_string(i));
  return params;
}

TEST(QueryParamsTest, ParamValuesTrimsDropsEmptiesAndRepairsUtf8) {
  struct Case {
    httplib::Params params;
    std::vector<std::string> values;
  };
  const Case cases[] = {
      {{}, {}},
      {{{"region", "astana"}}, {"astana"}},
      {{{"region", " astana "}, {"region", ""}, {"region", "  "}, {"region", "almaty"}},
       {"astana", "almaty"}},
      {{{"region", "a\xff"}}, {"a\xEF\xBF\xBD"}},  // U+FFFD REPLACEMENT CHARACTER
      {{{"other", "x"}}, {}},
  };
  for (const Case& c : cases) {
    auto values = param_values(request_with(c.params), "region");
    ASSERT_TRUE(values) << values.error().message;
    EXPECT_EQ(*values, c.values);
  }
}

TEST(QueryParamsTest, EveryRepeatedParameterHasTheOneLimit) {
  for (const char* name : {"person", "region", "topic", "facets"}) {
    SCOPED_TRACE(name);
    // facets values must name facets; the others may be anything.
    auto params_of = [&](std::size_t times) {
      if (std::string(name) != "facets") return repeated(name, times, {{"q", "сессия"}});
      httplib::Params params{{"q", "сессия"}};
      for (std::size_t i = 0; i < times; ++i) params.emplace("facets", "year");
      return params;
    };
    auto direct = param_values(request_with(params_of(kMaxParamValues)), name);
    ASSERT_TRUE(direct) << direct.error().message;
    EXPECT_EQ(direct->size(), kMaxParamValues);
    EXPECT_TRUE(parse_search_request(request_with(params_of(kMaxParamValues))));

    auto over = parse_search_request(request_with(params_of(kMaxParamValues + 1)));
    ASSERT_FALSE(over);
    EXPECT_EQ(over.error().code, corpus::ErrorCode::kInvalidArgument);
    EXPECT_EQ(over.error().message,
              std::string("parameter '") + name + "' is given more than 20 times");
  }
  auto long_value =
      param_values(request_with({{"topic", std::string(kMaxParamValueBytes + 1, 'x')}}), "topic");
  ASSERT_FALSE(long_value);
  EXPECT_EQ(long_value.error().message, "parameter 'topic' is longer than 8000 bytes");
}

TEST(QueryParamsTest, RepeatedFacetsAreJoined) {
  struct Case {
    httplib::Params facets;
    std::vector<corpus::FacetField> fields;
  };
  using F = corpus::FacetField;
  const Case cases[] = {
      {{{"facets", "region,year"}}, {F::kRegion, F::kYear}},
      {{{"facets", "region"}, {"facets", "year"}}, {F::kRegion, F::kYear}},
      {{{"facets", "month"}, {"facets", "region, month"}}, {F::kMonth, F::kRegion}},
      {{{"facets", ""}, {"facets", "topic"}}, {F::kTopic}},
      {{{"facets", "none"}}, {}},
      {{{"facets", " "}}, {F::kRegion, F::kPerson, F::kTopic, F::kLanguage, F::kYear, F::kMonth}},
  };
  for (const Case& c : cases) {
    httplib::Params params = c.facets;
    params.emplace("q", "сессия");
    auto parsed = parse_search_request(request_with(params));
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->facets, c.fields);
  }
  // "none" lists no facet, so it cannot be combined with any.
  auto mixed = parse_search_request(
      request_with({{"q", "сессия"}, {"facets", "none"}, {"facets", "region"}}));
  ASSERT_FALSE(mixed);
  EXPECT_NE(mixed.error().message.find("got 'none'"), std::string::npos) << mixed.error().message;
}

// Over HTTP, on every endpoint that takes repeated parameters: a 400 with the
// standard JSON error body, naming the parameter.
TEST(QueryParamsTest, OverTheLimitIs400JsonOnEveryEndpoint) {
  testing::TempDir index;
  {
    auto writer = corpus::IndexWriter::open(index.str());
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->add_or_replace(testing::make_article("a", "Сессия", "Сессия прошла.")));
    ASSERT_TRUE(writer->commit());
  }
  testing::TestServer server({index.str()});
  ASSERT_TRUE(server.ok()) << server.error();
  struct Case {
    const char* path;
    httplib::Params params;
    const char* message;
  };
  const Case cases[] = {
      {"/api/v1/search", repeated("person", 21, {{"q", "сессия"}}),
       "parameter 'person' is given more than 20 times"},
      {"/api/v1/search", repeated("region", 21, {{"q", "сессия"}}),
       "parameter 'region' is given more than 20 times"},
      {"/api/v1/search", repeated("topic", 50, {{"q", "сессия"}}),
       "parameter 'topic' is given more than 20 times"},
      {"/api/v1/people", repeated("region", 21), "parameter 'region' is given more than 20 times"},
      {"/api/v1/people/x", repeated("region", 21),
       "parameter 'region' is given more than 20 times"},
      {"/api/v1/mentions", repeated("region", 21, {{"person", "токаев"}}),
       "parameter 'region' is given more than 20 times"},
  };
  for (const Case& c : cases) {
    auto client = server.client();
    auto response = client.Get(httplib::append_query_params(c.path, c.params).c_str());
    ASSERT_TRUE(response) << c.path;
    EXPECT_EQ(response->status, 400) << c.path;
    EXPECT_EQ(response->get_header_value("Content-Type"), "application/json") << c.path;
    EXPECT_EQ(json::parse(response->body, nullptr, false),
              (json{{"error", {{"code", "invalid_argument"}, {"message", c.message}}}}))
        << c.path << ": " << response->body;
  }
  // 20 are fine.
  auto client = server.client();
  auto response =
      client.Get(httplib::append_query_params("/api/v1/people", repeated("region", 20)).c_str());
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200) << response->body;
}

}  // namespace
}  // namespace izdeu::server
