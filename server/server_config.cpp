#include "server/server_config.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <string_view>
#include <thread>

namespace izdeu::server {
namespace {

using corpus::invalid_argument;
using corpus::Result;

struct Option {
  const char* flag;
  const char* env;
  const char* value_name;  // nullptr for switches
  const char* help;
};

// The one table of settings: the parser and --help both read it.
constexpr Option kOptions[] = {
    {"--index", "IZDEU_INDEX", "DIR",
     "index directory; repeat to search several shards as one (required)"},
    {"--host", "IZDEU_HOST", "ADDR", "address to listen on (default 127.0.0.1)"},
    {"--port", "IZDEU_PORT", "N", "port to listen on, 0 for any free port (default 8080)"},
    {"--threads", "IZDEU_THREADS", "N",
     "HTTP worker threads, 1..256, each with its own index handle; default: the hardware "
     "threads, at least 8"},
    {"--max-connections", "IZDEU_MAX_CONNECTIONS", "N",
     "connections served at once, 1..4096 and at least --threads; a connection that sends "
     "nothing (idle keep-alive, slow headers) holds one but never a worker's index handle "
     "(default 512)"},
    {"--cors-origin", "IZDEU_CORS_ORIGIN", "ORIGIN",
     "let pages from ORIGIN (https://host[:port], a comma list, or *) call the API from a "
     "browser; repeatable; default: none"},
    {"--max-body-bytes", "IZDEU_MAX_BODY_BYTES", "N",
     "largest request body, 0..1048576 bytes; larger ones get 413 (default 4096; the API "
     "reads no body)"},
    {"--keys", "IZDEU_KEYS_FILE", "FILE",
     "API keys, one a line with its rights: KEY read|write|admin (see README); without a "
     "write key the write API is disabled. IZDEU_KEYS may hold the same lines, ';'-separated"},
    {"--max-write-bytes", "IZDEU_MAX_WRITE_BYTES", "N",
     "largest write request body, 1024..1073741824 bytes; larger ones get 413 (default "
     "33554432)"},
    {"--max-pending-writes", "IZDEU_MAX_PENDING_WRITES", "N",
     "articles waiting for a commit beyond which writes get 429 (default 4096)"},
    {"--quiet", nullptr, nullptr, "no access log on stderr"},
    {"--help", nullptr, nullptr, "show this help"},
};

Result<long> parse_number(const std::string& flag, const std::string& text, long min, long max) {
  long value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || value < min ||
      value > max) {
    return invalid_argument(flag + " must be a number from " + std::to_string(min) + " to " +
                            std::to_string(max) + ", got '" + text + "'");
  }
  return value;
}

std::string lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// An origin as browsers send it in the Origin header: scheme "://" host
// [":" port], nothing after. A trailing slash or a path would never match a
// real Origin header, so it is refused here instead of failing silently.
Result<std::string> parse_origin(const std::string& text) {
  if (text == "*") return text;
  const std::string origin = lower(text);
  const auto bad = [&text](const std::string& why) {
    return invalid_argument("--cors-origin '" + text + "' " + why +
                            "; expected * or scheme://host[:port], e.g. https://portal.kz");
  };
  const std::size_t scheme_end = origin.find("://");
  if (scheme_end == std::string::npos) return bad("has no scheme");
  const std::string scheme = origin.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return bad("is not http or https");
  const std::string authority = origin.substr(scheme_end + 3);
  if (authority.empty()) return bad("has no host");
  if (authority.find_first_of("/?#@ \t") != std::string::npos) return bad("has a path or user");
  // The port is what follows the last ':' unless that ':' is inside an IPv6 "[...]".
  const std::size_t colon = authority.rfind(':');
  if (colon != std::string::npos && authority.find(']', colon) == std::string::npos) {
    const std::string port = authority.substr(colon + 1);
    long number = 0;
    auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (port.empty() || ec != std::errc() || ptr != port.data() + port.size() || number < 1 ||
        number > 65535 || colon == 0) {
      return bad("has a bad port");
    }
  }
  return origin;
}

Result<void> add_origins(ServerConfig& config, const std::string& value) {
  bool any = false;
  std::size_t begin = 0;
  while (begin <= value.size()) {
    std::size_t end = value.find(',', begin);
    if (end == std::string::npos) end = value.size();
    std::string item = value.substr(begin, end - begin);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty()) {
      auto origin = parse_origin(item);
      if (!origin) return origin.error();
      if (std::find(config.cors_origins.begin(), config.cors_origins.end(), *origin) ==
          config.cors_origins.end()) {
        config.cors_origins.push_back(*origin);
      }
      any = true;
    }
    begin = end + 1;
  }
  if (!any) return invalid_argument("--cors-origin needs an origin, got '" + value + "'");
  return {};
}

Result<void> apply(ServerConfig& config, const std::string& flag, const std::string& value) {
  if (flag == "--index") {
    config.index_paths.push_back(value);
  } else if (flag == "--host") {
    if (value.empty()) return invalid_argument("--host must not be empty");
    config.host = value;
  } else if (flag == "--port") {
    auto port = parse_number(flag, value, 0, 65535);
    if (!port) return port.error();
    config.port = static_cast<int>(*port);
  } else if (flag == "--threads") {
    auto threads = parse_number(flag, value, 1, 256);
    if (!threads) return threads.error();
    config.threads = static_cast<std::size_t>(*threads);
  } else if (flag == "--max-connections") {
    auto connections = parse_number(flag, value, 1, 4096);
    if (!connections) return connections.error();
    config.max_connections = static_cast<std::size_t>(*connections);
  } else if (flag == "--cors-origin") {
    return add_origins(config, value);
  } else if (flag == "--keys") {
    std::ifstream file(value, std::ios::binary);
    if (!file) return invalid_argument("--keys: cannot read '" + value + "'");
    std::ostringstream text;
    text << file.rdbuf();
    auto keys = ApiKeys::parse(text.str(), value);
    if (!keys) return keys.error();
    config.keys.merge(*keys);
  } else if (flag == "--max-write-bytes") {
    auto bytes = parse_number(flag, value, 1024, 1L << 30);
    if (!bytes) return bytes.error();
    config.max_write_bytes = static_cast<std::size_t>(*bytes);
  } else if (flag == "--max-pending-writes") {
    auto count = parse_number(flag, value, 1, 1000000);
    if (!count) return count.error();
    config.max_pending_writes = static_cast<std::size_t>(*count);
  } else if (flag == "--max-body-bytes") {
    auto bytes = parse_number(flag, value, 0, static_cast<long>(kMaxMaxBodyBytes));
    if (!bytes) return bytes.error();
    config.max_body_bytes = static_cast<std::size_t>(*bytes);
  }
  return {};
}

}  // namespace

std::size_t default_threads() {
  return std::max<std::size_t>(8, std::thread::hardware_concurrency());
}

Result<ParsedArgs> parse_server_args(
    const std::vector<std::string>& args,
    const std::function<std::string(const std::string&)>& environment) {
  ParsedArgs parsed;
  for (const Option& option : kOptions) {
    if (option.env == nullptr) continue;
    const std::string value = environment(option.env);
    if (value.empty()) continue;
    if (auto applied = apply(parsed.config, option.flag, value); !applied) return applied.error();
  }
  if (const std::string lines = environment("IZDEU_KEYS"); !lines.empty()) {
    auto keys = ApiKeys::parse(lines, "IZDEU_KEYS");
    if (!keys) return keys.error();
    parsed.config.keys.merge(*keys);
  }
  // Repeatable flags replace the environment's list rather than adding to it.
  bool index_from_flags = false;
  bool origins_from_flags = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string flag = args[i];
    std::string value;
    bool has_inline_value = false;
    if (auto eq = flag.find('='); flag.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
      has_inline_value = true;
    }
    const Option* option = nullptr;
    for (const Option& candidate : kOptions) {
      if (flag == candidate.flag) option = &candidate;
    }
    if (option == nullptr) return invalid_argument("unknown option '" + args[i] + "'");
    if (option->value_name == nullptr) {
      if (flag == "--help") parsed.show_help = true;
      if (flag == "--quiet") parsed.config.quiet = true;
      continue;
    }
    if (!has_inline_value) {
      if (i + 1 >= args.size()) return invalid_argument(flag + " needs a value");
      value = args[++i];
    }
    if (flag == "--index" && !index_from_flags) {
      parsed.config.index_paths.clear();
      index_from_flags = true;
    }
    if (flag == "--cors-origin" && !origins_from_flags) {
      parsed.config.cors_origins.clear();
      origins_from_flags = true;
    }
    if (auto applied = apply(parsed.config, flag, value); !applied) return applied.error();
  }
  if (!parsed.show_help && parsed.config.index_paths.empty()) {
    return invalid_argument("--index DIR is required");
  }
  return parsed;
}

std::string server_usage() {
  std::string text = "usage: izdeu-server --index DIR [options]\n\noptions:\n";
  for (const Option& option : kOptions) {
    std::string left = std::string("  ") + option.flag;
    if (option.value_name != nullptr) left += std::string(" ") + option.value_name;
    left.resize(std::max<std::size_t>(left.size() + 1, 24), ' ');
    text += left + option.help;
    if (std::string_view(option.flag) == "--threads") {
      text += " (" + std::to_string(default_threads()) + " here)";
    }
    if (option.env != nullptr) text += std::string(" [env ") + option.env + "]";
    text += '\n';
  }
  return text;
}

}  // namespace izdeu::server
