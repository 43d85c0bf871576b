// ReorderWindow: results handed in out of order come out in order, a worker
// too far ahead waits, and cancel() wakes it.

#include "indexer/reorder_window.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <numeric>
#include <random>
#include <thread>
#include <vector>

namespace izdeu::indexer {
namespace {

using namespace std::chrono_literals;

TEST(ReorderWindowTest, ReleasesInOrderWhateverOrderResultsArriveIn) {
  constexpr int kCount = 3000;
  constexpr int kThreads = 4;
  ReorderWindow<int> window(8);
  std::vector<int> released;
  std::atomic<int> next{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < kThreads; ++t) {
    workers.emplace_back([&, t] {
      std::mt19937 random(static_cast<unsigned>(t));
      for (int seq = next++; seq < kCount; seq = next++) {
        if (random() % 8 == 0) std::this_thread::yield();  // let others overtake
        window.put(static_cast<std::uint64_t>(seq), seq * 10,
                   [&](int&& value) { released.push_back(value); });
      }
    });
  }
  for (auto& w : workers) w.join();
  std::vector<int> expected(kCount);
  std::iota(expected.begin(), expected.end(), 0);
  std::transform(expected.begin(), expected.end(), expected.begin(), [](int v) { return v * 10; });
  EXPECT_EQ(released, expected);
  EXPECT_EQ(window.released(), static_cast<std::uint64_t>(kCount));
}

TEST(ReorderWindowTest, HoldsLaterResultsUntilTheEarlierOneArrives) {
  ReorderWindow<int> window(4);
  std::vector<int> released;
  auto release = [&](int&& value) { released.push_back(value); };
  window.put(2, 2, release);
  window.put(1, 1, release);
  EXPECT_TRUE(released.empty());
  window.put(0, 0, release);
  EXPECT_EQ(released, (std::vector<int>{0, 1, 2}));
}

TEST(ReorderWindowTest, AResultTooFarAheadWaitsForRoom) {
  ReorderWindow<int> window(2);
  std::vector<int> released;
  auto release = [&](int&& value) { released.push_back(value); };
  window.put(1, 1, release);  // within the window: held back
  std::atomic<bool> far_done{false};
  std::thread far([&] {
    window.put(2, 2, release);  // 2 >= 0 + window: must wait until 0 is released
    far_done = true;
  });
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(far_done) << "put() did not wait for room";
  window.put(0, 0, release);
  far.join();
  EXPECT_EQ(released, (std::vector<int>{0, 1, 2}));
}

TEST(ReorderWindowTest, CancelWakesAWaitingPut) {
  ReorderWindow<int> window(1);
  std::atomic<int> result{-1};
  std::thread far([&] { result = window.put(5, 5, [](int&&) {}) ? 1 : 0; });
  std::this_thread::sleep_for(20ms);
  window.cancel();
  far.join();
  EXPECT_EQ(result, 0);
}

}  // namespace
}  // namespace izdeu::indexer
