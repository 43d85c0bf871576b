#include "analyzers/filters/length_filter.h"

namespace izdeu::analyzers {

void LengthFilter::apply(std::vector<Token>& tokens) const {
  std::erase_if(tokens, [this](const Token& token) { return token.text.size() > max_bytes_; });
}

}  // namespace izdeu::analyzers
