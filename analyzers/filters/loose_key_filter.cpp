#include "analyzers/filters/loose_key_filter.h"

#include <string>
#include <utility>

#include "analyzers/transliteration.h"

namespace izdeu::analyzers {

void LooseKeyFilter::apply(std::vector<Token>& tokens) const {
  for (Token& token : tokens) {
    token.loose = loose_key(token.text);
    token.loose_stem.clear();
    if (token.stem.empty() || token.stem == token.text) continue;
    std::string stem_key = loose_key(token.stem);
    if (stem_key != token.loose) token.loose_stem = std::move(stem_key);
  }
}

}  // namespace izdeu::analyzers
