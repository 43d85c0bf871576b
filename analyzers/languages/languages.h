#pragma once
// The per-language analysis recipes. Use analyzer_for() instead of calling
// these: each call builds a new pipeline.

#include <memory>

#include "analyzers/pipeline_analyzer.h"

namespace izdeu::analyzers {

std::unique_ptr<PipelineAnalyzer> make_kazakh_analyzer();
std::unique_ptr<PipelineAnalyzer> make_russian_analyzer();

/// The stemmers both recipes share: the light Kazakh stemmer, Snowball
/// Russian, the Russian name normalizer and Snowball English for Latin words.
StemmerSet default_stemmers();

}  // namespace izdeu::analyzers
