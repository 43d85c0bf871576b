#include "corpus/index/index_writer.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using testing::make_article;
using testing::TempDir;

TEST(IndexWriterTest, AddsThenReplacesBySameId) {
  TempDir dir;
  auto writer = IndexWriter::open(dir.str());
  ASSERT_TRUE(writer) << writer.error().message;
  auto first = writer->add_or_replace(make_article("a-1", "Первый", "Текст"));
  ASSERT_TRUE(first);
  EXPECT_EQ(*first, WriteOutcome::kAdded);
  auto second = writer->add_or_replace(make_article("a-1", "Первый, исправленный", "Текст"));
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, WriteOutcome::kReplaced);
  ASSERT_TRUE(writer->commit());
  EXPECT_EQ(writer->document_count(), 1u);
}

TEST(IndexWriterTest, RemovesById) {
  TempDir dir;
  auto writer = IndexWriter::open(dir.str());
  ASSERT_TRUE(writer);
  ASSERT_TRUE(writer->add_or_replace(make_article("a-1", "T", "B")));
  ASSERT_TRUE(writer->add_or_replace(make_article("a-2", "T", "B")));
  auto removed = writer->remove("a-1");
  ASSERT_TRUE(removed);
  EXPECT_TRUE(*removed);
  auto missing = writer->remove("nope");
  ASSERT_TRUE(missing);
  EXPECT_FALSE(*missing);
  ASSERT_TRUE(writer->commit());
  EXPECT_EQ(writer->document_count(), 1u);
}

TEST(IndexWriterTest, RefusesArticlesWithoutIdOrWithoutTitleAndBody) {
  TempDir dir;
  auto writer = IndexWriter::open(dir.str());
  ASSERT_TRUE(writer);
  auto no_id = writer->add_or_replace(make_article("", "T", "B"));
  ASSERT_FALSE(no_id);
  EXPECT_EQ(no_id.error().code, ErrorCode::kInvalidArgument);
  auto no_text = writer->add_or_replace(make_article("a", "", ""));
  ASSERT_FALSE(no_text);
  EXPECT_EQ(no_text.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(no_text.error().message, "article a has neither title nor body");
  // Either alone is enough.
  EXPECT_TRUE(writer->add_or_replace(make_article("b", "", "B")));
  EXPECT_TRUE(writer->add_or_replace(make_article("c", "T", "")));
}

TEST(IndexWriterTest, SecondWriterIsToldTheIndexIsLocked) {
  TempDir dir;
  auto first = IndexWriter::open(dir.str());
  ASSERT_TRUE(first);
  auto second = IndexWriter::open(dir.str());
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(second.error().message.find("locked"), std::string::npos) << second.error().message;
}

TEST(IndexWriterTest, UnusablePathIsUnavailable) {
  TempDir dir;
  auto writer = IndexWriter::open((dir.path() / "missing-parent" / "index").string());
  ASSERT_FALSE(writer);
  EXPECT_EQ(writer.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace izdeu::corpus
