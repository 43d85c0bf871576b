// Durability of acknowledged writes (issue 15): clients write articles in
// parallel, single PUTs and batches, while the izdeu-server process is killed
// with SIGKILL at a random moment, several times over. After every restart
// each article the server acknowledged (a 2xx, or "indexed" in a batch) is
// there and unchanged, every article in the index is one a client sent, whole
// (never a mix of two versions or a part), and xapian-check passes.
//
// A real process, not an in-process server: only a killed process shows
// what reached the disk. Bounded: four cycles of at most ~1.5 s of writing.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

extern char** environ;

namespace izdeu::server {
namespace {

using nlohmann::json;
using testing::TempDir;

constexpr const char* kKey = "durability-key-0123456789";

// The article a client sends under `id`: its text is made from the id, so a
// reader can tell a whole article from anything else.
json article_for(const std::string& id) {
  std::string body;
  for (int i = 0; i < 40; ++i) {
    if (i > 0) body += i % 8 == 0 ? "\n\n" : " ";
    body += "Абзац " + std::to_string(i) + " статьи " + id + ".";
  }
  return {{"id", id}, {"title", "Статья " + id}, {"body", body}, {"date", "2024-03-01"}};
}

class ServerProcess {
 public:
  ServerProcess(const std::string& index, const std::string& keys, const std::string& log)
      : log_(log) {
    std::remove(log.c_str());
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> args = {
        IZDEU_SERVER_BINARY, "--index", index,    "--keys", keys, "--port", "0",
        "--threads",         "8",       "--quiet"};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, IZDEU_SERVER_BINARY, &actions, nullptr, argv.data(), environ) != 0) {
      pid_ = -1;
    }
    posix_spawn_file_actions_destroy(&actions);
  }
  ~ServerProcess() { kill9(); }

  // The port from the start-up line, waiting up to 20 s; 0 on failure.
  int wait_for_port() {
    for (int i = 0; i < 400 && pid_ > 0; ++i) {
      std::ifstream file(log_);
      std::stringstream text;
      text << file.rdbuf();
      const std::string log = text.str();
      const std::string mark = "listening on http://127.0.0.1:";
      if (const auto at = log.find(mark); at != std::string::npos) {
        return std::stoi(log.substr(at + mark.size()));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return 0;
  }
  void kill9() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  std::string log() const {
    std::ifstream file(log_);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
  }

 private:
  std::string log_;
  pid_t pid_ = -1;
};

httplib::Client client_for(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(5);
  client.set_read_timeout(30);
  client.set_default_headers({{"Authorization", std::string("Bearer ") + kKey}});
  return client;
}

TEST(Kill9Durability, AcknowledgedWritesSurviveSigkill) {
  TempDir dir;
  const std::string index = (dir.path() / "index").string();
  const std::string keys = (dir.path() / "keys").string();
  std::ofstream(keys) << kKey << " write\n";
  std::random_device seed_source;
  const unsigned seed = seed_source();
  std::mt19937 random(seed);
  SCOPED_TRACE("seed " + std::to_string(seed));

  std::set<std::string> acknowledged;  // over all cycles
  std::set<std::string> sent;
  for (int cycle = 0; cycle < 4; ++cycle) {
    ServerProcess server(index, keys, (dir.path() / "server.log").string());
    const int port = server.wait_for_port();
    ASSERT_NE(port, 0) << server.log();

    // Whatever earlier cycles had acknowledged is there after the restart.
    {
      auto client = client_for(port);
      for (const std::string& id : acknowledged) {
        auto result = client.Get(("/api/v1/documents/" + id).c_str());
        ASSERT_TRUE(result);
        ASSERT_EQ(result->status, 200) << "acknowledged " << id << " lost, cycle " << cycle;
        const json stored = json::parse(result->body);
        const json expected = article_for(id);
        ASSERT_EQ(stored["title"], expected["title"]) << id;
        ASSERT_EQ(stored["body"], expected["body"]) << id;
      }
      // Every article in the index is one a client sent, and whole.
      auto health = client.Get("/health");
      ASSERT_TRUE(health);
      const std::uint64_t documents = json::parse(health->body)["documents"];
      std::uint64_t present = 0;
      for (const std::string& id : sent) {
        auto result = client.Get(("/api/v1/documents/" + id).c_str());
        ASSERT_TRUE(result);
        if (result->status == 404) continue;
        ASSERT_EQ(result->status, 200);
        ++present;
        const json stored = json::parse(result->body);
        const json expected = article_for(id);
        EXPECT_EQ(stored["title"], expected["title"]) << id;
        EXPECT_EQ(stored["body"], expected["body"]) << id;
      }
      EXPECT_EQ(documents, present) << "articles nobody sent, cycle " << cycle;
    }

    // Four writers: two PUT one article at a time, two POST batches of 10.
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
      writers.emplace_back([&, w] {
        auto client = client_for(port);
        for (int n = 0; !stop; ++n) {
          const std::string prefix =
              "c" + std::to_string(cycle) + "-w" + std::to_string(w) + "-" + std::to_string(n);
          if (w < 2) {
            {
              std::lock_guard lock(mutex);
              sent.insert(prefix);
            }
            auto result = client.Put(("/api/v1/documents/" + prefix).c_str(),
                                     article_for(prefix).dump(), "application/json");
            if (!result) return;  // the server is gone
            if (result->status == 200) {
              std::lock_guard lock(mutex);
              acknowledged.insert(prefix);
            }
          } else {
            json batch = json::array();
            {
              std::lock_guard lock(mutex);
              for (int i = 0; i < 10; ++i) {
                const std::string id = prefix + "-" + std::to_string(i);
                sent.insert(id);
                batch.push_back(article_for(id));
              }
            }
            auto result = client.Post("/api/v1/documents", batch.dump(), "application/json");
            if (!result) return;
            if (result->status != 200) continue;
            const json answer = json::parse(result->body);
            std::lock_guard lock(mutex);
            for (const json& item : answer["items"]) {
              if (item["status"] == "indexed" || item["status"] == "replaced") {
                acknowledged.insert(item["id"].get<std::string>());
              }
            }
          }
        }
      });
    }
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(200, 1500)(random)));
    server.kill9();
    stop = true;
    for (auto& writer : writers) writer.join();

    const auto check = testing::run_command("xapian-check '" + index + "'");
    ASSERT_EQ(check.exit_code, 0) << check.output;
  }
  EXPECT_GT(acknowledged.size(), 0u);
  std::cerr << "kill -9 test: " << acknowledged.size() << " acknowledged of " << sent.size()
            << " sent over 4 kills, all present\n";
}

}  // namespace
}  // namespace izdeu::server
