#pragma once
// ё -> е.

#include <string>
#include <vector>

#include "analyzers/token_filter.h"

namespace izdeu::analyzers {

/// Replaces "ё" with "е" (and "Ё" with "Е"), because Russian writing omits the
/// dots most of the time: "ёлка" and "елка" must index alike. Runs after
/// UnicodeNormalizer (which keeps "ё"). Byte lengths do not change.
class YoFolder : public TokenFilter {
 public:
  void apply(std::vector<Token>& tokens) const override;

  /// Folds one word in place.
  static void fold(std::string& word);
};

}  // namespace izdeu::analyzers
