#include <memory>

#include "analyzers/filters/homoglyph_repairer.h"
#include "analyzers/filters/kazakh_token_marker.h"
#include "analyzers/filters/length_filter.h"
#include "analyzers/filters/loose_key_filter.h"
#include "analyzers/filters/roman_numeral_filter.h"
#include "analyzers/filters/stem_filter.h"
#include "analyzers/filters/stop_word_marker.h"
#include "analyzers/filters/unicode_normalizer.h"
#include "analyzers/filters/yo_folder.h"
#include "analyzers/languages/languages.h"

namespace izdeu::analyzers {

// English news about Kazakhstan quotes Russian and Kazakh words and spells
// local names in Latin letters, so the recipe keeps every filter the other two
// have: Cyrillic words in it are read as Kazakh or Russian, and the loose key
// makes "Tokayev" match «Тоқаев» and «Токаев».
std::unique_ptr<PipelineAnalyzer> make_english_analyzer() {
  return PipelineAnalyzer::Builder(Language::kEnglish)
      .add(std::make_unique<HomoglyphRepairer>(Language::kEnglish))  // Latin "a" in Cyrillic words
      // "World War II" -> "ii" + alias "2"; the lone pronoun "I" stays a word.
      .add(std::make_unique<RomanNumeralFilter>(RomanNumeralFilter::LoneI::kPronoun))
      .add(std::make_unique<UnicodeNormalizer>())  // NFKC case fold, İ -> i
      .add(std::make_unique<YoFolder>())           // quoted Russian words: "ё" and "е" alike
      .add(std::make_unique<LengthFilter>(kMaxTokenBytes))
      .add(std::make_unique<KazakhTokenMarker>(Language::kEnglish))  // Cyrillic words: kk or ru
      .add(std::make_unique<StopWordMarker>())  // per token language: "the" yes, «не» (ru) no
      .stem_with(std::make_unique<StemFilter>(default_stemmers()))  // Latin words: Snowball English
      .add(std::make_unique<LooseKeyFilter>())  // last: Tokayev = Тоқаев = Токаев
      .build();
}

}  // namespace izdeu::analyzers
