// /api/v1/suggest latency: the Suggester in-process and through HTTP, on a
// synthetic index whose titles and bodies are windows of real news text
// (../shared/corpus/raw NTREX-128, Kazakh and Russian) with synthetic people
// and regions. Run with scripts/bench/suggest.
//
//   IZDEU_BENCH_ARTICLES  articles in the index (default 100000)
//   IZDEU_BENCH_BODY_WORDS  words per article body (default 40; fewer index faster)
//   IZDEU_BENCH_INDEX     keep the index at this path and reuse it when it
//                         already holds that many articles (default: a
//                         temporary directory, removed at exit)

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "analyzers/keyboard_layout.h"
#include "analyzers/people/first_names.h"
#include "analyzers/transliteration.h"
#include "corpus/index/index_writer.h"
#include "corpus/suggest/suggest_keys.h"
#include "corpus/suggest/suggester.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

namespace {

namespace fs = std::filesystem;
using namespace izdeu;

const fs::path kRaw = fs::path(IZDEU_SHARED_DIR) / "corpus" / "raw";

std::vector<std::string> words_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> words;
  std::string word;
  while (in >> word) words.push_back(word);
  return words;
}

std::size_t env_size(const char* name, std::size_t fallback) {
  const char* value = std::getenv(name);
  return value == nullptr ? fallback : static_cast<std::size_t>(std::strtoull(value, nullptr, 10));
}

// Zipf-like pick from [0, n): small indexes are much more frequent.
std::size_t zipf(std::mt19937_64& random, std::size_t n) {
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  return std::min(n - 1,
                  static_cast<std::size_t>(std::pow(static_cast<double>(n), uniform(random))) - 1);
}

struct Source {
  std::vector<std::string> kazakh;
  std::vector<std::string> russian;
  std::vector<std::string> people;  // person keys
};

Source make_source() {
  Source source;
  source.kazakh = words_of(kRaw / "ntrex128" / "NTREX-128" / "newstest2019-ref.kaz.txt");
  source.russian = words_of(kRaw / "ntrex128" / "NTREX-128" / "newstest2019-ref.rus.txt");
  const auto names = analyzers::first_names();
  std::mt19937_64 random(7);
  for (std::size_t i = 0; i < 50'000; ++i) {
    const std::string surname(names[random() % names.size()]);
    const std::string first(names[random() % names.size()]);
    const std::string father(names[random() % names.size()]);
    source.people.push_back(surname + (i % 2 ? "ов " : "ев ") + first + " " + father + "ович");
  }
  return source;
}

std::string window(const std::vector<std::string>& words, std::mt19937_64& random,
                   std::size_t length) {
  const std::size_t begin = random() % (words.size() - length);
  std::string text;
  for (std::size_t i = begin; i < begin + length; ++i) text += (text.empty() ? "" : " ") + words[i];
  return text;
}

void build_index(const std::string& path, std::size_t articles, const Source& source) {
  auto writer = corpus::IndexWriter::open(path);
  if (!writer) {
    std::cerr << "suggest_bench: " << writer.error().message << '\n';
    std::exit(1);
  }
  std::mt19937_64 random(42);
  const std::size_t body_words = env_size("IZDEU_BENCH_BODY_WORDS", 40);
  const char* regions[] = {"almaty",        "astana",        "shymkent",       "karaganda-region",
                           "aktobe-region", "atyrau-region", "zhambyl-region", "turkistan-region"};
  const auto started = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < articles; ++i) {
    const bool kazakh = i % 2 == 0;
    const auto& words = kazakh ? source.kazakh : source.russian;
    corpus::Article article;
    article.id = "bench-" + std::to_string(i);
    article.language = kazakh ? analyzers::Language::kKazakh : analyzers::Language::kRussian;
    article.title = window(words, random, 5 + random() % 6);
    article.body = window(words, random, body_words);
    article.date =
        corpus::Date{2010 + static_cast<int>(i * 15 / articles),
                     1 + static_cast<int>(random() % 12), 1 + static_cast<int>(random() % 28)};
    article.views = static_cast<std::int64_t>(random() % 5000);
    for (int p = 0; p < 2; ++p) {
      article.people.push_back({source.people[zipf(random, source.people.size())], 1});
    }
    if (article.people[0].key == article.people[1].key) article.people.pop_back();
    article.regions = {regions[zipf(random, std::size(regions))]};
    if (!writer->add_or_replace(article)) std::exit(1);
    if ((i + 1) % 20'000 == 0) {
      if (!writer->commit()) std::exit(1);
      std::cerr << "suggest_bench: indexed " << i + 1 << " articles\n";
    }
  }
  if (!writer->commit()) std::exit(1);
  std::cerr << "suggest_bench: indexed " << articles << " articles in "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
            << " s\n";
}

// What a search box sends: prefixes of real words of every length, two-word
// queries, Latin spellings, wrong-layout typing and keyboard mash.
std::vector<std::string> make_queries(const Source& source) {
  std::mt19937_64 random(99);
  std::vector<std::string> queries;
  auto prefix = [&](const std::string& word) {
    std::size_t cut = word.size();
    const std::size_t keep = 1 + random() % 8;  // code points
    std::size_t points = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
      if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80 && points++ == keep) {
        cut = i;
        break;
      }
    }
    return word.substr(0, cut);
  };
  for (std::size_t i = 0; i < 5000; ++i) {
    const auto& words = i % 2 ? source.russian : source.kazakh;
    const std::string& word = words[random() % words.size()];
    switch (i % 10) {
      case 0:
      case 1:
      case 2:
      case 3:
        queries.push_back(prefix(word));
        break;
      case 4:
        queries.push_back(word + " " + prefix(words[random() % words.size()]));
        break;
      case 5:
        queries.push_back(prefix(analyzers::loose_key(word)));
        break;
      case 6:
        queries.push_back(analyzers::retype(prefix(word), analyzers::KeyboardLayout::kKazakh,
                                            analyzers::KeyboardLayout::kLatin));
        break;
      case 7:
        queries.push_back(prefix(source.people[zipf(random, source.people.size())]));
        break;
      case 8: {
        std::string mash;
        for (std::size_t k = 0; k < 3 + random() % 6; ++k)
          mash += static_cast<char>('a' + random() % 26);
        queries.push_back(mash);
        break;
      }
      default:
        queries.push_back(word);
    }
  }
  std::erase_if(queries, [](const std::string& q) { return q.empty(); });
  return queries;
}

struct Fixture {
  std::unique_ptr<testing::TempDir> temp;
  std::string path;
  std::size_t articles = 0;
  std::vector<std::string> queries;
};

Fixture& fixture() {
  static Fixture* f = [] {
    auto* fixture = new Fixture();
    fixture->articles = env_size("IZDEU_BENCH_ARTICLES", 100'000);
    const char* kept = std::getenv("IZDEU_BENCH_INDEX");
    if (kept != nullptr && *kept != '\0') {
      fixture->path = kept;
    } else {
      fixture->temp = std::make_unique<testing::TempDir>();
      fixture->path = fixture->temp->str();
    }
    const Source source = make_source();
    bool reuse = false;
    try {
      reuse = fs::exists(fixture->path) &&
              Xapian::Database(fixture->path).get_doccount() == fixture->articles;
    } catch (const Xapian::Error&) {
    }
    if (!reuse) build_index(fixture->path, fixture->articles, source);
    fixture->queries = make_queries(source);
    return fixture;
  }();
  return *f;
}

std::shared_ptr<const corpus::Suggester> build_suggester() {
  const Xapian::Database database(fixture().path);
  auto built = corpus::Suggester::build(database);
  if (!built) {
    std::cerr << "suggest_bench: " << built.error().message << '\n';
    std::exit(1);
  }
  return *built;
}

// CPU time of this thread: on a shared machine, wall-clock percentiles
// measure the scheduler as much as the code, so both are reported.
double thread_cpu_micros() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e6 + static_cast<double>(now.tv_nsec) / 1e3;
}

void report_percentiles(benchmark::State& state, std::vector<double>& micros,
                        const std::string& suffix = "") {
  if (micros.empty()) return;
  std::sort(micros.begin(), micros.end());
  auto at = [&](double q) { return micros[static_cast<std::size_t>(q * (micros.size() - 1))]; };
  state.counters["p50" + suffix + "_us"] = at(0.50);
  state.counters["p99" + suffix + "_us"] = at(0.99);
  state.counters["max" + suffix + "_us"] = micros.back();
}

void BM_SuggesterBuild(benchmark::State& state) {
  fixture();
  for (auto _ : state) {
    auto suggester = build_suggester();
    const auto& stats = suggester->stats();
    state.counters["memory_MB"] = static_cast<double>(stats.memory_bytes) / 1e6;
    state.counters["entries"] = static_cast<double>(stats.entries);
    state.counters["titles"] = static_cast<double>(stats.items[3]);
    state.counters["terms"] = static_cast<double>(stats.items[2]);
    state.counters["people"] = static_cast<double>(stats.items[0]);
  }
}

void BM_Suggest(benchmark::State& state) {
  static const auto suggester = build_suggester();
  const auto& queries = fixture().queries;
  std::vector<double> micros;
  std::vector<double> cpu_micros;
  std::size_t i = 0;
  std::size_t returned = 0;
  for (auto _ : state) {
    const std::string& query = queries[i++ % queries.size()];
    const double cpu_started = thread_cpu_micros();
    const auto started = std::chrono::steady_clock::now();
    auto result = suggester->suggest(query, 10);
    micros.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - started)
            .count());
    cpu_micros.push_back(thread_cpu_micros() - cpu_started);
    returned += result.items.size();
    benchmark::DoNotOptimize(result);
  }
  report_percentiles(state, micros);
  report_percentiles(state, cpu_micros, "_cpu");
  state.counters["suggestions"] =
      static_cast<double>(returned) / static_cast<double>(std::max<std::size_t>(1, micros.size()));
}

// The analyzer's share of a suggestion: normalizing and keying the query.
void BM_QueryKeys(benchmark::State& state) {
  const auto& queries = fixture().queries;
  std::size_t i = 0;
  for (auto _ : state) {
    auto keys = corpus::query_keys(queries[i++ % queries.size()]);
    benchmark::DoNotOptimize(keys);
  }
}

// One keep-alive client against the in-process server: what a browser's
// search box costs the server, HTTP parsing and JSON included.
void BM_SuggestHttp(benchmark::State& state) {
  static testing::TestServer* server = [] {
    auto* s = new testing::TestServer({fixture().path}, 2);
    if (!s->ok()) {
      std::cerr << "suggest_bench: " << s->error() << '\n';
      std::exit(1);
    }
    return s;
  }();
  httplib::Client client("127.0.0.1", server->port());
  client.set_keep_alive(true);
  // Wait for the server's first background build.
  for (int attempt = 0; attempt < 6000; ++attempt) {
    auto response = client.Get("/api/v1/suggest?q=a");
    if (response && response->status == 200) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const auto& queries = fixture().queries;
  std::vector<double> micros;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::string target =
        httplib::append_query_params("/api/v1/suggest", {{"q", queries[i++ % queries.size()]}});
    const auto started = std::chrono::steady_clock::now();
    auto response = client.Get(target.c_str());
    micros.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - started)
            .count());
    if (!response || response->status != 200) {
      state.SkipWithError("request failed");
      break;
    }
  }
  report_percentiles(state, micros);
}

BENCHMARK(BM_SuggesterBuild)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_Suggest)->Unit(benchmark::kMicrosecond)->Iterations(20'000);
BENCHMARK(BM_QueryKeys)->Unit(benchmark::kMicrosecond)->Iterations(20'000);
BENCHMARK(BM_SuggestHttp)->Unit(benchmark::kMicrosecond)->Iterations(5'000)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
