// Kazakh question answering over title-less passages (issue 14, item 6): the
// question set tests/data/kazakh_qa/questions.tsv (see its header: 84
// questions written by us, each with its answer passage; 34 tune, 50
// heldout) against every Kazakh passage of ../shared/corpus/raw
// (testing::kazakh_passages: KazNERD groups, NTREX-128 kk windows, SIB-200 kk
// rows; 4,363 passages, indexed without titles).
//
// izdeu: the passages go through izdeu-indexer's path (JSON Lines,
// testing::index_archives) into a temporary index, and every question is
// asked with the default SearchRequest (match auto, no language filter,
// relevance, duplicates collapsed; snippets off), as the portal asks.
// Plain Xapian, the baseline: the same passages in a Xapian database of their
// own, indexed by Xapian::TermGenerator without a stemmer (exact lower-cased
// terms), each question parsed by Xapian::QueryParser with default op OR and
// no stemmer, ranked by BM25 (Xapian's default weighting).
//
//   MRR@10     mean over the questions of 1/rank of the answer passage in the
//              top 10 (0 when it is not there)
//   Recall@10  share of the questions whose answer passage is in the top 10
//
// Printed per split (tune, heldout, all) for both, with izdeu / plain Xapian,
// and every question izdeu does not answer first, with both ranks. The issue
// targets MRR@10 >= 0.75 and >= 1.2 x plain Xapian.
//
// Measured 2026-12-06 (4,363 passages, 84 questions; MRR@10 / Recall@10):
//   without titles (h-untitled merged; the same figures as with the passage
//   id as a stand-in title before it)
//     izdeu    tune 0.589 / 0.794   heldout 0.680 / 0.800   all 0.643 / 0.798
//     plain    tune 0.624 / 0.735   heldout 0.452 / 0.680   all 0.522 / 0.702
//     ratio    tune 0.94            heldout 1.50            all 1.23
//   after match=auto relaxes a question no passage answers in full to every
//   word, ranked by BM25 plus a small bonus per matched word by its rarity
//   (kNoFullMatchBonus = 3, chosen on the tune rows only: 0 gave 0.732,
//   10 gave 0.750, 30 gave 0.749 on tune)
//     izdeu    tune 0.762 / 0.912   heldout 0.702 / 0.820   all 0.726 / 0.857
//     ratio    tune 1.22            heldout 1.55            all 1.39
// The 1.2x target is asserted on all questions; MRR@10 0.75 is met on the
// tune rows but not on the heldout ones (0.702), so it is not asserted: the
// floors below are a regression guard a little under the figures measured.
// Do not tune the engine on the heldout rows.
#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/search/searcher.h"
#include "tests/support/archive_index.h"
#include "tests/support/real_text_archive.h"
#include "tests/support/temp_dir.h"

namespace izdeu::corpus {
namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t kTopN = 10;
// Regression floors: the figures measured (see above), rounded down by ~0.03.
constexpr double kMinTuneMrr = 0.73;
constexpr double kMinHeldoutMrr = 0.67;
constexpr double kMinAllRecall = 0.83;
constexpr double kMinAllRatio =
    1.2;  // izdeu MRR@10 / plain Xapian MRR@10, all questions (the issue's)

struct Question {
  int line = 0;
  std::string split;  // "tune" or "heldout"
  std::string passage;
  std::string text;
};

// The rows of `path`, or a message in `error`.
std::vector<Question> read_questions(const fs::path& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot read " + path.string();
    return {};
  }
  std::vector<Question> rows;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    std::istringstream fields_in(line);
    for (std::string field; std::getline(fields_in, field, '\t');) fields.push_back(field);
    if (fields.size() != 3 || (fields[0] != "tune" && fields[0] != "heldout") ||
        fields[1].empty() || fields[2].empty()) {
      error = path.string() + ":" + std::to_string(number) + ": malformed row";
      return {};
    }
    rows.push_back({number, fields[0], fields[1], fields[2]});
  }
  return rows;
}

// Rank (1-based) of `id` among `ids`; nullopt when it is not there.
std::optional<std::size_t> rank_of(const std::vector<std::string>& ids, const std::string& id) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == id) return i + 1;
  }
  return std::nullopt;
}

struct Figures {
  int questions = 0;
  double reciprocal_ranks = 0;
  int found = 0;

  void add(std::optional<std::size_t> rank) {
    ++questions;
    if (rank) {
      reciprocal_ranks += 1.0 / static_cast<double>(*rank);
      ++found;
    }
  }
  double mrr() const { return questions == 0 ? 0 : reciprocal_ranks / questions; }
  double recall() const { return questions == 0 ? 0 : double(found) / questions; }
};

// Figures per split ("tune", "heldout", "all").
using SplitFigures = std::map<std::string, Figures>;

// The top-10 passage ids of izdeu for `question` (the default request).
std::vector<std::string> izdeu_top(Searcher& searcher, const std::string& question,
                                   std::string& error) {
  SearchRequest request;
  request.query = question;
  request.per_page = kTopN;
  request.snippet_chars = 0;
  auto result = searcher.search(request);
  std::vector<std::string> ids;
  if (!result) {
    error += "«" + question + "»: " + result.error().message + "\n";
    return ids;
  }
  for (const auto& hit : result->hits) ids.push_back(hit.id);
  return ids;
}

// Plain Xapian: exact lower-cased terms, no stemmer, each passage's id as its data.
void build_plain_index(const std::vector<RawArticle>& passages, const fs::path& path) {
  Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  for (const auto& passage : passages) {
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(passage.body);
    document.set_data(passage.id);
    db.add_document(document);
  }
  db.commit();
}

// The top-10 passage ids of plain Xapian for `question`: QueryParser, OP_OR, BM25.
std::vector<std::string> plain_top(const Xapian::Database& db, const std::string& question) {
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_default_op(Xapian::Query::OP_OR);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
  Xapian::Query query;
  try {
    query = parser.parse_query(question);
  } catch (const Xapian::QueryParserError&) {
    query = parser.parse_query(question, 0);  // no operators: every word a plain term
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  std::vector<std::string> ids;
  const Xapian::MSet mset = enquire.get_mset(0, kTopN);
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(it.get_document().get_data());
  return ids;
}

std::string show_rank(std::optional<std::size_t> rank) {
  return rank ? std::to_string(*rank) : std::string("-");
}

class KazakhQaEvalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    const auto questions =
        read_questions(fs::path(IZDEU_SOURCE_DIR) / "tests/data/kazakh_qa/questions.tsv", error);
    if (!error.empty()) {
      setup_error_ = error;
      return;
    }
    auto passages = testing::kazakh_passages();
    if (!passages) {
      setup_error_ = "cannot read the passages: " + passages.error().message;
      return;
    }
    passage_count_ = passages->size();
    question_count_ = questions.size();
    std::map<std::string, std::size_t> known;
    for (std::size_t i = 0; i < passages->size(); ++i) known[(*passages)[i].id] = i;
    for (const auto& question : questions) {
      if (!known.contains(question.passage)) {
        setup_error_ = "line " + std::to_string(question.line) + ": no passage " + question.passage;
        return;
      }
    }

    testing::TempDir dir;
    const fs::path jsonl = dir.path() / "passages.jsonl";
    if (!testing::write_jsonl(*passages, jsonl)) {
      setup_error_ = "cannot write " + jsonl.string();
      return;
    }
    const fs::path index = dir.path() / "index";
    auto stats = testing::index_archives(index.string(), {jsonl.string()});
    if (!stats || !stats->skipped.empty() || stats->indexed() != passages->size()) {
      setup_error_ = stats ? "passages skipped at indexing" : stats.error().message;
      return;
    }
    auto searcher = Searcher::open({index.string()});
    if (!searcher) {
      setup_error_ = "cannot open the index: " + searcher.error().message;
      return;
    }
    const fs::path plain_path = dir.path() / "plain";
    build_plain_index(*passages, plain_path);
    const Xapian::Database plain(plain_path.string());

    std::ostringstream misses;
    for (const auto& question : questions) {
      const auto izdeu_rank = rank_of(izdeu_top(*searcher, question.text, error), question.passage);
      const auto plain_rank = rank_of(plain_top(plain, question.text), question.passage);
      for (const std::string& split : {question.split, std::string("all")}) {
        izdeu_[split].add(izdeu_rank);
        plain_[split].add(plain_rank);
      }
      if (izdeu_rank != std::size_t{1}) {
        misses << "[kazakh-qa]   " << std::setw(7) << std::left << question.split << std::right
               << " line " << std::setw(3) << question.line << "  izdeu " << std::setw(2)
               << show_rank(izdeu_rank) << "  plain " << std::setw(2) << show_rank(plain_rank)
               << "  " << question.passage << "  «" << question.text << "»\n";
      }
    }
    if (!error.empty()) {
      setup_error_ = "search failed:\n" + error;
      return;
    }
    report(misses.str());
  }

  static void report(const std::string& misses) {
    std::cout << "[kazakh-qa] " << passage_count_ << " passages (no titles), " << question_count_
              << " questions, top " << kTopN << "\n"
              << "[kazakh-qa] split      n   izdeu MRR@10 R@10   plain MRR@10 R@10   MRR ratio\n"
              << std::fixed << std::setprecision(3);
    for (const std::string split : {"tune", "heldout", "all"}) {
      const Figures& ours = izdeu_[split];
      const Figures& theirs = plain_[split];
      std::cout << "[kazakh-qa] " << std::setw(7) << std::left << split << std::right
                << std::setw(5) << ours.questions << "   " << std::setw(12) << ours.mrr() << " "
                << std::setw(5) << ours.recall() << "   " << std::setw(12) << theirs.mrr() << " "
                << std::setw(5) << theirs.recall() << "   " << std::setw(9)
                << (theirs.mrr() > 0 ? ours.mrr() / theirs.mrr() : 0) << "\n";
    }
    std::cout << "[kazakh-qa] questions izdeu does not answer first (rank, '-' = not in the top "
              << kTopN << "):\n"
              << misses;
  }

  void SetUp() override { ASSERT_TRUE(setup_error_.empty()) << setup_error_; }

  static inline SplitFigures izdeu_;
  static inline SplitFigures plain_;
  static inline std::size_t passage_count_ = 0;
  static inline std::size_t question_count_ = 0;
  static inline std::string setup_error_;
};

TEST_F(KazakhQaEvalTest, SetIsLargeEnough) {
  EXPECT_GE(question_count_, 80U);
  EXPECT_GE(passage_count_, 4000U);
}

TEST_F(KazakhQaEvalTest, IzdeuRanksTheAnswerPassage) {
  EXPECT_GE(izdeu_["tune"].mrr(), kMinTuneMrr);
  EXPECT_GE(izdeu_["heldout"].mrr(), kMinHeldoutMrr);
  EXPECT_GE(izdeu_["all"].recall(), kMinAllRecall);
}

TEST_F(KazakhQaEvalTest, IzdeuBeatsPlainXapian) {
  ASSERT_GT(plain_["all"].mrr(), 0);
  EXPECT_GE(izdeu_["all"].mrr() / plain_["all"].mrr(), kMinAllRatio);
}

}  // namespace
}  // namespace izdeu::corpus
