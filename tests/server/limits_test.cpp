// Requests refused for their shape (issue 18): bodies over --max-body-bytes
// (413, never kept in memory, the connection kept in step), methods a path
// does not take (405), too many byte ranges (416), too many header fields
// (431), and what httplib itself does with an over-long header line. Raw
// sockets, because httplib's client would not send most of these; every
// request here is at most a few MiB.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "corpus/index/index_writer.h"
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

struct RawResponse {
  int status = 0;
  std::string head;  // status line and header fields
  std::string body;
};

// The responses in `stream`, in order (bodies by Content-Length).
std::vector<RawResponse> parse_responses(const std::string& stream) {
  std::vector<RawResponse> out;
  std::size_t at = 0;
  while (at < stream.size()) {
    const std::size_t end = stream.find("\r\n\r\n", at);
    if (end == std::string::npos || stream.compare(at, 9, "HTTP/1.1 ") != 0) break;
    RawResponse response;
    response.head = stream.substr(at, end - at);
    response.status = std::stoi(stream.substr(at + 9, 3));
    std::size_t length = 0;
    const std::size_t field = response.head.find("\r\nContent-Length: ");
    if (field != std::string::npos) length = std::stoul(response.head.substr(field + 18));
    if (stream.size() < end + 4 + length) break;  // not all here yet
    response.body = stream.substr(end + 4, length);
    out.push_back(response);
    at = end + 4 + length;
  }
  return out;
}

// One connection: sends `head`, then `body_bytes` bytes of 'x' (as chunks of
// 4 KiB when `chunked`, followed by the last chunk), and reads until it has
// `expected` whole responses or the server closes; `then`, if any, is sent
// once the first response is in (httplib 0.11 drops pipelined requests).
// Sending stops early if the server has closed already. It never
// half-closes: httplib 0.11 writes no answer to a peer that has.
std::vector<RawResponse> exchange(int port, const std::string& head, std::size_t body_bytes,
                                  bool chunked, std::size_t expected, const std::string& then) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return {};
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return {};
  }
  timeval timeout{20, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  const auto send_all = [fd](const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  };
  bool open = send_all(head);
  const std::string piece(4096, 'x');
  for (std::size_t sent = 0; open && sent < body_bytes; sent += piece.size()) {
    open = send_all(chunked ? "1000\r\n" + piece + "\r\n" : piece);
  }
  if (open && chunked) send_all("0\r\n\r\n");
  std::string answer;
  std::vector<RawResponse> responses;
  char buffer[65536];
  ssize_t n = 0;
  while (responses.size() < expected && (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) {
    answer.append(buffer, static_cast<std::size_t>(n));
    const bool first = responses.empty();
    responses = parse_responses(answer);
    if (first && !responses.empty() && !then.empty()) send_all(then);
  }
  ::close(fd);
  return responses;
}

void expect_error(const RawResponse& response, int status, const std::string& code,
                  const std::string& where) {
  EXPECT_EQ(response.status, status) << where << "\n" << response.head;
  const json body = json::parse(response.body, nullptr, false);
  ASSERT_TRUE(body.is_object() && body.contains("error")) << where << ": " << response.body;
  EXPECT_EQ(body["error"]["code"], code) << where;
  EXPECT_TRUE(body["error"]["message"].is_string()) << where;
}

class LimitsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    index_dir_ = new TempDir();
    auto writer = corpus::IndexWriter::open(index_dir_->str());
    ASSERT_TRUE(writer);
    ASSERT_TRUE(
        writer->add_or_replace(make_article("l-1", "Сессия ассамблеи", "Сессия прошла в Астане.")));
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() {
    delete index_dir_;
    index_dir_ = nullptr;
  }

  void SetUp() override {
    server_ = std::make_unique<TestServer>(TestServer::config_for({index_dir_->str()}, 2), nullptr);
    ASSERT_TRUE(server_->ok()) << server_->error();
  }

  // The responses to what `head` (and a body of `body_bytes`) asked.
  std::vector<RawResponse> send(const std::string& head, std::size_t body_bytes = 0,
                                bool chunked = false, std::size_t expected = 1,
                                const std::string& then = "") {
    return exchange(server_->port(), head, body_bytes, chunked, expected, then);
  }

  static TempDir* index_dir_;
  std::unique_ptr<TestServer> server_;
};

TempDir* LimitsTest::index_dir_ = nullptr;

// A 1 GiB Content-Length is refused from the header: httplib reads what
// comes and drops it (here 256 KiB, then the client stops), never buffering.
TEST_F(LimitsTest, ContentLengthOverTheLimitIs413) {
  const auto responses = (send(
      "POST /api/v1/search HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n", 256 * 1024));
  ASSERT_EQ(responses.size(), 1u);
  expect_error(responses[0], 413, "payload_too_large", "1 GiB Content-Length");
}

// httplib has no limit of its own on a chunked body; 2 MiB of chunks are
// counted and dropped, and the answer is 413.
TEST_F(LimitsTest, ChunkedBodyOverTheLimitIs413) {
  for (const char* path : {"/api/v1/search", "/no/such/path"}) {
    const auto responses = (send(
        std::string("POST ") + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
        2 * 1024 * 1024, true));
    ASSERT_EQ(responses.size(), 1u) << path;
    expect_error(responses[0], 413, "payload_too_large", path);
  }
}

// A body under the limit is read to its end and dropped, so the request
// after it on the same connection is read as a request, and a body that
// looks like a request is not.
TEST_F(LimitsTest, BodiesUnderTheLimitKeepTheConnectionInStep) {
  const std::string next = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  const std::string chunked_body = "5\r\nhello\r\n0\r\n\r\n";
  const std::pair<std::string, std::string> cases[] = {
      {"Content-Length: 5\r\n\r\nhello", "sized"},
      {"Transfer-Encoding: chunked\r\n\r\n" + chunked_body, "chunked"},
      {"Content-Length: " + std::to_string(next.size()) + "\r\n\r\n" + next, "smuggled"},
  };
  for (const auto& [rest, what] : cases) {
    const auto responses =
        send("POST /api/v1/search HTTP/1.1\r\nHost: x\r\n" + rest, 0, false, 2, next);
    ASSERT_EQ(responses.size(), 2u) << what;
    expect_error(responses[0], 405, "method_not_allowed", what);
    EXPECT_EQ(responses[1].status, 200) << what;
    EXPECT_NE(responses[1].body.find("\"status\":\"ok\""), std::string::npos) << what;
  }
}

TEST_F(LimitsTest, EveryGetPathAnswersOtherMethods405WithAllow) {
  const std::string file = std::string(embedded_files().front().name);
  const std::vector<std::string> paths = {"/", "/static/" + file, "/health", "/metrics",
                                          "/api/v1/people/x"};
  for (const std::string& path : paths) {
    for (const char* method : {"POST", "PUT", "PATCH", "DELETE"}) {
      const auto responses = (send(std::string(method) + " " + path +
                                   " HTTP/1.1\r\nHost: x\r\nContent-Length: "
                                   "2\r\nConnection: close\r\n\r\n{}"));
      ASSERT_EQ(responses.size(), 1u) << method << " " << path;
      expect_error(responses[0], 405, "method_not_allowed", method + (" " + path));
      EXPECT_NE(responses[0].head.find("\r\nAllow: GET, HEAD, OPTIONS"), std::string::npos);
    }
  }
}

std::string range_request(const std::string& path, int ranges) {
  std::string header = "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nRange: bytes=";
  for (int i = 0; i < ranges; ++i) header += i ? ",0-" : "0-";
  return header + "\r\n\r\n";
}

// "0-" is the whole file: 2,700 of them fit an 8 KiB header line and would
// copy it 2,700 times.
TEST_F(LimitsTest, TooManyRangesAre416) {
  const std::string path = "/static/" + std::string(embedded_files().front().name);
  const auto refused = (send(range_request(path, 2700)));
  ASSERT_EQ(refused.size(), 1u);
  expect_error(refused[0], 416, "range_not_satisfiable", "2700 ranges");
  EXPECT_LT(refused[0].body.size(), 200u);

  const auto served = (send(range_request(path, 8)));
  ASSERT_EQ(served.size(), 1u);
  EXPECT_EQ(served[0].status, 206);
  const auto search = (send(range_request("/api/v1/search?q=x", 9)));
  ASSERT_EQ(search.size(), 1u);
  expect_error(search[0], 416, "range_not_satisfiable", "9 ranges on the API");
}

std::string request_with_fields(int fields) {
  std::string head = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
  for (int i = 0; i < fields; ++i) head += "X-F" + std::to_string(i) + ": v\r\n";
  return head + "\r\n";
}

TEST_F(LimitsTest, TooManyHeaderFieldsAre431) {
  const auto refused = (send(request_with_fields(1000)));
  ASSERT_EQ(refused.size(), 1u);
  expect_error(refused[0], 431, "headers_too_large", "1000 fields");
  // 98 plus Host and Connection: the limit exactly.
  const auto served = (send(request_with_fields(98)));
  ASSERT_EQ(served.size(), 1u);
  EXPECT_EQ(served[0].status, 200);
}

// httplib (compiled into Debian's libcpp-httplib with an 8 KiB limit per
// line) refuses a longer header line as a malformed request: 400, not 431.
TEST_F(LimitsTest, AHeaderLineOver8KiBIsHttplibs400) {
  const auto responses =
      (send("GET /health HTTP/1.1\r\nHost: x\r\nX-Long: " + std::string(9000, 'a') + "\r\n\r\n"));
  ASSERT_EQ(responses.size(), 1u);
  expect_error(responses[0], 400, "bad_request", "9000-byte header line");
}

}  // namespace
}  // namespace izdeu::server
