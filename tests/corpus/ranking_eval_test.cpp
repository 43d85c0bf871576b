// Ranking quality of search measured on the judged relevance set
// tests/data/ranking/judged.tsv (issue 14, item 6): Russian and Kazakh
// queries (names, places, topics, phrases, numerals, natural-language
// questions), each with the articles judged to be ABOUT what it asks, over
// the real public text (../shared/corpus/raw, see
// tests/support/real_text_archive.h) plus the sample archive, indexed once
// the way izdeu-indexer does.
//
// Every query runs through corpus::Searcher with the API defaults (relevance,
// duplicates collapsed, no filter but the row's, snippets off) in match mode
// auto (the default), in match mode all, and in auto relaxing below other
// thresholds (kRuns); the first kDepth hits are
// kept. Per query, with R = the row's relevant ids and an unjudged hit
// counting as not relevant:
//
//   P@10       relevant hits in the top 10 / 10 (standard precision@10; at
//              most |R|/10 for a query with fewer than 10 relevant articles)
//   P@10cap    relevant hits in the top 10 / min(10, |R|) (R-capped
//              precision@10: 1.0 when every slot that could hold a relevant
//              article does)
//   RR@10      1 / rank of the first relevant hit, 0 when none is in the
//              top 10; its mean is MRR@10
//   R@50       relevant hits in the first 50 / |R| (recall@50)
//
// Each figure is the mean over the queries of a split (tune, heldout, all);
// "all" is also broken down by the query's language. The table is printed on
// every run; IZDEU_EVAL_VERBOSE=1 prints one line per query and mode, and the
// queries with no relevant hit in the top 10 (match auto) are always printed.
//
// Figures measured on 2026-12-07 (3,376 articles, 64 queries: 26 tune, 38
// heldout; 32 Kazakh, 32 Russian):
//
//   match  split     P@10   P@10cap  MRR@10  R@50
//   auto   tune      0.362  0.903    0.981   0.908
//   auto   heldout   0.411  0.893    0.897   0.925
//   auto   all       0.391  0.897    0.931   0.918
//   all    tune      0.331  0.770    0.923   0.767
//   all    heldout   0.361  0.753    0.805   0.763
//   all    all       0.348  0.760    0.853   0.765
//
// and after relaxation was reworked (issue 14: full matches first, rare
// words kept, a question no article answers in full relaxed to every word
// with soft coordination), with the thresholds compared (auto<N relaxes
// below N full matches; the default is 10, chosen on the tune split):
//
//   auto     tune      0.362  0.903    0.981   0.908
//   auto     heldout   0.416  0.910    0.923   0.952
//   auto<1   tune      0.338  0.847    0.981   0.843
//   auto<1   heldout   0.384  0.867    0.936   0.886
//   auto<3   tune      0.350  0.881    0.981   0.886
//   auto<3   heldout   0.395  0.888    0.936   0.907
//
// (standard P@10 is low because most queries have fewer than 10 relevant
// articles.) The floors (kFloors) are the P@10cap, MRR@10 and R@50 figures
// rounded down by about 0.02, so a regression fails and noise does not; the
// heldout floors are a regression floor, not a target to tune against.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/language.h"
#include "corpus/schema.h"
#include "corpus/search/searcher.h"
#include "tests/support/judged_tsv.h"
#include "tests/support/real_text_archive.h"
#include "tests/support/temp_dir.h"

namespace izdeu::corpus {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kTop = 10;
constexpr std::size_t kDepth = 50;

struct JudgedQuery {
  int line = 0;
  std::string split;  // tune or heldout
  std::string qlang;  // kk or ru: the language the query is written in
  std::string kind;
  std::string query;
  std::optional<analyzers::Language> filter;
  std::set<std::string> relevant;
  std::set<std::string> not_relevant;
};

std::vector<JudgedQuery> read_judged(const fs::path& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot read " + path.string();
    return {};
  }
  std::vector<JudgedQuery> rows;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line.front() == '#') continue;
    const auto fields = testing::split_fields(line, '\t');
    const std::string where = path.string() + ":" + std::to_string(number) + ": ";
    if (fields.size() != 8 || (fields[0] != "tune" && fields[0] != "heldout") ||
        (fields[1] != "kk" && fields[1] != "ru") || fields[3].empty()) {
      error = where + "malformed row";
      return {};
    }
    JudgedQuery row;
    row.line = number;
    row.split = fields[0];
    row.qlang = fields[1];
    row.kind = fields[2];
    row.query = fields[3];
    if (!fields[4].empty()) {
      row.filter = analyzers::parse_language(fields[4]);
      if (!row.filter) {
        error = where + "unknown language filter";
        return {};
      }
    }
    for (auto& id : testing::id_list(fields[5])) row.relevant.insert(std::move(id));
    for (auto& id : testing::id_list(fields[6])) row.not_relevant.insert(std::move(id));
    if (row.relevant.empty()) {
      error = where + "no relevant article";
      return {};
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

struct QueryScore {
  double p10 = 0;
  double p10_capped = 0;
  double rr10 = 0;
  double r50 = 0;
  std::size_t first_rank = 0;            // rank of the first relevant hit, 0 when none in kDepth
  std::vector<std::string> look_alikes;  // not_relevant ids in the top 10
  std::vector<std::string> missed;       // relevant ids not in the first kDepth
};

QueryScore score(const JudgedQuery& row, const std::vector<std::string>& hits) {
  QueryScore s;
  std::size_t top = 0;
  std::size_t deep = 0;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < hits.size() && i < kDepth; ++i) {
    seen.insert(hits[i]);
    if (row.relevant.contains(hits[i])) {
      ++deep;
      if (i < kTop) ++top;
      if (s.first_rank == 0) s.first_rank = i + 1;
    } else if (i < kTop && row.not_relevant.contains(hits[i])) {
      s.look_alikes.push_back(hits[i]);
    }
  }
  for (const auto& id : row.relevant) {
    if (!seen.contains(id)) s.missed.push_back(id);
  }
  s.p10 = double(top) / kTop;
  s.p10_capped = double(top) / double(std::min(kTop, row.relevant.size()));
  s.rr10 = s.first_rank != 0 && s.first_rank <= kTop ? 1.0 / double(s.first_rank) : 0.0;
  s.r50 = double(deep) / double(row.relevant.size());
  return s;
}

struct Figures {
  int queries = 0;
  double p10 = 0, p10_capped = 0, mrr10 = 0, r50 = 0;  // sums until mean()

  void add(const QueryScore& s) {
    ++queries;
    p10 += s.p10;
    p10_capped += s.p10_capped;
    mrr10 += s.rr10;
    r50 += s.r50;
  }
  Figures mean() const {
    if (queries == 0) return *this;
    return {queries, p10 / queries, p10_capped / queries, mrr10 / queries, r50 / queries};
  }
};

// figures[mode][group], group = tune, heldout, all, all-kk, all-ru, kind-<kind>.
using Table = std::map<std::string, std::map<std::string, Figures>>;

// The request variants measured: the default (auto), match=all, and auto
// relaxing below more full matches (how the default threshold was chosen:
// BENCHMARKS.md, "Relaxation threshold").
struct EvalRun {
  const char* name;
  MatchMode mode;
  std::uint32_t relax_below;
};
constexpr EvalRun kRuns[] = {
    {"auto", MatchMode::kAuto, kRelaxBelow}, {"all", MatchMode::kAll, kRelaxBelow},
    {"auto<1", MatchMode::kAuto, 1},         {"auto<3", MatchMode::kAuto, 3},
    {"auto<10", MatchMode::kAuto, 10},
};

bool verbose() {
  const char* value = std::getenv("IZDEU_EVAL_VERBOSE");
  return value != nullptr && std::string(value) == "1";
}

std::string join(const std::vector<std::string>& ids, std::size_t limit = 5) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < limit; ++i) out += (i ? " " : "") + ids[i];
  if (ids.size() > limit) out += " …+" + std::to_string(ids.size() - limit);
  return out;
}

class RankingEvalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    const auto rows =
        read_judged(fs::path(IZDEU_SOURCE_DIR) / "tests/data/ranking/judged.tsv", error);
    if (!error.empty()) {
      setup_error_ = error;
      return;
    }
    if (rows.size() < 60) {
      setup_error_ = "the judged set has " + std::to_string(rows.size()) + " queries, not 60+";
      return;
    }
    testing::TempDir dir;
    const fs::path index = dir.path() / "index";
    auto indexed = testing::index_real_text_archive(index, dir.path());
    if (!indexed) {
      setup_error_ = "indexing failed: " + indexed.error().message;
      return;
    }
    // Every judged id must name an indexed article: a typo would silently
    // lower recall.
    {
      Xapian::Database db(index.string());
      for (const auto& row : rows) {
        for (const auto* ids : {&row.relevant, &row.not_relevant}) {
          for (const auto& id : *ids) {
            if (!db.term_exists(std::string(schema::kIdPrefix) + id)) {
              setup_error_ += "line " + std::to_string(row.line) + ": unknown id " + id + "\n";
            }
          }
        }
      }
      if (!setup_error_.empty()) return;
    }
    auto searcher = Searcher::open({index.string()});
    if (!searcher) {
      setup_error_ = "cannot open the index: " + searcher.error().message;
      return;
    }
    std::ostringstream lines;
    std::ostringstream misses;
    for (const EvalRun& run : kRuns) {
      const bool is_default = std::string(run.name) == "auto";
      for (const auto& row : rows) {
        SearchRequest request;
        request.query = row.query;
        request.language = row.filter;
        request.match = run.mode;
        request.relax_below = run.relax_below;
        request.per_page = kDepth;
        request.snippet_chars = 0;
        auto result = searcher->search(request);
        if (!result) {
          setup_error_ += "«" + row.query + "»: " + result.error().message + "\n";
          continue;
        }
        std::vector<std::string> hits;
        for (const auto& hit : result->hits) hits.push_back(hit.id);
        const QueryScore s = score(row, hits);
        auto& groups = table_[run.name];
        for (const std::string& group :
             {row.split, std::string("all"), "all-" + row.qlang, "kind-" + row.kind}) {
          groups[group].add(s);
        }
        std::ostringstream line;
        line << std::fixed << std::setprecision(2) << "  " << run.name << " " << row.split << " "
             << row.qlang << " " << row.kind << " line " << row.line << " «" << row.query
             << "»: |R| " << row.relevant.size() << ", first relevant at "
             << (s.first_rank ? std::to_string(s.first_rank) : "-") << ", P@10cap " << s.p10_capped
             << ", R@50 " << s.r50;
        if (!s.look_alikes.empty()) line << "; look-alikes in top 10: " << join(s.look_alikes);
        if (!s.missed.empty()) line << "; not in first 50: " << join(s.missed);
        if (!hits.empty() && s.rr10 == 0) {
          std::vector<std::string> top(hits.begin(),
                                       hits.begin() + long(std::min(kTop, hits.size())));
          line << "; top: " << join(top, 3);
        }
        line << "\n";
        lines << line.str();
        if (is_default && s.rr10 == 0) misses << line.str();
      }
    }
    if (!setup_error_.empty()) return;
    std::cout << "[ranking] " << *indexed << " articles indexed, " << rows.size()
              << " judged queries, top " << kTop << ", recall depth " << kDepth << "\n";
    print_table();
    std::cout << "[ranking] queries with no relevant hit in the top " << kTop << " (auto):\n"
              << misses.str();
    if (verbose()) std::cout << "[ranking] every query:\n" << lines.str();
  }

  static void print_table() {
    std::cout << "[ranking] " << std::left << std::setw(8) << "match" << std::setw(14) << "group"
              << std::right << std::setw(4) << "n" << std::setw(8) << "P@10" << std::setw(10)
              << "P@10cap" << std::setw(9) << "MRR@10" << std::setw(8) << "R@50"
              << "\n";
    for (const EvalRun& run : kRuns) {
      for (const auto& [group, sums] : table_[run.name]) {
        const Figures f = sums.mean();
        std::cout << "[ranking] " << std::left << std::setw(8) << run.name << std::setw(14) << group
                  << std::right << std::setw(4) << f.queries << std::fixed << std::setprecision(3)
                  << std::setw(8) << f.p10 << std::setw(10) << f.p10_capped << std::setw(9)
                  << f.mrr10 << std::setw(8) << f.r50 << "\n";
      }
    }
  }

  static Figures figures(const char* mode, const char* group) { return table_[mode][group].mean(); }

  void SetUp() override { ASSERT_TRUE(setup_error_.empty()) << setup_error_; }

  static inline Table table_;
  static inline std::string setup_error_;
};

struct Floor {
  const char* mode;
  const char* group;
  double p10_capped, mrr10, r50;
};

// Measured 2026-12-07, rounded down by about 0.02 (see the header comment).
constexpr Floor kFloors[] = {
    // measured: P@10cap 0.903, MRR@10 0.981, R@50 0.908
    {"auto", "tune", 0.88, 0.96, 0.88},
    // measured: P@10cap 0.910, MRR@10 0.923, R@50 0.952
    {"auto", "heldout", 0.89, 0.90, 0.93},
    // measured: P@10cap 0.770, MRR@10 0.923, R@50 0.767
    {"all", "tune", 0.75, 0.90, 0.74},
    // measured: P@10cap 0.753, MRR@10 0.805, R@50 0.763
    {"all", "heldout", 0.73, 0.78, 0.74},
};

TEST_F(RankingEvalTest, StaysAboveTheMeasuredFloors) {
  for (const Floor& floor : kFloors) {
    const Figures f = figures(floor.mode, floor.group);
    SCOPED_TRACE(std::string(floor.mode) + " " + floor.group);
    EXPECT_GE(f.p10_capped, floor.p10_capped);
    EXPECT_GE(f.mrr10, floor.mrr10);
    EXPECT_GE(f.r50, floor.r50);
  }
}

}  // namespace
}  // namespace izdeu::corpus
