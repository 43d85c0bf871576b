#include "analyzers/filters/stop_word_marker.h"

#include "analyzers/stop_words.h"

namespace izdeu::analyzers {

void StopWordMarker::apply(std::vector<Token>& tokens) const {
  for (Token& token : tokens) token.stop_word = is_stop_word(token.text, token.language);
}

}  // namespace izdeu::analyzers
