#pragma once
// Marks function words; never removes them.

#include <vector>

#include "analyzers/token_filter.h"

namespace izdeu::analyzers {

/// Sets Token::stop_word from is_stop_word(token.text, token.language). The
/// tokens stay in the stream: they are indexed, so phrases keep their
/// positions ("в Алматы"), and the query builder drops them from unquoted
/// queries. Runs after KazakhTokenMarker (the list is chosen per token: Kazakh
/// "не" = "what" is a stop word, Russian "не" = "not" is not) and after
/// UnicodeNormalizer and YoFolder (the lists are lower case with "ё" folded).
class StopWordMarker : public TokenFilter {
 public:
  void apply(std::vector<Token>& tokens) const override;
};

}  // namespace izdeu::analyzers
