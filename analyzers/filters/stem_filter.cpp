#include "analyzers/filters/stem_filter.h"

#include <algorithm>

#include "analyzers/script.h"

namespace izdeu::analyzers {
namespace {

std::string stem_with(const std::shared_ptr<const Stemmer>& stemmer, std::string_view word) {
  return stemmer ? stemmer->stem(word) : std::string();
}

}  // namespace

std::string StemFilter::stem_of(const Token& token) const {
  switch (word_script(token.text)) {
    case WordScript::kCyrillic:
      if (token.language == Language::kKazakh) return stem_with(stemmers_.kazakh, token.text);
      if (token.capitalized && stemmers_.russian_names) {
        return stemmers_.russian_names->stem(token.text);
      }
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
  if (token.language == Language::kRussian && word_script(token.text) == WordScript::kCyrillic) {
    for (const auto* stemmer : {stemmers_.russian_names.get(), stemmers_.russian.get()}) {
      if (stemmer == nullptr) continue;
      std::string reading = stemmer->stem(token.text);
      if (!reading.empty() && std::find(stems.begin(), stems.end(), reading) == stems.end()) {
        stems.push_back(std::move(reading));
      }
    }
  }
  return stems;
}

}  // namespace izdeu::analyzers
