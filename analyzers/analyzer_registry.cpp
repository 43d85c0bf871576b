// analyzer_for(): one analyzer per language, built on first use.
#include <array>
#include <cstddef>
#include <memory>
#include <mutex>

#include "analyzers/analyzer.h"
#include "analyzers/language_registry.h"
#include "analyzers/pipeline_analyzer.h"

namespace izdeu::analyzers {
namespace {

// One slot per registry row, filled by the row's recipe the first time the
// language is asked for, so a program that never sees English never builds
// its pipeline. call_once makes the first use thread-safe, as the function-
// local statics did before the registry.
struct Slot {
  std::once_flag built;
  std::unique_ptr<PipelineAnalyzer> analyzer;
};

}  // namespace

const Analyzer& analyzer_for(Language language) {
  static std::array<Slot, kLanguageCount> slots;
  const LanguageInfo& info = language_info(language);
  Slot& slot = slots[static_cast<std::size_t>(language)];
  std::call_once(slot.built, [&] { slot.analyzer = info.make_analyzer(); });
  return *slot.analyzer;
}

}  // namespace izdeu::analyzers
