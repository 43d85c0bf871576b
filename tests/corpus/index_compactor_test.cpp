// compact_indexes: merges databases into one that can still be updated;
// reports unusable sources and outputs. IndexWriter's encoded-document and
// bulk paths.

#include "corpus/index/index_compactor.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <vector>

#include "corpus/index/article_codec.h"
#include "corpus/index/index_writer.h"
#include "corpus/search/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using testing::make_article;
using testing::TempDir;

void write_articles(const std::string& path, const std::vector<Article>& articles,
                    IndexWriterOptions options = {}) {
  auto writer = IndexWriter::open(path, options);
  ASSERT_TRUE(writer) << writer.error().message;
  for (const Article& article : articles) ASSERT_TRUE(writer->add_or_replace(article));
  ASSERT_TRUE(writer->sync());
}

TEST(IndexCompactorTest, MergesShardsIntoOneUpdatableDatabase) {
  TempDir dir;
  const std::string a = (dir.path() / "a").string();
  const std::string b = (dir.path() / "b").string();
  const std::string merged = (dir.path() / "merged").string();
  write_articles(a,
                 {make_article("a-1", "Выборы в Астане", "Текст о выборах."),
                  make_article("a-2", "Сессия ассамблеи", "Текст о сессии.")},
                 {.bulk = true});
  write_articles(b, {make_article("b-1", "Выборы в Алматы", "Ещё текст о выборах.")});

  std::vector<std::string> tables;
  auto compacted = compact_indexes({a, b}, merged, [&](const std::string& table, const auto&) {
    if (tables.empty() || tables.back() != table) tables.push_back(table);
  });
  ASSERT_TRUE(compacted) << compacted.error().message;
  EXPECT_FALSE(tables.empty()) << "progress is reported per table";

  auto searcher = Searcher::open({merged});
  ASSERT_TRUE(searcher);
  EXPECT_EQ(*searcher->document_count(), 3u);
  auto found = searcher->search({.query = "выборы"});
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->total, 2u);

  auto writer = IndexWriter::open(merged);
  ASSERT_TRUE(writer) << writer.error().message;
  EXPECT_EQ(*writer->add_or_replace(make_article("a-1", "Выборы, обновлено", "Текст.")),
            WriteOutcome::kReplaced);
  EXPECT_EQ(*writer->add_or_replace(make_article("c-1", "Новая", "Текст.")), WriteOutcome::kAdded);
  EXPECT_TRUE(*writer->remove("b-1"));
  ASSERT_TRUE(writer->commit());
  EXPECT_EQ(writer->document_count(), 3u);
}

TEST(IndexCompactorTest, ReportsMissingSourcesAndNoSources) {
  TempDir dir;
  auto none = compact_indexes({}, (dir.path() / "out").string());
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kInvalidArgument);
  auto missing =
      compact_indexes({(dir.path() / "nothing-here").string()}, (dir.path() / "out").string());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kUnavailable);
}

TEST(IndexWriterEncodedTest, AddsAndReplacesPreEncodedDocuments) {
  TempDir dir;
  auto writer = IndexWriter::open(dir.str(), {.overwrite = true, .bulk = true});
  ASSERT_TRUE(writer) << writer.error().message;
  const Article article = make_article("x-1", "Заголовок", "Текст статьи.");
  EXPECT_FALSE(*writer->contains("x-1"));
  EXPECT_EQ(*writer->add_or_replace(article.id, encode_article(article)), WriteOutcome::kAdded);
  EXPECT_TRUE(*writer->contains("x-1")) << "uncommitted changes count";
  EXPECT_EQ(*writer->add_or_replace(article.id, encode_article(article)), WriteOutcome::kReplaced);
  auto empty_id = writer->add_or_replace("", encode_article(article));
  ASSERT_FALSE(empty_id);
  EXPECT_EQ(empty_id.error().code, ErrorCode::kInvalidArgument);
  ASSERT_TRUE(writer->sync());
  ASSERT_TRUE(writer->close());
  EXPECT_EQ(Xapian::Database(dir.str()).get_doccount(), 1u);
}

TEST(IndexWriterEncodedTest, OverwriteStartsFromAnEmptyDatabase) {
  TempDir dir;
  write_articles(dir.str(), {make_article("old", "Старая", "Текст.")});
  auto writer = IndexWriter::open(dir.str(), {.overwrite = true});
  ASSERT_TRUE(writer);
  EXPECT_EQ(writer->document_count(), 0u);
}

}  // namespace
}  // namespace izdeu::corpus
