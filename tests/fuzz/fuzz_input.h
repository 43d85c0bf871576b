#pragma once
// Helpers shared by the libFuzzer harnesses: the fuzzer's bytes as text, and
// a split of one input into several fields (so that one input can drive a
// request with many parameters).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace izdeu::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// `text` split at every '\n' (the separator fuzzers learn quickly); always
/// at least `count` fields, the missing ones empty.
inline std::vector<std::string> split_fields(std::string_view text, std::size_t count) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      fields.emplace_back(text.substr(start));
      break;
    }
    fields.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (fields.size() < count) fields.resize(count);
  return fields;
}

}  // namespace izdeu::fuzz
