// What every response does besides its JSON: CORS for the portal's pages,
// gzip, ETag and Cache-Control on the page's files, keep-alive, the one error
// body on every error answer (httplib's own included), and the one JSON
// serializer. In-process server over a small index written here.

#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "corpus/index/index_writer.h"
#include "server/api_json.h"
#include "server/static_assets.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"
#include "tests/support/test_server.h"

namespace izdeu::server {
namespace {

using nlohmann::json;
using testing::make_article;
using testing::TempDir;
using testing::TestServer;

// Inflates a gzip stream (zlib: windowBits 16 + MAX_WBITS accepts only the
// gzip wrapper). Returns nullopt for anything that is not complete gzip.
std::optional<std::string> gunzip(const std::string& data) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) return std::nullopt;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buffer[16384];
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END) return std::nullopt;
  return out;
}

// q=сессия, percent-encoded as a browser sends it.
constexpr const char* kSearch = "/api/v1/search?q=%D1%81%D0%B5%D1%81%D1%81%D0%B8%D1%8F";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class HttpMannersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    index_dir_ = new TempDir();
    auto writer = corpus::IndexWriter::open(index_dir_->str());
    ASSERT_TRUE(writer);
    for (int i = 0; i < 12; ++i) {
      ASSERT_TRUE(writer->add_or_replace(make_article(
          "m-" + std::to_string(i), "Сессия ассамблеи номер " + std::to_string(i),
          "Сессия прошла в Астане. Выступили делегаты из всех областей, обсуждали медиацию, "
          "языки и общественное согласие; номер заседания " +
              std::to_string(i) + ".")));
    }
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() {
    delete index_dir_;
    index_dir_ = nullptr;
  }

  // A server with `origins` as --cors-origin gave them (already parsed).
  std::unique_ptr<TestServer> start(std::vector<std::string> origins = {},
                                    std::ostream* log = nullptr) {
    ServerConfig config = TestServer::config_for({index_dir_->str()}, 2);
    config.cors_origins = std::move(origins);
    auto server = std::make_unique<TestServer>(config, log);
    EXPECT_TRUE(server->ok()) << server->error();
    return server;
  }

  static TempDir* index_dir_;
};

TempDir* HttpMannersTest::index_dir_ = nullptr;

struct CorsCase {
  std::vector<std::string> configured;
  std::string origin;  // empty: no Origin header
  const char* allow;   // expected Access-Control-Allow-Origin, "" for none
  const char* vary;
};

TEST_F(HttpMannersTest, CorsHeadersFollowTheConfiguredOrigins) {
  const std::vector<std::string> list = {"https://portal.kz", "http://localhost:8000"};
  const CorsCase cases[] = {
      {{}, "https://portal.kz", "", "Accept-Encoding"},
      {{}, "", "", "Accept-Encoding"},
      {{"*"}, "https://anyone.example", "*", "Accept-Encoding"},
      {{"*"}, "", "", "Accept-Encoding"},
      {list, "https://portal.kz", "https://portal.kz", "Origin, Accept-Encoding"},
      {list, "http://localhost:8000", "http://localhost:8000", "Origin, Accept-Encoding"},
      // Echoed as sent: the browser compares it with its own serialization.
      {list, "HTTPS://Portal.KZ", "HTTPS://Portal.KZ", "Origin, Accept-Encoding"},
      {list, "https://portal.kz.evil.example", "", "Origin, Accept-Encoding"},
      {list, "http://portal.kz", "", "Origin, Accept-Encoding"},
      {list, "http://localhost:8001", "", "Origin, Accept-Encoding"},
      {list, "", "", "Origin, Accept-Encoding"},
  };
  for (const CorsCase& c : cases) {
    auto server = start(c.configured);
    auto client = server->client();
    httplib::Headers headers;
    if (!c.origin.empty()) headers.emplace("Origin", c.origin);
    // A routed answer and an error answer carry the same headers.
    for (const char* target : {kSearch, "/no/such/path"}) {
      auto response = client.Get(target, headers);
      ASSERT_TRUE(response) << target;
      const std::string where = std::string(target) + " origin '" + c.origin + "'";
      EXPECT_EQ(response->get_header_value("Access-Control-Allow-Origin"), c.allow) << where;
      EXPECT_EQ(response->has_header("Access-Control-Allow-Origin"), *c.allow != '\0') << where;
      EXPECT_EQ(response->get_header_value("Vary"), c.vary) << where;
      EXPECT_EQ(response->get_header_value_count("Vary"), 1u) << where;
    }
  }
}

TEST_F(HttpMannersTest, PreflightFromAnAllowedOriginIsAnswered204) {
  auto server = start({"https://portal.kz"});
  auto client = server->client();
  auto response = client.Options("/api/v1/search", {{"Origin", "https://portal.kz"},
                                                    {"Access-Control-Request-Method", "GET"},
                                                    {"Access-Control-Request-Headers", "accept"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 204);
  EXPECT_TRUE(response->body.empty());
  EXPECT_FALSE(response->has_header("Content-Length"));
  EXPECT_EQ(response->get_header_value("Access-Control-Allow-Origin"), "https://portal.kz");
  EXPECT_EQ(response->get_header_value("Access-Control-Allow-Methods"), "GET, HEAD, OPTIONS");
  EXPECT_NE(response->get_header_value("Access-Control-Allow-Headers").find("Accept"),
            std::string::npos);
  EXPECT_EQ(response->get_header_value("Access-Control-Max-Age"), "86400");
  EXPECT_EQ(response->get_header_value("Vary"), "Origin, Accept-Encoding");
}

TEST_F(HttpMannersTest, PreflightFromOtherOriginsGetsNoCorsHeaders) {
  struct Case {
    std::vector<std::string> configured;
    const char* origin;
  };
  const Case cases[] = {{{"https://portal.kz"}, "https://evil.example"}, {{}, "https://portal.kz"}};
  for (const Case& c : cases) {
    auto server = start(c.configured);
    auto client = server->client();
    auto response = client.Options(
        "/api/v1/search", {{"Origin", c.origin}, {"Access-Control-Request-Method", "GET"}});
    ASSERT_TRUE(response) << c.origin;
    EXPECT_EQ(response->status, 204) << c.origin;
    EXPECT_EQ(response->get_header_value("Allow"), "GET, HEAD, OPTIONS");
    for (const char* header : {"Access-Control-Allow-Origin", "Access-Control-Allow-Methods",
                               "Access-Control-Allow-Headers", "Access-Control-Max-Age"}) {
      EXPECT_FALSE(response->has_header(header)) << header << " for " << c.origin;
    }
  }
}

TEST_F(HttpMannersTest, GzipWhenTheClientAcceptsIt) {
  auto server = start();
  auto client = server->client();
  client.set_decompress(false);  // see the bytes on the wire
  const std::string search = std::string(kSearch) + "&per_page=12";
  for (const char* target : {search.c_str(), "/api/v1/documents/m-3", "/metrics", "/"}) {
    auto plain = client.Get(target);
    ASSERT_TRUE(plain) << target;
    ASSERT_EQ(plain->status, 200) << target;
    EXPECT_FALSE(plain->has_header("Content-Encoding")) << target;

    auto zipped = client.Get(target, {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(zipped) << target;
    ASSERT_EQ(zipped->status, 200) << target;
    EXPECT_EQ(zipped->get_header_value("Content-Encoding"), "gzip") << target;
    EXPECT_EQ(zipped->get_header_value("Content-Length"), std::to_string(zipped->body.size()));
    auto inflated = gunzip(zipped->body);
    ASSERT_TRUE(inflated) << target << ": not a gzip stream";
    if (std::string(target).rfind("/api/", 0) == 0) {
      json a = json::parse(plain->body), b = json::parse(*inflated);
      a.erase("took_ms");  // the one field that differs between two searches
      b.erase("took_ms");
      EXPECT_EQ(a, b) << target;
      EXPECT_LT(zipped->body.size(), plain->body.size()) << target;
    } else if (std::string(target) == "/") {
      EXPECT_EQ(*inflated, plain->body);
    } else {
      EXPECT_NE(inflated->find("izdeu_index_documents 12"), std::string::npos);
    }
  }
}

TEST_F(HttpMannersTest, BrotliToClientsThatPreferIt) {
  auto server = start();
  auto client = server->client();
  client.set_decompress(false);
  auto plain = client.Get("/api/v1/documents/m-1");
  auto br = client.Get("/api/v1/documents/m-1", {{"Accept-Encoding", "br, gzip"}});
  ASSERT_TRUE(plain && br);
  EXPECT_EQ(br->get_header_value("Content-Encoding"), "br");
  EXPECT_NE(br->body, plain->body);

  auto decoding = server->client();  // httplib decodes br and gzip itself
  auto decoded = decoding.Get("/api/v1/documents/m-1", {{"Accept-Encoding", "br"}});
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->body, plain->body);
}

// The test knows the page's files only from the disk, so it also proves that
// the build embedded whatever is in server/static/ (and nothing stale).
TEST_F(HttpMannersTest, EveryFileInServerStaticIsServedWithTypeEtagAndCacheControl) {
  auto server = start();
  auto client = server->client();
  client.set_decompress(false);
  const std::filesystem::path dir = std::filesystem::path(IZDEU_SOURCE_DIR) / "server" / "static";
  std::set<std::string> on_disk;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    const std::string name = std::filesystem::relative(entry.path(), dir).generic_string();
    if (!entry.is_regular_file() || name.front() == '.' || name.find("/.") != std::string::npos) {
      continue;
    }
    on_disk.insert(name);
    auto response = client.Get("/static/" + name);
    ASSERT_TRUE(response) << name;
    ASSERT_EQ(response->status, 200) << name;
    EXPECT_EQ(response->body, read_file(entry.path())) << name;
    EXPECT_EQ(response->get_header_value("Content-Type"), content_type_for(name)) << name;
    EXPECT_EQ(response->get_header_value("Cache-Control"), "no-cache") << name;
    const std::string etag = response->get_header_value("ETag");
    EXPECT_EQ(etag.size(), std::string("W/\"0123456789abcdef\"").size()) << etag;
    EXPECT_EQ(etag.rfind("W/\"", 0), 0u) << etag;
  }
  EXPECT_TRUE(on_disk.count("index.html"));
  std::set<std::string> embedded;
  for (const EmbeddedFile& file : embedded_files()) embedded.insert(std::string(file.name));
  EXPECT_EQ(embedded, on_disk) << "re-run the build: server/static/ changed since";

  auto root = client.Get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->body, read_file(dir / "index.html"));
  EXPECT_EQ(root->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(root->get_header_value("ETag"), find_static_asset("index.html")->etag);
}

TEST_F(HttpMannersTest, MatchingIfNoneMatchGets304WithoutBody) {
  auto server = start();
  auto client = server->client();
  auto first = client.Get("/static/index.html");
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  const std::string strong = etag.substr(2);  // the same tag without W/

  struct Case {
    std::string if_none_match;
    int status;
  };
  const Case cases[] = {
      {etag, 304},
      {strong, 304},  // If-None-Match compares weakly
      {"*", 304},
      {"W/\"other\", " + etag, 304},
      {"W/\"other\"", 200},
      {"\"" + etag + "\"", 200},
      {"", 200},
  };
  for (const Case& c : cases) {
    for (const char* target : {"/", "/static/index.html"}) {
      httplib::Headers headers;
      if (!c.if_none_match.empty()) headers.emplace("If-None-Match", c.if_none_match);
      auto response = client.Get(target, headers);
      ASSERT_TRUE(response);
      EXPECT_EQ(response->status, c.status) << target << " If-None-Match: " << c.if_none_match;
      EXPECT_EQ(response->get_header_value("ETag"), etag);
      EXPECT_EQ(response->get_header_value("Cache-Control"), "no-cache");
      if (c.status == 304) {
        EXPECT_TRUE(response->body.empty());
        EXPECT_FALSE(response->has_header("Content-Length"));
      }
    }
  }
}

TEST_F(HttpMannersTest, UnknownStaticNamesAre404Json) {
  auto server = start();
  auto client = server->client();
  for (const char* target : {"/static/nope.js", "/static/../CMakeLists.txt", "/static/%2e%2e/x",
                             "/static/index.html/"}) {
    auto response = client.Get(target);
    ASSERT_TRUE(response) << target;
    EXPECT_EQ(response->status, 404) << target;
    auto body = json::parse(response->body, nullptr, false);
    EXPECT_EQ(body["error"]["code"], "not_found") << target << " " << response->body;
  }
}

// remote_port in the access log tells connections apart.
std::vector<int> logged_ports(const std::string& log) {
  std::vector<int> ports;
  std::istringstream lines(log);
  std::string line;
  while (std::getline(lines, line)) ports.push_back(json::parse(line)["remote_port"].get<int>());
  return ports;
}

TEST_F(HttpMannersTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  std::ostringstream log;
  auto server = start({}, &log);
  {
    auto client = server->client();
    client.set_keep_alive(true);
    for (const char* target : {"/health", kSearch, "/static/index.html"}) {
      auto response = client.Get(target);
      ASSERT_TRUE(response) << target;
      EXPECT_EQ(response->status, 200) << target;
      EXPECT_EQ(response->get_header_value("Keep-Alive"), "timeout=5, max=100") << target;
      EXPECT_FALSE(response->has_header("Connection")) << target;
    }
  }
  server.reset();  // joins the server threads: the log is complete
  const auto ports = logged_ports(log.str());
  ASSERT_EQ(ports.size(), 3u) << log.str();
  EXPECT_EQ(std::set<int>(ports.begin(), ports.end()).size(), 1u) << log.str();
}

TEST_F(HttpMannersTest, ConnectionCloseIsHonoured) {
  std::ostringstream log;
  auto server = start({}, &log);
  for (int i = 0; i < 2; ++i) {
    auto client = server->client();  // keep-alive off: sends Connection: close
    auto response = client.Get("/health");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->get_header_value("Connection"), "close");
  }
  server.reset();
  const auto ports = logged_ports(log.str());
  ASSERT_EQ(ports.size(), 2u);
  EXPECT_NE(ports[0], ports[1]);
}

// The error body: exactly {"error":{"code","message"}}, both strings.
void expect_error_body(const httplib::Response& response, int status, const char* code,
                       const std::string& where) {
  EXPECT_EQ(response.status, status) << where;
  EXPECT_EQ(response.get_header_value("Content-Type"), "application/json") << where;
  const json body = json::parse(response.body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << where << ": " << response.body;
  ASSERT_EQ(body.size(), 1u) << where << ": " << response.body;
  ASSERT_TRUE(body.contains("error")) << where << ": " << response.body;
  const json& error = body["error"];
  ASSERT_TRUE(error.is_object() && error.size() == 2u) << where << ": " << response.body;
  EXPECT_EQ(error["code"], code) << where;
  EXPECT_TRUE(error["message"].is_string() && !error["message"].get<std::string>().empty())
      << where;
}

TEST_F(HttpMannersTest, MethodsOtherThanGetOnAnApiRouteGet405Json) {
  auto server = start();
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
    for (const char* path : {"/api/v1/search", "/api/v1/suggest", "/api/v1/documents/m-1"}) {
      auto client = server->client();
      httplib::Request request;
      request.method = method;
      request.path = path;
      if (std::string(method) != "DELETE") request.body = "{}";
      request.set_header("Content-Type", "application/json");
      auto response = client.send(request);
      const std::string where = std::string(method) + " " + path;
      ASSERT_TRUE(response) << where;
      // PUT and DELETE of a document are the write API's (write_api_test):
      // without a write key they are refused as such, not as unknown methods.
      const bool write_route = std::string(path) == "/api/v1/documents/m-1" &&
                               (std::string(method) == "PUT" || std::string(method) == "DELETE");
      if (write_route) {
        expect_error_body(*response, 403, "writes_disabled", where);
        continue;
      }
      expect_error_body(*response, 405, "method_not_allowed", where);
      EXPECT_EQ(response->get_header_value("Allow"), "GET, HEAD, OPTIONS") << where;
    }
  }
  // A path no route serves stays 404 whatever the method.
  auto client = server->client();
  auto response = client.Post("/api/v1/nothing", "{}", "application/json");
  ASSERT_TRUE(response);
  expect_error_body(*response, 404, "not_found", "POST /api/v1/nothing");
}

TEST_F(HttpMannersTest, AnswersHttplibMakesGetTheErrorBodyToo) {
  auto server = start();
  auto client = server->client();
  auto unrouted = client.Get("/api/v2/search");
  ASSERT_TRUE(unrouted);
  expect_error_body(*unrouted, 404, "not_found", "unrouted");
  EXPECT_EQ(json::parse(unrouted->body)["error"]["message"], "no such endpoint: /api/v2/search");

  // A request line over 8 KiB: httplib refuses it (414) before routing; it is
  // answered as the 400 of a too long query.
  auto long_line = client.Get("/api/v1/search?q=" + std::string(9000, 'a'));
  ASSERT_TRUE(long_line);
  expect_error_body(*long_line, 400, "invalid_argument", "long request line");
  EXPECT_EQ(json::parse(long_line->body)["error"]["message"],
            "request line too long: a query may have at most 2000 characters and 64 terms");

  // A method httplib does not know: 400, before any handler.
  httplib::Request unknown;
  unknown.method = "BREW";
  unknown.path = "/api/v1/search";
  auto brew = client.send(unknown);
  ASSERT_TRUE(brew);
  expect_error_body(*brew, 400, "bad_request", "BREW");
}

// One dump() renders every JSON answer: UTF-8 as is, and bytes that are not
// UTF-8 replaced by U+FFFD REPLACEMENT CHARACTER, never an exception.
TEST(OneDumpTest, RendersUtf8AsIsAndReplacesInvalidBytes) {
  const std::pair<json, std::string> cases[] = {
      {json("сессия"), "\"сессия\""},
      {json("Қазақстан «елі»"), "\"Қазақстан «елі»\""},
      {json("a\xff"), "\"a\xEF\xBF\xBD\""},
      {json("\xD0"), "\"\xEF\xBF\xBD\""},  // a cut two-byte sequence
      {json("tab\there"), "\"tab\\there\""},
      {json{{"b", 1}, {"a", nullptr}}, R"({"a":null,"b":1})"},
  };
  for (const auto& [value, text] : cases) EXPECT_EQ(dump(value), text);
  EXPECT_EQ(error_json("not_found", "x\xff"),
            "{\"error\":{\"code\":\"not_found\",\"message\":\"x\xEF\xBF\xBD\"}}");
  EXPECT_EQ(health_json(12), R"({"documents":12,"status":"ok"})");
}

TEST_F(HttpMannersTest, InvalidUtf8InARequestIsAnsweredAsValidJson) {
  auto server = start();
  auto client = server->client();
  const std::string replacement = "\xEF\xBF\xBD";
  struct Case {
    const char* target;
    int status;
    const char* field;  // "query" or "error.message"
    std::string contains;
  };
  const Case cases[] = {
      // The query is repaired before searching and echoed repaired.
      {"/api/v1/search?q=%D1%81%D0%B5%D1%81%D1%81%D0%B8%D1%8F%20%FF", 200, "query",
       "сессия " + replacement},
      // A message quoting the raw bytes of a bad parameter.
      {"/api/v1/search?q=x&lang=%FF", 400, "error.message", "got '" + replacement + "'"},
      {"/api/v1/search?q=x&sort=%C3", 400, "error.message", "got '" + replacement + "'"},
      {"/api/v1/mentions?person=x&format=%FE", 400, "error.message", "got '" + replacement + "'"},
      {"/api/v1/suggest?q=%FF", 200, "query", replacement},
  };
  for (const Case& c : cases) {
    auto response = client.Get(c.target);
    // Suggestions are built in the background after the server starts.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (response && response->status == 503 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      response = client.Get(c.target);
    }
    ASSERT_TRUE(response) << c.target;
    EXPECT_EQ(response->status, c.status) << c.target << ": " << response->body;
    const json body = json::parse(response->body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << c.target;
    const json& value = std::string(c.field) == "query" ? body["query"] : body["error"]["message"];
    ASSERT_TRUE(value.is_string()) << c.target << ": " << response->body;
    EXPECT_NE(value.get<std::string>().find(c.contains), std::string::npos)
        << c.target << ": " << response->body;
  }
}

}  // namespace
}  // namespace izdeu::server
