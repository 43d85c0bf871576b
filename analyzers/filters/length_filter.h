#pragma once
// Drops over-long words.

#include <cstddef>
#include <vector>

#include "analyzers/token_filter.h"

namespace izdeu::analyzers {

/// Longest word kept, in UTF-8 bytes of the normalized text: 100 bytes is 50
/// Cyrillic letters, twice the longest real Kazakh word forms, and stays well
/// under Xapian's 245-byte term limit with any prefix.
inline constexpr std::size_t kMaxTokenBytes = 100;

/// Drops tokens whose text is longer than `max_bytes` (URL fragments, base64,
/// runs of one letter). The remaining tokens keep their positions, so a
/// dropped word leaves a gap and phrase queries do not match across it.
class LengthFilter : public TokenFilter {
 public:
  explicit LengthFilter(std::size_t max_bytes = kMaxTokenBytes) : max_bytes_(max_bytes) {}
  void apply(std::vector<Token>& tokens) const override;

 private:
  std::size_t max_bytes_;
};

}  // namespace izdeu::analyzers
