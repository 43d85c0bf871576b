// Precision and recall of search measured on the judged set
// tests/data/precision/judged.tsv (issue "Precise matching": a hit must hold
// the query's word), over real public text (../shared/corpus/raw, see
// tests/support/real_text_archive.h) plus the sample archive
// tests/fixtures/sample, indexed once the way izdeu-indexer does.
//
// Every judged query runs through corpus::Searcher with the API defaults
// (match auto, relevance, duplicates collapsed, no filter but the row's
// language), twice: the top 10 for precision, the first kRecallDepth hits for
// recall.
//
//   precision@10  share of the top-10 hits, over all the queries of a split,
//                 that hold the query's word. A hit counts as precise unless
//                 it is in the row's must_not list: the judged set lists as
//                 must_not every look-alike of today's top 10 (and more; for
//                 heldout2, written without running the search, the
//                 look-alikes found in the text), so a hit nobody judged is
//                 assumed precise. The test prints how
//                 many top-10 hits are unjudged (in neither list); when the
//                 engine changes that number grows, and the new hits should
//                 be judged and added.
//   recall        share of the must ids, over all the queries of a split,
//                 found among the first kRecallDepth hits.
//
// Tune, heldout and heldout2 rows are reported separately; heldout rows are
// for reporting only, not for tuning the engine against, but have been
// inspected by the engine's developers since; heldout2 rows (written
// 2026-12-06, judged from the text before the search was run on them) are the
// fresh held-out split. Failing queries (a must_not id in the top 10, a must
// id missing) are printed one per line.
//
// Figures (3,376 articles, 65 queries: 33 tune, 18 heldout, 14 heldout2;
// recall over the first 1,000 hits, which is every match of every query here,
// so it measures matching rather than rank):
//   before the lexicon (b9eed0b)  tune P@10 0.870 (275/316), recall 0.979 (783/800)
//                                 heldout P@10 0.943 (150/159), recall 0.954 (351/368)
//   with the lexicon              tune P@10 0.956 (283/296), recall 0.985 (788/800)
//                                 heldout P@10 0.962 (153/159), recall 0.935 (344/368)
//   confirmed Kazakh readings     tune P@10 0.956 (284/297, 16 unjudged), recall 0.985 (788/800)
//   (issue 13)                    heldout P@10 0.962 (153/159), recall 0.948 (349/368)
//   heldout2 added (5579dd8)      heldout2 P@10 0.963 (129/134, 6 unjudged),
//                                 recall 0.925 (246/266); tune and heldout unchanged
//   declined acronyms («МИДа»)    tune P@10 0.956 (284/297), recall 0.985 (788/800)
//                                 heldout P@10 0.962 (153/159), recall 0.957 (352/368)
//                                 heldout2 P@10 0.963 (129/134), recall 0.925 (246/266)
// The tune recall threshold is the baseline (no article that holds the word
// lost); the heldout one is what the last change measures, rounded down.
// Until the confirmed Kazakh readings the heldout rows were not looked at
// (the lexicon lost 0.019 against the baseline, the Kazakh readings won
// back 0.013). Then their failures were read: «МИД» missed «МИДа»/«МИДе»,
// which the general rule for declined acronyms (analyzers::
// acronym_ending_bytes) fixed; no row-specific change was made. Since the
// heldout rows have been seen, heldout2 is the split nobody has tuned on.
// The heldout2 thresholds are a regression floor: what the split measured
// when it was added, rounded down to 3 decimals (precision 129/134 =
// 0.9627, recall 246/266 = 0.9248).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/language.h"
#include "corpus/search/searcher.h"
#include "tests/support/judged_tsv.h"
#include "tests/support/real_text_archive.h"
#include "tests/support/temp_dir.h"

namespace izdeu::corpus {
namespace {

namespace fs = std::filesystem;

constexpr double kMinPrecision = 0.95;
// Today's recall (see the header comment), rounded down.
constexpr double kMinTuneRecall = 0.979;
constexpr double kMinHeldoutRecall = 0.956;
// heldout2 (written after the heldout rows had been inspected): a regression
// floor, what the split measured when it was added, rounded down to 3
// decimals; not a target to tune against.
constexpr double kMinHeldout2Precision = 0.962;
constexpr double kMinHeldout2Recall = 0.924;
constexpr std::uint32_t kTopN = 10;
constexpr std::uint32_t kRecallDepth = 1000;

// The judged set's splits, each reported on its own.
enum class Split { kTune, kHeldout, kHeldout2 };

const char* split_name(Split split) {
  switch (split) {
    case Split::kTune:
      return "tune";
    case Split::kHeldout:
      return "heldout";
    case Split::kHeldout2:
      return "heldout2";
  }
  return "?";
}

std::optional<Split> parse_split(const std::string& text) {
  for (const Split split : {Split::kTune, Split::kHeldout, Split::kHeldout2}) {
    if (text == split_name(split)) return split;
  }
  return std::nullopt;
}

struct JudgedQuery {
  int line = 0;
  Split split = Split::kTune;
  std::string query;
  std::optional<analyzers::Language> language;
  std::vector<std::string> must;
  std::set<std::string> must_not;
};

// The judged rows, or a message in `error`.
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
    const auto split_field = fields.size() == 6 ? parse_split(fields[0]) : std::nullopt;
    if (!split_field || fields[1].empty()) {
      error = path.string() + ":" + std::to_string(number) + ": malformed row";
      return {};
    }
    JudgedQuery row;
    row.line = number;
    row.split = *split_field;
    row.query = fields[1];
    if (!fields[2].empty()) {
      row.language = analyzers::parse_language(fields[2]);
      if (!row.language) {
        error = path.string() + ":" + std::to_string(number) + ": unknown language";
        return {};
      }
    }
    row.must = testing::id_list(fields[3]);
    for (auto& id : testing::id_list(fields[4])) row.must_not.insert(std::move(id));
    rows.push_back(std::move(row));
  }
  return rows;
}

struct Figures {
  int queries = 0;
  int top_hits = 0;
  int precise = 0;
  int unjudged = 0;  // top-10 hits in neither list
  int must = 0;
  int found = 0;

  double precision() const { return top_hits == 0 ? 1.0 : double(precise) / top_hits; }
  double recall() const { return must == 0 ? 1.0 : double(found) / must; }
};

struct Evaluation {
  Figures tune;
  Figures heldout;
  Figures heldout2;
  std::string failures;  // one line per failing query

  Figures& of(Split split) {
    switch (split) {
      case Split::kHeldout:
        return heldout;
      case Split::kHeldout2:
        return heldout2;
      case Split::kTune:
        break;
    }
    return tune;
  }
};

std::vector<std::string> hit_ids(Searcher& searcher, const JudgedQuery& row, std::uint32_t per_page,
                                 std::string& error) {
  SearchRequest request;
  request.query = row.query;
  request.language = row.language;
  request.per_page = per_page;
  auto result = searcher.search(request);
  std::vector<std::string> out;
  if (!result) {
    error += "«" + row.query + "»: " + result.error().message + "\n";
    return out;
  }
  for (const auto& hit : result->hits) out.push_back(hit.id);
  return out;
}

// Runs every judged query; search errors are appended to `error`.
Evaluation evaluate(Searcher& searcher, const std::vector<JudgedQuery>& rows, std::string& error) {
  Evaluation evaluation;
  std::ostringstream failures;
  for (const auto& row : rows) {
    Figures& figures = evaluation.of(row.split);
    ++figures.queries;
    const auto top = hit_ids(searcher, row, kTopN, error);
    std::vector<std::string> imprecise;
    for (const auto& id : top) {
      ++figures.top_hits;
      if (row.must_not.contains(id)) {
        imprecise.push_back(id);
        continue;
      }
      ++figures.precise;
      if (std::find(row.must.begin(), row.must.end(), id) == row.must.end()) ++figures.unjudged;
    }
    const auto deep = hit_ids(searcher, row, kRecallDepth, error);
    const std::set<std::string> found(deep.begin(), deep.end());
    std::vector<std::string> missing;
    for (const auto& id : row.must) {
      ++figures.must;
      if (found.contains(id)) {
        ++figures.found;
      } else {
        missing.push_back(id);
      }
    }
    if (imprecise.empty() && missing.empty()) continue;
    failures << "  " << split_name(row.split) << " line " << row.line << " «" << row.query << "»: ";
    if (!imprecise.empty()) {
      failures << imprecise.size() << "/" << top.size() << " look-alikes in the top " << kTopN
               << " (";
      for (std::size_t i = 0; i < imprecise.size(); ++i) {
        failures << (i ? " " : "") << imprecise[i];
      }
      failures << ")";
    }
    if (!missing.empty()) {
      failures << (imprecise.empty() ? "" : "; ") << missing.size() << "/" << row.must.size()
               << " must ids not in the first " << kRecallDepth << " (";
      for (std::size_t i = 0; i < missing.size(); ++i) failures << (i ? " " : "") << missing[i];
      failures << ")";
    }
    failures << "\n";
  }
  evaluation.failures = failures.str();
  return evaluation;
}

void report(const char* name, const Figures& f) {
  std::cout << std::fixed << std::setprecision(3) << "[precision] " << name << ": " << f.queries
            << " queries, precision@" << kTopN << " " << f.precision() << " (" << f.precise << "/"
            << f.top_hits << ", " << f.unjudged << " unjudged), recall@" << kRecallDepth << " "
            << f.recall() << " (" << f.found << "/" << f.must << ")\n";
}

// Indexes the archive and runs the judged set once for all the tests.
class PrecisionEvalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    const auto rows =
        read_judged(fs::path(IZDEU_SOURCE_DIR) / "tests/data/precision/judged.tsv", error);
    if (!error.empty()) {
      setup_error_ = error;
      return;
    }
    if (rows.size() < 65) {
      setup_error_ = "the judged set has " + std::to_string(rows.size()) + " queries, not 65+";
      return;
    }
    testing::TempDir dir;
    const fs::path index = dir.path() / "index";
    auto indexed = testing::index_real_text_archive(index, dir.path());
    if (!indexed) {
      setup_error_ = "indexing failed: " + indexed.error().message;
      return;
    }
    auto searcher = Searcher::open({index.string()});
    if (!searcher) {
      setup_error_ = "cannot open the index: " + searcher.error().message;
      return;
    }
    evaluation_ = evaluate(*searcher, rows, error);
    if (!error.empty()) {
      setup_error_ = "search failed:\n" + error;
      return;
    }
    std::cout << "[precision] " << *indexed << " articles indexed, " << rows.size()
              << " judged queries\n";
    report("tune", evaluation_.tune);
    report("heldout", evaluation_.heldout);
    report("heldout2", evaluation_.heldout2);
    std::cout << "[precision] failing queries:\n" << evaluation_.failures;
  }

  void SetUp() override { ASSERT_TRUE(setup_error_.empty()) << setup_error_; }

  static inline Evaluation evaluation_;
  static inline std::string setup_error_;
};

// No article that holds the query's word is lost: recall stays at least
// where it was when the set was judged.
TEST_F(PrecisionEvalTest, RecallKeepsJudgedArticles) {
  EXPECT_GE(evaluation_.tune.recall(), kMinTuneRecall);
  EXPECT_GE(evaluation_.heldout.recall(), kMinHeldoutRecall);
  EXPECT_GE(evaluation_.heldout2.recall(), kMinHeldout2Recall);
}

TEST_F(PrecisionEvalTest, TopTenHitsHoldTheQueryWord) {
  EXPECT_GE(evaluation_.tune.precision(), kMinPrecision);
  EXPECT_GE(evaluation_.heldout.precision(), kMinPrecision);
  EXPECT_GE(evaluation_.heldout2.precision(), kMinHeldout2Precision);
}

}  // namespace
}  // namespace izdeu::corpus
