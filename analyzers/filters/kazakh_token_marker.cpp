#include "analyzers/filters/kazakh_token_marker.h"

#include "analyzers/language_detector.h"
#include "analyzers/script.h"

namespace izdeu::analyzers {

Language KazakhTokenMarker::language_of(std::string_view word, Language document_language) {
  if (document_language == Language::kKazakh) return Language::kKazakh;
  if (is_kazakh_word(word)) return Language::kKazakh;
  // English has no Cyrillic words: one quoted in English text is Russian
  // (Kazakh ones were caught above). Latin words, numbers and the rest keep
  // the document language, as in a Russian document.
  if (document_language == Language::kEnglish && word_script(word) == WordScript::kCyrillic) {
    return Language::kRussian;
  }
  return document_language;
}

void KazakhTokenMarker::apply(std::vector<Token>& tokens) const {
  for (Token& token : tokens) token.language = language_of(token.text, document_language_);
}

}  // namespace izdeu::analyzers
