// The write API over HTTP, in-process against a real index: keys and their
// refusals (401, 403, writes disabled), PUT/POST/DELETE and delete by filter,
// batches with bad items, NDJSON and page dumps, 413, 429 with Retry-After,
// read-your-writes, the metrics, and that an article written over HTTP is
// the document the indexer's preparation makes of the same record.

#include <gtest/gtest.h>

#include <condition_variable>
#include <fstream>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/index/prepare.h"
#include "corpus/search/searcher.h"
#include "formats/article_json.h"
#include "formats/page_dump.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

namespace izdeu::server {
namespace {

using nlohmann::json;
using testing::TempDir;
using testing::TestServer;

constexpr const char* kWriteKey = "write-key-0123456789abcdef";
constexpr const char* kReadKey = "read-key-0123456789abcdefg";
constexpr const char* kAdminKey = "admin-key-0123456789abcdef";

ServerConfig config_with_keys(const std::string& index) {
  ServerConfig config = TestServer::config_for({index}, 4);
  auto keys = ApiKeys::parse(
      std::string(kWriteKey) + " write\n" + kReadKey + " read\n" + kAdminKey + " admin\n", "test");
  EXPECT_TRUE(keys);
  config.keys = *keys;
  return config;
}

httplib::Headers bearer(const std::string& key) { return {{"Authorization", "Bearer " + key}}; }

json body_of(const httplib::Result& result) {
  if (!result) return json();
  return json::parse(result->body, nullptr, false);
}

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

class WriteApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(config_with_keys(dir_.str()), nullptr,
                                           corpus::LiveWriterOptions{});
    ASSERT_TRUE(server_->ok()) << server_->error();
  }
  httplib::Result put(const std::string& id, const std::string& body,
                      const std::string& type = "application/json") {
    auto client = server_->client();
    return client.Put(("/api/v1/documents/" + id).c_str(), bearer(kWriteKey), body, type.c_str());
  }
  httplib::Result post(const std::string& path, const std::string& body,
                       const std::string& type = "application/json") {
    auto client = server_->client();
    return client.Post(path.c_str(), bearer(kWriteKey), body, type.c_str());
  }
  json get_document(const std::string& id) {
    auto client = server_->client();
    return body_of(client.Get(("/api/v1/documents/" + id).c_str()));
  }
  int status_of_get(const std::string& id) {
    auto client = server_->client();
    auto result = client.Get(("/api/v1/documents/" + id).c_str());
    return result ? result->status : 0;
  }

  TempDir dir_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(WriteApiTest, KeysDecideWhoMayWrite) {
  struct Case {
    const char* name;
    httplib::Headers headers;
    int status;
    const char* code;  // "" for success
  };
  const Case cases[] = {
      {"no key", {}, 401, "unauthenticated"},
      {"unknown key", bearer("not-a-key-0123456789abcdef"), 401, "unauthenticated"},
      {"a prefix of a key", bearer("write-key-0123456789"), 401, "unauthenticated"},
      {"empty bearer", {{"Authorization", "Bearer "}}, 401, "unauthenticated"},
      {"read key", bearer(kReadKey), 403, "forbidden"},
      {"write key, Bearer", bearer(kWriteKey), 200, ""},
      {"write key, lower-case scheme",
       {{"Authorization", std::string("bearer ") + kWriteKey}},
       200,
       ""},
      {"write key, X-Izdeu-Key", {{"X-Izdeu-Key", kWriteKey}}, 200, ""},
      {"admin key", bearer(kAdminKey), 200, ""},
  };
  for (const Case& c : cases) {
    auto client = server_->client();
    auto result = client.Put("/api/v1/documents/keyed", c.headers,
                             R"({"title":"Заголовок","body":"Текст"})", "application/json");
    ASSERT_TRUE(result) << c.name;
    EXPECT_EQ(result->status, c.status) << c.name;
    if (c.status != 200) {
      const json body = body_of(result);
      EXPECT_EQ(body["error"]["code"], c.code) << c.name;
      // The key presented is never echoed back.
      EXPECT_EQ(result->body.find("0123456789"), std::string::npos) << c.name;
    }
    if (c.status == 401) {
      EXPECT_TRUE(result->has_header("WWW-Authenticate")) << c.name;
    }
  }
  // Every write endpoint is closed without a key, not only PUT.
  auto client = server_->client();
  EXPECT_EQ(client.Post("/api/v1/documents", "[]", "application/json")->status, 401);
  EXPECT_EQ(client.Post("/api/v1/documents/delete", R"({"ids":["x"]})", "application/json")->status,
            401);
  EXPECT_EQ(client.Delete("/api/v1/documents/keyed")->status, 401);
  EXPECT_EQ(status_of_get("keyed"), 200);  // reads need no key
}

TEST(WriteApi, WithoutAWriteKeyWritesAreDisabledAndReadsOpen) {
  TempDir dir;
  {
    auto writer = corpus::IndexWriter::open(dir.str());
    ASSERT_TRUE(writer);
    corpus::Article article;
    article.id = "old";
    article.title = "Старая статья";
    ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->close());
  }
  TestServer server({dir.str()});  // no keys, no writer: today's read-only server
  ASSERT_TRUE(server.ok()) << server.error();
  auto client = server.client();
  auto put = client.Put("/api/v1/documents/new", bearer(kWriteKey), R"({"title":"Новая"})",
                        "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 403);
  EXPECT_EQ(body_of(put)["error"]["code"], "writes_disabled");
  EXPECT_NE(body_of(put)["error"]["message"].get<std::string>().find("--keys"), std::string::npos);
  EXPECT_EQ(client.Delete("/api/v1/documents/old")->status, 403);
  EXPECT_EQ(client.Get("/api/v1/documents/old")->status, 200);
  EXPECT_EQ(client.Get("/api/v1/search?q=статья")->status, 200);
}

TEST_F(WriteApiTest, PutAddsThenReplacesAndIsReadableAtOnce) {
  auto first = put("kz-1", R"({"title":"Тоқаев Астанада","body":"Президент кездесу өткізді.",
                             "date":"2024-05-01","source":"Kazinform","url":"https://kz/1"})");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(body_of(first), (json{{"id", "kz-1"}, {"status", "indexed"}}));
  // Acknowledged means committed: the next read sees it, no waiting.
  json stored = get_document("kz-1");
  EXPECT_EQ(stored["title"], "Тоқаев Астанада");
  EXPECT_EQ(stored["lang"], "kk");
  EXPECT_EQ(stored["date"], "2024-05-01");

  auto second = put("kz-1?wait=true", R"({"title":"Тоқаев Алматыда","body":"Жаңа мәтін."})");
  ASSERT_TRUE(second);
  EXPECT_EQ(body_of(second), (json{{"id", "kz-1"}, {"status", "replaced"}}));
  EXPECT_EQ(get_document("kz-1")["title"], "Тоқаев Алматыда");
  auto client = server_->client();
  const json search = body_of(client.Get("/api/v1/search?q=Алматыда&facets=none"));
  ASSERT_EQ(search["total"], 1);
  EXPECT_EQ(search["hits"][0]["id"], "kz-1");
  EXPECT_EQ(body_of(client.Get("/api/v1/search?q=Астанада&facets=none"))["total"], 0);
}

TEST_F(WriteApiTest, PutRefusesBadArticles) {
  struct Case {
    const char* name;
    std::string body;
    std::string type;
    const char* message_part;
  };
  const Case cases[] = {
      {"broken json", R"({"title":)", "application/json", "invalid json"},
      {"not an object", R"(["a"])", "application/json", "not a json object"},
      {"no title or body", R"({"url":"https://x"})", "application/json", "both missing"},
      {"title not a string", R"({"title":5})", "application/json", "must be a string"},
      {"unknown language", R"({"title":"x","lang":"xx"})", "application/json", "unknown language"},
      {"bad date", R"({"title":"x","date":"вчера"})", "application/json", "not a date"},
      {"id differs from the path", R"({"id":"other","title":"x"})", "application/json", "differs"},
      {"page dump without a date", "Заголовок\n\nТекст\n", "text/plain", "no date line"},
  };
  for (const Case& c : cases) {
    auto result = put("bad", c.body, c.type);
    ASSERT_TRUE(result) << c.name;
    EXPECT_EQ(result->status, 400) << c.name;
    const json body = body_of(result);
    EXPECT_EQ(body["error"]["code"], "invalid_argument") << c.name;
    EXPECT_NE(body["error"]["message"].get<std::string>().find(c.message_part), std::string::npos)
        << c.name << ": " << body.dump();
  }
  EXPECT_EQ(status_of_get("bad"), 404);
}

TEST_F(WriteApiTest, BatchAnswersEveryItemAndWritesTheGoodOnes) {
  ASSERT_EQ(put("exists", R"({"title":"Было"})")->status, 200);
  const std::string batch = R"([
    {"id":"n1","title":"Выборы в Алматы","body":"Текст о выборах."},
    {"id":"n2"},
    {"id":"exists","title":"Стало"},
    "not an object",
    {"id":42,"body":"Только текст, без заголовка, о спорте в Шымкенте."},
    {"title":"Без id","date":"2021-07-01","source":"Kazinform"}
  ])";
  auto result = post("/api/v1/documents", batch);
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const json body = body_of(result);
  EXPECT_EQ(body["indexed"], 3);
  EXPECT_EQ(body["replaced"], 1);
  EXPECT_EQ(body["failed"], 2);
  const json& items = body["items"];
  ASSERT_EQ(items.size(), 6u);
  const char* expected[] = {"indexed", "error", "replaced", "error", "indexed", "indexed"};
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(items[i]["index"], i);
    EXPECT_EQ(items[i]["status"], expected[i]) << i;
  }
  EXPECT_EQ(items[1]["id"], "n2");
  EXPECT_EQ(items[1]["error"]["code"], "invalid_argument");
  EXPECT_FALSE(items[3].contains("id"));
  EXPECT_EQ(items[4]["id"], "42");
  const std::string derived = items[5]["id"];
  EXPECT_FALSE(derived.empty());
  EXPECT_EQ(get_document("exists")["title"], "Стало");
  EXPECT_EQ(get_document(derived)["title"], "Без id");
  EXPECT_EQ(status_of_get("n2"), 404);
}

TEST_F(WriteApiTest, NdjsonAndPageDumps) {
  const std::string ndjson =
      "\xEF\xBB\xBF{\"id\":\"l1\",\"title\":\"Первая строка\"}\r\n\n"
      "{\"id\":\"l2\",\"title\":\"Вторая строка\"}\n"
      "{broken\n"
      "{\"id\":\"l3\",\"title\":\"Третья строка\"}";
  auto result = post("/api/v1/documents", ndjson, "application/x-ndjson; charset=utf-8");
  ASSERT_TRUE(result);
  const json body = body_of(result);
  EXPECT_EQ(body["indexed"], 3);
  EXPECT_EQ(body["failed"], 1);
  EXPECT_EQ(body["items"][2]["status"], "error");
  EXPECT_EQ(body["items"][3]["id"], "l3");

  // A page dump, as the indexer reads it, through the same parser.
  const std::string dump = read_file(IZDEU_SOURCE_DIR "/tests/fixtures/indexer/page_dump_ru.txt");
  auto posted = post("/api/v1/documents", dump, "text/plain; charset=utf-8");
  ASSERT_TRUE(posted);
  const json answer = body_of(posted);
  ASSERT_EQ(answer["indexed"], 1) << answer.dump();
  const std::string id = answer["items"][0]["id"];
  auto raw = formats::parse_page_dump(dump);
  ASSERT_TRUE(raw);
  auto prepared = corpus::prepare_article(*raw);
  ASSERT_TRUE(prepared);
  EXPECT_EQ(id, prepared->id);
  EXPECT_EQ(get_document(id)["title"], prepared->title);
  // The same dump again replaces, never duplicates.
  EXPECT_EQ(body_of(post("/api/v1/documents", dump, "text/plain"))["replaced"], 1);
  auto put_dump = put("dump-by-put", dump, "text/plain");
  ASSERT_TRUE(put_dump);
  EXPECT_EQ(put_dump->status, 200);
  EXPECT_EQ(get_document("dump-by-put")["title"], prepared->title);
}

TEST_F(WriteApiTest, BatchBodiesThatAreNoBatch) {
  const std::pair<std::string, std::string> cases[] = {
      {"[", "invalid json"},
      {"42", "expected a json array"},
      {"[]", "no articles"},
      {"", "invalid json"},
  };
  for (const auto& [body, message] : cases) {
    auto result = post("/api/v1/documents", body);
    ASSERT_TRUE(result) << body;
    EXPECT_EQ(result->status, 400) << body;
    EXPECT_NE(body_of(result)["error"]["message"].get<std::string>().find(message),
              std::string::npos)
        << body;
  }
}

TEST_F(WriteApiTest, DeletesByIdAndByFilter) {
  const std::string batch = R"([
    {"id":"a-old","title":"Старая А","source":"A","date":"2020-01-01"},
    {"id":"a-new","title":"Новая А","source":"A","date":"2022-01-01"},
    {"id":"b-old","title":"Старая Б","source":"B","date":"2020-01-01"},
    {"id":"b-new","title":"Новая Б","source":"B","date":"2022-01-01"}
  ])";
  ASSERT_EQ(body_of(post("/api/v1/documents", batch))["indexed"], 4);
  auto client = server_->client();
  auto deleted = client.Delete("/api/v1/documents/a-old", bearer(kWriteKey));
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 200);
  EXPECT_EQ(body_of(deleted), (json{{"id", "a-old"}, {"status", "deleted"}}));
  auto again = client.Delete("/api/v1/documents/a-old", bearer(kWriteKey));
  EXPECT_EQ(again->status, 404);
  EXPECT_EQ(body_of(again)["error"]["code"], "not_found");

  auto by_filter = post("/api/v1/documents/delete", R"({"source":"b","before":"2021-01-01"})");
  EXPECT_EQ(body_of(by_filter), (json{{"deleted", 1}}));
  EXPECT_EQ(status_of_get("b-old"), 404);
  EXPECT_EQ(status_of_get("b-new"), 200);

  auto by_ids = post("/api/v1/documents/delete", R"({"ids":["a-new","nobody"]})");
  const json answer = body_of(by_ids);
  EXPECT_EQ(answer["deleted"], 1);
  EXPECT_EQ(answer["items"][0]["status"], "deleted");
  EXPECT_EQ(answer["items"][1]["status"], "not_found");
  EXPECT_EQ(status_of_get("a-new"), 404);

  const std::string refused[] = {
      R"({})",
      R"({"ids":["x"],"source":"A"})",
      R"({"ids":[]})",
      R"({"ids":"x"})",
      R"({"before":"2021-13-01"})",
      R"({"source":""})",
      "[1]",
  };
  for (const std::string& body : refused) {
    auto result = post("/api/v1/documents/delete", body);
    ASSERT_TRUE(result) << body;
    EXPECT_EQ(result->status, 400) << body;
  }
  EXPECT_EQ(status_of_get("b-new"), 200);
}

TEST(WriteApi, BodiesOverTheLimitGet413) {
  TempDir dir;
  ServerConfig config = config_with_keys(dir.str());
  config.max_write_bytes = 2048;
  TestServer server(config, nullptr, corpus::LiveWriterOptions{});
  ASSERT_TRUE(server.ok()) << server.error();
  auto client = server.client();
  const std::string big = R"({"title":")" + std::string(3000, 'x') + R"("})";
  auto result = client.Put("/api/v1/documents/big", bearer(kWriteKey), big, "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413);
  EXPECT_EQ(body_of(result)["error"]["code"], "payload_too_large");
  auto batch =
      client.Post("/api/v1/documents", bearer(kWriteKey), "[" + big + "]", "application/json");
  EXPECT_EQ(batch->status, 413);
  const std::string small = R"({"title":")" + std::string(1000, 'x') + R"("})";
  EXPECT_EQ(
      client.Put("/api/v1/documents/small", bearer(kWriteKey), small, "application/json")->status,
      200);
  // Other paths keep --max-body-bytes: they read no body.
  EXPECT_EQ(client.Post("/api/v1/search", small, "application/json")->status, 405);
}

TEST(WriteApi, AFullWriteQueueGets429WithRetryAfter) {
  TempDir dir;
  std::mutex mutex;
  std::condition_variable changed;
  bool in_flight = false;
  bool release = false;
  corpus::LiveWriterOptions options;
  options.max_pending = 1;
  options.before_group = [&](std::size_t) {
    std::unique_lock lock(mutex);
    in_flight = true;
    changed.notify_all();
    changed.wait(lock, [&] { return release; });
  };
  TestServer server(config_with_keys(dir.str()), nullptr, options);
  ASSERT_TRUE(server.ok()) << server.error();
  auto first = std::async(std::launch::async, [&server] {
    auto client = server.client();
    auto result = client.Put("/api/v1/documents/first", bearer(kWriteKey), R"({"title":"Первая"})",
                             "application/json");
    return result ? result->status : 0;
  });
  {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return in_flight; });
  }
  auto client = server.client();
  auto refused = client.Put("/api/v1/documents/second", bearer(kWriteKey), R"({"title":"Вторая"})",
                            "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 429);
  EXPECT_EQ(body_of(refused)["error"]["code"], "resource_exhausted");
  EXPECT_EQ(refused->get_header_value("Retry-After"), "1");
  {
    std::lock_guard lock(mutex);
    release = true;
    changed.notify_all();
  }
  EXPECT_EQ(first.get(), 200);
  EXPECT_EQ(client.Get("/api/v1/documents/second")->status, 404);
  const std::string metrics = client.Get("/metrics")->body;
  EXPECT_NE(metrics.find("izdeu_write_requests_refused_total 1\n"), std::string::npos);
  EXPECT_NE(metrics.find("izdeu_write_articles_indexed_total 1\n"), std::string::npos);
  EXPECT_NE(metrics.find("izdeu_write_commits_total 1\n"), std::string::npos);
  EXPECT_NE(metrics.find("izdeu_write_last_commit_seconds "), std::string::npos);
  EXPECT_NE(metrics.find("izdeu_write_pending_changes 0\n"), std::string::npos);
}

// An article written over HTTP is the document the indexer makes of the same
// JSONL record: the same preparation, so the same terms and stored data.
TEST_F(WriteApiTest, SamePreparationAsTheIndexer) {
  const std::string record =
      R"({"id":"same","title":"Ассамблея народа Казахстана в Семее","body":"Сапаров Ерлан Нуртаевич выступил в Семипалатинске о языке и образовании.","date":"14 Марта, 2019","views":1024})";
  ASSERT_EQ(put("same", record)->status, 200);
  auto raw = formats::parse_article_json(record);
  ASSERT_TRUE(raw);
  auto prepared = corpus::prepare_document(*raw);
  ASSERT_TRUE(prepared);
  auto searcher = corpus::Searcher::open({dir_.str()});
  ASSERT_TRUE(searcher);
  auto stored = searcher->get_article("same");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->title, prepared->article.title);
  EXPECT_EQ(stored->regions, prepared->article.regions);
  EXPECT_EQ(stored->topics, prepared->article.topics);
  EXPECT_EQ(stored->people, prepared->article.people);
  EXPECT_EQ(stored->language, prepared->article.language);
  Xapian::Database database(dir_.str());
  const Xapian::docid docid = *database.postlist_begin("Qsame");
  std::vector<std::string> written(database.termlist_begin(docid), database.termlist_end(docid));
  std::vector<std::string> expected(prepared->document.termlist_begin(),
                                    prepared->document.termlist_end());
  EXPECT_EQ(written, expected);
  EXPECT_EQ(database.get_document(docid).get_data(), prepared->document.get_data());
}

}  // namespace
}  // namespace izdeu::server
