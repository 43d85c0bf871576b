#pragma once
// The one-method stemmer interface.

#include <string>
#include <string_view>

namespace izdeu::analyzers {

/// Maps a normalized (lower-case, ё-folded) UTF-8 word to its stem: a string
/// shared by the word's inflected forms, not necessarily a dictionary word.
/// Never fails; a word it cannot handle comes back unchanged. Implementations
/// are safe to call from any number of threads.
class Stemmer {
 public:
  virtual ~Stemmer() = default;
  virtual std::string stem(std::string_view word) const = 0;
};

}  // namespace izdeu::analyzers
