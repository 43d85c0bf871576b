#include "analyzers/gazetteers/entity_names.h"

#include <algorithm>

#include "analyzers/gazetteers/data_file.h"
#include "analyzers/text_normalizer.h"

namespace izdeu::analyzers {
namespace {

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = std::min(text.find(' ', begin), text.size());
    if (end > begin) words.emplace_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return words;
}

}  // namespace

bool valid_entity_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

NameRegistry::NameRegistry(std::vector<std::vector<std::string>> equivalents)
    : equivalents_(std::move(equivalents)) {}

bool NameRegistry::expand(std::string_view item, std::vector<NameVariant>& out,
                          std::string& error) const {
  item = trim(item);
  const bool exact = item.starts_with('=');
  if (exact) item = trim(item.substr(1));
  const auto names = expand_alternatives(item, error);
  if (!names) return false;
  for (const std::string& name : *names) {
    // Every combination of interchangeable words, the name as written first.
    std::vector<std::vector<std::string>> choices;
    for (std::string& word : split_words(name)) {
      const auto group = std::find_if(equivalents_.begin(), equivalents_.end(), [&](const auto& g) {
        return std::find(g.begin(), g.end(), word) != g.end();
      });
      std::vector<std::string> options{word};
      if (group != equivalents_.end()) {
        for (const std::string& other : *group) {
          if (other != word) options.push_back(other);
        }
      }
      choices.push_back(std::move(options));
    }
    std::vector<std::pair<std::string, bool>> combined{{"", false}};
    for (const auto& options : choices) {
      std::vector<std::pair<std::string, bool>> next;
      for (const auto& [prefix, swapped] : combined) {
        for (std::size_t o = 0; o < options.size(); ++o) {
          next.emplace_back(prefix + (prefix.empty() ? "" : " ") + options[o], swapped || o > 0);
        }
      }
      combined = std::move(next);
    }
    for (auto& [text, swapped] : combined) out.push_back({std::move(text), exact, swapped});
  }
  return true;
}

std::string NameRegistry::claim(const std::string& key, std::string_view owner) {
  const auto [it, added] = owners_.emplace(key, owner);
  return added || it->second == owner ? std::string() : it->second;
}

}  // namespace izdeu::analyzers
