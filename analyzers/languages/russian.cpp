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

std::unique_ptr<PipelineAnalyzer> make_russian_analyzer() {
  return PipelineAnalyzer::Builder(Language::kRussian)
      .add(std::make_unique<HomoglyphRepairer>(Language::kRussian))  // Latin "a" in Cyrillic words
      .add(std::make_unique<RomanNumeralFilter>())  // "ХХVІ" -> "xxvi" + alias "26"
      .add(std::make_unique<UnicodeNormalizer>())   // NFKC case fold, stress marks, İ -> i
      .add(std::make_unique<YoFolder>())            // "ёлка" and "елка" index alike
      .add(std::make_unique<LengthFilter>(kMaxTokenBytes))
      .add(std::make_unique<KazakhTokenMarker>(Language::kRussian))  // quoted Kazakh stays kk
      .add(std::make_unique<StopWordMarker>())  // per token language: kk "не" yes, ru "не" no
      .stem_with(std::make_unique<StemFilter>(default_stemmers()))
      .add(std::make_unique<LooseKeyFilter>())  // last: Tokayev = Тоқаев = Токаев
      .build();
}

}  // namespace izdeu::analyzers
