// English end to end: the English fixture (tests/fixtures/english, one
// article with "lang":"en", one without lang) indexed by the ingest pipeline
// next to Kazakh and Russian articles, then found over HTTP with lang=en.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "indexer/ingest_job.h"
#include "tests/support/archive_index.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

namespace izdeu::server {
namespace {

using nlohmann::json;
using testing::TempDir;
using testing::TestServer;

class EnglishApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    input_dir_ = new TempDir();
    index_dir_ = new TempDir();
    // Two Cyrillic articles about the same person, so that a search can show
    // lang=en narrowing a result to the English article.
    std::filesystem::copy_file(std::string(IZDEU_SOURCE_DIR) + "/tests/fixtures/english/feed.jsonl",
                               input_dir_->path() / "english.jsonl");
    std::ofstream(input_dir_->path() / "local.jsonl", std::ios::binary)
        << R"({"id":"ru-0001","lang":"ru","title":"Токаев открыл сессию",)"
           R"("date":"2024-03-02","body":"Президент Токаев открыл сессию Ассамблеи."})"
        << "\n"
        << R"({"id":"kk-0001","lang":"kk","title":"Тоқаев сессияны ашты",)"
           R"("date":"2024-03-03","body":"Мемлекет басшысы Тоқаев Ассамблея сессиясын ашты."})"
        << "\n";
    auto stats = testing::index_archives(index_dir_->str(), {input_dir_->str()});
    ASSERT_TRUE(stats) << stats.error().message;
    ASSERT_TRUE(stats->skipped.empty())
        << stats->skipped.front().location << ": " << stats->skipped.front().reason;
    ASSERT_EQ(stats->indexed(), 4u);
  }
  static void TearDownTestSuite() {
    delete index_dir_;
    delete input_dir_;
    index_dir_ = input_dir_ = nullptr;
  }

  void SetUp() override {
    server_ = std::make_unique<TestServer>(std::vector<std::string>{index_dir_->str()}, 2, &log_);
    ASSERT_TRUE(server_->ok()) << server_->error();
  }

  std::pair<int, json> get(const std::string& path, const httplib::Params& params) {
    auto client = server_->client();
    auto response = client.Get(httplib::append_query_params(path.c_str(), params).c_str());
    if (!response) return {0, json()};
    return {response->status, json::parse(response->body, nullptr, false)};
  }

  // The ids of the hits, sorted.
  std::set<std::string> ids(const httplib::Params& params) {
    auto [status, body] = get("/api/v1/search", params);
    EXPECT_EQ(status, 200) << body.dump();
    std::set<std::string> out;
    for (const json& hit : body["hits"]) out.insert(hit["id"].get<std::string>());
    return out;
  }

  static TempDir* input_dir_;
  static TempDir* index_dir_;
  std::ostringstream log_;
  std::unique_ptr<TestServer> server_;
};
TempDir* EnglishApiTest::input_dir_ = nullptr;
TempDir* EnglishApiTest::index_dir_ = nullptr;

TEST_F(EnglishApiTest, GivenAndDetectedEnglishAreIndexedAsEnglish) {
  for (const char* id : {"en-0001", "en-0002"}) {
    auto [status, body] = get(std::string("/api/v1/documents/") + id, {});
    ASSERT_EQ(status, 200) << body.dump();
    EXPECT_EQ(body["lang"], "en") << id;  // en-0002 has no lang: detected
  }
}

TEST_F(EnglishApiTest, LangEnFiltersToEnglishArticles) {
  EXPECT_EQ(ids({{"q", "Токаев"}}), (std::set<std::string>{"en-0001", "kk-0001", "ru-0001"}));
  EXPECT_EQ(ids({{"q", "Тоқаев"}, {"lang", "en"}}), std::set<std::string>{"en-0001"});
  EXPECT_EQ(ids({{"q", "Токаев"}, {"lang", "en"}}), std::set<std::string>{"en-0001"});
  EXPECT_EQ(ids({{"q", "Tokayev"}, {"lang", "ru"}}), std::set<std::string>{"ru-0001"});
  EXPECT_EQ(ids({{"q", "harvests"}, {"lang", "en"}}), std::set<std::string>{"en-0002"});
  EXPECT_EQ(ids({{"q", "meeting delegates"}}), std::set<std::string>{"en-0001"});
  EXPECT_EQ(ids({{"q", "lang:en farmer"}}), std::set<std::string>{"en-0002"});
  EXPECT_EQ(ids({{"q", "Assembly"}, {"lang", "en"}}),
            (std::set<std::string>{"en-0001", "en-0002"}));
}

TEST_F(EnglishApiTest, HitsAndLanguageFacetLabelEnglish) {
  auto [status, body] = get("/api/v1/search", {{"q", "Assembly"}, {"facets", "lang"}});
  ASSERT_EQ(status, 200) << body.dump();
  for (const json& hit : body["hits"]) {
    if (hit["id"].get<std::string>().starts_with("en-")) {
      EXPECT_EQ(hit["lang"], "en");
    }
  }
  bool english = false;
  for (const json& value : body["facets"]["lang"]["values"]) {
    if (value["value"] != "en") continue;
    english = true;
    EXPECT_EQ(value["label"]["ru"], "английский");
    EXPECT_EQ(value["label"]["kk"], "ағылшынша");
    EXPECT_EQ(value["label"].size(), 2u) << "labels stay {ru, kk}: the page's languages";
  }
  EXPECT_TRUE(english) << body["facets"].dump();
}

TEST_F(EnglishApiTest, UnregisteredLanguagesAreRefusedNamingTheRegisteredOnes) {
  auto [status, body] = get("/api/v1/search", {{"q", "Assembly"}, {"lang", "de"}});
  EXPECT_EQ(status, 400);
  EXPECT_EQ(body["error"]["message"], "parameter 'lang' must be 'kk', 'ru' or 'en', got 'de'");
}

TEST_F(EnglishApiTest, AnalyzeReadsEnglish) {
  auto [status, body] =
      get("/api/v1/analyze", {{"text", "The meetings of the Assembly"}, {"lang", "en"}});
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["lang"], "en");
  ASSERT_EQ(body["tokens"].size(), 5u);
  EXPECT_TRUE(body["tokens"][0]["stop_word"].get<bool>());
  EXPECT_EQ(body["tokens"][1]["stem"], "meet");
  auto [detected_status, detected] =
      get("/api/v1/analyze", {{"text", "The farmers of the region finished the harvest"}});
  ASSERT_EQ(detected_status, 200);
  EXPECT_EQ(detected["lang"], "en");
}

TEST_F(EnglishApiTest, ThePageOffersEnglishAsAnArticleLanguage) {
  auto client = server_->client();
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find(R"(<option value="en" data-i18n="lang.en">)"), std::string::npos);
  auto i18n = client.Get("/static/i18n.js");
  ASSERT_TRUE(i18n);
  EXPECT_NE(i18n->body.find(R"("lang.en": "английский")"), std::string::npos);
  EXPECT_NE(i18n->body.find(R"("lang.en": "ағылшын тілі")"), std::string::npos);
}

}  // namespace
}  // namespace izdeu::server
