#pragma once
// Golden files (tests/golden/): what a test compares its output with, and the
// one switch that rewrites them instead, IZDEU_UPDATE_GOLDEN=1. A rewritten
// file is reviewed as a diff like code.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace izdeu::testing {

/// True when the run was asked to rewrite golden files (IZDEU_UPDATE_GOLDEN=1)
/// rather than compare with them.
inline bool updating_golden_files() {
  const char* update = std::getenv("IZDEU_UPDATE_GOLDEN");
  return update != nullptr && std::string_view(update) == "1";
}

/// The bytes of `path`, or nullopt when it cannot be read.
inline std::optional<std::string> read_golden_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// Replaces `path` with `content`, creating its directory; false when it cannot.
inline bool write_golden_file(const std::filesystem::path& path, const std::string& content) {
  std::error_code ignored;
  std::filesystem::create_directories(path.parent_path(), ignored);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  return static_cast<bool>(out.flush());
}

}  // namespace izdeu::testing
