// izdeu_xapian_floor: what Xapian itself costs on this machine, with none of
// izdeu's work around it, on an index izdeu built. It answers "how fast could
// izdeu be, given Xapian?" for the targets of BENCHMARKS.md.
//
//   izdeu_xapian_floor write --index DIR [--docs N] [--writers W] [--terms exact|all]
//       Copies the first N articles' terms (and positions) out of DIR into
//       memory, then times only Xapian: W threads, each adding the N
//       documents to its own new database with a commit every 1,000, as
//       izdeu-indexer's shards do. `exact` keeps only the exact forms with
//       positions (what phrase search needs, nothing izdeu adds); `all` keeps
//       every term izdeu wrote. Prints documents/s over all writers and the
//       CPU time per document.
//
//   izdeu_xapian_floor search --index DIR --queries FILE [--passes N]
//       Each query as typed: its words as exact terms, all required (OP_AND),
//       BM25, no stems, no cross-script keys, no proximity, no popularity,
//       no collapsing, no snippets. Times the top 10 with their stored data
//       four ways: Xapian's default (no exact count), with the total exact up
//       to 10,000 (izdeu's count without facets), an unweighted count up to
//       100,000 (the walk izdeu's facets need), and the top 10 in one pass
//       that looks at up to 100,000 matches (both at once). p50/p95/p99 in ms.

#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  std::string mode;
  std::string index;
  std::string queries;
  std::string terms = "all";
  int docs = 5000;
  int writers = 2;
  int passes = 3;
};

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "izdeu_xapian_floor: " << problem
            << "\nusage: izdeu_xapian_floor write --index DIR [--docs N] [--writers W] [--terms "
               "exact|all]\n       izdeu_xapian_floor search --index DIR --queries FILE "
               "[--passes N]\n";
  std::exit(2);
}

Args parse(int argc, char** argv) {
  if (argc < 2) usage("no mode");
  Args args;
  args.mode = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--index") {
      args.index = value();
    } else if (arg == "--queries") {
      args.queries = value();
    } else if (arg == "--terms") {
      args.terms = value();
    } else if (arg == "--docs") {
      args.docs = std::max(1, std::atoi(value().c_str()));
    } else if (arg == "--writers") {
      args.writers = std::max(1, std::atoi(value().c_str()));
    } else if (arg == "--passes") {
      args.passes = std::max(1, std::atoi(value().c_str()));
    } else {
      usage("unknown argument " + arg);
    }
  }
  if (args.index.empty()) usage("--index is required");
  if (args.mode != "write" && args.mode != "search") usage("mode must be write or search");
  if (args.mode == "search" && args.queries.empty()) usage("search needs --queries");
  if (args.terms != "exact" && args.terms != "all") usage("--terms must be exact or all");
  return args;
}

// An unprefixed term starts with a lower-case letter, a digit or a non-ASCII
// byte; izdeu's prefixes are upper-case ASCII (corpus/schema.h).
bool is_exact_form(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

int write_floor(const Args& args) {
  const Xapian::Database source(args.index);
  std::vector<Xapian::Document> documents;
  std::size_t terms = 0;
  for (Xapian::PostingIterator it = source.postlist_begin("");
       it != source.postlist_end("") && static_cast<int>(documents.size()) < args.docs; ++it) {
    const Xapian::Document original = source.get_document(*it);
    Xapian::Document copy;
    for (auto term = original.termlist_begin(); term != original.termlist_end(); ++term) {
      const std::string name = *term;
      if (args.terms == "exact" && !is_exact_form(name)) continue;
      ++terms;
      for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
        copy.add_posting(name, *pos, 0);
      }
      // The wdf as izdeu wrote it (the positions above added none).
      copy.add_term(name, term.get_wdf());
    }
    if (args.terms == "all") {
      copy.set_data(original.get_data());
      for (auto value = original.values_begin(); value != original.values_end(); ++value) {
        copy.add_value(value.get_valueno(), *value);
      }
    }
    documents.push_back(std::move(copy));
  }
  if (documents.empty()) usage("the index has no documents");

  const std::filesystem::path scratch =
      std::filesystem::temp_directory_path() /
      ("izdeu-xapian-floor-" + std::to_string(static_cast<long>(::getpid())));
  std::filesystem::create_directories(scratch);
  std::vector<double> cpu(static_cast<std::size_t>(args.writers));
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int w = 0; w < args.writers; ++w) {
    threads.emplace_back([&, w] {
      const double begin = thread_cpu_ms();
      Xapian::WritableDatabase db((scratch / ("shard-" + std::to_string(w))).string(),
                                  Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
      for (std::size_t i = 0; i < documents.size(); ++i) {
        db.add_document(documents[i]);
        if ((i + 1) % 1000 == 0) db.commit();
      }
      db.commit();
      cpu[static_cast<std::size_t>(w)] = thread_cpu_ms() - begin;
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::filesystem::remove_all(scratch);

  const double written = static_cast<double>(documents.size()) * args.writers;
  double cpu_total = 0;
  for (double ms : cpu) cpu_total += ms;
  std::printf(
      "{\"mode\": \"write\", \"terms\": \"%s\", \"writers\": %d, \"docs_per_writer\": %zu, "
      "\"terms_per_doc\": %.0f, \"seconds\": %.2f, \"docs_per_s\": %.0f, "
      "\"cpu_ms_per_doc\": %.3f}\n",
      args.terms.c_str(), args.writers, documents.size(),
      static_cast<double>(terms) / static_cast<double>(documents.size()), seconds,
      written / seconds, cpu_total / written);
  return 0;
}

double percentile(std::vector<double> sorted, double p) {
  std::sort(sorted.begin(), sorted.end());
  const double k = static_cast<double>(sorted.size() - 1) * p / 100.0;
  const auto lo = static_cast<std::size_t>(k);
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (k - static_cast<double>(lo));
}

int search_floor(const Args& args) {
  const Xapian::Database db(args.index);
  std::vector<Xapian::Query> queries;
  std::ifstream in(args.queries);
  if (!in) usage("cannot read " + args.queries);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::vector<Xapian::Query> terms;
    for (std::string word; words >> word;) terms.emplace_back(word);
    if (!terms.empty()) queries.emplace_back(Xapian::Query::OP_AND, terms.begin(), terms.end());
  }
  if (queries.empty()) usage("no queries in " + args.queries);

  struct Way {
    const char* name;
    bool weighted;
    Xapian::doccount size;
    Xapian::doccount check_at_least;
  };
  const Way ways[] = {{"top10", true, 10, 0},
                      {"top10_exact_total_to_10000", true, 10, 10'000},
                      {"count_to_100000", false, 0, 100'000},
                      {"top10_counting_to_100000", true, 10, 100'000}};
  for (const Way& way : ways) {
    std::vector<double> times;
    std::size_t bytes = 0;  // stored data read, printed so the reads stay in
    for (int pass = 0; pass <= args.passes; ++pass) {  // pass 0 warms up
      for (const Xapian::Query& query : queries) {
        const auto start = Clock::now();
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        if (!way.weighted) enquire.set_weighting_scheme(Xapian::BoolWeight());
        const Xapian::MSet mset = enquire.get_mset(0, way.size, way.check_at_least);
        for (auto it = mset.begin(); it != mset.end(); ++it)
          bytes += it.get_document().get_data().size();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (pass > 0) times.push_back(ms);
      }
    }
    std::printf(
        "{\"mode\": \"search\", \"way\": \"%s\", \"queries\": %zu, \"passes\": %d, "
        "\"p50_ms\": %.3f, \"p95_ms\": %.3f, \"p99_ms\": %.3f, \"data_bytes\": %zu}\n",
        way.name, queries.size(), args.passes, percentile(times, 50), percentile(times, 95),
        percentile(times, 99), bytes);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = parse(argc, argv);
  try {
    return args.mode == "write" ? write_floor(args) : search_floor(args);
  } catch (const Xapian::Error& e) {
    std::cerr << "izdeu_xapian_floor: " << e.get_description() << '\n';
    return 1;
  }
}
