#pragma once
// Snowball (libstemmer) stemmers.

#include <string>
#include <string_view>

#include "analyzers/stemmers/stemmer.h"

namespace izdeu::analyzers {

/// A Snowball algorithm from libstemmer (Debian's Snowball 2.2, which folds
/// "ё" itself; Xapian 1.4.22's copy does not). Expects lower-case input.
/// Thread-safe: libstemmer objects are not, so each thread lazily creates its
/// own, once per algorithm.
class SnowballStemmer : public Stemmer {
 public:
  enum class Algorithm { kRussian, kEnglish };

  explicit SnowballStemmer(Algorithm algorithm) : algorithm_(algorithm) {}

  /// Shared instances that live for the whole program.
  static const SnowballStemmer& russian();
  static const SnowballStemmer& english();

  std::string stem(std::string_view word) const override;

 private:
  Algorithm algorithm_;
};

}  // namespace izdeu::analyzers
