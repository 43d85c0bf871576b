#include "indexer/archive_reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <functional>
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
  // d is walked once, so its dangling link is reported once.
  ASSERT_EQ(issues.list.size(), 1u);
  EXPECT_EQ(issues.list[0].location, (dir.path() / "d" / "dangling.txt").string());
  EXPECT_EQ(issues.list[0].reason, "dangling link");
  EXPECT_EQ(relative_paths(files, dir), (std::vector<std::string>{"d/one.txt"}));
}

// What cannot be read is reported, whether found in a folder or given by
// name; a FIFO is reported without being opened (opening one would block).
TEST(ArchiveReaderTest, ReportsLinksThatLeadNowhereAndFilesThatAreNotRegular) {
  struct Case {
    const char* name;
    std::function<void(const fs::path&)> make;
    std::string reason;
  };
  const Case cases[] = {
      {"dangling link",
       [](const fs::path& p) { fs::create_symlink(p.parent_path() / "gone.jsonl", p); },
       "dangling link"},
      {"link loop",
       [](const fs::path& p) {
         fs::create_symlink(p.parent_path() / "other.jsonl", p);
         fs::create_symlink(p, p.parent_path() / "other.jsonl");
       },
       "symbolic link loop"},
      {"fifo", [](const fs::path& p) { ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0); },
       "not a regular file"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    for (const bool by_name : {false, true}) {
      SCOPED_TRACE(by_name ? "given by name" : "found in a folder");
      TempDir dir;
      write_file(dir.path() / "a.txt", kPageDump);
      const fs::path odd = dir.path() / "b.jsonl";
      c.make(odd);
      Issues issues;
      const auto files = list_archive_files({by_name ? odd.string() : dir.str()}, issues.sink());
      ASSERT_FALSE(issues.list.empty());
      EXPECT_EQ(issues.list[0].location, odd.string());
      EXPECT_EQ(issues.list[0].reason, c.reason);
      if (!by_name) {
        EXPECT_EQ(relative_paths(files, dir), (std::vector<std::string>{"a.txt"}));
      }
    }
  }
}

TEST(ArchiveReaderTest, ReportsAJsonlFileWithoutARecordAsEmpty) {
  struct Case {
    const char* name;
    std::string content;
    std::vector<std::string> reasons;
  };
  const Case cases[] = {
      {"no bytes", "", {"empty file"}},
      {"blank lines only", "\n  \r\n\t\n", {"empty file"}},
      {"only bad lines", "{\n", {"invalid json: "}},  // reported per line, not as empty
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    const std::string path = (dir.path() / "a.jsonl").string();
    write_file(path, c.content);
    Issues issues;
    read_archive_file(
        {path, ArchiveFormat::kJsonLines, c.content.size()}, [](corpus::Article&&) {},
        issues.sink());
    ASSERT_EQ(issues.list.size(), c.reasons.size());
    for (std::size_t i = 0; i < c.reasons.size(); ++i) {
      EXPECT_TRUE(issues.list[i].reason.starts_with(c.reasons[i])) << issues.list[i].reason;
    }
  }
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
