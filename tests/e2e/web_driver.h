#pragma once
// A small W3C WebDriver client for the end-to-end tests: starts
// /usr/bin/chromedriver as a child process and drives headless Chromium
// through chromedriver's HTTP API with cpp-httplib and nlohmann/json (no
// Selenium, no npm). Both objects clean up in their destructors, even when a
// test fails: the session is deleted (Chromium quits) and chromedriver's
// process group is terminated.
//
// Command failures throw WebDriverError; GoogleTest reports an exception that
// escapes a test body as that test's failure, with the message.

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace izdeu::testing {

struct WebDriverError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Key codes of the WebDriver spec for send_keys().
namespace keys {
inline constexpr const char* kEnter = "\xEE\x80\x87";      // U+E007
inline constexpr const char* kEscape = "\xEE\x80\x8C";     // U+E00C
inline constexpr const char* kArrowUp = "\xEE\x80\x93";    // U+E013
inline constexpr const char* kArrowDown = "\xEE\x80\x95";  // U+E015
}  // namespace keys

/// A TCP port on 127.0.0.1 that was free a moment ago.
inline int free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  ::close(fd);
  return port;
}

/// Decodes standard base64 (the screenshot encoding); skips whitespace.
inline std::string base64_decode(const std::string& text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  out.reserve(text.size() * 3 / 4);
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    if (c == '=') break;
    const int v = value(c);
    if (v < 0) continue;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

/// The chromedriver process, in its own process group (Chromium joins it), with
/// HOME pointed at `home` so that nothing is written outside the test's
/// directory. Check ok() before use.
class ChromeDriverProcess {
 public:
  ChromeDriverProcess(const std::string& binary, const std::filesystem::path& home) {
    port_ = free_loopback_port();
    log_path_ = home / "chromedriver.log";
    const std::string port_flag = "--port=" + std::to_string(port_);
    std::vector<std::string> args = {binary, port_flag};
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
      const std::string entry = *e;
      if (entry.rfind("HOME=", 0) == 0 || entry.rfind("XDG_", 0) == 0) continue;
      env.push_back(entry);
    }
    env.push_back("HOME=" + home.string());
    env.push_back("XDG_CONFIG_HOME=" + (home / "config").string());
    env.push_back("XDG_CACHE_HOME=" + (home / "cache").string());

    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path_.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    const int rc =
        ::posix_spawn(&pid_, binary.c_str(), &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (rc != 0) {
      pid_ = 0;
      error_ = "cannot start " + binary + ": " + std::strerror(rc);
      return;
    }
    wait_until_ready();
  }
  ~ChromeDriverProcess() {
    if (pid_ <= 0) return;
    // The group holds chromedriver and any Chromium a failed session left behind.
    ::kill(-pid_, SIGTERM);
    for (int i = 0; i < 40; ++i) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
        ::kill(-pid_, SIGKILL);  // stragglers of the group, if any
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(-pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  ChromeDriverProcess(const ChromeDriverProcess&) = delete;
  ChromeDriverProcess& operator=(const ChromeDriverProcess&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  int port() const { return port_; }

  /// What chromedriver printed so far (for failure messages).
  std::string log() const {
    std::ifstream in(log_path_);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

 private:
  void wait_until_ready() {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(1);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = 0;
        error_ = "chromedriver exited at start:\n" + log();
        return;
      }
      if (auto response = client.Get("/status"); response && response->status == 200) {
        const auto body = nlohmann::json::parse(response->body, nullptr, false);
        if (body.is_object() && body["value"].value("ready", false)) return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    error_ = "chromedriver did not become ready on port " + std::to_string(port_) + ":\n" + log();
  }

  pid_t pid_ = 0;
  int port_ = 0;
  std::filesystem::path log_path_;
  std::string error_;
};

/// One browser session. Element ids are the opaque W3C element references.
class WebDriverSession {
 public:
  WebDriverSession(int driver_port, const nlohmann::json& capabilities)
      : client_("127.0.0.1", driver_port) {
    client_.set_connection_timeout(5);
    client_.set_read_timeout(60);
    const nlohmann::json value =
        request("POST", "/session", {{"capabilities", {{"alwaysMatch", capabilities}}}});
    id_ = value.at("sessionId").get<std::string>();
  }
  ~WebDriverSession() {
    if (id_.empty()) return;
    try {
      client_.Delete(("/session/" + id_).c_str());
    } catch (...) {
      // Chromedriver's process group is killed next anyway.
    }
  }
  WebDriverSession(const WebDriverSession&) = delete;
  WebDriverSession& operator=(const WebDriverSession&) = delete;

  void navigate(const std::string& url) { command("POST", "/url", {{"url", url}}); }
  std::string current_url() { return command("GET", "/url").get<std::string>(); }
  void back() { command("POST", "/back", nlohmann::json::object()); }
  void refresh() { command("POST", "/refresh", nlohmann::json::object()); }

  /// The first element matching `css`, or nullopt.
  std::optional<std::string> find(const std::string& css) {
    const auto ids = find_all(css);
    if (ids.empty()) return std::nullopt;
    return ids.front();
  }
  /// Like find(), but a missing element is an error naming `css`.
  std::string get(const std::string& css) {
    auto id = find(css);
    if (!id) throw WebDriverError("no element matches " + css);
    return *id;
  }
  std::vector<std::string> find_all(const std::string& css) {
    const nlohmann::json value =
        command("POST", "/elements", {{"using", "css selector"}, {"value", css}});
    std::vector<std::string> ids;
    for (const auto& element : value) ids.push_back(element.at(kElementKey).get<std::string>());
    return ids;
  }
  void click(const std::string& element) {
    command("POST", "/element/" + element + "/click", nlohmann::json::object());
  }
  void send_keys(const std::string& element, const std::string& text) {
    command("POST", "/element/" + element + "/value", {{"text", text}});
  }
  void clear(const std::string& element) {
    command("POST", "/element/" + element + "/clear", nlohmann::json::object());
  }
  std::string text(const std::string& element) {
    return command("GET", "/element/" + element + "/text").get<std::string>();
  }

  /// Runs `script` (a function body; `arguments` holds `args`) and returns its value.
  nlohmann::json execute(const std::string& script,
                         const nlohmann::json& args = nlohmann::json::array()) {
    return command("POST", "/execute/sync", {{"script", script}, {"args", args}});
  }

  /// Polls `script` until it returns something truthy, and returns that; throws
  /// naming `what` after `timeout`.
  nlohmann::json wait_for(const std::string& script, const std::string& what,
                          std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      nlohmann::json value = execute(script);
      const bool truthy = !(value.is_null() || value == false || value == 0 || value == "");
      if (truthy) return value;
      if (std::chrono::steady_clock::now() >= deadline) {
        throw WebDriverError("timed out after " + std::to_string(timeout.count()) +
                             " ms waiting for " + what);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(40));
    }
  }

  /// Resizes the window so that the page's viewport is `width` x `height` CSS
  /// pixels (--window-size sets the outer size, browser frame included).
  void set_viewport(int width, int height) {
    const nlohmann::json frame = execute(
        "return [window.outerWidth - window.innerWidth, "
        "window.outerHeight - window.innerHeight]");
    command("POST", "/window/rect",
            {{"width", width + frame[0].get<int>()}, {"height", height + frame[1].get<int>()}});
  }

  /// A PNG of the viewport.
  std::string screenshot() {
    return base64_decode(command("GET", "/screenshot").get<std::string>());
  }

 private:
  static constexpr const char* kElementKey = "element-6066-11e4-a52e-4f735466cecf";

  nlohmann::json command(const std::string& method, const std::string& path,
                         const nlohmann::json& body = nullptr) {
    return request(method, "/session/" + id_ + path, body);
  }

  nlohmann::json request(const std::string& method, const std::string& path,
                         const nlohmann::json& body) {
    httplib::Result response = method == "GET"
                                   ? client_.Get(path.c_str())
                                   : client_.Post(path.c_str(), body.dump(), "application/json");
    if (!response) {
      throw WebDriverError(method + " " + path + ": no answer from chromedriver (" +
                           httplib::to_string(response.error()) + ")");
    }
    const nlohmann::json parsed = nlohmann::json::parse(response->body, nullptr, false);
    if (response->status != 200 || !parsed.is_object() || !parsed.contains("value")) {
      std::string message = response->body.substr(0, 600);
      if (parsed.is_object() && parsed["value"].is_object()) {
        message = parsed["value"].value("error", "") + ": " + parsed["value"].value("message", "");
      }
      throw WebDriverError(method + " " + path + " -> " + std::to_string(response->status) + " " +
                           message.substr(0, 600));
    }
    return parsed["value"];
  }

  httplib::Client client_;
  std::string id_;
};

}  // namespace izdeu::testing
