// izdeu_search_bench: in-process search latency over a query file, timed the
// way ../shared/bench/peers times its engines (common.py run_queries): one
// untimed warm-up pass, then timed passes, one query at a time, each timed
// around "search, fetch the top 10". Prints one JSON line and writes
// hits.tsv, top10.tsv and topk.tsv into --out for the peers' table.
//
//   izdeu_search_bench --index DIR [--index DIR...] --queries FILE --out DIR
//                      [--match all|any|auto] [--passes N] [--snippet-chars N]
//                      [--facets] [--per-page N]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "corpus/search/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::vector<std::string> indexes;
  std::string queries;
  std::string out;
  izdeu::corpus::MatchMode match = izdeu::corpus::MatchMode::kAll;
  std::string match_name = "all";
  int passes = 1;
  std::uint32_t snippet_chars = 240;
  std::uint32_t per_page = 10;
  bool facets = false;
};

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "izdeu_search_bench: " << problem
            << "\nusage: izdeu_search_bench --index DIR --queries FILE --out DIR [--match "
               "all|any|auto] [--passes N] [--snippet-chars N] [--facets] [--per-page N]\n";
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--index") {
      options.indexes.push_back(value());
    } else if (arg == "--queries") {
      options.queries = value();
    } else if (arg == "--out") {
      options.out = value();
    } else if (arg == "--match") {
      options.match_name = value();
      if (options.match_name == "all") {
        options.match = izdeu::corpus::MatchMode::kAll;
      } else if (options.match_name == "any") {
        options.match = izdeu::corpus::MatchMode::kAny;
      } else if (options.match_name == "auto") {
        options.match = izdeu::corpus::MatchMode::kAuto;
      } else {
        usage("--match must be all, any or auto");
      }
    } else if (arg == "--passes") {
      options.passes = std::max(1, std::atoi(value().c_str()));
    } else if (arg == "--snippet-chars") {
      options.snippet_chars = static_cast<std::uint32_t>(std::atoi(value().c_str()));
    } else if (arg == "--per-page") {
      options.per_page = static_cast<std::uint32_t>(std::max(1, std::atoi(value().c_str())));
    } else if (arg == "--facets") {
      options.facets = true;
    } else {
      usage("unknown argument " + arg);
    }
  }
  if (options.indexes.empty() || options.queries.empty() || options.out.empty()) {
    usage("--index, --queries and --out are required");
  }
  return options;
}

// Linear interpolation between the closest ranks, like numpy's default and
// the peers' common.percentile.
double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const double k = static_cast<double>(sorted.size() - 1) * p / 100.0;
  const auto lo = static_cast<std::size_t>(k);
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (k - static_cast<double>(lo));
}

std::string json_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace izdeu::corpus;
  const Options options = parse(argc, argv);
  std::vector<std::string> queries;
  {
    std::ifstream in(options.queries);
    if (!in) usage("cannot read " + options.queries);
    for (std::string line; std::getline(in, line);) {
      if (line.find_first_not_of(" \t\r") != std::string::npos) queries.push_back(line);
    }
  }
  auto searcher = Searcher::open(options.indexes);
  if (!searcher) {
    std::cerr << "izdeu_search_bench: " << searcher.error().message << '\n';
    return 1;
  }
  auto request_for = [&](const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.match = options.match;
    request.per_page = options.per_page;
    request.snippet_chars = options.snippet_chars;
    if (options.facets) {
      request.facets = {FacetField::kRegion,   FacetField::kPerson, FacetField::kTopic,
                        FacetField::kLanguage, FacetField::kYear,   FacetField::kMonth};
    }
    return request;
  };

  // Pass 1: warm-up, untimed. A query the parser rejects counts as no hits.
  std::vector<SearchResult> results(queries.size());
  for (std::size_t i = 0; i < queries.size(); ++i) {
    auto result = searcher->search(request_for(queries[i]));
    if (result) results[i] = std::move(*result);
  }
  std::vector<double> latencies;
  std::vector<std::vector<std::string>> tops(queries.size());
  const auto timed_start = Clock::now();
  for (int pass = 0; pass < options.passes; ++pass) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const auto start = Clock::now();
      auto result = searcher->search(request_for(queries[i]));
      latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      if (pass == 0 && result) {
        for (const Hit& hit : result->hits) tops[i].push_back(hit.id);
      }
    }
  }
  const double wall = std::chrono::duration<double>(Clock::now() - timed_start).count();

  std::filesystem::create_directories(options.out);
  std::ofstream hits_file(options.out + "/hits.tsv");
  std::ofstream top10_file(options.out + "/top10.tsv");
  std::ofstream topk_file(options.out + "/topk.tsv");
  std::uint64_t hits_total = 0;
  std::uint64_t zero_hits = 0;
  std::uint64_t returned = 0;
  std::uint64_t inexact = 0;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    hits_total += results[i].total;
    zero_hits += results[i].total == 0;
    inexact += !results[i].total_exact;
    returned += tops[i].size();
    hits_file << queries[i] << '\t' << results[i].total << '\n';
    top10_file << queries[i] << '\t';
    topk_file << i << '\t';
    for (std::size_t k = 0; k < tops[i].size(); ++k) {
      top10_file << (k ? " " : "") << tops[i][k];
      topk_file << (k ? "," : "") << tops[i][k];
    }
    top10_file << '\n';
    topk_file << '\n';
  }

  std::vector<double> sorted = latencies;
  std::sort(sorted.begin(), sorted.end());
  double sum = 0;
  for (double ms : sorted) sum += ms;
  std::printf(
      "{\"queries\": %zu, \"timed_passes\": %d, \"match\": \"%s\", \"snippet_chars\": %u, "
      "\"facets\": %s, \"p50_ms\": %.3f, \"p95_ms\": %.3f, \"p99_ms\": %.3f, \"mean_ms\": %.3f, "
      "\"max_ms\": %.3f, \"qps\": %.1f, \"hits_total\": %llu, \"zero_hit_queries\": %llu, "
      "\"inexact_totals\": %llu, \"returned_total\": %llu, \"hits_file\": \"%s\"}\n",
      queries.size(), options.passes, options.match_name.c_str(), options.snippet_chars,
      options.facets ? "true" : "false", percentile(sorted, 50), percentile(sorted, 95),
      percentile(sorted, 99), sorted.empty() ? 0 : sum / static_cast<double>(sorted.size()),
      sorted.empty() ? 0 : sorted.back(),
      wall > 0 ? static_cast<double>(latencies.size()) / wall : 0,
      static_cast<unsigned long long>(hits_total), static_cast<unsigned long long>(zero_hits),
      static_cast<unsigned long long>(inexact), static_cast<unsigned long long>(returned),
      json_escape(std::filesystem::absolute(options.out + "/hits.tsv").string()).c_str());
  return 0;
}
