#include "analyzers/filters/stem_filter.h"

#include <algorithm>

#include "analyzers/script.h"
#include "analyzers/stemmers/russian_name_normalizer.h"

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

void StemFilter::apply(std::vector<Token>& tokens) const {
  for (Token& token : tokens) token.stem = stem_of(token);
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
  add(name_reading(token));
  add(stem_with(token.language == Language::kKazakh ? stemmers_.kazakh : stemmers_.russian,
                token.text));
  return stems;
}

}  // namespace izdeu::analyzers
