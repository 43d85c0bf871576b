// BoundedQueue: FIFO order, limits in items and bytes that make push() wait,
// oversized items, finish() and close().

#include "indexer/bounded_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace izdeu::indexer {
namespace {

using namespace std::chrono_literals;

// Waits up to 5 s for `condition`; false if it never held.
template <typename F>
bool eventually(F condition) {
  for (int i = 0; i < 500; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return condition();
}

TEST(BoundedQueueTest, PopsInPushOrderAndEndsAfterFinish) {
  BoundedQueue<int> queue(10, 1000);
  for (int i = 1; i <= 3; ++i) ASSERT_TRUE(queue.push(i, 1));
  queue.finish();
  std::vector<int> popped;
  while (auto item = queue.pop()) popped.push_back(*item);
  EXPECT_EQ(popped, (std::vector<int>{1, 2, 3}));
}

struct LimitCase {
  std::size_t max_items;
  std::size_t max_bytes;
  std::size_t item_bytes;
  std::size_t fit;  // items that fit before push() has to wait
};

class BoundedQueueLimitTest : public ::testing::TestWithParam<LimitCase> {};

TEST_P(BoundedQueueLimitTest, PushWaitsWhenFullAndResumesAfterPop) {
  const LimitCase& c = GetParam();
  BoundedQueue<int> queue(c.max_items, c.max_bytes);
  std::atomic<std::size_t> pushed{0};
  std::thread producer([&] {
    for (std::size_t i = 0; i < c.fit + 1; ++i) {
      queue.push(static_cast<int>(i), c.item_bytes);
      ++pushed;
    }
  });
  ASSERT_TRUE(eventually([&] { return pushed == c.fit; }));
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(pushed, c.fit) << "push() did not wait for room";
  ASSERT_TRUE(queue.pop());
  EXPECT_TRUE(eventually([&] { return pushed == c.fit + 1; }));
  producer.join();
  EXPECT_EQ(queue.peak_items(), c.fit);
  EXPECT_LE(queue.peak_bytes(), c.max_bytes);
}

INSTANTIATE_TEST_SUITE_P(Limits, BoundedQueueLimitTest,
                         ::testing::Values(LimitCase{3, 1000, 1, 3},    // items decide
                                           LimitCase{100, 100, 40, 2},  // bytes decide
                                           LimitCase{2, 100, 60, 1}));  // bytes before items

TEST(BoundedQueueTest, OversizedItemEntersAnEmptyQueue) {
  BoundedQueue<int> queue(4, 100);
  ASSERT_TRUE(queue.push(1, 500));  // alone it may exceed the limit ...
  std::atomic<bool> second{false};
  std::thread producer([&] {
    queue.push(2, 1);  // ... but nothing joins it
    second = true;
  });
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(second);
  EXPECT_EQ(queue.pop(), 1);
  EXPECT_TRUE(eventually([&] { return second.load(); }));
  producer.join();
}

TEST(BoundedQueueTest, CloseWakesWaitingPushAndPop) {
  BoundedQueue<int> full(1, 10);
  ASSERT_TRUE(full.push(1, 1));
  std::atomic<int> push_result{-1};
  std::thread producer([&] { push_result = full.push(2, 1) ? 1 : 0; });

  BoundedQueue<int> empty(1, 10);
  std::atomic<int> pop_result{-1};
  std::thread consumer([&] { pop_result = empty.pop().has_value() ? 1 : 0; });

  std::this_thread::sleep_for(20ms);
  full.close();
  empty.close();
  producer.join();
  consumer.join();
  EXPECT_EQ(push_result, 0);
  EXPECT_EQ(pop_result, 0);
  EXPECT_FALSE(full.pop()) << "close() drops what was queued";
  EXPECT_FALSE(full.push(3, 1));
}

TEST(BoundedQueueTest, ManyProducersAndConsumersNeverExceedTheLimits) {
  BoundedQueue<int> queue(5, 50);
  constexpr int kPerProducer = 2000;
  std::vector<std::thread> producers;
  for (int p = 0; p < 3; ++p) {
    producers.emplace_back([&] {
      for (int i = 0; i < kPerProducer; ++i) queue.push(i, static_cast<std::size_t>(1 + i % 20));
    });
  }
  std::atomic<long> sum{0};
  std::atomic<int> count{0};
  std::vector<std::thread> consumers;
  for (int c = 0; c < 2; ++c) {
    consumers.emplace_back([&] {
      while (auto item = queue.pop()) {
        sum += *item;
        ++count;
      }
    });
  }
  for (auto& t : producers) t.join();
  queue.finish();
  for (auto& t : consumers) t.join();
  EXPECT_EQ(count, 3 * kPerProducer);
  EXPECT_EQ(sum, 3L * kPerProducer * (kPerProducer - 1) / 2);
  EXPECT_LE(queue.peak_items(), 5u);
  EXPECT_LE(queue.peak_bytes(), 50u);
}

}  // namespace
}  // namespace izdeu::indexer
