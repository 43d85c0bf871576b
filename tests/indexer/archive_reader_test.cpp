#include "indexer/archive_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "corpus/index/article_id.h"
#include "corpus/index/fnv1a.h"
#include "tests/support/temp_dir.h"

namespace izdeu::indexer {

using corpus::article_id;
namespace {

using corpus::fnv1a_64;
using corpus::fnv1a_hex;

namespace fs = std::filesystem;
using testing::TempDir;

void write_file(const fs::path& path, std::string_view content) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

constexpr std::string_view kPageDump =
    "Общество\n\n14 Марта, 2019\n\n1 234\n\nЗаголовок\n\nТекст статьи.\n\nВозврат к списку\n";
constexpr std::string_view kJsonl =
    R"({"id":"a-1","title":"Бірінші","body":"Бүгін қалада жаңа мектеп ашылды."})"
    "\n"
    R"({"url":"https://www.example.kz/n/2/","title":"Второй","body":"Текст."})"
    "\n"
    R"({"title":"","body":" "})"
    "\n";

std::vector<std::string> relative_paths(const std::vector<ArchiveFile>& files, const TempDir& dir) {
  std::vector<std::string> paths;
  for (const auto& file : files) {
    paths.push_back(fs::path(file.path).lexically_relative(dir.path()).generic_string());
  }
  return paths;
}

struct Issues {
  std::vector<ReadIssue> list;
  IssueSink sink() {
    return [this](const ReadIssue& issue) { list.push_back(issue); };
  }
};

TEST(ArchiveReaderTest, WalksDirectoriesInSortedOrderAndSkipsOtherFiles) {
  TempDir dir;
  write_file(dir.path() / "b" / "2020" / "one.txt", kPageDump);
  write_file(dir.path() / "b" / "feed.JSONL", kJsonl);
  write_file(dir.path() / "a.jsonl", kJsonl);
  write_file(dir.path() / "c.TXT", kPageDump);
  write_file(dir.path() / "notes.md", "# not an archive");
  write_file(dir.path() / "b" / "image.png", "\x89PNG");
  write_file(dir.path() / ".hidden.txt", kPageDump);
  write_file(dir.path() / ".git" / "x.txt", kPageDump);

  Issues issues;
  const auto files = list_archive_files({dir.str()}, issues.sink());
  EXPECT_TRUE(issues.list.empty());
  EXPECT_EQ(relative_paths(files, dir),
            (std::vector<std::string>{"a.jsonl", "b/2020/one.txt", "b/feed.JSONL", "c.TXT"}));
  ASSERT_EQ(files.size(), 4u);
  EXPECT_EQ(files[0].format, ArchiveFormat::kJsonLines);
  EXPECT_EQ(files[1].format, ArchiveFormat::kPageDump);
  EXPECT_EQ(files[2].format, ArchiveFormat::kJsonLines);
  EXPECT_EQ(files[1].size_bytes, kPageDump.size());
}

TEST(ArchiveReaderTest, ReportsMissingPathsAndUnknownFilesGivenByName) {
  TempDir dir;
  write_file(dir.path() / "notes.md", "x");
  write_file(dir.path() / "one.txt", kPageDump);
  const std::string missing = (dir.path() / "missing").string();
  const std::string notes = (dir.path() / "notes.md").string();

  Issues issues;
  const auto files =
      list_archive_files({missing, notes, (dir.path() / "one.txt").string()}, issues.sink());
  ASSERT_EQ(files.size(), 1u);
  ASSERT_EQ(issues.list.size(), 2u);
  EXPECT_EQ(issues.list[0].location, missing);
  EXPECT_EQ(issues.list[0].reason, "no such file or directory");
  EXPECT_EQ(issues.list[1].location, notes);
  EXPECT_EQ(issues.list[1].reason, "not an archive file (expected .txt or .jsonl)");
}

TEST(ArchiveReaderTest, ListsEachFileOnceAndSurvivesSymlinkLoops) {
  TempDir dir;
  write_file(dir.path() / "d" / "one.txt", kPageDump);
  fs::create_directory_symlink(dir.path(), dir.path() / "d" / "loop");
  fs::create_symlink(dir.path() / "d" / "gone.txt", dir.path() / "d" / "dangling.txt");

  Issues issues;
  const auto files = list_archive_files(
      {dir.str(), (dir.path() / "d" / "one.txt").string(), (dir.path() / "d").string()},
      issues.sink());
  EXPECT_TRUE(issues.list.empty());
  EXPECT_EQ(relative_paths(files, dir), (std::vector<std::string>{"d/one.txt"}));
}

TEST(ArchiveReaderTest, ReadsArticlesWithIdsAndReportsBadOnes) {
  TempDir dir;
  write_file(dir.path() / "one.txt", kPageDump);
  write_file(dir.path() / "bad.txt", "Общество\n\nЗаголовок\n\nТекст.\n");
  write_file(dir.path() / "feed.jsonl", kJsonl);

  Issues issues;
  const auto files = list_archive_files({dir.str()}, issues.sink());
  ASSERT_EQ(files.size(), 3u);
  std::vector<corpus::Article> articles;
  std::size_t produced = 0;
  for (const auto& file : files) {
    produced += read_archive_file(
        file, [&](corpus::Article&& a) { articles.push_back(std::move(a)); }, issues.sink());
  }
  EXPECT_EQ(produced, 3u);
  ASSERT_EQ(articles.size(), 3u);
  ASSERT_EQ(issues.list.size(), 2u);
  EXPECT_EQ(issues.list[0].location, (dir.path() / "bad.txt").string());
  EXPECT_EQ(issues.list[0].reason, "no date line");
  EXPECT_EQ(issues.list[1].location, (dir.path() / "feed.jsonl").string() + ":3");
  EXPECT_EQ(issues.list[1].reason, "fields \"title\" and \"body\" are both missing or empty");

  // feed.jsonl comes first in sorted order.
  EXPECT_EQ(articles[0].id, "a-1");
  EXPECT_EQ(articles[0].language, analyzers::Language::kKazakh);
  EXPECT_EQ(articles[1].id, "u-" + fnv1a_hex("example.kz/n/2"));
  EXPECT_EQ(articles[1].language, analyzers::Language::kRussian);
  EXPECT_TRUE(articles[2].id.starts_with("h-"));
  EXPECT_EQ(articles[2].id, article_id(articles[2]));
  EXPECT_EQ(articles[2].views, std::optional<std::int64_t>(1234));
}

TEST(ArchiveReaderTest, ReportsFilesThatCannotBeOpened) {
  TempDir dir;
  const std::string path = (dir.path() / "vanished.jsonl").string();
  Issues issues;
  for (auto format : {ArchiveFormat::kJsonLines, ArchiveFormat::kPageDump}) {
    const std::size_t produced = read_archive_file(
        {path, format, 0}, [](corpus::Article&&) { FAIL() << "no article expected"; },
        issues.sink());
    EXPECT_EQ(produced, 0u);
  }
  ASSERT_EQ(issues.list.size(), 2u);
  for (const auto& issue : issues.list) {
    EXPECT_EQ(issue.location, path);
    EXPECT_TRUE(issue.reason.starts_with("cannot open file: ")) << issue.reason;
  }
}

TEST(ArchiveReaderTest, ReadsTheFixtureDumps) {
  Issues issues;
  const auto files = list_archive_files({std::string(IZDEU_SOURCE_DIR) + "/tests/fixtures/indexer"},
                                        issues.sink());
  EXPECT_TRUE(issues.list.empty());
  std::vector<corpus::Article> articles;
  for (const auto& file : files) {
    read_archive_file(
        file, [&](corpus::Article&& a) { articles.push_back(std::move(a)); }, issues.sink());
  }
  EXPECT_TRUE(issues.list.empty());
  ASSERT_EQ(articles.size(), 2u);  // README.md is not an archive
  EXPECT_EQ(articles[0].language, analyzers::Language::kKazakh);
  EXPECT_EQ(articles[1].language, analyzers::Language::kRussian);
  EXPECT_NE(articles[0].id, articles[1].id);
}

}  // namespace
}  // namespace izdeu::indexer
