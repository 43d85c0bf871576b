#pragma once
// Helpers shared by the analyzer tests.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/token.h"

namespace izdeu::analyzers::testing_util {

/// Token texts, space-separated, in order.
inline std::string join_texts(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (!out.empty()) out += ' ';
    out += token.text;
  }
  return out;
}

/// Token stems, space-separated, in order ("-" for a token without a stem).
inline std::string join_stems(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (!out.empty()) out += ' ';
    out += token.stem.empty() ? std::string("-") : token.stem;
  }
  return out;
}

inline std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

/// Token texts with their aliases: "нур{нурсултан/2} султан".
inline std::string describe(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (!out.empty()) out += ' ';
    out += token.text;
    for (const Alias& alias : token.aliases) {
      out += '{' + alias.text + '/' + std::to_string(alias.span) + '}';
    }
  }
  return out;
}

/// One row of a stemmer table: a normalized word and the stem it must get.
struct StemCase {
  std::string_view word;  // lower case, as after normalization
  std::string_view stem;
};

/// Shown in test names and failure messages instead of raw bytes.
inline void PrintTo(const StemCase& c, std::ostream* os) { *os << '"' << c.word << '"'; }

}  // namespace izdeu::analyzers::testing_util
