// Analyzer throughput in MB/s on one core, on real news text from
// ../shared/corpus/raw: NTREX-128 (Kazakh and Russian news translations) and
// factRuEval-2016 (Russian news). Run with scripts/bench/analyzers.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

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

// Analyzes `text` line by line, as the indexer analyzes paragraphs; returns
// the number of tokens.
std::size_t analyze_lines(const std::string& text, Language language) {
  std::size_t tokens = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    auto result = analyzer_for(language).analyze(std::string_view(text).substr(begin, end - begin));
    tokens += result.size();
    benchmark::DoNotOptimize(result);
    begin = end + 1;
  }
  return tokens;
}

// `cold`: every iteration runs on a new thread, so the analyzers' per-thread
// word caches start empty, as for a first pass over unseen text. Otherwise the
// caches stay warm across iterations over the same text, which flatters the
// figure; BENCHMARKS.md quotes the cold one.
void run(benchmark::State& state, const std::string& text, Language language, bool cold) {
  if (text.empty()) {
    state.SkipWithError("corpus text not found under ../shared/corpus/raw");
    return;
  }
  std::size_t tokens = 0;
  for (auto _ : state) {
    if (cold) {
      std::thread worker([&] { tokens += analyze_lines(text, language); });
      worker.join();
    } else {
      tokens += analyze_lines(text, language);
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
  run(state, text, Language::kKazakh, state.range(0) != 0);
}

void BM_AnalyzeRussianNews(benchmark::State& state) {
  static const std::string text =
      read_file(kRaw / "ntrex128" / "NTREX-128" / "newstest2019-ref.rus.txt");
  run(state, text, Language::kRussian, state.range(0) != 0);
}

void BM_AnalyzeRussianFactRuEval(benchmark::State& state) {
  static const std::string text = factrueval_text();
  run(state, text, Language::kRussian, state.range(0) != 0);
}

BENCHMARK(BM_AnalyzeKazakhNews)
    ->ArgName("cold")
    ->Arg(1)
    ->Arg(0)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeRussianNews)
    ->ArgName("cold")
    ->Arg(1)
    ->Arg(0)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnalyzeRussianFactRuEval)
    ->ArgName("cold")
    ->Arg(1)
    ->Arg(0)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
