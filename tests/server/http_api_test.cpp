// In-process HTTP tests against a real index built from the bundled sample
// archive (tests/fixtures/sample), the same content the demo serves.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "corpus/index/index_writer.h"
#include "indexer/ingest_job.h"
#include "server/entity_labels.h"
#include "tests/support/archive_index.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"
#include "tests/support/test_server.h"

namespace izdeu::server {
namespace {

using nlohmann::json;
using testing::TempDir;
using testing::TestServer;

class HttpApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    index_dir_ = new TempDir();
    auto stats = testing::index_archives(index_dir_->str(), {testing::sample_archive()});
    ASSERT_TRUE(stats) << stats.error().message;
    ASSERT_TRUE(stats->skipped.empty())
        << stats->skipped.front().location << ": " << stats->skipped.front().reason;
    indexed_ = stats->indexed();
  }
  static void TearDownTestSuite() {
    delete index_dir_;
    index_dir_ = nullptr;
  }

  void SetUp() override {
    server_ = std::make_unique<TestServer>(std::vector<std::string>{index_dir_->str()}, 2, &log_);
    ASSERT_TRUE(server_->ok()) << server_->error();
  }

  // GET `target`; returns the status and the parsed JSON body.
  std::pair<int, json> get(const std::string& target) {
    auto client = server_->client();
    auto response = client.Get(target.c_str());
    if (!response) return {0, json()};
    EXPECT_NE(response->get_header_value("Content-Type").find("application/json"),
              std::string::npos)
        << target;
    return {response->status, json::parse(response->body, nullptr, false)};
  }

  std::pair<int, json> search(const httplib::Params& params) {
    return get(httplib::append_query_params("/api/v1/search", params));
  }

  static TempDir* index_dir_;
  static std::uint64_t indexed_;
  std::ostringstream log_;
  std::unique_ptr<TestServer> server_;
};

TempDir* HttpApiTest::index_dir_ = nullptr;
std::uint64_t HttpApiTest::indexed_ = 0;

TEST_F(HttpApiTest, HealthReportsDocumentCount) {
  auto [status, body] = get("/health");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["documents"].get<std::uint64_t>(), indexed_);
  EXPECT_GE(indexed_, 60u);
}

TEST_F(HttpApiTest, SearchResponseHasTheDocumentedShape) {
  auto [status, body] = search({{"q", "Ассамблея"}, {"per_page", "3"}});
  ASSERT_EQ(status, 200) << body.dump();
  for (const char* field : {"query", "total", "page", "per_page", "took_ms", "hits"}) {
    EXPECT_TRUE(body.contains(field)) << field;
  }
  EXPECT_EQ(body["query"], "Ассамблея");
  EXPECT_EQ(body["per_page"], 3);
  ASSERT_EQ(body["hits"].size(), 3u);
  EXPECT_GT(body["total"].get<int>(), 3);
  EXPECT_TRUE(body["total_exact"].get<bool>());
  EXPECT_TRUE(body["next_cursor"].is_string());
  EXPECT_TRUE(body["did_you_mean"].is_null());
  EXPECT_TRUE(body["relaxed"].is_boolean());
  EXPECT_TRUE(body["optional_words"].is_array());
  EXPECT_EQ(body["full_matches"], body["total"]);  // not relaxed: every hit has every word
  for (const json& hit : body["hits"]) {
    for (const char* field : {"id", "title", "title_html", "title_generated", "date", "lang", "url",
                              "source", "views", "score", "snippet", "duplicates", "matched_all",
                              "missing_words", "people", "regions", "topics"}) {
      EXPECT_TRUE(hit.contains(field)) << field;
    }
    EXPECT_EQ(hit["title_generated"], false) << "every sample article has a title";
    EXPECT_TRUE(hit["people"].is_array());
    EXPECT_NE(hit["title_html"].get<std::string>().find("<mark>"), std::string::npos)
        << hit["title_html"];
  }
  // Every facet by default, each with exact counts and labels.
  ASSERT_TRUE(body["facets"].is_object());
  for (const char* facet : {"region", "person", "topic", "lang", "year", "month"}) {
    ASSERT_TRUE(body["facets"].contains(facet)) << facet;
    EXPECT_TRUE(body["facets"][facet]["exact"].get<bool>());
    EXPECT_TRUE(body["facets"][facet]["values"].is_array());
  }
  std::uint64_t by_language = 0;
  for (const json& value : body["facets"]["lang"]["values"]) {
    by_language += value["count"].get<std::uint64_t>();
    EXPECT_TRUE(value["label"].contains("ru") && value["label"].contains("kk")) << value;
  }
  EXPECT_EQ(by_language, body["total"].get<std::uint64_t>());
}

TEST_F(HttpApiTest, ARelaxedResultMarksEachHitWithWhatItLacks) {
  // No article has «qqqzzz»: match=auto relaxes it, and every hit says so.
  auto [status, body] = search({{"q", "Ассамблея qqqzzz"}, {"per_page", "5"}});
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_TRUE(body["relaxed"].get<bool>());
  EXPECT_EQ(body["full_matches"], 0);
  EXPECT_EQ(body["optional_words"], json::array({"qqqzzz"}));
  ASSERT_FALSE(body["hits"].empty());
  for (const json& hit : body["hits"]) {
    EXPECT_FALSE(hit["matched_all"].get<bool>()) << hit["id"];
    EXPECT_EQ(hit["missing_words"], json::array({"qqqzzz"})) << hit["id"];
  }
  // An explicit AND is never relaxed.
  auto [and_status, strict] = search({{"q", "Ассамблея AND qqqzzz"}});
  ASSERT_EQ(and_status, 200) << strict.dump();
  EXPECT_FALSE(strict["relaxed"].get<bool>());
  EXPECT_EQ(strict["total"], 0);
}

TEST_F(HttpApiTest, FacetsCanBeChosenLimitedOrTurnedOff) {
  auto [status, body] = search({{"q", "облысы"}, {"facets", "month, year"}, {"facet_limit", "1"}});
  ASSERT_EQ(status, 200) << body.dump();
  ASSERT_EQ(body["facets"].size(), 2u);
  std::uint64_t months = 0, years = 0;
  for (const json& value : body["facets"]["month"]["values"]) {
    months += value["count"].get<std::uint64_t>();
    EXPECT_EQ(value["value"].get<std::string>().size(), 7u);  // "2021-07"
  }
  for (const json& value : body["facets"]["year"]["values"]) {
    years += value["count"].get<std::uint64_t>();
  }
  // The histogram keeps every bucket whatever facet_limit says.
  EXPECT_EQ(months, years);
  EXPECT_EQ(years, body["total"].get<std::uint64_t>());
  EXPECT_GT(body["facets"]["year"]["values"].size(), 1u);

  auto [none_status, none] = search({{"q", "облысы"}, {"facets", "none"}});
  ASSERT_EQ(none_status, 200);
  EXPECT_TRUE(none["facets"].empty());
}

TEST_F(HttpApiTest, CursorWalksTheWholeResult) {
  for (const char* sort : {"relevance", "date", "recency"}) {
    SCOPED_TRACE(sort);
    httplib::Params params{{"q", "Қазақстан"},
                           {"per_page", "4"},
                           {"sort", sort},
                           {"facets", "none"},
                           {"snippet_chars", "0"}};
    std::set<std::string> seen;
    std::uint64_t total = 0;
    for (int pages = 0; pages < 100; ++pages) {
      auto [status, body] = search(params);
      ASSERT_EQ(status, 200) << body.dump();
      total = body["total"].get<std::uint64_t>();
      for (const json& hit : body["hits"]) {
        EXPECT_TRUE(seen.insert(hit["id"].get<std::string>()).second) << hit["id"];
      }
      if (body["next_cursor"].is_null()) break;
      params.erase("after");
      params.emplace("after", body["next_cursor"].get<std::string>());
    }
    EXPECT_GT(total, 4u);
    EXPECT_EQ(seen.size(), total);
  }
}

TEST_F(HttpApiTest, SuggestsACorrectionForATypo) {
  auto [status, body] = search({{"q", "Ассомблея"}});
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["total"], 0);
  EXPECT_EQ(body["did_you_mean"], "ассамблея");
  auto [layout_status, layout] = search({{"q", "fccfv,ktz"}});
  ASSERT_EQ(layout_status, 200);
  EXPECT_EQ(layout["did_you_mean"], "ассамблея");
}

TEST_F(HttpApiTest, AcceptsEveryDocumentedParameter) {
  auto [status, body] = search({{"q", "Ассамблея"},
                                {"sort", "recency"},
                                {"match", "any"},
                                {"collapse", "false"},
                                {"person", "Токаев"},
                                {"person", "хан"},
                                {"region", "almaty"},
                                {"topic", "culture"},
                                {"snippet_chars", "80"},
                                {"facet_limit", "3"}});
  // Filters on entities the sample does not tag: a valid request that finds nothing.
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_TRUE(body["hits"].is_array());
}

TEST_F(HttpApiTest, RussianNameInAnotherCaseFindsItsArticle) {
  // The sample mourns «Сапарова Ерлана Нуртаевича» (genitive, surname first);
  // a journalist types the nominative, first name first.
  auto [status, body] = search({{"q", "Ерлан Сапаров"}, {"per_page", "50"}});
  ASSERT_EQ(status, 200);
  bool found_genitive = false;
  for (const json& hit : body["hits"]) {
    auto [doc_status, document] = get("/api/v1/documents/" + hit["id"].get<std::string>());
    ASSERT_EQ(doc_status, 200);
    const std::string text =
        document["title"].get<std::string>() + " " + document["body"].get<std::string>();
    if (text.find("Сапарова Ерлана") != std::string::npos) found_genitive = true;
  }
  EXPECT_TRUE(found_genitive) << body.dump(1);
}

TEST_F(HttpApiTest, SnippetsHighlightMatchedForms) {
  auto [status, body] = search({{"q", "сапаров"}});
  ASSERT_EQ(status, 200);
  ASSERT_FALSE(body["hits"].empty());
  EXPECT_NE(body["hits"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
}

TEST_F(HttpApiTest, DateFilterCuts) {
  auto [status_all, all] = search({{"q", "сессия"}, {"per_page", "1000"}});
  auto [status_cut, cut] =
      search({{"q", "сессия"}, {"per_page", "1000"}, {"from", "2019-01-01"}, {"to", "2021-12-31"}});
  ASSERT_EQ(status_all, 200);
  ASSERT_EQ(status_cut, 200);
  EXPECT_LT(cut["total"].get<int>(), all["total"].get<int>());
  EXPECT_GT(cut["total"].get<int>(), 0);
  for (const json& hit : cut["hits"]) {
    const std::string date = hit["date"];
    EXPECT_GE(date, "2019-01-01");
    EXPECT_LE(date, "2021-12-31");
  }
}

TEST_F(HttpApiTest, SortByDateIsNewestFirst) {
  auto [status, body] = search({{"q", "облысы"}, {"sort", "date"}, {"per_page", "100"}});
  ASSERT_EQ(status, 200);
  ASSERT_GT(body["hits"].size(), 1u);
  std::string previous = "9999-12-31";
  for (const json& hit : body["hits"]) {
    const std::string date = hit["date"].is_null() ? "" : hit["date"].get<std::string>();
    EXPECT_LE(date, previous);
    previous = date;
  }
}

TEST_F(HttpApiTest, LanguageFilterKeepsOneLanguage) {
  auto [status, body] = search({{"q", "Ассамблея"}, {"lang", "kk"}, {"per_page", "100"}});
  ASSERT_EQ(status, 200);
  ASSERT_FALSE(body["hits"].empty());
  for (const json& hit : body["hits"]) EXPECT_EQ(hit["lang"], "kk");
}

struct BadParams {
  httplib::Params params;
  const char* mentions;
};

TEST_F(HttpApiTest, ExplainShowsReadingsAndWhatEachHitHolds) {
  auto [status, body] = search({{"q", "Сапаров"}, {"explain", "true"}, {"per_page", "50"}});
  ASSERT_EQ(status, 200) << body.dump();
  ASSERT_EQ(body["explanation"].size(), 1u) << body["explanation"].dump(1);
  const json& word = body["explanation"][0];
  EXPECT_EQ(word["word"], "Сапаров");
  std::set<std::string> forms;
  std::set<std::string> classes;
  for (const json& reading : word["readings"]) {
    forms.insert(reading["form"].get<std::string>());
    classes.insert(reading["class"].get<std::string>());
    EXPECT_GT(reading["articles"].get<std::uint64_t>(), 0u) << reading.dump();
    EXPECT_EQ(reading["key"].is_null(), reading["class"] == "exact") << reading.dump();
  }
  EXPECT_TRUE(forms.count("сапарова")) << word.dump(1);  // the sample's genitive
  EXPECT_TRUE(classes.count("stem")) << word.dump(1);
  ASSERT_FALSE(body["hits"].empty());
  for (const json& hit : body["hits"]) {
    ASSERT_FALSE(hit["matched"].empty()) << hit.dump(1);
    for (const json& match : hit["matched"]) {
      EXPECT_EQ(match["word"], "Сапаров");
      EXPECT_TRUE(forms.count(match["form"].get<std::string>())) << match.dump();
      EXPECT_TRUE(match["field"] == "title" || match["field"] == "text") << match.dump();
    }
  }

  auto [plain_status, plain] = search({{"q", "Сапаров"}});
  ASSERT_EQ(plain_status, 200);
  EXPECT_FALSE(plain.contains("explanation"));
  EXPECT_FALSE(plain["hits"][0].contains("matched"));
}

TEST_F(HttpApiTest, BadParametersGet400WithJsonError) {
  const BadParams cases[] = {
      {{{"q", "сессия"}, {"per_page", "1001"}}, "per_page"},
      {{{"q", "сессия"}, {"per_page", "-1"}}, "per_page"},
      {{{"q", "сессия"}, {"page", "0"}}, "page"},
      {{{"q", "сессия"}, {"from", "2021-13-01"}}, "from"},
      {{{"q", "сессия"}, {"to", "01.07.2021"}}, "to"},
      {{{"q", "сессия"}, {"from", "2022-01-01"}, {"to", "2021-01-01"}}, "from"},
      {{{"q", "сессия"}, {"lang", "de"}}, "lang"},
      {{{"q", "сессия"}, {"sort", "views"}}, "sort"},
      {{{"q", "сессия"}, {"match", "most"}}, "match"},
      {{{"q", "сессия"}, {"collapse", "maybe"}}, "collapse"},
      {{{"q", "сессия"}, {"explain", "yes please"}}, "explain"},
      {{{"q", "сессия"}, {"facets", "region,colour"}}, "facets"},
      {{{"q", "сессия"}, {"facet_limit", "0"}}, "facet_limit"},
      {{{"q", "сессия"}, {"facet_limit", "1001"}}, "facet_limit"},
      {{{"q", "сессия"}, {"after", "not-a-cursor"}}, "after"},
      {{{"q", "сессия"}, {"after", std::string(500, 'A')}}, "after"},
      {{{"q", "сессия"}, {"snippet_chars", "3000"}}, "snippet_chars"},
      {{{"q", ""}}, "q"},
      {{{"q", "   "}}, "q"},
      {{}, "q"},
      {{{"q", "!!! ..."}}, "no words"},
      {{{"q", std::string(5000, 'a')}}, "q"},
      // 2,001 characters: the query limit, not a byte count.
      {{{"q", std::string(2001, 'a')}}, "2000"},
      // 1,500 Cyrillic letters are 9 KB percent-encoded: refused by the HTTP
      // layer before our code runs, and still a JSON 400 about the query.
      {{{"q",
         [] {
           std::string long_word;
           for (int i = 0; i < 1500; ++i) long_word += "ж";
           return long_word;
         }()}},
       "2000"},
  };
  BadParams many_people{{{"q", "сессия"}}, "person"};
  for (int i = 0; i < 21; ++i) many_people.params.emplace("person", "p" + std::to_string(i));
  std::vector<BadParams> all(std::begin(cases), std::end(cases));
  all.push_back(many_people);
  // A cursor from another query.
  auto [first_status, first] = search({{"q", "Ассамблея"}, {"per_page", "1"}});
  ASSERT_EQ(first_status, 200);
  all.push_back({{{"q", "сессия"}, {"after", first["next_cursor"].get<std::string>()}}, "after"});
  for (const BadParams& c : all) {
    auto [status, body] = search(c.params);
    SCOPED_TRACE(body.dump());
    EXPECT_EQ(status, 400);
    ASSERT_TRUE(body.contains("error"));
    EXPECT_EQ(body["error"]["code"], "invalid_argument");
    EXPECT_NE(body["error"]["message"].get<std::string>().find(c.mentions), std::string::npos);
  }
}

TEST_F(HttpApiTest, DocumentByIdOr404) {
  auto [status, body] = search({{"q", "Ассамблея"}, {"per_page", "1"}});
  ASSERT_EQ(status, 200);
  const std::string id = body["hits"][0]["id"];
  auto [doc_status, document] = get("/api/v1/documents/" + id);
  EXPECT_EQ(doc_status, 200);
  EXPECT_EQ(document["id"], id);
  EXPECT_EQ(document["title"], body["hits"][0]["title"]);
  EXPECT_FALSE(document["body"].get<std::string>().empty());

  auto [missing_status, missing] = get("/api/v1/documents/no-such-article");
  EXPECT_EQ(missing_status, 404);
  EXPECT_EQ(missing["error"]["code"], "not_found");
}

TEST_F(HttpApiTest, AnalyzeShowsTokensAndTerms) {
  auto [status, body] = get(httplib::append_query_params(
      "/api/v1/analyze", {{"text", "Память Сапарова Ерлана"}, {"lang", "ru"}}));
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["lang"], "ru");
  ASSERT_EQ(body["tokens"].size(), 3u);
  const json& surname = body["tokens"][1];
  EXPECT_EQ(surname["text"], "сапарова");
  EXPECT_EQ(surname["stem"], "сапаров");
  EXPECT_EQ(surname["position"], 1);
  EXPECT_EQ(surname["start"], std::string("Память ").size());
  EXPECT_EQ(surname["end"], std::string("Память Сапарова").size());
  EXPECT_TRUE(surname["capitalized"].get<bool>());
  for (const char* field : {"loose", "loose_stem", "aliases", "lang", "stop_word"}) {
    EXPECT_TRUE(surname.contains(field)) << field;
  }

  // What a search for the text reads into each word, against the index.
  ASSERT_TRUE(body["readings"].is_array()) << body.dump(1);
  ASSERT_EQ(body["readings"].size(), 3u) << body["readings"].dump(1);
  const json& readings = body["readings"][1];
  EXPECT_EQ(readings["word"], "Сапарова");
  bool genitive = false;
  for (const json& reading : readings["readings"]) {
    genitive = genitive || (reading["form"] == "сапарова" && reading["class"] == "exact" &&
                            reading["articles"].get<std::uint64_t>() > 0);
  }
  EXPECT_TRUE(genitive) << readings.dump(1);
  // Text too long for a query still shows its tokens.
  std::string long_text;
  for (int i = 0; i < 700; ++i) long_text += "ab ";  // 2,100 characters: over kMaxQueryChars
  auto [long_status, long_body] =
      get(httplib::append_query_params("/api/v1/analyze", {{"text", long_text}, {"lang", "en"}}));
  ASSERT_EQ(long_status, 200);
  EXPECT_TRUE(long_body["readings"].is_null());
  EXPECT_FALSE(long_body["tokens"].empty());

  auto [kk_status, kk] =
      get(httplib::append_query_params("/api/v1/analyze", {{"text", "Қазақстандағы мектептер"}}));
  ASSERT_EQ(kk_status, 200);
  EXPECT_EQ(kk["lang"], "kk");  // detected

  auto [bad_status, bad] =
      get(httplib::append_query_params("/api/v1/analyze", {{"text", "x"}, {"lang", "de"}}));
  EXPECT_EQ(bad_status, 400);
  EXPECT_EQ(bad["error"]["code"], "invalid_argument");
  auto [empty_status, empty] = get("/api/v1/analyze");
  EXPECT_EQ(empty_status, 400);
}

TEST_F(HttpApiTest, ServesTheSearchPageAtRoot) {
  auto client = server_->client();
  auto response = client.Get("/");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_NE(response->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(response->body.find("/static/app.js"), std::string::npos);
  EXPECT_NE(response->body.find("</html>"), std::string::npos);
}

TEST_F(HttpApiTest, UnknownEndpointGets404WithJsonError) {
  auto [status, body] = get("/api/v1/nothing-here");
  EXPECT_EQ(status, 404);
  EXPECT_EQ(body["error"]["code"], "not_found");
}

TEST_F(HttpApiTest, HostileQueriesNeverCrash) {
  const char* targets[] = {"/api/v1/search?q=%FF%FE%FD",
                           "/api/v1/search?q=%00abc",
                           "/api/v1/search?q=%E2%80%8B%C2%AD",
                           "/api/v1/search?q=<script>alert(1)</script>",
                           "/api/v1/search?q=a&page=99999999999",
                           "/api/v1/search?q=%D0",
                           "/api/v1/documents/%FF",
                           "/api/v1/documents/..%2F..%2Fetc"};
  for (const char* target : targets) {
    auto client = server_->client();
    auto response = client.Get(target);
    ASSERT_TRUE(response) << target;
    EXPECT_LT(response->status, 500) << target << " " << response->body;
    EXPECT_FALSE(json::parse(response->body, nullptr, false).is_discarded()) << target;
  }
  auto [status, body] = get("/health");
  EXPECT_EQ(status, 200);
}

TEST_F(HttpApiTest, WritesOneAccessLogLinePerRequest) {
  get("/health");
  search({{"q", "сессия"}});
  server_.reset();  // joins the server thread: the log is complete
  std::istringstream lines(log_.str());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    json entry = json::parse(line, nullptr, false);
    ASSERT_FALSE(entry.is_discarded()) << line;
    for (const char* field : {"ts", "method", "path", "status", "took_ms"}) {
      EXPECT_TRUE(entry.contains(field)) << field << " in " << line;
    }
    ++count;
  }
  EXPECT_EQ(count, 2);
}

TEST(EntityLabelsTest, PersonKeysBecomeDisplayNames) {
  const std::pair<const char*, const char*> cases[] = {
      {"токаев касым-жомарт кемелевич", "Токаев Касым-Жомарт Кемелевич"},
      {"хан клара александровна", "Хан Клара Александровна"},
      {"әбішев өмірзақ ұлы", "Әбішев Өмірзақ Ұлы"},
      {"ілияс қасымұлы", "Ілияс Қасымұлы"},
      {"ғалым үмбетов", "Ғалым Үмбетов"},
      {"ёлкин", "Ёлкин"},
      {"john smith", "John Smith"},
      {"", ""},
  };
  for (const auto& [key, name] : cases) EXPECT_EQ(person_display_name(key), name) << key;
  // Regions and topics by the gazetteer's and taxonomy's names; unknown ids as themselves.
  EXPECT_EQ(region_label("almaty-region"),
            (json{{"ru", "Алматинская область"}, {"kk", "Алматы облысы"}}));
  EXPECT_EQ(topic_label("culture"), (json{{"ru", "Культура"}, {"kk", "Мәдениет"}}));
  EXPECT_EQ(region_label("atlantis"), (json{{"ru", "atlantis"}, {"kk", "atlantis"}}));
}

TEST(HttpEntitiesTest, HitsAndFacetsCarryEntitiesWithLabels) {
  TempDir dir;
  {
    auto writer = corpus::IndexWriter::open(dir.str());
    ASSERT_TRUE(writer);
    for (int i = 0; i < 3; ++i) {
      corpus::Article article =
          testing::make_article("e" + std::to_string(i), "Визит Президента " + std::to_string(i),
                                "Президент посетил область.", testing::day(2022, 3, 1 + i));
      article.people = {{"токаев касым-жомарт кемелевич", 2}};
      if (i > 0) article.people.push_back({"хан клара александровна", 1});
      article.regions = {i == 2 ? "astana" : "almaty-region"};
      article.topics = {"politics"};
      ASSERT_TRUE(writer->add_or_replace(article));
    }
    ASSERT_TRUE(writer->commit());
  }
  TestServer server({dir.str()});
  ASSERT_TRUE(server.ok()) << server.error();
  auto client = server.client();
  auto response = client.Get(httplib::append_query_params(
      "/api/v1/search", {{"q", "президент"}, {"facets", "person,region"}}));
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  const json body = json::parse(response->body);
  EXPECT_EQ(body["total"], 3);
  const json& hit = body["hits"][0];
  EXPECT_EQ(hit["people"][0], (json{{"key", "токаев касым-жомарт кемелевич"},
                                    {"name", "Токаев Касым-Жомарт Кемелевич"}}));
  EXPECT_EQ(hit["topics"][0],
            (json{{"id", "politics"}, {"name", {{"ru", "politics"}, {"kk", "politics"}}}}));
  const json& people = body["facets"]["person"]["values"];
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0]["value"], "токаев касым-жомарт кемелевич");
  EXPECT_EQ(people[0]["count"], 3);
  EXPECT_EQ(people[1]["count"], 2);
  for (const json& value : people) {
    EXPECT_EQ(value["label"], person_display_name(value["value"].get<std::string>()));
  }
  const json& regions = body["facets"]["region"]["values"];
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(regions[0]["label"], region_label(regions[0]["value"].get<std::string>()));
  EXPECT_NE(regions[0]["label"]["ru"], regions[0]["value"]);
}

// A portal shows `title` (or `title_html`) as the headline: for an untitled
// article it is the body's first words and `title_generated` says so; the
// stored article keeps its empty title.
TEST(HttpUntitledTest, AnUntitledHitHasAGeneratedTitleAndSaysSo) {
  TempDir dir;
  {
    auto writer = corpus::IndexWriter::open(dir.str());
    ASSERT_TRUE(writer);
    const corpus::Article articles[] = {
        testing::make_article("untitled", "",
                              "Аким Павлодарской области открыл новый мост через Иртыш. Движение "
                              "по мосту начнётся в понедельник.",
                              testing::day(2021, 7, 1)),
        testing::make_article("headline", "Мост через Иртыш закрыт на ремонт", "",
                              testing::day(2021, 7, 2)),
    };
    for (const corpus::Article& article : articles) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
  }
  TestServer server({dir.str()});
  ASSERT_TRUE(server.ok()) << server.error();
  auto client = server.client();
  auto response = client.Get(httplib::append_query_params(
      "/api/v1/search", {{"q", "иртыш"}, {"sort", "date"}, {"facets", "none"}}));
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  const json body = json::parse(response->body);
  ASSERT_EQ(body["hits"].size(), 2u) << body.dump();

  const json& headline = body["hits"][0];
  EXPECT_EQ(headline["id"], "headline");
  EXPECT_EQ(headline["title"], "Мост через Иртыш закрыт на ремонт");
  EXPECT_EQ(headline["title_generated"], false);
  EXPECT_EQ(headline["snippet"], "Мост через <mark>Иртыш</mark> закрыт на ремонт");

  const json& untitled = body["hits"][1];
  EXPECT_EQ(untitled["id"], "untitled");
  EXPECT_EQ(untitled["title"],
            "Аким Павлодарской области открыл новый мост через Иртыш. Движение по…");
  EXPECT_EQ(untitled["title_generated"], true);
  EXPECT_EQ(untitled["title_html"],
            "Аким Павлодарской области открыл новый мост через <mark>Иртыш</mark>. Движение по…");

  auto stored = client.Get("/api/v1/documents/untitled");
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->status, 200) << stored->body;
  EXPECT_EQ(json::parse(stored->body)["title"], "");
}

}  // namespace
}  // namespace izdeu::server
