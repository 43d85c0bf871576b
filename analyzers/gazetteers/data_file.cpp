#include "analyzers/gazetteers/data_file.h"

#include <cstdio>
#include <cstdlib>

namespace izdeu::analyzers {
namespace {

constexpr std::size_t kMaxExpansions = 256;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v'; }

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

DataFile read_data_file(std::string_view text) {
  DataFile file;
  file.sections.emplace_back();
  // U+FEFF ZERO WIDTH NO-BREAK SPACE as a byte order mark: editors on Windows add it.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t end = text.find('\n');
    std::string_view line = trim(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      if (line.back() != ']') {
        file.errors.push_back({line_number, "a section header must end with ']'"});
        continue;
      }
      DataFileSection section;
      section.line = line_number;
      section.name = std::string(trim(line.substr(1, line.size() - 2)));
      if (section.name.empty()) {
        file.errors.push_back({line_number, "empty section name '[]'"});
        continue;
      }
      file.sections.push_back(std::move(section));
      continue;
    }
    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos || trim(line.substr(0, equals)).empty()) {
      file.errors.push_back(
          {line_number, "expected 'key = value', '[section]' or a '#' comment, got '" +
                            std::string(line) + "'"});
      continue;
    }
    file.sections.back().fields.push_back({line_number, std::string(trim(line.substr(0, equals))),
                                           std::string(trim(line.substr(equals + 1)))});
  }
  return file;
}

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> items;
  while (true) {
    const std::size_t end = value.find(';');
    const std::string_view item = trim(value.substr(0, end));
    if (!item.empty()) items.emplace_back(item);
    if (end == std::string_view::npos) break;
    value.remove_prefix(end + 1);
  }
  return items;
}

std::optional<std::vector<std::string>> expand_alternatives(std::string_view pattern,
                                                            std::string& error) {
  std::vector<std::string> results{std::string()};
  while (!pattern.empty()) {
    const std::size_t open = pattern.find_first_of("{}");
    if (open == std::string_view::npos) {
      for (std::string& result : results) result += pattern;
      break;
    }
    if (pattern[open] == '}') {
      error = "'}' without '{'";
      return std::nullopt;
    }
    for (std::string& result : results) result += pattern.substr(0, open);
    const std::size_t close = pattern.find_first_of("{}", open + 1);
    if (close == std::string_view::npos || pattern[close] == '{') {
      error = close == std::string_view::npos ? "'{' without '}'" : "nested '{'";
      return std::nullopt;
    }
    std::vector<std::string_view> choices;
    std::string_view group = pattern.substr(open + 1, close - open - 1);
    while (true) {
      const std::size_t bar = group.find('|');
      const std::string_view choice = trim(group.substr(0, bar));
      if (choice.empty()) {
        error = "an empty choice in '{...}'";
        return std::nullopt;
      }
      choices.push_back(choice);
      if (bar == std::string_view::npos) break;
      group.remove_prefix(bar + 1);
    }
    if (results.size() * choices.size() > kMaxExpansions) {
      error = "'{...}' groups give more than 256 names";
      return std::nullopt;
    }
    std::vector<std::string> expanded;
    for (const std::string& result : results) {
      for (std::string_view choice : choices) expanded.push_back(result + std::string(choice));
    }
    results = std::move(expanded);
    pattern.remove_prefix(close + 1);
  }
  return results;
}

void abort_on_builtin_errors(std::string_view path, const std::vector<DataFileError>& errors) {
  for (const DataFileError& error : errors) {
    std::fprintf(stderr, "%.*s:%zu: %s\n", static_cast<int>(path.size()), path.data(), error.line,
                 error.message.c_str());
  }
  std::abort();
}

}  // namespace izdeu::analyzers
