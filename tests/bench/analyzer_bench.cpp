// Analyzer throughput in MB/s on one core, on real news text from
// ../shared/corpus/raw: NTREX-128 (Kazakh and Russian news translations) and
// factRuEval-2016 (Russian news). Run with scripts/bench-analyzers.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analyzers/analyzer.h"

namespace {

namespace fs = std::filesystem;
using izdeu::analyzers::analyzer_for;
using izdeu::analyzers::Language;

const fs::path kRaw = fs::path(IZDEU_SHARED_DIR) / "corpus" / "raw";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

// The text of all factRuEval-2016 documents (book_*.txt), about 1 MB.
std::string factrueval_text() {
  std::string text;
  for (const char* part : {"devset", "testset"}) {
    const fs::path dir = kRaw / "factrueval2016" / part;
    if (!fs::exists(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".txt") text += read_file(entry.path()) + "\n";
    }
  }
  return text;
}

void run(benchmark::State& state, const std::string& text, Language language) {
  if (text.empty()) {
    state.SkipWithError("corpus text not found under ../shared/corpus/raw");
    return;
  }
  // Analyze line by line, as the indexer analyzes paragraphs.
  std::size_t tokens = 0;
  for (auto _ : state) {
    std::size_t begin = 0;
    while (begin < text.size()) {
      std::size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      auto result =
          analyzer_for(language).analyze(std::string_view(text).substr(begin, end - begin));
      tokens += result.size();
      benchmark::DoNotOptimize(result);
      begin = end + 1;
    }
  }
  if (tokens == 0) state.SkipWithError("the analyzer produced no tokens");
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}

void BM_AnalyzeKazakhNews(benchmark::State& state) {
  static const std::string text =
      read_file(kRaw / "ntrex128" / "NTREX-128" / "newstest2019-ref.kaz.txt");
  run(state, text, Language::kKazakh);
}

void BM_AnalyzeRussianNews(benchmark::State& state) {
  static const std::string text =
      read_file(kRaw / "ntrex128" / "NTREX-128" / "newstest2019-ref.rus.txt");
  run(state, text, Language::kRussian);
}

void BM_AnalyzeRussianFactRuEval(benchmark::State& state) {
  static const std::string text = factrueval_text();
  run(state, text, Language::kRussian);
}

BENCHMARK(BM_AnalyzeKazakhNews)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeRussianNews)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeRussianFactRuEval)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
