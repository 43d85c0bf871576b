#pragma once
// Built-in word lists (stop words, question words) as sorted sets.

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

}  // namespace izdeu::analyzers
