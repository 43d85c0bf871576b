// What index-time entity tagging costs next to analysis: the region
// gazetteer and the topic taxonomy over tokens already analyzed, the person
// recognizer over the text (and, of that, its own word splitting), on real news
// text from ../shared/corpus/raw (NTREX-128 Kazakh and Russian), cut into
// 15-line "articles". Run with scripts/bench/entities.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/gazetteers/builtin_data.h"
#include "analyzers/gazetteers/region_gazetteer.h"
#include "analyzers/gazetteers/topic_taxonomy.h"
#include "analyzers/people/name_tokenizer.h"
#include "analyzers/people/person_recognizer.h"

namespace {

namespace fs = std::filesystem;
using izdeu::analyzers::analyzer_for;
using izdeu::analyzers::Language;
using izdeu::analyzers::RegionGazetteer;
using izdeu::analyzers::Token;
using izdeu::analyzers::TopicTaxonomy;

const fs::path kNtrex = fs::path(IZDEU_SHARED_DIR) / "corpus" / "raw" / "ntrex128" / "NTREX-128";
constexpr std::size_t kLinesPerArticle = 15;

struct Article {
  std::string text;
  std::vector<Token> tokens;
};

std::vector<Article> articles(const fs::path& path, Language language) {
  std::ifstream in(path, std::ios::binary);
  std::vector<Article> result;
  std::string line;
  std::size_t lines = 0;
  while (std::getline(in, line)) {
    if (lines++ % kLinesPerArticle == 0) result.emplace_back();
    result.back().text += line + "\n";
  }
  for (Article& article : result) article.tokens = analyzer_for(language).analyze(article.text);
  return result;
}

const std::vector<Article>& corpus(Language language) {
  static const std::vector<Article> kazakh =
      articles(kNtrex / "newstest2019-ref.kaz.txt", Language::kKazakh);
  static const std::vector<Article> russian =
      articles(kNtrex / "newstest2019-ref.rus.txt", Language::kRussian);
  return language == Language::kKazakh ? kazakh : russian;
}

template <typename Step>
void run(benchmark::State& state, Language language, Step step) {
  const std::vector<Article>& texts = corpus(language);
  if (texts.empty()) {
    state.SkipWithError("NTREX-128 text not found under ../shared/corpus/raw");
    return;
  }
  std::int64_t bytes = 0;
  for (const Article& article : texts) bytes += static_cast<std::int64_t>(article.text.size());
  RegionGazetteer::builtin();  // built outside the timing
  TopicTaxonomy::builtin();
  for (auto _ : state) {
    for (const Article& article : texts) step(article, language);
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}

void BM_Analyze(benchmark::State& state) {
  const auto language = static_cast<Language>(state.range(0));
  run(state, language, [](const Article& article, Language lang) {
    benchmark::DoNotOptimize(analyzer_for(lang).analyze(article.text));
  });
}

void BM_FindRegions(benchmark::State& state) {
  run(state, static_cast<Language>(state.range(0)), [](const Article& article, Language) {
    benchmark::DoNotOptimize(RegionGazetteer::builtin().find(article.text, article.tokens));
  });
}

void BM_TagTopics(benchmark::State& state) {
  run(state, static_cast<Language>(state.range(0)), [](const Article& article, Language) {
    benchmark::DoNotOptimize(TopicTaxonomy::builtin().tag({}, article.tokens));
  });
}

void BM_FindPeople(benchmark::State& state) {
  run(state, static_cast<Language>(state.range(0)), [](const Article& article, Language lang) {
    benchmark::DoNotOptimize(izdeu::analyzers::find_people(article.text, lang));
  });
}

// The part of find_people() that splits the text into words a second time
// (after the analyzer): what feeding it the analyzer's tokens could save.
void BM_NameWords(benchmark::State& state) {
  run(state, static_cast<Language>(state.range(0)), [](const Article& article, Language) {
    benchmark::DoNotOptimize(izdeu::analyzers::name_words(article.text));
  });
}

void BM_BuildBuiltins(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(RegionGazetteer::parse(izdeu::analyzers::builtin_regions_data()));
    benchmark::DoNotOptimize(TopicTaxonomy::parse(izdeu::analyzers::builtin_topics_data()));
  }
}

constexpr auto kKazakh = static_cast<std::int64_t>(Language::kKazakh);
constexpr auto kRussian = static_cast<std::int64_t>(Language::kRussian);

BENCHMARK(BM_Analyze)->ArgName("lang")->Arg(kKazakh)->Arg(kRussian)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FindRegions)
    ->ArgName("lang")
    ->Arg(kKazakh)
    ->Arg(kRussian)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagTopics)
    ->ArgName("lang")
    ->Arg(kKazakh)
    ->Arg(kRussian)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FindPeople)
    ->ArgName("lang")
    ->Arg(kKazakh)
    ->Arg(kRussian)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NameWords)
    ->ArgName("lang")
    ->Arg(kKazakh)
    ->Arg(kRussian)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildBuiltins)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
