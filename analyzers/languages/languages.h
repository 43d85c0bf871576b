#pragma once
// The per-language analysis recipes, named by the language registry. Use
// analyzer_for() instead of calling these: each call builds a new pipeline.

#include <memory>

#include "analyzers/pipeline_analyzer.h"

namespace izdeu::analyzers {

std::unique_ptr<PipelineAnalyzer> make_kazakh_analyzer();
std::unique_ptr<PipelineAnalyzer> make_russian_analyzer();
std::unique_ptr<PipelineAnalyzer> make_english_analyzer();

/// The stemmers every recipe shares, the registry's stemmer of each language:
/// the light Kazakh stemmer for Kazakh words, Snowball Russian for Russian
/// words, Snowball English for Latin words (in any document), and the Russian
/// name normalizer for Cyrillic names.
StemmerSet default_stemmers();

}  // namespace izdeu::analyzers
