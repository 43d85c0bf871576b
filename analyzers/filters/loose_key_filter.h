#pragma once
// Fills Token::loose and Token::loose_stem.

#include <vector>

#include "analyzers/token_filter.h"

namespace izdeu::analyzers {

/// Sets Token::loose to loose_key(text) (transliteration.h: one ASCII key for
/// the Cyrillic kk/ru and every Latin spelling of a word: Тоқаев, Токаев,
/// Tokayev -> "tokaev"), and Token::loose_stem to the loose key of the stem
/// when the stem is not empty and its key differs from `loose`, else empty.
/// Numbers get empty keys. Runs last, after the stem filter.
class LooseKeyFilter : public TokenFilter {
 public:
  void apply(std::vector<Token>& tokens) const override;
};

}  // namespace izdeu::analyzers
