// End to end over the bundled sample archive: read with the real readers,
// index, search. The expectations come from tests/fixtures/sample/README.md ("Test
// queries"); documents are named by file or JSONL id, and page-dump ids are
// computed with the same reader and preparation the indexer uses.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "corpus/index/prepare.h"
#include "corpus/search/searcher.h"
#include "formats/page_dump.h"
#include "indexer/ingest_job.h"
#include "tests/support/temp_dir.h"

namespace izdeu::indexer {
namespace {

using formats::parse_page_dump;
using testing::TempDir;

const std::string kSample = std::string(IZDEU_SOURCE_DIR) + "/tests/fixtures/sample";

// "feed-0010" stays as is; "pages/ru/x.txt" becomes the id the indexer gives that file.
std::string id_of(const std::string& name) {
  if (name.rfind("pages/", 0) != 0) return name;
  std::ifstream in(kSample + "/" + name, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  auto article = parse_page_dump(content.str());
  if (!article) return "unreadable:" + name;
  auto prepared = corpus::prepare_article(std::move(*article));
  if (!prepared) return "unpreparable:" + name;
  return prepared->id;
}

struct QueryCase {
  friend void PrintTo(const QueryCase& c, std::ostream* out) { *out << c.query; }

  const char* query;
  std::vector<std::string> must_find;
  bool exactly;  // no other document may match
  std::optional<corpus::Date> from;
  std::optional<corpus::Date> to;
};

class SampleArchiveTest : public ::testing::TestWithParam<QueryCase> {
 protected:
  static void SetUpTestSuite() {
    index_ = new TempDir();
    IngestOptions options{.index_path = index_->str(), .paths = {kSample}};
    auto stats = run_ingest(options, nullptr, nullptr);
    ASSERT_TRUE(stats) << stats.error().message;
    EXPECT_EQ(stats->read, 66u);
    EXPECT_EQ(stats->added, 66u);
    EXPECT_TRUE(stats->skipped.empty());
  }
  static void TearDownTestSuite() { delete index_; }
  static TempDir* index_;
};
TempDir* SampleArchiveTest::index_ = nullptr;

TEST_P(SampleArchiveTest, FindsWhatTheSampleReadmePromises) {
  const QueryCase& c = GetParam();
  auto searcher = corpus::Searcher::open({index_->str()});
  ASSERT_TRUE(searcher);
  auto result = searcher->search({.query = c.query, .from = c.from, .to = c.to, .per_page = 100});
  ASSERT_TRUE(result) << result.error().message;
  std::vector<std::string> found;
  for (const auto& hit : result->hits) found.push_back(hit.id);
  for (const std::string& name : c.must_find) {
    EXPECT_NE(std::find(found.begin(), found.end(), id_of(name)), found.end())
        << c.query << " does not find " << name;
  }
  if (c.exactly) {
    EXPECT_EQ(found.size(), c.must_find.size()) << c.query;
  }
}

const QueryCase kCases[] = {
    {"Ерлан Сапаров",
     {"pages/ru/2021-07-01-taraz-pamyat-saparova.txt",
      "pages/ru/2016-03-01-taraz-den-blagodarnosti.txt", "feed-0005"},
     true},
    {"Гирш",
     {"pages/ru/2015-05-01-pavlodar-den-edinstva.txt",
      "pages/kk/2018-10-15-pavlodar-qayyrymdylyq.txt", "feed-0007"},
     true},
    {"Абсеметова",
     {"pages/ru/2020-04-15-aktobe-pomoshch-v-karantin.txt",
      "pages/kk/2017-09-01-aktobe-bilim-kuni.txt", "feed-0009"},
     true},
    {"Низамова",
     {"pages/ru/2016-04-12-ust-kamenogorsk-sovet-materey.txt",
      "pages/ru/2020-12-08-nur-sultan-sovet-materey-onlayn.txt",
      "pages/kk/2024-03-01-semey-algys-aytu-kuni.txt", "feed-0014"},
     true},
    {"Токаев",
     {"pages/ru/2022-11-25-zhezkazgan-vybory-prezidenta.txt",
      "pages/ru/2025-03-01-astana-30-let-assamblei.txt"},
     false},
    {"пчеловодов", {"feed-0010"}, true},
    {"пчеловод", {"feed-0010"}, true},
    {"тоғызқұмалақ", {"pages/kk/2021-07-01-taraz-togyzqumalaq-turniri.txt"}, true},
    {"Целиноград", {"pages/ru/2015-02-17-kokshetau-veterany-celiny.txt", "feed-0013"}, true},
    {"Чимкент",
     {"pages/ru/2015-11-20-shymkent-uzbekskiy-centr.txt",
      "pages/ru/2018-06-27-shymkent-gorod-respublikanskogo-znacheniya.txt"},
     true},
    {"Нур-Султан",
     {"pages/ru/2019-04-25-nur-sultan-sessiya-assamblei-stolicy.txt",
      "pages/ru/2020-12-08-nur-sultan-sovet-materey-onlayn.txt", "feed-0007"},
     false},
    {"Сапаров",
     {"pages/ru/2016-03-01-taraz-den-blagodarnosti.txt"},
     true,
     std::nullopt,
     corpus::Date{2016, 12, 31}},
    {"Жамбыл облысы", {"pages/kk/2021-07-01-taraz-togyzqumalaq-turniri.txt", "feed-0017"}, false},
};

// gtest names must be ASCII; the queries are Cyrillic, so cases are numbered.
INSTANTIATE_TEST_SUITE_P(Readme, SampleArchiveTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<QueryCase>& param) {
                           return "Query" + std::to_string(param.index);
                         });

}  // namespace
}  // namespace izdeu::indexer
