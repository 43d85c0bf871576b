// analyzer_for(): one analyzer per language, built on first use.
#include "analyzers/analyzer.h"
#include "analyzers/languages/languages.h"

namespace izdeu::analyzers {

const Analyzer& analyzer_for(Language language) {
  // Function-local statics: built once, thread-safely (C++11 "magic statics"),
  // and only for the languages actually used.
  switch (language) {
    case Language::kKazakh: {
      static const std::unique_ptr<PipelineAnalyzer> kazakh = make_kazakh_analyzer();
      return *kazakh;
    }
    case Language::kRussian:
      break;
  }
  static const std::unique_ptr<PipelineAnalyzer> russian = make_russian_analyzer();
  return *russian;
}

}  // namespace izdeu::analyzers
