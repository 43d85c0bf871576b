// Search latency by match mode: Searcher::search (query language, match
// strategy, proximity bonus, snippets) for a list of queries, one core.
//
//   IZDEU_BENCH_INDEX=DIR     an index to search (default: tests/fixtures/sample, indexed
//                             into a temporary directory first)
//   IZDEU_BENCH_QUERIES=FILE  one query per line (default: the sample README's
//                             queries and natural-language questions)
//
// "short" runs each query; "long" joins three consecutive queries into one,
// as a question of 3-9 words. Run with scripts/bench/query.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "corpus/query/query_builder.h"
#include "corpus/search/searcher.h"
#include "indexer/ingest_job.h"
#include "tests/support/temp_dir.h"

namespace {

using izdeu::corpus::MatchMode;
using izdeu::corpus::Searcher;

const char* const kSampleQueries[] = {
    "Ерлан Сапаров",
    "Сапаров Ерлан Нуртаевич",
    "Гирш Л.Ю.",
    "Абсеметова",
    "Токаев",
    "Жамбылская область",
    "Жамбыл облысы",
    "XXIV сессия",
    "Нур-Султан",
    "COVID-19",
    "совет матерей",
    "\"совет матерей\" -Астана",
    "Токаев NEAR/5 визит",
    "title:сессия date:2019..2022",
    "Где прошла ярмарка мёда?",
    "Когда в Таразе почтили память Ерлана Сапарова?",
    "Какой фестиваль национальных видов спорта прошёл в Актау в 2023 году?",
    "Кто помогал семьям на карантине в Актобе?",
    "Тоғызқұмалақ турнирі қайда өтті?",
    "Павлодарда қайырымдылық марафоны қанша ақша жинады?",
    "Қандай форум Атырауда өтті?",
};

struct Fixture {
  izdeu::testing::TempDir temp;
  std::string index;
  std::vector<std::string> short_queries;
  std::vector<std::string> long_queries;

  Fixture() {
    if (const char* path = std::getenv("IZDEU_BENCH_INDEX")) {
      index = path;
    } else {
      index = temp.str();
      izdeu::indexer::IngestOptions options{
          .index_path = index, .paths = {std::string(IZDEU_SOURCE_DIR) + "/tests/fixtures/sample"}};
      if (!izdeu::indexer::run_ingest(options, nullptr, nullptr)) std::abort();
    }
    if (const char* path = std::getenv("IZDEU_BENCH_QUERIES")) {
      std::ifstream in(path);
      for (std::string line; std::getline(in, line);) {
        if (!line.empty()) short_queries.push_back(line);
      }
    } else {
      short_queries.assign(std::begin(kSampleQueries), std::end(kSampleQueries));
    }
    for (std::size_t i = 0; i + 2 < short_queries.size(); i += 3) {
      long_queries.push_back(short_queries[i] + " " + short_queries[i + 1] + " " +
                             short_queries[i + 2]);
    }
  }
};

Fixture& fixture() {
  static Fixture instance;
  return instance;
}

// One query per iteration, cycling through the list, so Time is per query.
void run(benchmark::State& state, MatchMode mode, bool long_queries) {
  auto searcher = Searcher::open({fixture().index});
  if (!searcher) {
    state.SkipWithError(searcher.error().message.c_str());
    return;
  }
  const auto& queries = long_queries ? fixture().long_queries : fixture().short_queries;
  // The share of queries match=auto relaxes, from the query builder itself.
  Xapian::Database database(fixture().index);
  std::size_t relaxed = 0;
  for (const std::string& query : queries) {
    auto built = izdeu::corpus::build_query({.query = query, .match = mode}, &database);
    relaxed += built && built->relaxed;
  }
  std::size_t next = 0;
  for (auto _ : state) {
    auto result = searcher->search({.query = queries[next], .match = mode});
    benchmark::DoNotOptimize(result);
    next = (next + 1) % queries.size();
  }
  state.counters["relaxed"] = static_cast<double>(relaxed) / static_cast<double>(queries.size());
}

void BM_SearchAll(benchmark::State& state) { run(state, MatchMode::kAll, state.range(0) != 0); }
void BM_SearchAuto(benchmark::State& state) { run(state, MatchMode::kAuto, state.range(0) != 0); }
void BM_SearchAny(benchmark::State& state) { run(state, MatchMode::kAny, state.range(0) != 0); }

BENCHMARK(BM_SearchAll)->ArgName("long")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchAuto)->ArgName("long")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchAny)->ArgName("long")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
