// Slow and idle clients (issue 18): connections that send nothing, or trickle
// their headers, must not stop service. ConnectionPool on its own, then the
// server on loopback with 200 trickling connections and 64 idle keep-alive
// ones open, and the same with the pool capped as httplib's fixed pool was.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "corpus/index/index_writer.h"
#include "server/connection_pool.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"
#include "tests/support/test_server.h"

namespace izdeu::server {
namespace {

using namespace std::chrono_literals;
using testing::make_article;
using testing::TempDir;
using testing::TestServer;

// Waits until `done` holds, for at most ~10 s (a generous bound on a loaded
// machine; the tests assert what happens, not how fast).
template <typename Predicate>
bool eventually(Predicate done) {
  for (int i = 0; i < 1000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return done();
}

TEST(ConnectionPoolTest, GrowsPastItsBaseWhenEveryThreadIsBusyAndShrinksBackWhenIdle) {
  ConnectionPool pool(2, 4, 50ms);
  EXPECT_EQ(pool.threads(), 2u);
  std::mutex mutex;
  std::condition_variable release;
  bool go = false;
  std::atomic<int> started = 0, finished = 0;
  const auto blocking = [&] {
    ++started;
    std::unique_lock lock(mutex);
    release.wait(lock, [&] { return go; });
    ++finished;
  };
  for (int i = 0; i < 5; ++i) pool.enqueue(blocking);
  // Four run at once (the cap); the fifth waits for one of them.
  ASSERT_TRUE(eventually([&] { return started == 4; }));
  EXPECT_EQ(pool.threads(), 4u);
  EXPECT_EQ(pool.queued(), 1u);
  {
    std::lock_guard lock(mutex);
    go = true;
  }
  release.notify_all();
  ASSERT_TRUE(eventually([&] { return finished == 5; }));
  EXPECT_EQ(pool.peak_threads(), 4u);
  // The two extra threads leave after 50 ms without work; the base stays.
  EXPECT_TRUE(eventually([&] { return pool.threads() == 2; })) << pool.threads();
}

TEST(ConnectionPoolTest, ShutdownRunsWhatIsQueuedAndJoinsEveryThread) {
  std::atomic<int> ran = 0;
  {
    ConnectionPool pool(1, 1);
    for (int i = 0; i < 20; ++i) pool.enqueue([&] { ++ran; });
    pool.shutdown();
    EXPECT_EQ(pool.threads(), 0u);
  }
  EXPECT_EQ(ran, 20);
}

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool send_text(int fd, const std::string& text) {
  return ::send(fd, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
}

// Connections that hold the server's threads: `trickling` ones send a
// request line and then one header line every second, never finishing;
// `idle` ones make one keep-alive request and then send nothing.
class Abusers {
 public:
  Abusers(int port, int trickling, int idle) {
    for (int i = 0; i < trickling; ++i) {
      const int fd = connect_to(port);
      if (fd >= 0 && send_text(fd, "GET /health HTTP/1.1\r\nHost: x\r\n")) trickling_.push_back(fd);
    }
    for (int i = 0; i < idle; ++i) {
      const int fd = connect_to(port);
      if (fd < 0) continue;
      idle_.push_back(fd);
      send_text(fd, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    trickle_ = std::thread([this] {
      int line = 0;
      while (!stop_) {
        for (const int fd : trickling_) send_text(fd, "X-Slow-" + std::to_string(line) + ": 1\r\n");
        ++line;
        for (int i = 0; i < 10 && !stop_; ++i) std::this_thread::sleep_for(100ms);
      }
    });
  }
  ~Abusers() {
    stop_ = true;
    trickle_.join();
    for (const int fd : trickling_) ::close(fd);
    for (const int fd : idle_) ::close(fd);
  }
  std::size_t trickling() const { return trickling_.size(); }
  std::size_t idle() const { return idle_.size(); }

 private:
  std::vector<int> trickling_, idle_;
  std::atomic<bool> stop_ = false;
  std::thread trickle_;
};

class SlowClientsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    index_dir_ = new TempDir();
    auto writer = corpus::IndexWriter::open(index_dir_->str());
    ASSERT_TRUE(writer);
    ASSERT_TRUE(
        writer->add_or_replace(make_article("s-1", "Сессия ассамблеи", "Сессия прошла в Астане.")));
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() {
    delete index_dir_;
    index_dir_ = nullptr;
  }
  static TempDir* index_dir_;
};
TempDir* SlowClientsTest::index_dir_ = nullptr;

TEST_F(SlowClientsTest, HealthAndSearchAnswerWhile200TricklingAnd64IdleConnectionsAreOpen) {
  // Two workers, as a small machine would have; max_connections as default.
  ServerConfig config = TestServer::config_for({index_dir_->str()}, 2);
  ASSERT_EQ(config.max_connections, kDefaultMaxConnections);
  TestServer server(config, nullptr);
  ASSERT_TRUE(server.ok()) << server.error();
  Abusers abusers(server.port(), 200, 64);
  ASSERT_EQ(abusers.trickling(), 200u);
  ASSERT_EQ(abusers.idle(), 64u);
  std::this_thread::sleep_for(1500ms);  // a trickled header line or two

  httplib::Client client = server.client();
  client.set_read_timeout(10);
  for (const char* path : {"/health", "/api/v1/search?q=%D1%81%D0%B5%D1%81%D1%81%D0%B8%D1%8F"}) {
    const auto response = client.Get(path);
    ASSERT_TRUE(response) << path << ": " << httplib::to_string(response.error());
    EXPECT_EQ(response->status, 200) << path;
  }
}

// The control: with the pool capped at the worker count (httplib's fixed
// pool), the same abuse on a smaller scale stops service; the test above
// would catch a return to that.
TEST_F(SlowClientsTest, APoolCappedAtTheWorkersIsStoppedByAsManyTricklingConnections) {
  ServerConfig config = TestServer::config_for({index_dir_->str()}, 2);
  config.max_connections = 2;
  TestServer server(config, nullptr);
  ASSERT_TRUE(server.ok()) << server.error();
  Abusers abusers(server.port(), 2, 0);
  std::this_thread::sleep_for(500ms);
  httplib::Client client = server.client();
  client.set_read_timeout(3);
  const auto response = client.Get("/health");
  EXPECT_FALSE(response) << "answered " << response->status;
}

// httplib's own socket options set SO_REUSEPORT, under which a second server
// binds the same port and takes part of its connections.
TEST_F(SlowClientsTest, ASecondServerCannotBindAPortInUse) {
  TestServer first(TestServer::config_for({index_dir_->str()}, 1), nullptr);
  ASSERT_TRUE(first.ok()) << first.error();
  ServerConfig config = TestServer::config_for({index_dir_->str()}, 1);
  config.host = "127.0.0.1";
  config.port = first.port();
  auto pool = corpus::SearcherPool::open(config.index_paths, 1);
  ASSERT_TRUE(pool);
  HttpServer second(config, *pool, nullptr);
  const auto bound = second.bind();
  ASSERT_FALSE(bound) << "bound port " << *bound;
  EXPECT_NE(bound.error().message.find("address in use"), std::string::npos)
      << bound.error().message;
}

}  // namespace
}  // namespace izdeu::server
