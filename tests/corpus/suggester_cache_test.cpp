#include "corpus/suggest/suggester_cache.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "corpus/index/index_writer.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using testing::day;
using testing::make_article;
using testing::TempDir;

bool suggests_title(const Suggester& suggester, std::string_view query, std::string_view title) {
  for (const Suggestion& s : suggester.suggest(query, 10).items) {
    if (s.kind == SuggestionKind::kTitle && s.text == title) return true;
  }
  return false;
}

void add(const std::string& path, const Article& article) {
  auto writer = IndexWriter::open(path);
  ASSERT_TRUE(writer) << writer.error().message;
  ASSERT_TRUE(writer->add_or_replace(article));
  ASSERT_TRUE(writer->commit());
}

SuggesterCacheOptions manual() {
  SuggesterCacheOptions options;
  options.background = false;
  return options;
}

TEST(SuggesterCacheTest, RebuildsOnlyWhenTheIndexChanged) {
  TempDir dir;
  add(dir.str(), make_article("a", "Сессия Ассамблеи в Астане", "Текст.", day(2024, 1, 1)));
  auto cache = SuggesterCache::open({dir.str()}, manual());
  ASSERT_TRUE(cache) << cache.error().message;
  EXPECT_EQ((*cache)->current(), nullptr);

  auto first = (*cache)->refresh();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(*first);
  const auto before = (*cache)->current();
  ASSERT_NE(before, nullptr);
  EXPECT_TRUE(suggests_title(*before, "сесс", "Сессия Ассамблеи в Астане"));

  auto again = (*cache)->refresh();
  ASSERT_TRUE(again);
  EXPECT_FALSE(*again);
  EXPECT_EQ((*cache)->current(), before);
  EXPECT_EQ((*cache)->builds(), 1u);

  add(dir.str(), make_article("b", "Семинар медиаторов", "Текст.", day(2024, 2, 1)));
  auto after_commit = (*cache)->refresh();
  ASSERT_TRUE(after_commit);
  EXPECT_TRUE(*after_commit);
  const auto after = (*cache)->current();
  EXPECT_NE(after, before);
  EXPECT_TRUE(suggests_title(*after, "семин", "Семинар медиаторов"));
  // A reader holding the old one keeps a consistent, unchanged Suggester.
  EXPECT_FALSE(suggests_title(*before, "семин", "Семинар медиаторов"));
  EXPECT_EQ((*cache)->builds(), 2u);
  EXPECT_EQ((*cache)->last_error(), "");
}

TEST(SuggesterCacheTest, ReadsEveryShard) {
  TempDir one;
  TempDir two;
  add(one.str(), make_article("a", "Наурыз в Алматы", "Текст.", day(2024, 3, 22)));
  add(two.str(), make_article("b", "Наурыз в Шымкенте", "Текст.", day(2024, 3, 21)));
  auto cache = SuggesterCache::open({one.str(), two.str()}, manual());
  ASSERT_TRUE(cache) << cache.error().message;
  ASSERT_TRUE((*cache)->refresh());
  const auto suggester = (*cache)->current();
  ASSERT_NE(suggester, nullptr);
  EXPECT_TRUE(suggests_title(*suggester, "nauryz", "Наурыз в Алматы"));
  EXPECT_TRUE(suggests_title(*suggester, "nauryz", "Наурыз в Шымкенте"));

  // A commit to the second shard is a new revision of the whole.
  add(two.str(), make_article("c", "Наурыз в Таразе", "Текст.", day(2024, 3, 23)));
  auto rebuilt = (*cache)->refresh();
  ASSERT_TRUE(rebuilt);
  EXPECT_TRUE(*rebuilt);
  EXPECT_TRUE(suggests_title(*(*cache)->current(), "наурыз", "Наурыз в Таразе"));
}

TEST(SuggesterCacheTest, BackgroundThreadBuildsAndFollowsCommits) {
  TempDir dir;
  add(dir.str(), make_article("a", "Форум молодежи", "Текст.", day(2024, 1, 1)));
  SuggesterCacheOptions options;
  options.check_interval = std::chrono::milliseconds(10);
  auto cache = SuggesterCache::open({dir.str()}, options);
  ASSERT_TRUE(cache) << cache.error().message;

  auto wait_for = [&](auto&& condition) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      if (condition()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
  };
  ASSERT_TRUE(wait_for([&] { return (*cache)->current() != nullptr; }));
  EXPECT_TRUE(suggests_title(*(*cache)->current(), "фор", "Форум молодежи"));

  add(dir.str(), make_article("b", "Фестиваль дружбы", "Текст.", day(2024, 1, 2)));
  EXPECT_TRUE(
      wait_for([&] { return suggests_title(*(*cache)->current(), "фест", "Фестиваль дружбы"); }));
}

TEST(SuggesterCacheTest, MissingIndexIsUnavailable) {
  TempDir dir;
  auto cache = SuggesterCache::open({dir.str() + "/missing"}, manual());
  ASSERT_FALSE(cache);
  EXPECT_EQ(cache.error().code, ErrorCode::kUnavailable);
  EXPECT_FALSE(SuggesterCache::open({}, manual()));
}

}  // namespace
}  // namespace izdeu::corpus
