// The parallel ingest: several threads and shards build the same index as one
// thread does; shards are merged or kept; a compacted or sharded index takes
// incremental runs (replace, add, delete); input order survives the threads;
// a tiny memory budget still indexes everything; errors stop the pipeline.

#include "indexer/ingest_pipeline.h"

#include <gtest/gtest.h>

#include "tests/support/sanitizers.h"
#if defined(IZDEU_ASAN)
#include <sanitizer/lsan_interface.h>
#endif
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "corpus/index/article_codec.h"
#include "corpus/index/entity_annotator.h"
#include "corpus/search/searcher.h"
#include "indexer/index_layout.h"
#include "indexer/ingest_job.h"
#include "tests/support/temp_dir.h"

namespace izdeu::indexer {
namespace {

// Allocations made while one lives are not reported by LeakSanitizer (under
// the ASan preset; nothing otherwise).
struct ScopedLeakCheckPause {
  ScopedLeakCheckPause() {
#if defined(IZDEU_ASAN)
    __lsan_disable();
#endif
  }
  ~ScopedLeakCheckPause() {
#if defined(IZDEU_ASAN)
    __lsan_enable();
#endif
  }
  ScopedLeakCheckPause(const ScopedLeakCheckPause&) = delete;
  ScopedLeakCheckPause& operator=(const ScopedLeakCheckPause&) = delete;
};

namespace fs = std::filesystem;
using testing::TempDir;

const std::string kSample = std::string(IZDEU_SOURCE_DIR) + "/tests/fixtures/sample";

// Everything stored for one article: terms with wdf and positions, values, data.
struct StoredArticle {
  std::string data;
  std::map<std::string, std::pair<Xapian::termcount, std::vector<Xapian::termpos>>> terms;
  std::map<Xapian::valueno, std::string> values;

  friend bool operator==(const StoredArticle&, const StoredArticle&) = default;
};

// id -> stored article, read through Xapian from a database or stub.
std::map<std::string, StoredArticle> read_index(const std::string& path) {
  std::map<std::string, StoredArticle> out;
  Xapian::Database database(path);
  for (auto it = database.allterms_begin("Q"); it != database.allterms_end("Q"); ++it) {
    const std::string id = (*it).substr(1);
    EXPECT_EQ(it.get_termfreq(), 1u) << "id stored twice: " << id;
    const Xapian::docid docid = *database.postlist_begin(*it);
    const Xapian::Document document = database.get_document(docid);
    StoredArticle& article = out[id];
    article.data = document.get_data();
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
      std::vector<Xapian::termpos> positions(term.positionlist_begin(), term.positionlist_end());
      article.terms[*term] = {term.get_wdf(), positions};
    }
    for (auto value = document.values_begin(); value != document.values_end(); ++value) {
      article.values[value.get_valueno()] = *value;
    }
  }
  EXPECT_EQ(out.size(), database.get_doccount());
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// The 20 articles of the sample feed that have ids, `copies` times over,
// with ids "<id>-c<k>".
std::string copied_feed(int copies) {
  const std::string feed = read_file(kSample + "/feed.jsonl");
  std::string out;
  for (int copy = 0; copy < copies; ++copy) {
    std::istringstream lines(feed);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.rfind("{\"id\": \"", 0) != 0) continue;
      const auto id_end = line.find("\", ");
      out += line.substr(0, id_end) + "-c" + std::to_string(copy) + line.substr(id_end) + "\n";
    }
  }
  return out;
}

IngestStats ingest(IngestOptions options) {
  auto stats = run_ingest(options, nullptr, nullptr);
  EXPECT_TRUE(stats) << stats.error().message;
  return stats ? *stats : IngestStats{};
}

TEST(IngestPipelineTest, ThreadsAndMergedShardsBuildWhatOneThreadBuilds) {
  TempDir one;
  TempDir many;
  const IngestStats single =
      ingest({.index_path = one.str(), .paths = {kSample}, .threads = 1, .shards = 1});
  const IngestStats parallel =
      ingest({.index_path = many.str(), .paths = {kSample}, .threads = 4, .shards = 3});
  EXPECT_EQ(single.shards, 1u);
  EXPECT_EQ(parallel.shards, 3u);
  EXPECT_TRUE(parallel.merged);
  EXPECT_EQ(parallel.added, 66u);
  EXPECT_EQ(parallel.documents_in_index, 66u);
  EXPECT_EQ(inspect_index(many.str())->shape, IndexShape::kSingle);
  EXPECT_FALSE(fs::exists(many.path() / ".izdeu-build")) << "shards left behind after the merge";

  const auto expected = read_index(one.str());
  const auto actual = read_index(many.str());
  ASSERT_EQ(expected.size(), 66u);
  ASSERT_EQ(actual.size(), expected.size());
  for (const auto& [id, article] : expected) {
    ASSERT_TRUE(actual.count(id)) << id;
    EXPECT_TRUE(actual.at(id) == article) << "article " << id << " differs";
  }
}

TEST(IngestPipelineTest, UnmergedShardsAreSearchedAsOneIndex) {
  TempDir index;
  const IngestStats stats = ingest(
      {.index_path = index.str(), .paths = {kSample}, .threads = 2, .shards = 3, .merge = false});
  EXPECT_FALSE(stats.merged);
  auto layout = inspect_index(index.str());
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->shape, IndexShape::kSharded);
  ASSERT_EQ(layout->databases.size(), 3u);
  std::uint64_t in_shards = 0;
  for (const std::string& shard : layout->databases) {
    const auto count = Xapian::Database(shard).get_doccount();
    EXPECT_GT(count, 0u) << shard << " got no articles";
    in_shards += count;
  }
  EXPECT_EQ(in_shards, 66u);

  auto searcher = corpus::Searcher::open({index.str()});
  ASSERT_TRUE(searcher) << searcher.error().message;
  EXPECT_EQ(*searcher->document_count(), 66u);
  auto found = searcher->search({.query = "Ассамблеи"});
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_GT(found->total, 3u);
}

// A second run on a finished index: changed articles replace, new ones add,
// --delete removes -- on a merged (compacted) index and on a sharded one.
class IncrementalTest : public ::testing::TestWithParam<bool> {};

TEST_P(IncrementalTest, ReplacesAddsAndDeletes) {
  const bool merge = GetParam();
  TempDir input;
  TempDir index;
  write_file(input.path() / "a.jsonl", copied_feed(3));
  const IngestStats first =
      ingest({.index_path = index.str(), .paths = {input.str()}, .shards = 2, .merge = merge});
  ASSERT_EQ(first.added, 60u);
  const auto shape = inspect_index(index.str())->shape;
  EXPECT_EQ(shape, merge ? IndexShape::kSingle : IndexShape::kSharded);

  write_file(input.path() / "a.jsonl",
             "{\"id\":\"feed-0001-c0\",\"title\":\"Исправленный заголовок\",\"body\":\"Новый "
             "текст.\"}\n");
  write_file(input.path() / "b.jsonl",
             "{\"id\":\"new-1\",\"title\":\"Новая статья\",\"body\":\"Текст.\"}\n");
  const IngestStats second = ingest({.index_path = index.str(),
                                     .paths = {input.str()},
                                     .delete_ids = {"feed-0002-c1", "feed-0003-c2", "nope"},
                                     .shards = 4});
  EXPECT_EQ(second.replaced, 1u);
  EXPECT_EQ(second.added, 1u);
  EXPECT_EQ(second.deleted, 2u);
  EXPECT_EQ(second.delete_missing, 1u);
  EXPECT_EQ(second.documents_in_index, 60u - 2u + 1u);
  EXPECT_EQ(inspect_index(index.str())->shape, shape) << "an existing index keeps its shape";
  if (merge) {
    EXPECT_FALSE(second.notes.empty()) << "--shards on an existing index is explained";
  }

  const auto stored = read_index(index.str());  // also checks no id is stored twice
  EXPECT_EQ(stored.size(), 59u);
  EXPECT_TRUE(stored.count("new-1"));
  EXPECT_FALSE(stored.count("feed-0002-c1"));
  ASSERT_TRUE(stored.count("feed-0001-c0"));
  EXPECT_NE(stored.at("feed-0001-c0").data.find("Исправленный заголовок"), std::string::npos);

  auto searcher = corpus::Searcher::open({index.str()});
  ASSERT_TRUE(searcher);
  auto found = searcher->search({.query = "исправленный"});
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->hits.size(), 1u);
  EXPECT_EQ(found->hits[0].id, "feed-0001-c0");
}

INSTANTIATE_TEST_SUITE_P(MergedOrSharded, IncrementalTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& param) {
                           return param.param ? "Merged" : "Sharded";
                         });

TEST(IngestPipelineTest, RepeatedIdKeepsTheLaterArticleWithManyThreads) {
  TempDir input;
  TempDir index;
  std::string lines;
  for (int i = 0; i < 40; ++i) {
    lines += "{\"id\":\"same\",\"title\":\"Версия " + std::to_string(i) +
             "\",\"body\":\"Текст номер " + std::to_string(i) + ".\"}\n";
    lines += "{\"id\":\"other-" + std::to_string(i) + "\",\"title\":\"Статья\",\"body\":\"" +
             std::string(2000 + 50 * (i % 7), 'x') + " текст.\"}\n";
  }
  write_file(input.path() / "a.jsonl", lines);
  const IngestStats stats =
      ingest({.index_path = index.str(), .paths = {input.str()}, .threads = 4, .shards = 3});
  EXPECT_EQ(stats.added, 41u);
  EXPECT_EQ(stats.replaced, 39u);
  const auto stored = read_index(index.str());
  ASSERT_TRUE(stored.count("same"));
  EXPECT_NE(stored.at("same").data.find("title=Версия 39\n"), std::string::npos);
}

TEST(IngestPipelineTest, SkippedInputIsReportedInInputOrder) {
  TempDir input;
  TempDir index;
  std::string lines;
  std::vector<std::string> expected;
  for (int i = 1; i <= 60; ++i) {
    if (i % 7 == 0) {
      lines += "{\"id\":\"bad-" + std::to_string(i) + "\",\"title\":\n";
      expected.push_back((input.path() / "a.jsonl").string() + ":" + std::to_string(i));
    } else {
      lines += "{\"id\":\"ok-" + std::to_string(i) + "\",\"title\":\"Заголовок\",\"body\":\"" +
               std::string(static_cast<std::size_t>(100 * (i % 5)), 'y') + " текст.\"}\n";
    }
  }
  write_file(input.path() / "a.jsonl", lines);
  write_file(input.path() / "b.txt", "no date in this page dump\n");
  expected.push_back((input.path() / "b.txt").string());
  std::vector<std::string> reported;
  IngestOptions options{.index_path = index.str(), .paths = {input.str()}, .threads = 4};
  auto stats = run_ingest(options, nullptr,
                          [&](const ReadIssue& issue) { reported.push_back(issue.location); });
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(reported, expected);
  EXPECT_EQ(stats->skipped.size(), expected.size());
  EXPECT_EQ(stats->added, 60u - 8u);
}

TEST(IngestPipelineTest, SmallMemoryBudgetCommitsOftenAndLosesNothing) {
  TempDir input;
  TempDir small;
  TempDir large;
  write_file(input.path() / "a.jsonl", copied_feed(15));
  const IngestStats tight =
      ingest({.index_path = small.str(), .paths = {input.str()}, .shards = 1, .memory_mb = 1});
  const IngestStats roomy =
      ingest({.index_path = large.str(), .paths = {input.str()}, .shards = 1});
  EXPECT_GE(tight.commits, 1u) << "the smallest budget should not hold 300 articles";
  EXPECT_EQ(roomy.commits, 0u);
  EXPECT_EQ(tight.added, 300u);
  EXPECT_EQ(read_index(small.str()), read_index(large.str()));
}

TEST(IngestPipelineTest, BatchSizeCommitsEveryNArticles) {
  TempDir index;
  const IngestStats stats =
      ingest({.index_path = index.str(), .paths = {kSample}, .batch_size = 10, .shards = 1});
  EXPECT_EQ(stats.commits, 6u);  // 66 articles: after 10, 20, ..., 60
}

TEST(IngestPipelineTest, AnnotationRunsOnEveryArticleBeforeEncoding) {
  TempDir index;
  std::atomic<int> calls{0};
  IngestOptions options{.index_path = index.str(), .paths = {kSample}, .threads = 3};
  options.annotate = [&](corpus::Article& article, const corpus::ArticleTokens& tokens) {
    EXPECT_FALSE(tokens.title.empty());
    ++calls;
    article.topics = {"annotated"};
  };
  auto stats = run_ingest(options, nullptr, nullptr);
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(calls, 66);
  EXPECT_EQ(Xapian::Database(index.str()).get_termfreq("XTannotated"), 66u);
}

// An exception while one record is prepared (here from the annotation hook,
// on whichever worker gets the record) skips that record with its location;
// the run goes on and the index gets the rest.
TEST(IngestPipelineTest, AnExceptionWhilePreparingARecordSkipsOnlyThatRecord) {
  struct Case {
    const char* name;
    std::function<void()> thrower;
    std::string reason;
  };
  const Case cases[] = {
      {"std::exception", [] { throw std::runtime_error("boom"); }, "unexpected error: boom"},
      {"anything else", [] { throw 42; }, "unexpected error"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir input;
    TempDir index;
    std::string lines;
    for (int i = 1; i <= 20; ++i) {
      lines += "{\"id\":\"id-" + std::to_string(i) +
               "\",\"title\":\"Заголовок\",\"body\":\"Текст статьи.\"}\n";
    }
    write_file(input.path() / "a.jsonl", lines);
    IngestOptions options{.index_path = index.str(), .paths = {input.str()}, .threads = 3};
    options.annotate = [&](corpus::Article& article, const corpus::ArticleTokens&) {
      if (article.id == "id-7") c.thrower();
    };
    std::vector<ReadIssue> reported;
    auto stats =
        run_ingest(options, nullptr, [&](const ReadIssue& issue) { reported.push_back(issue); });
    ASSERT_TRUE(stats) << stats.error().message;
    ASSERT_EQ(reported.size(), 1u);
    EXPECT_EQ(reported[0].location, (input.path() / "a.jsonl").string() + ":7");
    EXPECT_EQ(reported[0].reason, c.reason);
    EXPECT_EQ(stats->added, 19u);
  }
}

// A first build whose merge fails (a directory stands where Xapian writes a
// table) reports the error and removes its shards; the next run starts clean.
TEST(IngestPipelineTest, AFailedFirstBuildRemovesItsShards) {
  TempDir index;
  fs::create_directories(index.path() / "postlist.glass" / "in-the-way");
  corpus::Result<IngestStats> stats = corpus::unavailable("not run");
  {
    // Xapian 1.4's compactor leaks 465 bytes inside libxapian when it fails
    // to write its output (found by the ci-asan preset; nothing of ours is on
    // the allocation stacks), so LeakSanitizer ignores what this call allocates.
    [[maybe_unused]] const ScopedLeakCheckPause pause;
    stats =
        run_ingest({.index_path = index.str(), .paths = {kSample}, .threads = 2}, nullptr, nullptr);
  }
  ASSERT_FALSE(stats);
  EXPECT_FALSE(fs::exists(index.path() / ".izdeu-build"));
}

// The workers annotate from the tokens they encode; the tags must be the ones
// annotate_entities() finds when it analyzes the article itself.
TEST(IngestPipelineTest, DefaultAnnotationFromSharedTokensMatchesAStandaloneAnnotation) {
  TempDir index;
  auto stats =
      run_ingest({.index_path = index.str(), .paths = {kSample}, .threads = 2}, nullptr, nullptr);
  ASSERT_TRUE(stats) << stats.error().message;
  Xapian::Database database(index.str());
  std::size_t with_people = 0;
  std::size_t with_regions = 0;
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
    auto stored = corpus::decode_article(database.get_document(*it).get_data());
    ASSERT_TRUE(stored);
    corpus::Article fresh = *stored;
    fresh.people.clear();
    fresh.regions.clear();
    fresh.topics.clear();
    corpus::annotate_entities(fresh);
    EXPECT_EQ(stored->people, fresh.people) << stored->id;
    EXPECT_EQ(stored->regions, fresh.regions) << stored->id;
    EXPECT_EQ(stored->topics, fresh.topics) << stored->id;
    with_people += !stored->people.empty();
    with_regions += !stored->regions.empty();
  }
  EXPECT_GT(with_people, 20u);
  EXPECT_GT(with_regions, 20u);
}

TEST(IngestPipelineTest, AFailingStageStopsThePipelineWithItsError) {
  TempDir input;
  TempDir index;
  write_file(input.path() / "a.jsonl", copied_feed(20));
  const auto files = list_archive_files({input.str()}, [](const ReadIssue&) {});
  std::vector<corpus::IndexWriter> writers;
  writers.push_back(std::move(*corpus::IndexWriter::open((index.path() / "s0").string())));
  writers.push_back(std::move(*corpus::IndexWriter::open((index.path() / "s1").string())));
  int routed = 0;
  const ShardRouter route = [&](const std::string&) -> corpus::Result<std::size_t> {
    if (++routed == 50) return corpus::unavailable("shard lookup failed");
    return std::size_t(routed % 2);
  };
  PipelineSettings settings;
  settings.threads = 3;
  settings.read_ahead_bytes = 20000;  // the reader must be blocked when the error comes
  auto counts = run_pipeline(files, writers, route, settings, nullptr, nullptr);
  ASSERT_FALSE(counts);
  EXPECT_EQ(counts.error().message, "shard lookup failed");
  EXPECT_EQ(routed, 50);
}

}  // namespace
}  // namespace izdeu::indexer
