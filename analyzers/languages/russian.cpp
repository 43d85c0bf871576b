#include <memory>

#include "analyzers/filters/kazakh_token_marker.h"
#include "analyzers/filters/length_filter.h"
#include "analyzers/filters/stem_filter.h"
#include "analyzers/filters/unicode_normalizer.h"
#include "analyzers/filters/yo_folder.h"
#include "analyzers/languages/languages.h"

namespace izdeu::analyzers {

std::unique_ptr<PipelineAnalyzer> make_russian_analyzer() {
  return PipelineAnalyzer::Builder(Language::kRussian)
      .add(std::make_unique<UnicodeNormalizer>())  // NFKC case fold, stress marks, İ -> i
      .add(std::make_unique<YoFolder>())           // "ёлка" and "елка" index alike
      .add(std::make_unique<LengthFilter>(kMaxTokenBytes))
      .add(std::make_unique<KazakhTokenMarker>(Language::kRussian))  // quoted Kazakh stays kk
      .stem_with(std::make_unique<StemFilter>(default_stemmers()))
      .build();
}

}  // namespace izdeu::analyzers
