#include "corpus/query/reading_rules.h"

#include "analyzers/script.h"
#include "analyzers/stemmers/russian_endings.h"
#include "analyzers/utf8.h"

namespace izdeu::corpus {

bool is_short_word(std::string_view normalized_word) {
  return analyzers::count_code_points(normalized_word) <= kMaxShortWordLetters;
}
bool is_cross_script_spelling(std::string_view word, std::string_view form) {
  if (word == form) return false;
  const analyzers::WordScript a = analyzers::word_script(word);
  const analyzers::WordScript b = analyzers::word_script(form);
  if (a != b) return true;
  if (a == analyzers::WordScript::kLatin) return true;
  if (a != analyzers::WordScript::kCyrillic) return false;
  return analyzers::has_kazakh_letter(word) != analyzers::has_kazakh_letter(form);
}

bool is_stem_reading(analyzers::Language language, std::string_view stem, std::string_view word,
                     std::string_view form, bool short_word) {
  if (short_word && stem != word) return false;
  if (language != analyzers::Language::kRussian) return true;
  // A Latin word in Russian text is stemmed by the English rules.
  if (analyzers::word_script(form) != analyzers::WordScript::kCyrillic ||
      analyzers::word_script(word) != analyzers::WordScript::kCyrillic) {
    return true;
  }
  return analyzers::is_russian_inflection(stem, word) &&
         analyzers::is_russian_inflection(stem, form);
}

}  // namespace izdeu::corpus
