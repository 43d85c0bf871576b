#pragma once
// One step of an analysis pipeline.

#include <vector>

#include "analyzers/token.h"

namespace izdeu::analyzers {

/// Rewrites, drops or inserts tokens. Must keep positions non-decreasing and
/// byte offsets unchanged. Implementations hold no mutable state, so one
/// filter may be shared by any number of threads.
class TokenFilter {
 public:
  virtual ~TokenFilter() = default;
  virtual void apply(std::vector<Token>& tokens) const = 0;
};

}  // namespace izdeu::analyzers
