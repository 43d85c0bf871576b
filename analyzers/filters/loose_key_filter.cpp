#include "analyzers/filters/loose_key_filter.h"

#include <string>
#include <utility>

#include "analyzers/filters/word_memo.h"
#include "analyzers/transliteration.h"

namespace izdeu::analyzers {

namespace {

// The keys of one (text, stem) pair.
struct Keys {
  std::string stem;  // the stem they were computed with (part of the memo key)
  std::string loose;
  std::string loose_stem;
};

}  // namespace

void LooseKeyFilter::apply(std::vector<Token>& tokens) const {
  // The keys are pure functions of the text and the stem, and news repeats
  // its words: memoize them per thread (two loose_key() calls per token were
  // the largest single cost of the pipeline).
  thread_local WordMemo<Keys> memo;
  for (Token& token : tokens) {
    if (const Keys* keys = memo.find(token.text, 0); keys != nullptr && keys->stem == token.stem) {
      token.loose = keys->loose;
      token.loose_stem = keys->loose_stem;
      continue;
    }
    token.loose = loose_key(token.text);
    token.loose_stem.clear();
    if (!token.stem.empty() && token.stem != token.text) {
      std::string stem_key = loose_key(token.stem);
      if (stem_key != token.loose) token.loose_stem = std::move(stem_key);
    }
    Keys& stored = memo.store(token.text, 0);
    stored.stem = token.stem;
    stored.loose = token.loose;
    stored.loose_stem = token.loose_stem;
  }
}

}  // namespace izdeu::analyzers
