#include "analyzers/filters/stem_filter.h"

#include <algorithm>
#include <cstdint>
#include <typeinfo>

#include "analyzers/filters/word_memo.h"
#include "analyzers/script.h"
#include "analyzers/stemmers/kazakh_stemmer.h"
#include "analyzers/stemmers/russian_name_normalizer.h"
#include "analyzers/stemmers/snowball_stemmer.h"

namespace izdeu::analyzers {
namespace {

std::string stem_with(const std::shared_ptr<const Stemmer>& stemmer, std::string_view word) {
  return stemmer ? stemmer->stem(word) : std::string();
}

}  // namespace

// The name reading of a Cyrillic word, empty when it is not a name.
std::string StemFilter::name_reading(const Token& token) const {
  if (!stemmers_.russian_names) return {};
  if (token.language == Language::kKazakh) {
    return RussianNameNormalizer::kazakh_surname_key(token.text);
  }
  return stemmers_.russian_names->stem(token.text);
}

std::string StemFilter::stem_of(const Token& token) const {
  switch (word_script(token.text)) {
    case WordScript::kCyrillic:
      if (token.capitalized) {
        std::string name = name_reading(token);
        if (!name.empty()) return name;
      }
      if (token.language == Language::kKazakh) return stem_with(stemmers_.kazakh, token.text);
      return stem_with(stemmers_.russian, token.text);
    case WordScript::kLatin:
      return stem_with(stemmers_.latin, token.text);
    case WordScript::kNumber:
    case WordScript::kOther:
      return {};
  }
  return {};
}

namespace {

// True when `stemmers` is default_stemmers(): stemmers known to be pure
// functions of the word (no state, no configuration), the same in every
// StemFilter built from them. Only then may stems be memoized across filters
// and calls; any other set (a test's counting mock, say) is always called.
bool is_default_set(const StemmerSet& stemmers) {
  const auto* names = dynamic_cast<const RussianNameNormalizer*>(stemmers.russian_names.get());
  if (stemmers.kazakh == nullptr) return false;
  // typeid of a named reference: clang warns on typeid(*pointer.get()).
  const Stemmer& kazakh = *stemmers.kazakh;
  return typeid(kazakh) == typeid(KazakhStemmer) &&
         stemmers.russian.get() == &SnowballStemmer::russian() && names != nullptr &&
         typeid(*names) == typeid(RussianNameNormalizer) &&
         &names->fallback() == &SnowballStemmer::russian() &&
         stemmers.latin.get() == &SnowballStemmer::english();
}

}  // namespace

void StemFilter::apply(std::vector<Token>& tokens) const {
  if (!is_default_set(stemmers_)) {
    for (Token& token : tokens) token.stem = stem_of(token);
    return;
  }
  // stem_of() reads the text, the language and the capital; memoize on them
  // (Snowball and the name rules are a large share of the pipeline's time).
  thread_local WordMemo<std::string> memo;
  for (Token& token : tokens) {
    const auto context =
        static_cast<std::uint32_t>(token.language) * 2u + (token.capitalized ? 1u : 0u);
    if (const std::string* stem = memo.find(token.text, context)) {
      token.stem = *stem;
    } else {
      token.stem = stem_of(token);
      memo.store(token.text, context) = token.stem;
    }
  }
}

std::vector<std::string> StemFilter::query_stems(const Token& token) const {
  std::vector<std::string> stems;
  std::string first = stem_of(token);
  if (first.empty()) return stems;
  stems.push_back(std::move(first));
  if (word_script(token.text) != WordScript::kCyrillic) return stems;
  const auto add = [&stems](std::string reading) {
    if (!reading.empty() && std::find(stems.begin(), stems.end(), reading) == stems.end()) {
      stems.push_back(std::move(reading));
    }
  };
  const std::string name = name_reading(token);
  add(name);
  std::string common = stem_with(
      token.language == Language::kKazakh ? stemmers_.kazakh : stemmers_.russian, token.text);
  // A Russian surname shape (-ов/-ев/-ин/-ова...) in Kazakh text is a name:
  // a Kazakh stem that cuts into the surname suffix («Сапаров» -> «сапар»,
  // "a trip") would read a person as an ordinary word.
  if (token.language == Language::kKazakh && !name.empty() && common.size() < name.size()) {
    return stems;
  }
  add(std::move(common));
  return stems;
}

}  // namespace izdeu::analyzers
