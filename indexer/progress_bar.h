#pragma once
// A one-line progress display for a terminal: count, rate and ETA, redrawn
// at most ten times a second.

#include <chrono>
#include <cstdint>
#include <ostream>

namespace izdeu::indexer {

class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& out) : out_(out) {}

  /// Redraws the line if enough time passed since the last redraw.
  void update(std::uint64_t articles, std::uint64_t bytes_done, std::uint64_t bytes_total);
  /// Clears the line so that the summary starts on a clean one.
  void finish();

 private:
  std::ostream& out_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
  bool drawn_ = false;
};

}  // namespace izdeu::indexer
