// The `after` cursor: walks of whole result sets to their end.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "corpus/index/index_writer.h"
#include "corpus/search/search_cursor.h"
#include "corpus/search/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::day;
using testing::make_article;
using testing::TempDir;

// 2,500 articles matching one word: varied relevance, 40 articles a day over
// 60 days, a few undated, and no two with one text and date (no copies:
// the number opens the body).
class CursorWalkTest : public ::testing::Test {
 protected:
  static constexpr int kArticles = 2500;

  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto writer = IndexWriter::open(dir_->str());
    ASSERT_TRUE(writer);
    for (int i = 0; i < kArticles; ++i) {
      std::string body = "Встреча " + std::to_string(i) + ". Совет провёл встречу.";
      for (int k = 0; k < i % 7; ++k) body += " Совет.";
      if (i % 3 == 0) body += " Длинное продолжение текста без искомого слова.";
      std::optional<Date> date;
      if (i % 97 != 0) date = day(2020, 1 + (i / 40) % 12, 1 + (i / 40) % 28);
      ASSERT_TRUE(writer->add_or_replace(
          make_article("a" + std::to_string(i), "Новость " + std::to_string(i), body, date)));
    }
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() { delete dir_; }

  static Searcher open() {
    auto searcher = Searcher::open({dir_->str()});
    EXPECT_TRUE(searcher);
    return std::move(*searcher);
  }

  // Walks `request` by cursor to the end; returns the ids in order.
  static std::vector<std::string> walk(Searcher& searcher, SearchRequest request, int* pages) {
    std::vector<std::string> ids;
    *pages = 0;
    while (true) {
      auto result = searcher.search(request);
      EXPECT_TRUE(result) << result.error().message;
      if (!result) break;
      ++*pages;
      EXPECT_EQ(result->offset, ids.size());
      EXPECT_EQ(result->total, std::uint64_t{kArticles});
      for (const Hit& hit : result->hits) ids.push_back(hit.id);
      if (result->next_cursor.empty()) break;
      EXPECT_EQ(result->hits.size(), request.per_page);
      request.after = result->next_cursor;
      if (*pages > kArticles) break;
    }
    return ids;
  }

  static TempDir* dir_;
};
TempDir* CursorWalkTest::dir_ = nullptr;

TEST_F(CursorWalkTest, WalksEveryResultExactlyOnceInEverySort) {
  auto searcher = open();
  for (SortOrder sort : {SortOrder::kRelevance, SortOrder::kDate, SortOrder::kRecency}) {
    SCOPED_TRACE(static_cast<int>(sort));
    int pages = 0;
    const std::vector<std::string> walked = walk(searcher,
                                                 {.query = "совет",
                                                  .sort = sort,
                                                  .per_page = 100,
                                                  .snippet_chars = 0,
                                                  .today = day(2021, 1, 1)},
                                                 &pages);
    EXPECT_EQ(pages, kArticles / 100);
    EXPECT_EQ(walked.size(), std::size_t{kArticles});
    std::map<std::string, int> seen;
    for (const std::string& id : walked) ++seen[id];
    EXPECT_EQ(seen.size(), std::size_t{kArticles});
    for (const auto& [id, count] : seen) EXPECT_EQ(count, 1) << id;

    // The walk shows the same order as numbered pages do.
    std::vector<std::string> paged;
    for (std::uint32_t page = 1; page <= 3; ++page) {
      auto result = searcher.search({.query = "совет",
                                     .sort = sort,
                                     .page = page,
                                     .per_page = 1000,
                                     .snippet_chars = 0,
                                     .today = day(2021, 1, 1)});
      ASSERT_TRUE(result);
      for (const Hit& hit : result->hits) paged.push_back(hit.id);
    }
    EXPECT_EQ(walked, paged);
  }
}

TEST_F(CursorWalkTest, DateWalkIsNewestFirstAndUndatedLast) {
  auto searcher = open();
  int pages = 0;
  const auto ids = walk(
      searcher, {.query = "совет", .sort = SortOrder::kDate, .per_page = 33, .snippet_chars = 0},
      &pages);
  ASSERT_EQ(ids.size(), std::size_t{kArticles});
  auto date_of = [&](const std::string& id) -> std::string {
    const int i = std::stoi(id.substr(1));
    if (i % 97 == 0) return "";
    return day(2020, 1 + (i / 40) % 12, 1 + (i / 40) % 28).to_yyyymmdd();
  };
  for (std::size_t i = 1; i < ids.size(); ++i) {
    const std::string a = date_of(ids[i - 1]);
    const std::string b = date_of(ids[i]);
    if (b.empty()) continue;
    EXPECT_FALSE(a.empty()) << "undated before dated at " << i;
    EXPECT_GE(a, b) << i;
  }
}

TEST_F(CursorWalkTest, CursorBelongsToItsQuery) {
  auto searcher = open();
  auto first = searcher.search({.query = "совет", .per_page = 10});
  ASSERT_TRUE(first);
  ASSERT_FALSE(first->next_cursor.empty());
  const SearchRequest misuses[] = {
      {.query = "встреча", .after = first->next_cursor},
      {.query = "совет", .sort = SortOrder::kDate, .after = first->next_cursor},
      {.query = "совет", .after = "not-a-cursor"},
  };
  for (const SearchRequest& request : misuses) {
    auto result = searcher.search(request);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  }
  // Well-formed but impossible: a relevance cursor with a day, a day with
  // more hits than were shown.
  const SearchRequest by_date{.query = "совет", .sort = SortOrder::kDate};
  const SearchCursor forged[] = {
      {SortOrder::kRelevance, request_fingerprint({.query = "совет"}), 10, 1, "20200101", 0},
      {SortOrder::kDate, request_fingerprint(by_date), 10, 1, "20200101", 11},
  };
  for (const SearchCursor& cursor : forged) {
    SearchRequest request =
        cursor.sort == SortOrder::kDate ? by_date : SearchRequest{.query = "совет"};
    request.after = encode_cursor(cursor);
    auto result = searcher.search(request);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  }
  // Another page size is fine.
  auto next = searcher.search({.query = "совет", .per_page = 25, .after = first->next_cursor});
  ASSERT_TRUE(next);
  EXPECT_EQ(next->offset, 10u);
}

TEST(CursorCommitTest, WalkContinuesAfterTheLastHitWhenCommitsMoveIt) {
  TempDir dir;
  auto writer = IndexWriter::open(dir.str());
  ASSERT_TRUE(writer);
  for (int i = 0; i < 300; ++i) {
    ASSERT_TRUE(writer->add_or_replace(make_article(
        "old-" + std::to_string(i), "Заметка " + std::to_string(i),
        "Заметка " + std::to_string(i) + ". Упомянута медиация.", day(2020, 1, 1 + i % 28))));
  }
  ASSERT_TRUE(writer->commit());
  auto searcher = Searcher::open({dir.str()});
  ASSERT_TRUE(searcher);

  for (SortOrder sort : {SortOrder::kRelevance, SortOrder::kDate}) {
    SCOPED_TRACE(static_cast<int>(sort));
    SearchRequest request{.query = "медиация", .sort = sort, .per_page = 50};
    std::set<std::string> seen;
    auto first = searcher->search(request);
    ASSERT_TRUE(first);
    for (const Hit& hit : first->hits) seen.insert(hit.id);
    // Articles that rank before the cursor arrive between two pages.
    for (int i = 0; i < 20; ++i) {
      ASSERT_TRUE(writer->add_or_replace(make_article(
          "new-" + std::to_string(static_cast<int>(sort)) + "-" + std::to_string(i),
          "Медиация " + std::to_string(i),
          "Медиация " + std::to_string(i) + ": медиация, медиация и медиаторы.", day(2024, 1, 1))));
    }
    ASSERT_TRUE(writer->commit());
    request.after = first->next_cursor;
    while (!request.after.empty()) {
      auto page = searcher->search(request);
      ASSERT_TRUE(page);
      for (const Hit& hit : page->hits) {
        if (hit.id.rfind("new-", 0) == 0) continue;  // new ones may or may not show
        EXPECT_TRUE(seen.insert(hit.id).second) << "shown twice: " << hit.id;
      }
      request.after = page->next_cursor;
    }
    EXPECT_EQ(std::count_if(seen.begin(), seen.end(),
                            [](const std::string& id) { return id.rfind("old-", 0) == 0; }),
              300);
  }
}

}  // namespace
}  // namespace izdeu::corpus
