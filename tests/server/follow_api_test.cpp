// Following a story over HTTP, against the sample archive and a crafted
// index: related articles (/api/v1/documents/{id}/similar), the export of a
// whole result set (/api/v1/search/export) and the document view's
// highlighting and main entities (/api/v1/documents/{id}?q=…).

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "corpus/index/index_writer.h"
#include "corpus/search/snippet_generator.h"
#include "server/document_handler.h"
#include "tests/support/archive_index.h"
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

class FollowApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sample_dir_ = new TempDir();
    auto stats = testing::index_archives(sample_dir_->str(), {testing::sample_archive()});
    ASSERT_TRUE(stats) << stats.error().message;

    crafted_dir_ = new TempDir();
    auto writer = corpus::IndexWriter::open(crafted_dir_->str());
    ASSERT_TRUE(writer) << writer.error().message;
    const std::string khan_body =
        "Заместитель председателя Ассамблеи Клара Хан провела встречу с молодёжью. Клара Хан "
        "рассказала о работе советов матерей и о медиации в этнокультурных объединениях.";
    std::vector<corpus::Article> articles;
    articles.push_back(
        make_article("khan-1", "Клара Хан встретилась с молодёжью", khan_body, day(2021, 3, 14)));
    // A syndicated copy: the same text on the same day, another id and title.
    articles.push_back(make_article("khan-1-copy", "Встреча с молодёжью, \"перепечатка\"",
                                    khan_body, day(2021, 3, 14)));
    articles.push_back(make_article(
        "khan-2", "Совет матерей",
        "Клара Хан открыла заседание совета матерей; медиация в семьях обсуждалась долго.",
        day(2021, 4, 2)));
    articles.push_back(make_article(
        "khan-3", "Форум медиаторов",
        "На форуме медиаторов выступила Клара Хан, говорили о советах матерей.", day(2022, 1, 9)));
    articles.push_back(
        make_article("honey", "Ярмарка мёда",
                     "В Усть-Каменогорске прошла ярмарка мёда: пасечники привезли гречишный мёд.",
                     day(2023, 8, 1)));
    for (corpus::Article& article : articles) {
      if (article.id != "honey") article.people = {{"хан клара", 2}, {"сапаров ерлан", 1}};
      if (article.id == "khan-1") {
        // More people than the document view shows, mention counts out of order.
        article.people = {{"хан клара", 9}, {"сапаров ерлан", 4}, {"а б", 3}, {"в г", 3},
                          {"д е", 2},       {"ж з", 1},           {"и к", 1}};
        article.regions = {"almaty", "astana", "shymkent", "abai-region"};
        article.topics = {"youth", "family", "mediation"};
      }
      ASSERT_TRUE(writer->add_or_replace(article));
    }
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() {
    delete sample_dir_;
    delete crafted_dir_;
    sample_dir_ = crafted_dir_ = nullptr;
  }

  void SetUp() override {
    sample_ = std::make_unique<TestServer>(std::vector<std::string>{sample_dir_->str()});
    ASSERT_TRUE(sample_->ok()) << sample_->error();
    crafted_ = std::make_unique<TestServer>(std::vector<std::string>{crafted_dir_->str()});
    ASSERT_TRUE(crafted_->ok()) << crafted_->error();
  }

  static std::pair<int, json> get_json(const TestServer& server, const std::string& path,
                                       const httplib::Params& params = {}) {
    auto client = server.client();
    auto response = client.Get(httplib::append_query_params(path, params).c_str());
    if (!response) return {0, json()};
    return {response->status, json::parse(response->body, nullptr, false)};
  }

  static httplib::Result get(const TestServer& server, const std::string& path,
                             const httplib::Params& params) {
    auto client = server.client();
    return client.Get(httplib::append_query_params(path, params).c_str());
  }

  // Every hit of a search, walked page by page with the cursor.
  static std::vector<json> walk(const TestServer& server, httplib::Params params) {
    params.emplace("per_page", "3");
    params.emplace("facets", "none");
    std::vector<json> hits;
    std::string after;
    for (int page = 0; page < 1000; ++page) {
      httplib::Params with = params;
      if (!after.empty()) with.emplace("after", after);
      auto [status, body] = get_json(server, "/api/v1/search", with);
      EXPECT_EQ(status, 200) << body.dump();
      if (status != 200) break;
      for (const json& hit : body["hits"]) hits.push_back(hit);
      if (body["next_cursor"].is_null()) break;
      after = body["next_cursor"].get<std::string>();
    }
    return hits;
  }

  static TempDir* sample_dir_;
  static TempDir* crafted_dir_;
  std::unique_ptr<TestServer> sample_;
  std::unique_ptr<TestServer> crafted_;
};

TempDir* FollowApiTest::sample_dir_ = nullptr;
TempDir* FollowApiTest::crafted_dir_ = nullptr;

// --- related articles ---

TEST_F(FollowApiTest, RelatedArticlesOfAnArticleAboutAPersonAreAboutThatPerson) {
  // The sample's most written-about person, and an article about them.
  auto [status, body] =
      get_json(*sample_, "/api/v1/search", {{"q", "Ассамблея"}, {"facets", "person"}});
  ASSERT_EQ(status, 200);
  const json& people = body["facets"]["person"]["values"];
  ASSERT_FALSE(people.empty());
  ASSERT_GE(people[0]["count"].get<int>(), 2) << "the sample names someone twice";
  const std::string key = people[0]["value"].get<std::string>();
  auto [found_status, found] =
      get_json(*sample_, "/api/v1/search", {{"q", "Ассамблея"}, {"person", key}});
  ASSERT_EQ(found_status, 200);
  std::set<std::string> about;
  for (const json& hit : found["hits"]) about.insert(hit["id"].get<std::string>());
  const std::string id = found["hits"][0]["id"].get<std::string>();

  auto [similar_status, similar] = get_json(*sample_, "/api/v1/documents/" + id + "/similar");
  ASSERT_EQ(similar_status, 200) << similar.dump();
  EXPECT_EQ(similar["id"], id);
  ASSERT_FALSE(similar["similar"].empty());
  // The best related article names the person too.
  const json& best = similar["similar"][0];
  bool names_person = false;
  for (const json& person : best["people"]) names_person |= person["key"] == key;
  EXPECT_TRUE(names_person) << key << " not in " << best.dump();
  EXPECT_TRUE(about.count(best["id"].get<std::string>())) << best["id"];
  for (const json& hit : similar["similar"]) {
    EXPECT_NE(hit["id"], id) << "never the article itself";
    for (const char* field : {"id", "title", "date", "lang", "url", "score", "snippet", "people",
                              "regions", "topics"}) {
      EXPECT_TRUE(hit.contains(field)) << field;
    }
  }
}

TEST_F(FollowApiTest, RelatedArticlesLeaveOutTheArticleAndItsCopiesAndRankTheSubjectFirst) {
  auto [status, body] = get_json(*crafted_, "/api/v1/documents/khan-1/similar");
  ASSERT_EQ(status, 200) << body.dump();
  std::vector<std::string> ids;
  for (const json& hit : body["similar"]) ids.push_back(hit["id"].get<std::string>());
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "khan-1"), 0);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "khan-1-copy"), 0) << "a syndicated copy";
  ASSERT_GE(ids.size(), 2u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.begin() + 2),
            (std::set<std::string>{"khan-2", "khan-3"}));
  // The copy's related articles leave out the original in turn.
  auto [copy_status, copy] = get_json(*crafted_, "/api/v1/documents/khan-1-copy/similar");
  ASSERT_EQ(copy_status, 200);
  for (const json& hit : copy["similar"]) {
    EXPECT_NE(hit["id"], "khan-1");
    EXPECT_NE(hit["id"], "khan-1-copy");
  }
  // limit caps the list.
  auto [one_status, one] =
      get_json(*crafted_, "/api/v1/documents/khan-1/similar", {{"limit", "1"}});
  ASSERT_EQ(one_status, 200);
  ASSERT_EQ(one["similar"].size(), 1u);
  EXPECT_EQ(one["similar"][0]["id"], ids[0]);
}

TEST_F(FollowApiTest, RelatedArticlesOfAnUnknownIdAre404AndABadLimit400) {
  auto [status, body] = get_json(*crafted_, "/api/v1/documents/no-such-id/similar");
  EXPECT_EQ(status, 404);
  EXPECT_EQ(body["error"]["code"], "not_found") << body.dump();
  for (const char* limit : {"0", "101", "x"}) {
    auto [bad_status, bad] =
        get_json(*crafted_, "/api/v1/documents/khan-1/similar", {{"limit", limit}});
    EXPECT_EQ(bad_status, 400) << limit;
    EXPECT_EQ(bad["error"]["code"], "invalid_argument") << bad.dump();
  }
}

// --- export ---

TEST_F(FollowApiTest, ExportIsTheUnionOfThePagedSearchResults) {
  const std::vector<httplib::Params> searches = {
      {{"q", "Ассамблея"}},
      {{"q", "Ассамблея"}, {"sort", "date"}},
      {{"q", "облысы"}, {"lang", "kk"}, {"sort", "recency"}},
      {{"q", "Ассамблея qqqzzz"}},  // relaxed: partial matches too
      {{"q", "qqqzzz"}, {"match", "all"}},
  };
  for (const httplib::Params& params : searches) {
    const std::string label = httplib::append_query_params("", params);
    const std::vector<json> expected = walk(*sample_, params);
    httplib::Params with = params;
    with.emplace("format", "jsonl");
    auto response = get(*sample_, "/api/v1/search/export", with);
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200) << label << response->body;
    EXPECT_EQ(response->get_header_value("Content-Type"), "application/x-ndjson");
    EXPECT_EQ(response->get_header_value("Transfer-Encoding"), "chunked");
    EXPECT_NE(response->get_header_value("Content-Disposition").find("izdeu-export.jsonl"),
              std::string::npos);
    std::vector<json> exported;
    std::istringstream lines(response->body);
    for (std::string line; std::getline(lines, line);) exported.push_back(json::parse(line));
    ASSERT_EQ(exported.size(), expected.size()) << label;
    for (std::size_t i = 0; i < exported.size(); ++i) {
      // The same hit in the same place; the same columns.
      EXPECT_EQ(exported[i]["id"], expected[i]["id"]) << label << " #" << i;
      EXPECT_EQ(exported[i]["snippet"], expected[i]["snippet"]) << label << " #" << i;
      EXPECT_EQ(exported[i]["matched_all"], expected[i]["matched_all"]) << label << " #" << i;
      EXPECT_EQ(exported[i].size(), expected[i].size()) << label;
    }
  }
}

TEST_F(FollowApiTest, CsvExportParsesBackToTheHits) {
  const std::vector<json> expected = walk(*crafted_, {{"q", "Клара Хан"}});
  ASSERT_GE(expected.size(), 3u);
  auto response = get(*crafted_, "/api/v1/search/export", {{"q", "Клара Хан"}, {"format", "csv"}});
  ASSERT_TRUE(response && response->status == 200);
  EXPECT_EQ(response->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(response->get_header_value("Content-Disposition"),
            "attachment; filename=\"izdeu-export.csv\"");
  const auto rows = parse_csv(response->body);
  ASSERT_EQ(rows.size(), expected.size() + 1);
  const std::vector<std::string> header = {
      "id",      "title", "title_generated", "date",       "lang",        "url",           "source",
      "views",   "score", "snippet",         "duplicates", "matched_all", "missing_words", "people",
      "regions", "topics"};
  EXPECT_EQ(rows[0], header);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& row = rows[i + 1];
    ASSERT_EQ(row.size(), header.size()) << i;
    const json& hit = expected[i];
    EXPECT_EQ(row[0], hit["id"]);
    EXPECT_EQ(row[1], hit["title"]) << "quotes and commas survive";
    EXPECT_EQ(row[3], hit["date"]);
    EXPECT_EQ(row[4], hit["lang"]);
    EXPECT_EQ(row[9], hit["snippet"]);
    EXPECT_EQ(row[10], std::to_string(hit["duplicates"].get<int>()));
    EXPECT_NEAR(std::stod(row[8]), hit["score"].get<double>(), 1e-9);
    std::string people;
    for (const json& person : hit["people"]) {
      people += (people.empty() ? "" : "; ") + person["key"].get<std::string>();
    }
    EXPECT_EQ(row[13], people);
  }
  // collapse=false exports the copy too, with its quoted title.
  auto all = get(*crafted_, "/api/v1/search/export",
                 {{"q", "Клара Хан"}, {"format", "csv"}, {"collapse", "false"}});
  ASSERT_TRUE(all && all->status == 200);
  const auto all_rows = parse_csv(all->body);
  ASSERT_EQ(all_rows.size(), rows.size() + 1);
  bool copy_seen = false;
  for (const auto& row : all_rows) {
    if (row[0] == "khan-1-copy") {
      copy_seen = true;
      EXPECT_EQ(row[1], "Встреча с молодёжью, \"перепечатка\"");
    }
  }
  EXPECT_TRUE(copy_seen);
}

TEST_F(FollowApiTest, ExportOfABadFormatOrQueryIs400) {
  for (const httplib::Params& params :
       std::vector<httplib::Params>{{{"q", "Ассамблея"}, {"format", "xml"}},
                                    {{"q", "Ассамблея"}, {"format", "json"}},
                                    {{"format", "csv"}},
                                    {{"q", "Ассамблея"}, {"lang", "xx"}},
                                    {{"q", "date:20x1"}, {"format", "csv"}}}) {
    auto [status, body] = get_json(*sample_, "/api/v1/search/export", params);
    EXPECT_EQ(status, 400) << httplib::append_query_params("", params);
    EXPECT_EQ(body["error"]["code"], "invalid_argument") << body.dump();
  }
}

// --- the document view ---

std::set<std::string> marked_words(const std::string& html) {
  std::set<std::string> words;
  static const std::regex kMark("<mark>([^<]*)</mark>");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kMark);
       it != std::sregex_iterator(); ++it) {
    words.insert((*it)[1].str());
  }
  return words;
}

// White space runs as one space, trimmed.
std::string squeezed(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

std::size_t paragraphs(std::string_view text) {
  std::size_t count = 1;
  for (std::size_t at = text.find("\n\n"); at != std::string_view::npos;
       at = text.find("\n\n", at + 2)) {
    ++count;
  }
  return count;
}

std::string without_marks(std::string html) {
  for (const char* tag : {"<mark>", "</mark>"}) {
    for (std::size_t at; (at = html.find(tag)) != std::string::npos;) {
      html.erase(at, std::string_view(tag).size());
    }
  }
  return html;
}

TEST_F(FollowApiTest, TheDocumentMarksEveryFormTheQueryMatchedInTheWholeText) {
  // Each query: every form its snippets mark is marked in the whole article,
  // and the marked text is the article's text escaped.
  for (const char* query : {"Ассамблея", "Тоқаев", "облысы", "ярмарка мёда"}) {
    auto [status, body] =
        get_json(*sample_, "/api/v1/search", {{"q", query}, {"facets", "none"}, {"per_page", "5"}});
    ASSERT_EQ(status, 200);
    if (body["hits"].empty()) continue;
    for (const json& hit : body["hits"]) {
      const std::string id = hit["id"].get<std::string>();
      auto [doc_status, doc] = get_json(*sample_, "/api/v1/documents/" + id, {{"q", query}});
      ASSERT_EQ(doc_status, 200) << doc.dump();
      const std::string body_html = doc["body_html"].get<std::string>();
      const std::string title_html = doc["title_html"].get<std::string>();
      // The whole text, escaped (white space runs aside), paragraph for paragraph.
      EXPECT_EQ(squeezed(without_marks(body_html)),
                squeezed(corpus::html_escape(doc["body"].get<std::string>())));
      EXPECT_EQ(paragraphs(body_html), paragraphs(doc["body"].get<std::string>()));
      EXPECT_EQ(title_html, hit["title_html"]) << "titles are marked as search marks them";
      std::set<std::string> in_document = marked_words(body_html);
      for (const std::string& word : marked_words(title_html)) in_document.insert(word);
      for (const std::string& word : marked_words(hit["snippet"].get<std::string>())) {
        EXPECT_TRUE(in_document.count(word)) << query << " " << id << ": " << word;
      }
      EXPECT_GT(doc["marks"].get<std::size_t>(), 0u) << query << " " << id;
      // Every occurrence: at least as many marks as the snippet shows.
      std::size_t snippet_marks = 0;
      const std::string snippet = hit["snippet"].get<std::string>();
      for (std::size_t at = snippet.find("<mark>"); at != std::string::npos;
           at = snippet.find("<mark>", at + 1)) {
        ++snippet_marks;
      }
      EXPECT_GE(doc["marks"].get<std::size_t>(), snippet_marks);
    }
  }
}

TEST_F(FollowApiTest, TheDocumentShowsItsMainPeopleRegionsAndTopics) {
  auto [status, doc] = get_json(*crafted_, "/api/v1/documents/khan-1");
  ASSERT_EQ(status, 200) << doc.dump();
  EXPECT_FALSE(doc.contains("body_html")) << "no query, nothing marked";
  ASSERT_EQ(doc["people"].size(), kMainPeople);
  EXPECT_EQ(doc["people"][0]["key"], "хан клара");
  EXPECT_EQ(doc["people"][0]["name"], "Хан Клара");
  EXPECT_EQ(doc["people"][0]["mentions"], 9);
  for (std::size_t i = 1; i < doc["people"].size(); ++i) {
    EXPECT_GE(doc["people"][i - 1]["mentions"].get<int>(), doc["people"][i]["mentions"].get<int>());
  }
  EXPECT_EQ(doc["regions"].size(), kMainRegions);
  EXPECT_EQ(doc["regions"][0]["id"], "almaty");
  EXPECT_EQ(doc["topics"].size(), kMainTopics);
  EXPECT_EQ(doc["topics"][0]["id"], "youth");
  EXPECT_LE(doc["people"].size() + doc["regions"].size() + doc["topics"].size(), 10u);

  auto [unknown, missing] = get_json(*crafted_, "/api/v1/documents/no-such-id", {{"q", "Хан"}});
  EXPECT_EQ(unknown, 404);
  EXPECT_EQ(missing["error"]["code"], "not_found");
  auto [bad, refused] = get_json(*crafted_, "/api/v1/documents/khan-1", {{"q", "date:20x1"}});
  EXPECT_EQ(bad, 400);
  EXPECT_EQ(refused["error"]["code"], "invalid_argument");
}

}  // namespace
}  // namespace izdeu::server

namespace izdeu::server {
namespace {

// Peak resident memory of this process, in KiB (VmHWM).
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

TEST(SearchExportScaleTest, ExportsEveryMatchWithoutACapInBoundedMemory) {
  constexpr int kArticles = 30'000;
  TempDir dir;
  {
    auto writer = corpus::IndexWriter::open(dir.str());
    ASSERT_TRUE(writer);
    // Long titles make each row big (a word this long is not indexed), so a
    // server that buffered the export would grow by far more than the bound.
    const std::string title = "Отчёт о заседании " + std::string(600, 'x');
    // Each body differs (a number), or syndicated copies would collapse.
    const std::string body = "Клара Хан выступила на заседании совета матерей номер ";
    for (int i = 0; i < kArticles; ++i) {
      ASSERT_TRUE(writer->add_or_replace(make_article("e" + std::to_string(i), title,
                                                      body + std::to_string(i) + ".",
                                                      day(2000 + i % 25, 1 + i % 12, 1))));
    }
    ASSERT_TRUE(writer->commit());
  }
  TestServer server({dir.str()});
  ASSERT_TRUE(server.ok()) << server.error();
  auto client = server.client();
  client.set_read_timeout(300);

  // The same walk through /api/v1/search first, page by page with the cursor:
  // whatever reading the result costs the engine (the peak grows by about
  // 28 MiB here, with the result's size), the export may add only its
  // stream's buffers, not the export itself.
  const std::string search = httplib::append_query_params(
      "/api/v1/search",
      {{"q", "заседание"}, {"sort", "date"}, {"per_page", "1000"}, {"facets", "none"}});
  std::string after;
  for (int page = 0; page < 100; ++page) {
    auto response = client.Get((search + (after.empty() ? "" : "&after=" + after)).c_str());
    ASSERT_TRUE(response && response->status == 200);
    const json body = json::parse(response->body);
    if (body["next_cursor"].is_null()) break;
    after = body["next_cursor"].get<std::string>();
  }
  std::set<std::string> ids;
  [[maybe_unused]] const long rss_before = peak_rss_kib();
  std::size_t rows = 0;
  std::size_t bytes = 0;
  std::string line;
  auto response = client.Get(
      httplib::append_query_params("/api/v1/search/export",
                                   {{"q", "заседание"}, {"sort", "date"}, {"format", "csv"}})
          .c_str(),
      [&](const char* data, std::size_t length) {
        bytes += length;
        for (std::size_t i = 0; i < length; ++i) {
          if (data[i] != '\n') {
            line += data[i];
            continue;
          }
          ++rows;
          ids.insert(line.substr(0, line.find(',')));
          line.clear();
        }
        return true;
      });
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(rows, 1u + kArticles) << "the header and every match, no cap";
  EXPECT_EQ(ids.size(), 1u + kArticles) << "no article twice";
  EXPECT_GT(bytes, 20u << 20);
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
