// In-process /search latency (Searcher::search, the default request: 10 hits
// with snippets and all six facets) on a synthetic archive assembled from
// real news sentences in ../shared/corpus/raw. Run with scripts/bench/search.
//
//   izdeu_search_latency_bench --index DIR [--articles N] [--rounds R]
//
// Builds the index at DIR first when it does not exist (N articles, default
// 200,000), then runs every query of a fixed mix R times (default 5) and
// prints p50/p90/p99/max per variant of the request.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "corpus/index/index_writer.h"
#include "corpus/search/searcher.h"

namespace {

namespace fs = std::filesystem;
using izdeu::analyzers::Language;
using izdeu::corpus::Article;
using izdeu::corpus::FacetField;
using izdeu::corpus::SearchRequest;

const fs::path kRaw = fs::path(IZDEU_SHARED_DIR) / "corpus" / "raw";

std::vector<std::string> lines_of(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.size() > 20) lines.push_back(line);
  }
  return lines;
}

// KazNERD holds one token per line ("word TAG"), sentences between blank lines.
std::vector<std::string> kaznerd_sentences() {
  std::vector<std::string> sentences;
  for (const char* name : {"IOB2_test.txt", "IOB2_valid.txt"}) {
    std::ifstream in(kRaw / "kaznerd" / "KazNERD" / name);
    std::string sentence;
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) {
        if (sentence.size() > 20) sentences.push_back(sentence);
        sentence.clear();
        continue;
      }
      const std::string word = line.substr(0, line.find(' '));
      if (!sentence.empty() && word != "." && word != ",") sentence += ' ';
      sentence += word;
    }
  }
  return sentences;
}

std::vector<std::string> factrueval_sentences() {
  std::vector<std::string> sentences;
  for (const char* part : {"devset", "testset"}) {
    const fs::path dir = kRaw / "factrueval2016" / part;
    if (!fs::exists(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt") continue;
      for (std::string& line : lines_of(entry.path())) sentences.push_back(std::move(line));
    }
  }
  return sentences;
}

struct Pools {
  std::vector<std::string> kazakh;
  std::vector<std::string> russian;
};

Pools load_pools() {
  Pools pools;
  pools.kazakh = lines_of(kRaw / "ntrex128" / "NTREX-128" / "newstest2019-ref.kaz.txt");
  for (std::string& s : kaznerd_sentences()) pools.kazakh.push_back(std::move(s));
  pools.russian = lines_of(kRaw / "ntrex128" / "NTREX-128" / "newstest2019-ref.rus.txt");
  for (std::string& s : factrueval_sentences()) pools.russian.push_back(std::move(s));
  return pools;
}

void build_index(const std::string& path, std::size_t count, const Pools& pools) {
  auto writer = izdeu::corpus::IndexWriter::open(path);
  if (!writer) {
    std::fprintf(stderr, "cannot open %s: %s\n", path.c_str(), writer.error().message.c_str());
    std::exit(1);
  }
  std::mt19937_64 random(42);
  const char* regions[] = {
      "almaty",           "astana",           "shymkent",         "abai-region",
      "akmola-region",    "aktobe-region",    "almaty-region",    "atyrau-region",
      "east-kazakhstan",  "zhambyl-region",   "zhetysu-region",   "karaganda-region",
      "kostanay-region",  "kyzylorda-region", "mangystau-region", "pavlodar-region",
      "north-kazakhstan", "turkestan-region", "ulytau-region",    "west-kazakhstan"};
  const char* topics[] = {"politics", "economy", "education", "health",  "culture",
                          "sport",    "society", "religion",  "ecology", "agriculture",
                          "science",  "law",     "youth",     "media",   "transport"};
  std::vector<std::string> people;
  for (int i = 0; i < 400; ++i) people.push_back("персона" + std::to_string(i) + " тестовая");
  std::vector<Article> recent;
  const auto started = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < count; ++i) {
    Article article;
    // One syndicated copy in thirty: same title and date as a recent article.
    if (!recent.empty() && random() % 30 == 0) {
      article = recent[random() % recent.size()];
      article.id = "copy-" + std::to_string(i);
    } else {
      const bool kazakh = random() % 3 == 0;
      const auto& pool = kazakh ? pools.kazakh : pools.russian;
      article.id = "a-" + std::to_string(i);
      article.language = kazakh ? Language::kKazakh : Language::kRussian;
      const std::string& lead = pool[random() % pool.size()];
      article.title = lead.substr(0, std::min<std::size_t>(lead.size(), 90));
      const int sentences = 4 + static_cast<int>(random() % 8);
      for (int s = 0; s < sentences; ++s) {
        article.body += pool[random() % pool.size()];
        article.body += s % 4 == 3 ? "\n\n" : " ";
      }
      article.date = izdeu::corpus::Date{2008 + static_cast<int>(random() % 18),
                                         1 + static_cast<int>(random() % 12),
                                         1 + static_cast<int>(random() % 28)};
      article.views =
          static_cast<std::int64_t>(std::exp(std::uniform_real_distribution<>(0, 12)(random)));
      article.regions.push_back(regions[std::min<std::size_t>(random() % 20, random() % 20)]);
      article.topics.push_back(topics[random() % 15]);
      if (random() % 2 == 0) article.topics.push_back(topics[random() % 15]);
      if (article.topics.size() == 2 && article.topics[0] == article.topics[1])
        article.topics.pop_back();
      const int mentioned = static_cast<int>(random() % 4);
      for (int p = 0; p < mentioned; ++p) {
        const std::size_t who =
            std::min<std::size_t>(random() % people.size(), random() % people.size());
        article.people.push_back({people[who], 1 + static_cast<std::uint32_t>(random() % 5)});
      }
      std::sort(article.people.begin(), article.people.end(),
                [](const auto& a, const auto& b) { return a.key < b.key; });
      article.people.erase(std::unique(article.people.begin(), article.people.end(),
                                       [](const auto& a, const auto& b) { return a.key == b.key; }),
                           article.people.end());
      if (recent.size() < 200) {
        recent.push_back(article);
      } else {
        recent[random() % recent.size()] = article;
      }
    }
    if (!writer->add_or_replace(article)) std::exit(1);
    if ((i + 1) % 10000 == 0) {
      if (!writer->commit()) std::exit(1);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::fprintf(stderr, "\r%zu articles, %.0f/s", i + 1, static_cast<double>(i + 1) / seconds);
    }
  }
  if (!writer->commit()) std::exit(1);
  std::fprintf(stderr, "\n");
}

// CPU time of this thread: on a machine shared with other work it varies far
// less than wall time, which waits for the CPU whenever others hold it.
double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const std::size_t at = std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()));
  return values[at];
}

}  // namespace

int main(int argc, char** argv) {
  std::string index;
  std::size_t articles = 200'000;
  int rounds = 5;
  std::string only;          // --query Q: time just this query (for profiling)
  std::string variant_only;  // --variant NAME: just the variant whose name starts so
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--index") index = argv[i + 1];
    if (flag == "--articles") articles = std::stoul(argv[i + 1]);
    if (flag == "--rounds") rounds = std::stoi(argv[i + 1]);
    if (flag == "--query") only = argv[i + 1];
    if (flag == "--variant") variant_only = argv[i + 1];
  }
  if (index.empty()) {
    std::fprintf(stderr, "usage: %s --index DIR [--articles N] [--rounds R]\n", argv[0]);
    return 2;
  }
  if (!fs::exists(index)) build_index(index, articles, load_pools());

  auto searcher = izdeu::corpus::Searcher::open({index});
  if (!searcher) return 1;
  std::printf("documents: %llu\n", static_cast<unsigned long long>(*searcher->document_count()));

  // A mix of what journalists type: frequent and rare words in both
  // languages, names, two- and three-word queries, a phrase, a typo.
  std::vector<std::string> queries = {"президент",
                                      "Казахстан",
                                      "Қазақстан",
                                      "выборы",
                                      "экономика",
                                      "сессия",
                                      "мектеп",
                                      "ауыл шаруашылығы",
                                      "министр финансов",
                                      "Токаев",
                                      "Назарбаев",
                                      "Алматы",
                                      "Астана",
                                      "нефть",
                                      "полиция",
                                      "суд",
                                      "футбол",
                                      "университет",
                                      "президент Казахстана",
                                      "жастар",
                                      "денсаулық сақтау",
                                      "\"Верховный суд\"",
                                      "банк кредит",
                                      "Путин",
                                      "Москва",
                                      "халық",
                                      "облыс әкімі",
                                      "образование школа",
                                      "инфляция",
                                      "Tokayev",
                                      "ассамблея",
                                      "прокуратура",
                                      "министр",
                                      "компания",
                                      "тілі",
                                      "депутаты мажилиса",
                                      "президентпен",
                                      "землетрясение",
                                      "выброс",
                                      "Сапаров"};
  if (!only.empty()) queries = {only};
  const std::vector<FacetField> all_facets = {FacetField::kRegion, FacetField::kPerson,
                                              FacetField::kTopic,  FacetField::kLanguage,
                                              FacetField::kYear,   FacetField::kMonth};
  struct Variant {
    const char* name;
    bool facets;
    std::uint32_t snippet_chars;
    izdeu::corpus::SortOrder sort;
  };
  const Variant variants[] = {
      {"default (facets + snippets)", true, 240, izdeu::corpus::SortOrder::kRelevance},
      {"no facets", false, 240, izdeu::corpus::SortOrder::kRelevance},
      {"no snippets", true, 0, izdeu::corpus::SortOrder::kRelevance},
      {"bare (neither)", false, 0, izdeu::corpus::SortOrder::kRelevance},
      {"sort=date", true, 240, izdeu::corpus::SortOrder::kDate},
      {"sort=recency", true, 240, izdeu::corpus::SortOrder::kRecency},
  };
  // The first faceted search reads the facet cache; then warm everything once.
  {
    const double started = thread_cpu_ms();
    (void)searcher->search({.query = queries.front(), .facets = {FacetField::kRegion}});
    std::printf("first faceted search (builds the facet cache): %.1f ms cpu\n",
                thread_cpu_ms() - started);
  }
  for (const std::string& q : queries) (void)searcher->search({.query = q});
  for (const Variant& variant : variants) {
    if (std::string(variant.name).rfind(variant_only, 0) != 0) continue;
    std::vector<double> times;
    std::vector<double> cpu_times;
    std::map<std::string, double> worst;
    std::uint64_t total_matches = 0;
    for (int round = 0; round < rounds; ++round) {
      for (const std::string& q : queries) {
        SearchRequest request{.query = q, .snippet_chars = variant.snippet_chars};
        request.sort = variant.sort;
        if (variant.facets) request.facets = all_facets;
        const auto started = std::chrono::steady_clock::now();
        const double cpu_started = thread_cpu_ms();
        auto result = searcher->search(request);
        const double cpu_ms = thread_cpu_ms() - cpu_started;
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        if (!result) {
          std::fprintf(stderr, "%s: %s\n", q.c_str(), result.error().message.c_str());
          continue;
        }
        if (round == 0) total_matches += result->total;
        times.push_back(ms);
        cpu_times.push_back(cpu_ms);
        worst[q] = std::max(worst[q], cpu_ms);
      }
    }
    std::printf(
        "%-28s cpu p50 %6.2f  p90 %6.2f  p99 %6.2f  max %6.2f ms | wall p50 %6.2f  p99 %6.2f ms"
        "  (mean matches %llu)\n",
        variant.name, percentile(cpu_times, 0.5), percentile(cpu_times, 0.9),
        percentile(cpu_times, 0.99), percentile(cpu_times, 1.0), percentile(times, 0.5),
        percentile(times, 0.99), static_cast<unsigned long long>(total_matches / queries.size()));
    {
      std::vector<std::pair<double, std::string>> slowest;
      for (const auto& [q, ms] : worst) slowest.emplace_back(ms, q);
      std::sort(slowest.rbegin(), slowest.rend());
      for (std::size_t i = 0; i < 3 && i < slowest.size(); ++i) {
        std::printf("    slowest (cpu): %7.2f ms  %s\n", slowest[i].first,
                    slowest[i].second.c_str());
      }
    }
  }
  return 0;
}
