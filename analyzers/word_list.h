#pragma once
// Built-in word lists (stop words, question words, names): sorted sets, and
// lists written as words separated by white space.

#include <algorithm>
#include <span>
#include <string_view>
#include <vector>

namespace izdeu::analyzers {

/// `words` sorted, without duplicates: the form the lists are searched and
/// published in. Called once per list (function-local statics).
inline std::vector<std::string_view> sorted_word_list(std::span<const std::string_view> words) {
  std::vector<std::string_view> out(words.begin(), words.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// Calls `f` with every word of `list`, a built-in list of words separated by
/// spaces and newlines, in order. The views point into `list`.
template <typename F>
void for_each_word(std::string_view list, F&& f) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && (list[i] == ' ' || list[i] == '\n')) ++i;
    std::size_t end = i;
    while (end < list.size() && list[end] != ' ' && list[end] != '\n') ++end;
    if (end > i) f(list.substr(i, end - i));
    i = end;
  }
}

}  // namespace izdeu::analyzers
