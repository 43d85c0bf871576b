// Kazakh lemma conflation through the index path (issue 13): the held-out
// set tests/data/kazakh/heldout.tsv (word<TAB>group, never tuned on) and the
// Kazakh vocabulary of NTREX-128 kk and SIB-200 kk (../shared/corpus/raw) are
// indexed as Kazakh articles the way IndexWriter does, lexicon included; then
// every held-out word is typed as a query and its readings resolved
// (corpus::resolve_readings, what Searcher matches).
//
// Ordered pairs (A, B) of distinct held-out words: A reaches B when B is
// among A's matched forms (any reading class).
//   precision = reaching pairs in one group / reaching pairs
//   recall    = reaching pairs in one group / same-group pairs
// Prints the figures and asserts them, about 0.01 under the measured ones,
// as well as the target (P >= 0.90, F1 >= 0.80), which the plain
// stem() lexicon met already. The recall threshold is what fails when the
// confirmed readings are not wired in. Do not tune the stemmer on these
// words; tune on tests/data/kazakh/devset.tsv and tune.tsv
// (tests/analyzers/kazakh_lexicon_eval_test.cpp).
//
// Measured (P / R / F1 over directed pairs; 1,052 held-out words, 15,915
// indexed forms):
//   plain stem() lexicon (before issue 13)   0.993 / 0.832 / 0.905  (8472/8534, 8472/10180)
//   vocabulary-confirmed readings            0.981 / 0.965 / 0.973  (9821/10007, 9821/10180)
// Close to KazakhLexicon's on the same set (0.983 / 0.963 / 0.973, unordered
// pairs of equal confirmed stems): the index path keeps what the lexicon
// class measured.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/utf8.h"
#include "corpus/index/index_writer.h"
#include "corpus/query/query_word.h"
#include "tests/support/kazakh_eval_set.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

namespace fs = std::filesystem;
using analyzers::Language;

const fs::path kData = fs::path(IZDEU_SOURCE_DIR) / "tests" / "data" / "kazakh";
const fs::path kRaw = fs::path(IZDEU_SHARED_DIR) / "corpus" / "raw";

using Entry = testing::KazakhEvalEntry;

TEST(KazakhConflationEvalTest, HeldOutThroughTheIndex) {
  const std::vector<Entry> entries = testing::read_kazakh_set(kData / "heldout.tsv");
  ASSERT_GE(entries.size(), 1000U);
  std::set<std::string> vocabulary = testing::kazakh_corpus_vocabulary(kRaw);
  ASSERT_GE(vocabulary.size(), 10000U) << "cannot read the corpus under " << kRaw;
  for (const Entry& e : entries) vocabulary.insert(e.word);

  // 200 words an article: which article holds a form does not matter here.
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir.str());
    ASSERT_TRUE(writer);
    std::string text;
    std::size_t in_text = 0;
    std::size_t article = 0;
    const auto flush = [&] {
      // The title is a number: no word of its own in the lexicon.
      const std::string id = std::to_string(article++);
      const auto added = writer->add_or_replace(
          testing::make_article("kk-" + id, id, text, std::nullopt, Language::kKazakh));
      ASSERT_TRUE(added) << added.error().message;
      text.clear();
      in_text = 0;
    };
    for (const std::string& word : vocabulary) {
      text += word;
      text += ' ';
      if (++in_text == 200) flush();
    }
    if (in_text > 0) flush();
    ASSERT_TRUE(writer->commit());
  }
  const Xapian::Database database(dir.str());

  const analyzers::Analyzer* kazakh = &analyzers::analyzer_for(Language::kKazakh);
  std::vector<std::set<std::string>> reached;
  for (const Entry& e : entries) {
    std::vector<QueryWord> words = analyze_words(e.word, {kazakh});
    std::set<std::string> forms;
    for (QueryWord& word : words) {
      resolve_readings(word, database);
      const std::set<std::string> matched = matched_forms(word);
      forms.insert(matched.begin(), matched.end());
    }
    reached.push_back(std::move(forms));
  }
  std::int64_t same_group = 0;
  std::int64_t reaching = 0;
  std::int64_t both = 0;
  for (std::size_t a = 0; a < entries.size(); ++a) {
    for (std::size_t b = 0; b < entries.size(); ++b) {
      if (a == b || entries[a].word == entries[b].word) continue;
      const bool group = entries[a].group == entries[b].group;
      const bool reach = reached[a].count(entries[b].word) > 0;
      same_group += group ? 1 : 0;
      reaching += reach ? 1 : 0;
      both += group && reach ? 1 : 0;
    }
  }
  const double precision = reaching == 0 ? 1.0 : static_cast<double>(both) / reaching;
  const double recall = same_group == 0 ? 1.0 : static_cast<double>(both) / same_group;
  const double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  std::cout << "[kazakh] held-out through the index (" << entries.size() << " words, "
            << vocabulary.size() << " indexed forms): precision " << precision << " (" << both
            << "/" << reaching << "), recall " << recall << " (" << both << "/" << same_group
            << "), F1 " << f1 << "\n";
  // The target.
  EXPECT_GE(precision, 0.90);
  EXPECT_GE(f1, 0.80);
  // Today's figures, rounded down by about 0.01.
  EXPECT_GE(precision, 0.97);
  EXPECT_GE(recall, 0.95);
  EXPECT_GE(f1, 0.96);
}

}  // namespace
}  // namespace izdeu::corpus
