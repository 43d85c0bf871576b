// corpus::LiveWriter: outcomes in order, deletes by id and by filter, group
// commits shared by concurrent callers, a full queue refused, and what
// apply() acknowledged readable by a fresh reader (committed, not pending).

#include "corpus/index/live_writer.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <mutex>
#include <string>
#include <vector>

#include "corpus/index/article_codec.h"
#include "corpus/search/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using Status = ChangeOutcome::Status;
using testing::day;
using testing::make_article;
using testing::TempDir;

IndexChange put(const std::string& id, const std::string& title,
                std::optional<Date> date = std::nullopt, const std::string& source = "") {
  Article article = make_article(id, title, "Текст статьи " + title, date);
  article.source = source;
  return {IndexChange::Kind::kPut, id, encode_article(article), "", std::nullopt};
}

IndexChange remove(const std::string& id) {
  return {IndexChange::Kind::kDelete, id, {}, "", std::nullopt};
}

IndexChange remove_where(const std::string& source, std::optional<Date> before) {
  return {IndexChange::Kind::kDeleteWhere, "", {}, source, before};
}

std::vector<Status> statuses(const std::vector<ChangeOutcome>& outcomes) {
  std::vector<Status> out;
  for (const auto& outcome : outcomes) out.push_back(outcome.status);
  return out;
}

// What a reader that opens the index now finds: acknowledged means committed.
bool readable(const std::string& path, const std::string& id) {
  auto searcher = Searcher::open({path});
  return searcher && searcher->get_article(id).has_value();
}

TEST(LiveWriter, OutcomesInOrderAndCommittedBeforeApplyReturns) {
  TempDir dir;
  auto writer = LiveWriter::open(dir.str());
  ASSERT_TRUE(writer) << writer.error().message;
  std::vector<IndexChange> changes;
  changes.push_back(put("a", "Первая"));
  changes.push_back(put("b", "Вторая"));
  changes.push_back(put("a", "Первая, исправленная"));
  changes.push_back(remove("b"));
  changes.push_back(remove("nobody"));
  auto outcomes = (*writer)->apply(std::move(changes));
  ASSERT_TRUE(outcomes) << outcomes.error().message;
  EXPECT_EQ(statuses(*outcomes),
            (std::vector<Status>{Status::kIndexed, Status::kIndexed, Status::kReplaced,
                                 Status::kDeleted, Status::kNotFound}));
  EXPECT_TRUE(readable(dir.str(), "a"));
  EXPECT_FALSE(readable(dir.str(), "b"));
  auto searcher = Searcher::open({dir.str()});
  ASSERT_TRUE(searcher);
  EXPECT_EQ(searcher->get_article("a")->title, "Первая, исправленная");
  EXPECT_EQ((*writer)->stats().documents, 1u);
}

TEST(LiveWriter, DeletesBySourceAndDate) {
  struct Case {
    std::string source;
    std::optional<Date> before;
    std::vector<std::string> left;
  };
  const Case cases[] = {
      {"kazinform", std::nullopt, {"other-new", "other-old"}},
      {"", day(2021, 1, 1), {"kaz-new", "other-new", "undated"}},
      {"KazInform", day(2021, 1, 1), {"kaz-new", "other-new", "other-old", "undated"}},
      {"nobody", std::nullopt, {"kaz-new", "kaz-old", "other-new", "other-old", "undated"}},
  };
  for (const Case& c : cases) {
    TempDir dir;
    auto writer = LiveWriter::open(dir.str());
    ASSERT_TRUE(writer);
    std::vector<IndexChange> changes;
    changes.push_back(put("kaz-old", "Старая", day(2020, 12, 31), "Kazinform"));
    changes.push_back(put("kaz-new", "Новая", day(2021, 1, 1), "Kazinform"));
    changes.push_back(put("other-old", "Старая другая", day(2019, 5, 1), "other"));
    changes.push_back(put("other-new", "Новая другая", day(2022, 5, 1), "other"));
    changes.push_back(put("undated", "Без даты", std::nullopt, "kazinform"));
    ASSERT_TRUE((*writer)->apply(std::move(changes)));
    std::vector<IndexChange> where;
    where.push_back(remove_where(c.source, c.before));
    auto outcome = (*writer)->apply(std::move(where));
    ASSERT_TRUE(outcome);
    EXPECT_EQ((*outcome)[0].deleted, 5 - c.left.size()) << c.source;
    std::vector<std::string> left;
    for (const char* id : {"kaz-new", "kaz-old", "other-new", "other-old", "undated"}) {
      if (readable(dir.str(), id)) left.push_back(id);
    }
    EXPECT_EQ(left, c.left) << c.source;
  }
}

// A gate the commit thread waits at, so that a test can hold a commit in
// flight while other callers arrive.
struct Gate {
  std::mutex mutex;
  std::condition_variable changed;
  bool open = false;
  int groups = 0;
  std::vector<std::size_t> sizes;
  void pass(std::size_t size) {
    std::unique_lock lock(mutex);
    ++groups;
    sizes.push_back(size);
    changed.notify_all();
    changed.wait(lock, [this] { return open; });
  }
  void wait_for_groups(int count) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return groups >= count; });
  }
  void release() {
    std::lock_guard lock(mutex);
    open = true;
    changed.notify_all();
  }
};

TEST(LiveWriter, WritersThatArriveDuringACommitShareTheNextOne) {
  TempDir dir;
  Gate gate;
  LiveWriterOptions options;
  options.before_group = [&gate](std::size_t size) { gate.pass(size); };
  auto writer = LiveWriter::open(dir.str(), options);
  ASSERT_TRUE(writer);
  LiveWriter& live = **writer;
  auto first = std::async(std::launch::async, [&live] {
    std::vector<IndexChange> changes;
    changes.push_back(put("first", "Первая"));
    return live.apply(std::move(changes));
  });
  gate.wait_for_groups(1);  // the first group is in flight
  std::vector<std::future<Result<std::vector<ChangeOutcome>>>> later;
  for (int i = 0; i < 5; ++i) {
    later.push_back(std::async(std::launch::async, [&live, i] {
      std::vector<IndexChange> changes;
      changes.push_back(put("later-" + std::to_string(i), "Статья " + std::to_string(i)));
      return live.apply(std::move(changes));
    }));
  }
  // All five are queued behind the first commit before it is let go.
  for (;;) {
    if (live.stats().pending == 6) break;
    std::this_thread::yield();
  }
  gate.release();
  ASSERT_TRUE(first.get());
  for (auto& result : later) ASSERT_TRUE(result.get());
  EXPECT_EQ(gate.sizes, (std::vector<std::size_t>{1, 5}));
  EXPECT_EQ(live.stats().commits, 2u);
  EXPECT_EQ(live.stats().changes, 6u);
}

TEST(LiveWriter, RefusesWhenTooManyChangesWait) {
  TempDir dir;
  Gate gate;
  LiveWriterOptions options;
  options.max_pending = 3;
  options.before_group = [&gate](std::size_t size) { gate.pass(size); };
  auto writer = LiveWriter::open(dir.str(), options);
  ASSERT_TRUE(writer);
  LiveWriter& live = **writer;
  // A batch larger than max_pending is taken when nothing else waits.
  auto big = std::async(std::launch::async, [&live] {
    std::vector<IndexChange> changes;
    for (int i = 0; i < 4; ++i) changes.push_back(put("big-" + std::to_string(i), "Статья"));
    return live.apply(std::move(changes));
  });
  gate.wait_for_groups(1);
  std::vector<IndexChange> more;
  more.push_back(put("more", "Ещё"));
  auto refused = live.apply(std::move(more));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(live.stats().refused, 1u);
  gate.release();
  ASSERT_TRUE(big.get());
  EXPECT_FALSE(readable(dir.str(), "more"));
  EXPECT_TRUE(readable(dir.str(), "big-3"));
}

TEST(LiveWriter, SecondWriterOfTheSameIndexIsRefused) {
  TempDir dir;
  auto writer = LiveWriter::open(dir.str());
  ASSERT_TRUE(writer);
  auto second = LiveWriter::open(dir.str());
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace izdeu::corpus
