#include "indexer/jsonl_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/index/prepare.h"

namespace izdeu::indexer {
namespace {

struct Collected {
  std::vector<corpus::RawArticle> articles;
  std::vector<ReadIssue> issues;
  std::size_t produced = 0;
};

Collected read(const std::string& content) {
  Collected out;
  std::istringstream input(content);
  out.produced = read_jsonl(
      input, "archive/news.jsonl",
      [&](corpus::RawArticle&& article) { out.articles.push_back(std::move(article)); },
      [&](const ReadIssue& issue) { out.issues.push_back(issue); });
  return out;
}

std::string line(const nlohmann::json& record) { return record.dump() + "\n"; }

// The language the article is indexed in: given, or detected by prepare_article().
std::optional<analyzers::Language> indexed_language(const corpus::RawArticle& raw) {
  auto article = corpus::prepare_article(raw);
  if (!article) return std::nullopt;
  return article->language;
}

const nlohmann::json kGood = {
    {"id", "kz-1"},
    {"url", "https://example.kz/news/1"},
    {"source", "example"},
    {"lang", "ru"},
    {"title", "  Новый  мост в Павлодаре "},
    {"date", "2021-07-01"},
    {"views", 1234},
    {"body", "\n Первый абзац.\r\n\r\nВторой абзац.  \n"},
};

TEST(JsonlReaderTest, ReadsEveryField) {
  const auto result = read(line(kGood));
  ASSERT_TRUE(result.issues.empty()) << result.issues[0].reason;
  ASSERT_EQ(result.articles.size(), 1u);
  EXPECT_EQ(result.produced, 1u);
  const auto& a = result.articles[0];
  EXPECT_EQ(a.id, "kz-1");
  EXPECT_EQ(a.url, "https://example.kz/news/1");
  EXPECT_EQ(a.source, "example");
  EXPECT_EQ(a.language, analyzers::Language::kRussian);
  EXPECT_EQ(a.title, "Новый мост в Павлодаре");
  EXPECT_EQ(a.date->to_iso(), "2021-07-01");
  EXPECT_EQ(a.views, std::optional<std::int64_t>(1234));
  EXPECT_EQ(a.body, "Первый абзац.\n\nВторой абзац.");
}

TEST(JsonlReaderTest, NothingButATitleOrABodyIsRequired) {
  const auto result = read(R"({"title":"Жаңалық","body":"Бүгін қалада жаңа мектеп ашылды."})");
  ASSERT_EQ(result.articles.size(), 1u);
  const auto& a = result.articles[0];
  EXPECT_EQ(a.id, "");
  EXPECT_EQ(a.url, "");
  EXPECT_EQ(a.date, std::nullopt);
  EXPECT_EQ(a.views, std::nullopt);
  EXPECT_EQ(a.language, std::nullopt);  // not given: left to prepare_article()
  EXPECT_EQ(indexed_language(a), analyzers::Language::kKazakh);  // detected
}

TEST(JsonlReaderTest, AcceptsAnItemWithoutATitleOrWithoutABody) {
  struct Case {
    const char* name;
    nlohmann::json patch;  // merged into kGood; null removes the field
    std::string_view title;
    std::string_view body;
  };
  const Case cases[] = {
      {"title missing", {{"title", nullptr}}, "", "Первый абзац.\n\nВторой абзац."},
      {"title null", {{"title", nullptr}}, "", "Первый абзац.\n\nВторой абзац."},
      {"title empty", {{"title", ""}}, "", "Первый абзац.\n\nВторой абзац."},
      {"title blank", {{"title", " \u00a0 "}}, "", "Первый абзац.\n\nВторой абзац."},
      {"body missing", {{"body", nullptr}}, "Новый мост в Павлодаре", ""},
      {"body empty", {{"body", ""}}, "Новый мост в Павлодаре", ""},
      {"body blank", {{"body", " \r\n\n\t "}}, "Новый мост в Павлодаре", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto record = kGood;
    for (const auto& [key, value] : c.patch.items()) {
      if (value.is_null() && std::string_view(c.name).ends_with("missing")) {
        record.erase(key);
      } else {
        record[key] = value;
      }
    }
    const auto result = read(line(record));
    ASSERT_TRUE(result.issues.empty()) << result.issues[0].reason;
    ASSERT_EQ(result.articles.size(), 1u);
    EXPECT_EQ(result.articles[0].title, c.title);
    EXPECT_EQ(result.articles[0].body, c.body);
    EXPECT_EQ(result.articles[0].id, "kz-1");
    // And the article is one prepare_article() takes.
    const auto prepared = corpus::prepare_article(result.articles[0]);
    ASSERT_TRUE(prepared.has_value()) << prepared.error().message;
  }
}

TEST(JsonlReaderTest, LangOverridesDetection) {
  auto record = kGood;
  record["lang"] = "KK";  // Russian text, but the archive says Kazakh
  const auto result = read(line(record));
  ASSERT_EQ(result.articles.size(), 1u);
  EXPECT_EQ(result.articles[0].language, analyzers::Language::kKazakh);

  record["lang"] = "";  // empty: detect
  EXPECT_EQ(read(line(record)).articles.at(0).language, std::nullopt);
  EXPECT_EQ(indexed_language(read(line(record)).articles.at(0)), analyzers::Language::kRussian);
  record["lang"] = nullptr;
  EXPECT_EQ(read(line(record)).articles.at(0).language, std::nullopt);
  EXPECT_EQ(indexed_language(read(line(record)).articles.at(0)), analyzers::Language::kRussian);
}

TEST(JsonlReaderTest, IgnoresUnknownFields) {
  auto record = kGood;
  record["tags"] = {"a", "b"};
  record["author"] = {{"name", "X"}};
  record["rubric"] = 5;
  const auto result = read(line(record));
  EXPECT_TRUE(result.issues.empty());
  EXPECT_EQ(result.articles.size(), 1u);
}

TEST(JsonlReaderTest, AcceptsOtherDateAndViewsAndIdForms) {
  struct Case {
    nlohmann::json date;
    std::string_view iso;
  };
  const Case cases[] = {
      {"2021-07-01T09:30:00+06:00", "2021-07-01"},
      {"2021-07-01 09:30", "2021-07-01"},
      {"14 Марта, 2019", "2019-03-14"},
      {"2021 жылғы 1 шілде", "2021-07-01"},
      {"01.07.2021", "2021-07-01"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.date.dump());
    auto record = kGood;
    record["date"] = c.date;
    const auto result = read(line(record));
    ASSERT_EQ(result.articles.size(), 1u) << result.issues.at(0).reason;
    EXPECT_EQ(result.articles[0].date->to_iso(), c.iso);
  }

  auto record = kGood;
  record["views"] = "42";
  record["id"] = 17;
  record["date"] = "";
  const auto result = read(line(record));
  ASSERT_EQ(result.articles.size(), 1u);
  EXPECT_EQ(result.articles[0].views, std::optional<std::int64_t>(42));
  EXPECT_EQ(result.articles[0].id, "17");
  EXPECT_EQ(result.articles[0].date, std::nullopt);
}

TEST(JsonlReaderTest, ReportsBadLinesWithPathAndLineNumberAndGoesOn) {
  auto without_text = kGood;
  without_text.erase("title");
  without_text["body"] = " \n ";
  const std::string content = line(kGood) +             // 1
                              "\n" +                    // 2 blank: skipped silently
                              "{\"title\": \"x\",\n" +  // 3 broken JSON
                              line(without_text) +      // 4
                              "   \t\n" +               // 5 blank
                              line(kGood);              // 6
  const auto result = read(content);
  EXPECT_EQ(result.produced, 2u);
  EXPECT_EQ(result.articles.size(), 2u);
  ASSERT_EQ(result.issues.size(), 2u);
  EXPECT_EQ(result.issues[0].location, "archive/news.jsonl:3");
  EXPECT_TRUE(result.issues[0].reason.starts_with("invalid json: ")) << result.issues[0].reason;
  EXPECT_EQ(result.issues[0].reason.find("[json.exception"), std::string::npos);
  EXPECT_EQ(result.issues[1].location, "archive/news.jsonl:4");
  EXPECT_EQ(result.issues[1].reason, "fields \"title\" and \"body\" are both missing or empty");
}

TEST(JsonlReaderTest, ExplainsEachKindOfBadRecord) {
  struct Case {
    const char* name;
    nlohmann::json patch;  // merged into kGood
    std::string_view reason;
  };
  const Case cases[] = {
      {"title number", {{"title", 5}}, "field \"title\" must be a string"},
      {"title and body blank",
       {{"title", " \u00a0 "}, {"body", "\n\n"}},
       "fields \"title\" and \"body\" are both missing or empty"},
      {"title and body null",
       {{"title", nullptr}, {"body", nullptr}},
       "fields \"title\" and \"body\" are both missing or empty"},
      {"title number, body missing",
       {{"title", 5}, {"body", nullptr}},
       "field \"title\" must be a string"},
      {"body array", {{"body", nlohmann::json::array({"a"})}}, "field \"body\" must be a string"},
      {"url number", {{"url", 1}}, "field \"url\" must be a string"},
      {"source object",
       {{"source", nlohmann::json::object({{"a", 1}})}},
       "field \"source\" must be a string"},
      {"id float", {{"id", 1.5}}, "field \"id\" must be a string or an integer"},
      {"id bool", {{"id", true}}, "field \"id\" must be a string or an integer"},
      {"lang unknown", {{"lang", "de"}}, "unknown language \"de\""},
      {"lang number", {{"lang", 7}}, "field \"lang\" must be a string"},
      {"date bad", {{"date", "вчера"}}, "field \"date\" is not a date: \"вчера\""},
      {"date impossible", {{"date", "2021-02-30"}}, "field \"date\" is not a date: \"2021-02-30\""},
      {"date number", {{"date", 20210701}}, "field \"date\" must be a string"},
      {"views negative", {{"views", -1}}, "field \"views\" must be a non-negative integer"},
      {"views float", {{"views", 1.5}}, "field \"views\" must be a non-negative integer"},
      {"views text", {{"views", "1 234"}}, "field \"views\" must be a non-negative integer"},
      {"views huge",
       {{"views", 18446744073709551615ULL}},
       "field \"views\" must be a non-negative integer"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto record = kGood;
    for (const auto& [key, value] : c.patch.items()) record[key] = value;
    const auto article = parse_jsonl_record(record.dump());
    ASSERT_FALSE(article.has_value());
    EXPECT_EQ(article.error().message, c.reason);
  }
}

TEST(JsonlReaderTest, RejectsLinesThatAreNotObjects) {
  for (const char* text : {"[1,2]", "\"text\"", "42", "null"}) {
    SCOPED_TRACE(text);
    const auto article = parse_jsonl_record(text);
    ASSERT_FALSE(article.has_value());
    EXPECT_EQ(article.error().message, "line is not a json object");
  }
  for (const char* text : {"{", "{\"title\":\"a\",\"body\":\"b\"} trailing", "{'title':'a'}",
                           "{\"title\":\"\xFF\",\"body\":\"b\"}"}) {
    SCOPED_TRACE(text);
    const auto article = parse_jsonl_record(text);
    ASSERT_FALSE(article.has_value());
    EXPECT_TRUE(article.error().message.starts_with("invalid json: "));
  }
}

TEST(JsonlReaderTest, ToleratesBomOnTheFirstLineAndCrlf) {
  const std::string content = "\xEF\xBB\xBF" + kGood.dump() + "\r\n\r\n" + kGood.dump() + "\r\n";
  const auto result = read(content);
  EXPECT_TRUE(result.issues.empty());
  EXPECT_EQ(result.articles.size(), 2u);
}

TEST(JsonlReaderTest, LastLineNeedsNoNewline) {
  EXPECT_EQ(read(kGood.dump()).articles.size(), 1u);
  EXPECT_EQ(read("").articles.size(), 0u);
  EXPECT_TRUE(read("\n\n").issues.empty());
}

// Whatever the JSON library throws for a line (a number no double holds, in
// any field, known or not) is that line's skip, never the end of the read.
TEST(JsonlReaderTest, ANumberTooLargeForADoubleSkipsOnlyItsLine) {
  const std::string good = kGood.dump() + "\n";
  const char* const bad_lines[] = {
      R"({"title":"t","body":"b","x":1e400})",
      R"({"title":"t","body":"b","views":1e400})",
      R"({"title":"t","body":"b","x":{"y":[-1e400]}})",
      R"(1e400)",
  };
  for (const char* bad : bad_lines) {
    SCOPED_TRACE(bad);
    const auto result = read(good + bad + "\n" + good);
    EXPECT_EQ(result.articles.size(), 2u);
    ASSERT_EQ(result.issues.size(), 1u);
    EXPECT_EQ(result.issues[0].location, "archive/news.jsonl:2");
    EXPECT_TRUE(result.issues[0].reason.starts_with("invalid json: number overflow"))
        << result.issues[0].reason;
  }
}

TEST(JsonlReaderTest, LinesLongerThanTheCapAreReportedAndSkipped) {
  // A line of exactly `length` bytes: {"title":"t","body":"bbb..."}
  const auto record_of = [](std::size_t length) {
    const std::string frame = R"({"title":"t","body":""})";
    return R"({"title":"t","body":")" + std::string(length - frame.size(), 'b') + "\"}";
  };
  struct Case {
    const char* name;
    std::string content;
    std::size_t articles;
    std::vector<std::string> issues;  // locations
  };
  const std::size_t cap = 100;
  const std::string good = kGood.dump();  // longer than the cap: only in big-cap cases
  const Case cases[] = {
      {"exactly the cap", record_of(cap) + "\n", 1, {}},
      {"one byte over", record_of(cap + 1) + "\n" + record_of(50) + "\n", 1, {"x.jsonl:1"}},
      {"over, last line without newline",
       record_of(50) + "\n" + record_of(cap + 1),
       1,
       {"x.jsonl:2"}},
      {"CRLF does not count", record_of(cap) + "\r\n" + record_of(cap) + "\r\n", 2, {}},
      {"BOM does not count", "\xEF\xBB\xBF" + record_of(cap) + "\n", 1, {}},
      {"far over, across read chunks",
       std::string(300000, 'x') + "\n" + record_of(cap) + "\n",
       1,
       {"x.jsonl:1"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::istringstream input(c.content);
    std::vector<corpus::RawArticle> articles;
    std::vector<ReadIssue> issues;
    read_jsonl(
        input, "x.jsonl", [&](corpus::RawArticle&& a) { articles.push_back(std::move(a)); },
        [&](const ReadIssue& issue) { issues.push_back(issue); }, cap);
    EXPECT_EQ(articles.size(), c.articles);
    std::vector<std::string> locations;
    for (const auto& issue : issues) {
      locations.push_back(issue.location);
      EXPECT_EQ(issue.reason, "line longer than 100 bytes");
    }
    EXPECT_EQ(locations, c.issues);
  }
}

TEST(JsonlReaderTest, TheDefaultCapIsTheRecordCap) {
  const std::string content =
      kGood.dump() + "\n" + std::string(kMaxRecordBytes + 1, ' ') + "x\n" + kGood.dump() + "\n";
  const auto result = read(content);
  EXPECT_EQ(result.articles.size(), 2u);
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].location, "archive/news.jsonl:2");
  EXPECT_EQ(result.issues[0].reason,
            "line longer than " + std::to_string(kMaxRecordBytes) + " bytes");
}

}  // namespace
}  // namespace izdeu::indexer
