// Runs the real izdeu-indexer binary: exit codes, summaries, replace on a
// second run, deletes, a locked index, and bad input skipped with file:line.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <xapian.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "corpus/index/index_writer.h"
#include "indexer/progress_bar.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

namespace izdeu::indexer {
namespace {

using testing::TempDir;

using CliRun = testing::CommandResult;

CliRun run_indexer(const std::string& args) {
  return testing::run_command(std::string(IZDEU_INDEXER_BINARY) + " " + args);
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

const std::string kSample = std::string(IZDEU_SOURCE_DIR) + "/tests/fixtures/sample";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(IndexerCliTest, IndexesThenReplacesOnASecondRun) {
  TempDir index;
  CliRun first = run_indexer("--index " + index.str() + " " + kSample);
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_TRUE(contains(first.output, "read 66 articles from 45 files")) << first.output;
  EXPECT_TRUE(contains(first.output, "indexed 66 (added 66, replaced 0)")) << first.output;
  EXPECT_TRUE(contains(first.output, "docs/s")) << first.output;

  CliRun second = run_indexer("--index " + index.str() + " " + kSample);
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_TRUE(contains(second.output, "indexed 66 (added 0, replaced 66)")) << second.output;
  EXPECT_TRUE(contains(second.output, "holds 66 articles")) << second.output;
}

TEST(IndexerCliTest, ReportsBadInputWithLocationAndIndexesTheRest) {
  TempDir dir;
  TempDir index;
  write_file(dir.path() / "a.jsonl",
             "{\"id\":\"ok-1\",\"title\":\"Сессия\",\"body\":\"Текст.\"}\n"
             "{\"id\":\"bad\",\"title\":\n"
             "{\"id\":\"ok-2\",\"title\":\"Выборы\",\"body\":\"Текст.\"}\n");
  write_file(dir.path() / "pages" / "no-date.txt", "Раздел\n\nЗаголовок без даты\n\nТекст.\n");
  CliRun run = run_indexer("--index " + index.str() + " " + dir.str());
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "a.jsonl:2: ")) << run.output;
  EXPECT_TRUE(contains(run.output, "no-date.txt: ")) << run.output;
  EXPECT_TRUE(contains(run.output, "indexed 2 ")) << run.output;
  EXPECT_TRUE(contains(run.output, "skipped 2")) << run.output;
}

TEST(IndexerCliTest, DeletesById) {
  TempDir dir;
  TempDir index;
  write_file(dir.path() / "a.jsonl",
             "{\"id\":\"x-1\",\"title\":\"Один\",\"body\":\"Текст.\"}\n"
             "{\"id\":\"x-2\",\"title\":\"Два\",\"body\":\"Текст.\"}\n");
  ASSERT_EQ(run_indexer("--index " + index.str() + " " + dir.str()).exit_code, 0);
  CliRun run = run_indexer("--index " + index.str() + " --delete x-1 missing-id");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "deleted 1")) << run.output;
  EXPECT_TRUE(contains(run.output, "holds 1 articles")) << run.output;
  EXPECT_TRUE(contains(run.output, "1 ids given to --delete were not in the index")) << run.output;
}

TEST(IndexerCliTest, NothingIndexableExitsNonZero) {
  TempDir index;
  CliRun run = run_indexer("--index " + index.str() + " " + index.str() + "/does-not-exist");
  EXPECT_EQ(run.exit_code, 3) << run.output;
  EXPECT_TRUE(contains(run.output, "nothing could be indexed")) << run.output;
}

// README's exit codes: skipped input is data, not an index error. A record
// that cannot be read (here a number no double holds), however it fails,
// is reported and skipped; it never exits with 1, which means the index
// could not be written.
TEST(IndexerCliTest, SkippedInputExitsWithTheReadmeCodes) {
  const std::string good = "{\"id\":\"ok-1\",\"title\":\"Сессия\",\"body\":\"Текст.\"}\n";
  const std::string overflow = "{\"title\":\"t\",\"body\":\"b\",\"x\":1e400}\n";
  struct Case {
    const char* name;
    std::string content;  // of in/a.jsonl
    int exit_code;
    std::string output;
  };
  const Case cases[] = {
      {"all good", good, 0, "indexed 1 "},
      {"a number too large among good records", good + overflow, 0,
       "a.jsonl:2: invalid json: number overflow"},
      {"a line too long is skipped, the rest indexed",
       good + "{\"title\":\"" + std::string(17u << 20, 'x') + "\"}\n", 0,
       "a.jsonl:2: line longer than 16777216 bytes"},
      {"only a number too large", overflow, 3, "nothing could be indexed"},
      {"an empty file", "", 3, "a.jsonl: empty file"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    TempDir index;
    write_file(dir.path() / "in" / "a.jsonl", c.content);
    CliRun run = run_indexer("--index " + index.str() + " " + (dir.path() / "in").string());
    EXPECT_EQ(run.exit_code, c.exit_code) << run.output;
    EXPECT_TRUE(contains(run.output, c.output)) << run.output;
  }
}

// Entries of a folder that cannot be read are reported, and a FIFO among
// them never blocks the run.
TEST(IndexerCliTest, ReportsDanglingLinksAndFifosInAFolder) {
  TempDir dir;
  TempDir index;
  write_file(dir.path() / "a.jsonl",
             "{\"id\":\"ok-1\",\"title\":\"Сессия\",\"body\":\"Текст.\"}\n");
  std::filesystem::create_symlink(dir.path() / "gone.jsonl", dir.path() / "b.jsonl");
  ASSERT_EQ(::mkfifo((dir.path() / "c.jsonl").c_str(), 0600), 0);
  CliRun run = run_indexer("--index " + index.str() + " " + dir.str());
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(
      contains(run.output, "skipped " + (dir.path() / "b.jsonl").string() + ": dangling link"))
      << run.output;
  EXPECT_TRUE(
      contains(run.output, "skipped " + (dir.path() / "c.jsonl").string() + ": not a regular file"))
      << run.output;
  EXPECT_TRUE(contains(run.output, "indexed 1 ")) << run.output;
}

TEST(IndexerCliTest, LockedIndexIsReportedAndExitsNonZero) {
  TempDir index;
  auto holder = corpus::IndexWriter::open(index.str());
  ASSERT_TRUE(holder);
  CliRun run = run_indexer("--index " + index.str() + " " + kSample);
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_TRUE(contains(run.output, "locked by another writer")) << run.output;
}

TEST(IndexerCliTest, ShardsWithoutMergeAreListedAndUpdatedInPlace) {
  TempDir index;
  CliRun first = run_indexer("--index " + index.str() +
                             " --threads 3 --shards 3 --no-merge --memory 64 " + kSample);
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_TRUE(contains(first.output, "3 threads, 3 shards\n")) << first.output;
  EXPECT_TRUE(std::filesystem::exists(index.path() / "XAPIANDB"));
  EXPECT_TRUE(std::filesystem::exists(index.path() / "shard-2" / "iamglass"));

  CliRun second = run_indexer("--index " + index.str() + " " + kSample);
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_TRUE(contains(second.output, "indexed 66 (added 0, replaced 66)")) << second.output;
  EXPECT_TRUE(contains(second.output, "3 shards")) << second.output;
  EXPECT_TRUE(contains(second.output, "holds 66 articles")) << second.output;
}

TEST(IndexerCliTest, NewIndexIsMergedAndAnExistingOneUpdatedByOneWriter) {
  TempDir index;
  CliRun first = run_indexer("--index " + index.str() + " --shards 2 " + kSample);
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_TRUE(contains(first.output, "2 shards, merged in ")) << first.output;
  EXPECT_TRUE(std::filesystem::exists(index.path() / "iamglass"));

  CliRun second = run_indexer("--index " + index.str() + " --shards 2 " + kSample);
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_TRUE(contains(second.output, "note: the index exists as one database")) << second.output;
  EXPECT_TRUE(contains(second.output, "1 writer")) << second.output;
  EXPECT_TRUE(contains(second.output, "replaced 66")) << second.output;
}

TEST(IndexerCliTest, BadCommandLineExitsWithUsage) {
  for (const char* args :
       {"", "--index", "corpus", "--index x --bogus y", "--index x --batch 0 y",
        "--index x --threads 0 y", "--index x --threads 300 y", "--index x --shards two y",
        "--index x --memory -5 y", "--index x y --memory"}) {
    CliRun run = run_indexer(args);
    EXPECT_EQ(run.exit_code, 2) << args << "\n" << run.output;
    EXPECT_TRUE(contains(run.output, "usage:")) << run.output;
  }
}

// The articles of `index` that have `term` (a boolean entity term).
std::size_t articles_with(const TempDir& index, const std::string& term) {
  Xapian::Database database(index.str());
  return database.get_termfreq(term);
}

TEST(IndexerCliTest, TagsRegionsAndTopicsWithTheBuiltInTaxonomy) {
  TempDir index;
  CliRun run = run_indexer("--quiet --index " + index.str() + " " + kSample);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  // Semey articles, whatever they call the city (Семей, Семипалатинск, Абай облысы).
  EXPECT_GE(articles_with(index, "XRabai-region"), 3u);
  EXPECT_GE(articles_with(index, "XRastana"), 3u);
  EXPECT_GE(articles_with(index, "XTinterethnic"), 10u);
  EXPECT_GE(articles_with(index, "XTelections"), 2u);
}

TEST(IndexerCliTest, TopicsFileIsCheckedAndUsed) {
  TempDir dir;
  TempDir index;
  write_file(dir.path() / "a.jsonl",
             "{\"id\":\"b-1\",\"title\":\"Пасека\",\"body\":\"Мёд собран.\"}\n"
             "{\"id\":\"b-2\",\"title\":\"Выборы\",\"body\":\"Текст.\"}\n");
  write_file(dir.path() / "topics.txt", "[bees]\nru = Пчёлы\nkk = Аралар\nwords = пасека; мёд\n");
  CliRun run = run_indexer("--quiet --topics " + (dir.path() / "topics.txt").string() +
                           " --index " + index.str() + " " + (dir.path() / "a.jsonl").string());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(articles_with(index, "XTbees"), 1u);
  EXPECT_EQ(articles_with(index, "XTelections"), 0u);  // not in this taxonomy
}

TEST(IndexerCliTest, MalformedTopicsFileExitsTwoWithFileAndLine) {
  TempDir dir;
  TempDir index;
  const std::string topics = (dir.path() / "topics.txt").string();
  write_file(topics, "min_body_words = many\n\n[bees]\nru = Пчёлы\nwords = мёд\ncolour = red\n");
  CliRun run = run_indexer("--topics " + topics + " --index " + (index.path() / "i").string() +
                           " " + kSample);
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_TRUE(contains(run.output, topics + ":1: min_body_words must be")) << run.output;
  EXPECT_TRUE(contains(run.output, topics + ":3: topic 'bees' needs both")) << run.output;
  EXPECT_TRUE(contains(run.output, topics + ":6: unknown field 'colour'")) << run.output;
  EXPECT_FALSE(std::filesystem::exists(index.path() / "i"));  // nothing was indexed

  CliRun missing = run_indexer("--topics " + (dir.path() / "none.txt").string() + " --index " +
                               index.str() + " " + kSample);
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_TRUE(contains(missing.output, "cannot read topic taxonomy")) << missing.output;
}

TEST(ProgressBarTest, ShowsCountRateAndEta) {
  std::ostringstream out;
  ProgressBar bar(out);
  bar.update(120, 50, 100);
  EXPECT_TRUE(contains(out.str(), "120 articles")) << out.str();
  EXPECT_TRUE(contains(out.str(), " 50%")) << out.str();
  EXPECT_TRUE(contains(out.str(), "/s")) << out.str();
  EXPECT_TRUE(contains(out.str(), "ETA ")) << out.str();
  bar.finish();
  EXPECT_TRUE(contains(out.str(), "\033[K"));
}

}  // namespace
}  // namespace izdeu::indexer
