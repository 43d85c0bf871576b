#include "analyzers/filters/kazakh_token_marker.h"

#include "analyzers/language_detector.h"

namespace izdeu::analyzers {

Language KazakhTokenMarker::language_of(std::string_view word, Language document_language) {
  if (document_language == Language::kKazakh) return Language::kKazakh;
  return is_kazakh_word(word) ? Language::kKazakh : Language::kRussian;
}

void KazakhTokenMarker::apply(std::vector<Token>& tokens) const {
  for (Token& token : tokens) token.language = language_of(token.text, document_language_);
}

}  // namespace izdeu::analyzers
