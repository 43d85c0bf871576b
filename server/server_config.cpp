#include "server/server_config.h"

#include <charconv>

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
    {"--threads", "IZDEU_THREADS", "N", "HTTP worker threads, 1..256 (default 4)"},
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
  }
  return {};
}

}  // namespace

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
  bool index_from_flags = false;
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
      // Flags replace the environment's index list rather than adding to it.
      parsed.config.index_paths.clear();
      index_from_flags = true;
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
    if (left.size() < 22) left.resize(22, ' ');
    text += left + option.help;
    if (option.env != nullptr) text += std::string(" [env ") + option.env + "]";
    text += '\n';
  }
  return text;
}

}  // namespace izdeu::server
