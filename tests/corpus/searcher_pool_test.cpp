// SearcherPool under a live writer: readers on several threads never see part
// of a committed batch, pick up every commit, and never fail; the pool's
// status follows the index revision.

#include "corpus/search/searcher_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "corpus/index/index_writer.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using testing::make_article;
using testing::TempDir;

constexpr int kBatch = 7;  // articles per commit; not a divisor of anything else here

Result<void> add_batch(IndexWriter& writer, int batch) {
  for (int i = 0; i < kBatch; ++i) {
    const std::string n = std::to_string(batch) + "-" + std::to_string(i);
    // "партия" marks every article; titles differ so nothing collapses.
    auto added = writer.add_or_replace(
        make_article("b-" + n, "Партия номер " + n, "Сводка партия " + n + " за день."));
    if (!added) return added.error();
  }
  return writer.commit();
}

TEST(SearcherPoolTest, ReadersSeeWholeBatchesWhileAWriterCommits) {
  TempDir dir;
  auto writer = IndexWriter::open(dir.str());
  ASSERT_TRUE(writer);
  ASSERT_TRUE(add_batch(*writer, 0));
  // Fewer Searchers than readers, so leases are also contended.
  auto pool = SearcherPool::open({dir.str()}, 3);
  ASSERT_TRUE(pool) << pool.error().message;

  constexpr int kReaders = 4;
  constexpr int kBatches = 30;
  std::atomic<bool> writing_done{false};
  std::atomic<int> readers_started{0};
  std::atomic<long> searches{0};
  std::mutex problems_mutex;
  std::vector<std::string> problems;
  std::atomic<bool> any_problem{false};
  const auto problem = [&](std::string text) {
    any_problem = true;
    std::lock_guard lock(problems_mutex);
    if (problems.size() < 20) problems.push_back(std::move(text));
  };
  std::vector<std::set<std::uint64_t>> seen(kReaders);

  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&, r] {
      std::uint64_t last = 0;
      bool final_pass = false;
      for (int i = 0;; ++i) {
        // One more pass after the writer stops: it must see the last commit.
        if (writing_done.load()) final_pass = true;
        std::uint64_t total = 0;
        if (r == 0 && i % 3 == 2) {
          // The pool's own view must also be whole batches.
          auto status = pool->status();
          if (!status) return problem("status: " + status.error().message);
          total = status->documents;
        } else if (i % 2 == 1) {
          auto count = pool->acquire()->document_count();
          if (!count) return problem("document_count: " + count.error().message);
          total = *count;
        } else {
          auto result = pool->acquire()->search({.query = "партия", .per_page = 3});
          if (!result) return problem("search: " + result.error().message);
          total = result->total;
          if (!result->total_exact) problem("inexact total " + std::to_string(total));
        }
        ++searches;
        if (total % kBatch != 0)
          problem("saw " + std::to_string(total) + " articles: half a batch");
        if (total < last) {
          problem("went back from " + std::to_string(last) + " to " + std::to_string(total));
        }
        last = total;
        seen[r].insert(total);
        if (i == 0) ++readers_started;
        if (final_pass) {
          if (total != static_cast<std::uint64_t>(kBatch * (kBatches + 1))) {
            problem("after the last commit saw " + std::to_string(total));
          }
          return;
        }
      }
    });
  }
  while (readers_started.load() < kReaders && !any_problem.load()) std::this_thread::yield();
  for (int batch = 1; batch <= kBatches; ++batch) {
    auto committed = add_batch(*writer, batch);
    ASSERT_TRUE(committed) << committed.error().message;
    // Dozens of commits a second, still far more than an indexer makes (one
    // per --batch articles). Without the pause, a search slowed down by a
    // sanitizer build on a loaded machine can see two commits land within
    // each of its kReadAttempts tries, which Searcher reports as kUnavailable.
    std::this_thread::sleep_for(std::chrono::milliseconds(15));
  }
  writing_done = true;
  for (auto& reader : readers) reader.join();

  EXPECT_TRUE(problems.empty()) << problems.size() << " problems, first: " << problems.front();
  std::set<std::uint64_t> all;
  for (const auto& s : seen) all.insert(s.begin(), s.end());
  // Every reader started at the first batch and ended at the last, so the
  // readers picked up commits made after they opened.
  EXPECT_TRUE(all.count(kBatch)) << "nobody saw the first batch alone";
  EXPECT_TRUE(all.count(kBatch * (kBatches + 1)));
  EXPECT_GT(searches.load(), kReaders * 2);
}

TEST(SearcherPoolTest, StatusFollowsTheRevision) {
  TempDir dir;
  auto writer = IndexWriter::open(dir.str());
  ASSERT_TRUE(writer);
  ASSERT_TRUE(add_batch(*writer, 0));
  const auto before_open = std::chrono::system_clock::now();
  auto pool = SearcherPool::open({dir.str()}, 1);
  ASSERT_TRUE(pool);

  auto first = pool->status();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->documents, static_cast<std::uint64_t>(kBatch));
  EXPECT_GE(first->changed_at, before_open);
  auto unchanged = pool->status();
  ASSERT_TRUE(unchanged);
  EXPECT_EQ(unchanged->revision, first->revision);
  EXPECT_EQ(unchanged->changed_at, first->changed_at);

  const auto before_commit = std::chrono::system_clock::now();
  ASSERT_TRUE(add_batch(*writer, 1));
  auto after = pool->status();
  ASSERT_TRUE(after);
  EXPECT_EQ(after->documents, static_cast<std::uint64_t>(2 * kBatch));
  EXPECT_EQ(after->revision, first->revision + 1);
  EXPECT_GE(after->changed_at, before_commit);
}

TEST(SearcherPoolTest, ShardRevisionsAddUp) {
  TempDir a, b;
  for (auto* dir : {&a, &b}) {
    auto writer = IndexWriter::open(dir->str());
    ASSERT_TRUE(writer);
    ASSERT_TRUE(add_batch(*writer, dir == &a ? 0 : 1));
    if (dir == &b) {
      ASSERT_TRUE(add_batch(*writer, 2));
    }
  }
  auto pool = SearcherPool::open({a.str(), b.str()}, 2);
  ASSERT_TRUE(pool);
  auto status = pool->status();
  ASSERT_TRUE(status);
  EXPECT_EQ(status->documents, static_cast<std::uint64_t>(3 * kBatch));
  EXPECT_EQ(status->revision, 3u);  // one commit in a, two in b
}

TEST(SearcherPoolTest, AcquireWaitsForAFreeSearcher) {
  TempDir dir;
  {
    auto writer = IndexWriter::open(dir.str());
    ASSERT_TRUE(writer);
    ASSERT_TRUE(add_batch(*writer, 0));
  }
  auto pool = SearcherPool::open({dir.str()}, 1);
  ASSERT_TRUE(pool);
  std::atomic<bool> second_has_it{false};
  std::thread second;
  {
    auto lease = pool->acquire();
    second = std::thread([&] {
      auto other = pool->acquire();
      second_has_it = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_FALSE(second_has_it.load());  // the only Searcher is leased
  }
  second.join();
  EXPECT_TRUE(second_has_it.load());
}

TEST(SearcherPoolTest, RejectsAnEmptyPoolAndAMissingIndex) {
  TempDir dir;
  auto empty = SearcherPool::open({dir.str()}, 0);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  auto missing = SearcherPool::open({(dir.path() / "none").string()}, 2);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace izdeu::corpus
