// The analysts' endpoints against a real index: /api/v1/mentions in every
// format parsed back, /api/v1/people and /api/v1/people/{key}, and a 100,000
// mention export streamed within bounded memory.

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "corpus/index/index_writer.h"
#include "server/people_handlers.h"
#include "tests/support/sanitizers.h"
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

// Splits RFC 4180 CSV (quoted fields may hold commas, quotes and newlines).
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

class PeopleApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto writer = corpus::IndexWriter::open(dir_->str());
    ASSERT_TRUE(writer) << writer.error().message;
    corpus::Article a = make_article(
        "a", "Сессия Ассамблеи",
        "Заместитель председателя Ассамблеи Клара Хан открыла сессию, сказав: \"Добро пожаловать, "
        "друзья\". Затем выступил Ерлан Сапаров.",
        day(2021, 3, 14));
    a.people = {{"хан клара", 1}, {"сапаров ерлан", 1}};
    a.regions = {"almaty"};
    corpus::Article b =
        make_article("b", "Форум", "На форуме Клара Хан рассказала о медиации.", day(2021, 4, 2));
    b.people = {{"хан клара", 1}};
    for (const auto& article : {a, b}) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  void SetUp() override {
    server_ = std::make_unique<TestServer>(std::vector<std::string>{dir_->str()});
    ASSERT_TRUE(server_->ok()) << server_->error();
  }

  httplib::Result get(const std::string& path, const httplib::Params& params) {
    return server_->client().Get(httplib::append_query_params(path, params).c_str());
  }

  static TempDir* dir_;
  std::unique_ptr<TestServer> server_;
};
TempDir* PeopleApiTest::dir_ = nullptr;

TEST_F(PeopleApiTest, MentionsAsJsonArray) {
  auto response = get("/api/v1/mentions", {{"person", "Клары Хан"}});
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  const json mentions = json::parse(response->body);
  ASSERT_TRUE(mentions.is_array());
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0]["article_id"], "a");
  EXPECT_EQ(mentions[0]["date"], "2021-03-14");
  EXPECT_EQ(mentions[0]["title"], "Сессия Ассамблеи");
  EXPECT_EQ(mentions[1]["sentence"], "На форуме Клара Хан рассказала о медиации.");
  EXPECT_EQ(mentions[1]["start"], 10);
  EXPECT_EQ(mentions[1]["end"], 19);
  EXPECT_EQ(mentions[1]["surface"], "Клара Хан");
}

TEST_F(PeopleApiTest, MentionsAsJsonLinesAndCsvParseBack) {
  auto jsonl = get("/api/v1/mentions", {{"person", "Хан"}, {"format", "jsonl"}});
  ASSERT_TRUE(jsonl);
  ASSERT_EQ(jsonl->status, 200);
  EXPECT_EQ(jsonl->get_header_value("Content-Type"), "application/x-ndjson");
  std::istringstream lines(jsonl->body);
  std::vector<json> parsed;
  for (std::string line; std::getline(lines, line);) parsed.push_back(json::parse(line));
  ASSERT_EQ(parsed.size(), 2u);

  auto csv = get("/api/v1/mentions", {{"person", "Хан"}, {"format", "csv"}});
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 200);
  const auto rows = parse_csv(csv->body);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"article_id", "date", "title", "person", "surface",
                                               "sentence", "start", "end"}));
  // The first sentence holds a comma and quotes: quoted and escaped, read back intact.
  EXPECT_EQ(rows[1][5], parsed[0]["sentence"].get<std::string>());
  EXPECT_NE(rows[1][5].find("\"Добро пожаловать, друзья\""), std::string::npos);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i][0], parsed[i - 1]["article_id"].get<std::string>());
    EXPECT_EQ(std::stoul(rows[i][6]), parsed[i - 1]["start"].get<std::size_t>());
  }
}

TEST_F(PeopleApiTest, MentionsFilterByRegionAndDate) {
  auto response = get("/api/v1/mentions", {{"person", "Хан"}, {"region", "almaty"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(json::parse(response->body).size(), 1u);
  response = get("/api/v1/mentions", {{"person", "Хан"}, {"from", "2021-04-01"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(json::parse(response->body).size(), 1u);
}

TEST_F(PeopleApiTest, BadRequestsAreJson400s) {
  const httplib::Params bad[] = {
      {},
      {{"person", "Хан"}, {"format", "xml"}},
      {{"person", "Хан"}, {"from", "2021-13-01"}},
      {{"person", "Хан"}, {"from", "2022-01-01"}, {"to", "2021-01-01"}},
  };
  for (const auto& params : bad) {
    auto response = get("/api/v1/mentions", params);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400) << response->body;
    EXPECT_EQ(json::parse(response->body)["error"]["code"], "invalid_argument");
  }
  auto limit = get("/api/v1/people", {{"limit", "0"}});
  ASSERT_TRUE(limit);
  EXPECT_EQ(limit->status, 400);
  auto missing = get("/api/v1/people/" + httplib::detail::encode_query_param("нет такого"), {});
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST_F(PeopleApiTest, PeopleListAndProfile) {
  auto list = get("/api/v1/people", {{"limit", "5"}});
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  const json people = json::parse(list->body)["people"];
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0]["key"], "хан клара");
  EXPECT_EQ(people[0]["name"], "Хан Клара");
  EXPECT_EQ(people[0]["mentions"], 2);

  auto profile = get("/api/v1/people/" + httplib::detail::encode_query_param("хан клара"), {});
  ASSERT_TRUE(profile);
  ASSERT_EQ(profile->status, 200) << profile->body;
  const json body = json::parse(profile->body);
  EXPECT_EQ(body["articles"], 2);
  EXPECT_EQ(body["timeline"].size(), 2u);
  EXPECT_EQ(body["co_mentioned"][0]["key"], "сапаров ерлан");
  EXPECT_EQ(body["regions"][0]["id"], "almaty");
  EXPECT_EQ(body["variants"][0]["form"], "Клара Хан");
}

TEST(CsvFieldTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
}

// Peak resident memory of this process, in KiB (VmHWM).
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

TEST(MentionExportScaleTest, StreamsOneHundredThousandMentionsInBoundedMemory) {
  constexpr int kArticles = 500;
  constexpr int kPerArticle = 200;
  TempDir dir;
  {
    auto writer = corpus::IndexWriter::open(dir.str());
    ASSERT_TRUE(writer);
    // Long titles make each exported row big, so a server that buffered the
    // export would grow by far more than the bound below.
    const std::string title = "Отчёт о заседании " + std::string(400, 'x');
    std::string body;
    for (int i = 0; i < kPerArticle; ++i) body += "Клара Хан выступила. ";
    for (int i = 0; i < kArticles; ++i) {
      corpus::Article article = make_article("m" + std::to_string(i), title, body, day(2020, 1, 1));
      article.people = {{"хан клара", kPerArticle}};
      ASSERT_TRUE(writer->add_or_replace(article));
    }
    ASSERT_TRUE(writer->commit());
  }
  TestServer server({dir.str()});
  ASSERT_TRUE(server.ok()) << server.error();
  auto client = server.client();
  client.set_read_timeout(300);

  [[maybe_unused]] const long rss_before = peak_rss_kib();
  std::size_t rows = 0;
  std::size_t bytes = 0;
  auto response = client.Get(
      httplib::append_query_params("/api/v1/mentions", {{"person", "Клара Хан"}, {"format", "csv"}})
          .c_str(),
      [&](const char* data, std::size_t length) {
        bytes += length;
        for (std::size_t i = 0; i < length; ++i) rows += data[i] == '\n';
        return true;
      });
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(rows, 1u + kArticles * kPerArticle);  // the header and every mention
  EXPECT_GT(bytes, 40u << 20);
#if !defined(IZDEU_ASAN)
  // ASan's quarantine keeps freed memory resident, so the bound is checked
  // in plain builds only.
  const long grown_kib = peak_rss_kib() - rss_before;
  std::cout << "export of " << (bytes >> 20) << " MiB grew the peak RSS by " << grown_kib / 1024
            << " MiB\n";
  EXPECT_LT(grown_kib, 16 * 1024) << "export of " << (bytes >> 20) << " MiB grew the peak RSS by "
                                  << grown_kib / 1024 << " MiB";
#endif
}

}  // namespace
}  // namespace izdeu::server
