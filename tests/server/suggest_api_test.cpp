// In-process HTTP tests of GET /api/v1/suggest against a small real index.

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>

#include "corpus/index/index_writer.h"
#include "server/suggest_handler.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"
#include "tests/support/test_server.h"

namespace izdeu::server {
namespace {

using nlohmann::json;
using testing::day;
using testing::make_article;
using testing::TempDir;
using testing::TestServer;

class SuggestApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    index_dir_ = new TempDir();
    {
      auto writer = corpus::IndexWriter::open(index_dir_->str());
      ASSERT_TRUE(writer) << writer.error().message;
      corpus::Article first = make_article(
          "ru-1", "Президент посетил Алматы",
          "Президент Токаев посетил Алматы. В Алматы прошла встреча.", day(2024, 6, 1));
      first.people = {{"токаев касым-жомарт кемелевич", 2}};
      first.regions = {"almaty"};
      corpus::Article second =
          make_article("kk-1", "Тоқаев Алматыда болды", "Президент Тоқаев Алматыда. Алматы қаласы.",
                       day(2024, 7, 1), analyzers::Language::kKazakh);
      second.people = {{"токаев касым-жомарт кемелевич", 1}};
      second.regions = {"almaty"};
      corpus::Article third =
          make_article("ru-2", "Итоги года в Алматы", "Президент подвел итоги. Алматы растет.",
                       day(2023, 12, 30));
      for (const auto& article : {first, second, third}) {
        ASSERT_TRUE(writer->add_or_replace(article));
      }
      ASSERT_TRUE(writer->commit());
    }
    server_ = new TestServer({index_dir_->str()});
    ASSERT_TRUE(server_->ok()) << server_->error();
    // The first build runs in the background; wait for it.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (get("/api/v1/suggest?q=a").first == 503 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    delete index_dir_;
  }

  static std::pair<int, json> get(const std::string& target) {
    auto client = server_->client();
    auto response = client.Get(target.c_str());
    if (!response) return {0, json()};
    EXPECT_NE(response->get_header_value("Content-Type").find("application/json"),
              std::string::npos)
        << target;
    return {response->status, json::parse(response->body, nullptr, false)};
  }
  static std::pair<int, json> suggest(const httplib::Params& params) {
    return get(httplib::append_query_params("/api/v1/suggest", params));
  }

  static TempDir* index_dir_;
  static TestServer* server_;
};

TempDir* SuggestApiTest::index_dir_ = nullptr;
TestServer* SuggestApiTest::server_ = nullptr;

TEST_F(SuggestApiTest, ResponseHasTheDocumentedShape) {
  auto [status, body] = suggest({{"q", "алм"}});
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["query"], "алм");
  EXPECT_TRUE(body["layout_fixed"].is_null());
  ASSERT_TRUE(body["suggestions"].is_array());
  ASSERT_FALSE(body["suggestions"].empty());
  std::set<std::string> kinds;
  for (const json& s : body["suggestions"]) {
    ASSERT_TRUE(s["text"].is_string());
    const std::string kind = s["kind"];
    kinds.insert(kind);
    EXPECT_TRUE(kind == "title" || kind == "person" || kind == "region" || kind == "term") << kind;
    // Terms have no id; everything else names what it is.
    EXPECT_EQ(s["id"].is_null(), kind == "term") << s.dump();
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"region", "term", "title"}));
}

TEST_F(SuggestApiTest, CompletesAcrossScripts) {
  for (const char* q : {"tok", "ток", "тоқ"}) {
    auto [status, body] = suggest({{"q", q}});
    ASSERT_EQ(status, 200) << body.dump();
    ASSERT_FALSE(body["suggestions"].empty()) << q;
    const json& first = body["suggestions"][0];
    EXPECT_EQ(first["kind"], "person") << q;
    EXPECT_EQ(first["text"], "Токаев Касым-Жомарт Кемелевич") << q;
    EXPECT_EQ(first["id"], "токаев касым-жомарт кемелевич") << q;
  }
}

TEST_F(SuggestApiTest, FixesTheKeyboardLayout) {
  auto [status, body] = suggest({{"q", "Fkvfns"}});
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["query"], "Fkvfns");
  EXPECT_EQ(body["layout_fixed"], "Алматы");
  ASSERT_FALSE(body["suggestions"].empty());

  auto [kk_status, kk_body] = suggest({{"q", "Nj0ftd"}});  // Тоқаев, Kazakh layout
  ASSERT_EQ(kk_status, 200) << kk_body.dump();
  EXPECT_EQ(kk_body["layout_fixed"], "Тоқаев");
}

TEST_F(SuggestApiTest, LimitCutsTheList) {
  auto [status, body] = suggest({{"q", "а"}, {"limit", "2"}});
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["suggestions"].size(), 2u);
  auto [all_status, all] = suggest({{"q", "а"}});
  ASSERT_EQ(all_status, 200);
  EXPECT_GT(all["suggestions"].size(), 2u);
  EXPECT_LE(all["suggestions"].size(), kDefaultSuggestions);
}

TEST_F(SuggestApiTest, BadParametersGet400WithJsonError) {
  const httplib::Params bad[] = {
      {},
      {{"q", ""}},
      {{"q", std::string(kMaxSuggestQueryBytes + 1, 'a')}},
      {{"q", "а"}, {"limit", "0"}},
      {{"q", "а"}, {"limit", "51"}},
      {{"q", "а"}, {"limit", "ten"}},
      {{"q", "а"}, {"limit", ""}},
      {{"q", "а"}, {"limit", "-1"}},
  };
  for (const auto& params : bad) {
    auto [status, body] = suggest(params);
    EXPECT_EQ(status, 400) << body.dump();
    EXPECT_EQ(body["error"]["code"], "invalid_argument") << body.dump();
    EXPECT_TRUE(body["error"]["message"].is_string());
  }
}

TEST_F(SuggestApiTest, HostileQueriesNeverCrash) {
  const std::string hostile[] = {"\xff\xfe", "\"", "\\", "%", "'; DROP", "\x01\x02", "  ", "ё̈́"};
  for (const std::string& q : hostile) {
    auto [status, body] = suggest({{"q", q}});
    EXPECT_EQ(status, 200) << q;
    EXPECT_TRUE(body["suggestions"].is_array()) << q;
  }
}

TEST(SuggestHandlerTest, AnIndexThatCannotBeOpenedGets503) {
  TempDir dir;
  const SuggestHandler handler({dir.str() + "/missing"});
  httplib::Request request;
  request.params.emplace("q", "ток");
  httplib::Response response;
  handler.suggest(request, response);
  EXPECT_EQ(response.status, 503);
  const json body = json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "unavailable");
}

TEST(SuggestHandlerTest, ParsesParameters) {
  httplib::Request request;
  request.params.emplace("q", "токаев ");
  request.params.emplace("limit", "50");
  auto parsed = parse_suggest_request(request);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->query, "токаев ");  // not trimmed: the space means a whole word
  EXPECT_EQ(parsed->limit, 50u);
}

}  // namespace
}  // namespace izdeu::server
