#pragma once
// Reading the judged sets of tests/data/ (precision/judged.tsv,
// ranking/judged.tsv): tab-separated rows, comma-separated id lists.

#include <sstream>
#include <string>
#include <vector>

namespace izdeu::testing {

/// `text` split at every `separator`; a trailing separator gives a last empty
/// part, so "a\tb\t" has three fields.
inline std::vector<std::string> split_fields(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

/// The non-empty ids of a comma-separated list.
inline std::vector<std::string> id_list(const std::string& field) {
  std::vector<std::string> out;
  for (auto& id : split_fields(field, ',')) {
    if (!id.empty()) out.push_back(std::move(id));
  }
  return out;
}

}  // namespace izdeu::testing
