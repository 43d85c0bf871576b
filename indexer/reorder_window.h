#pragma once
// Puts the results of parallel workers back into input order. Workers hand in
// results numbered 0, 1, 2, ... in any order; each result is released, in
// order, as soon as all earlier ones have been. A worker that gets more than
// `window` numbers ahead of the oldest unreleased result waits, so the
// results held back never exceed the window.
//
// Order matters because an id can occur twice in one run: the later article
// must be the one that stays in the index, as with a single thread.

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <utility>

namespace izdeu::indexer {

template <typename T>
class ReorderWindow {
 public:
  explicit ReorderWindow(std::uint64_t window) : window_(window > 0 ? window : 1) {}

  ReorderWindow(const ReorderWindow&) = delete;
  ReorderWindow& operator=(const ReorderWindow&) = delete;

  /// Hands in result `seq` (each number exactly once). Waits while `seq` is
  /// `window` or more past the next number due. When `seq` is the next one
  /// due, `release(T&&)` is called for it and for every held-back successor,
  /// in order, by this thread, with the window locked: releases never overlap
  /// and never reorder. Returns false (dropping the result) after cancel().
  template <typename Release>
  bool put(std::uint64_t seq, T value, Release&& release) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return cancelled_ || seq < next_ + window_; });
    if (cancelled_) return false;
    if (seq != next_) {
      held_.emplace(seq, std::move(value));
      return true;
    }
    release(std::move(value));
    ++next_;
    for (auto it = held_.begin(); it != held_.end() && it->first == next_; it = held_.erase(it)) {
      release(std::move(it->second));
      ++next_;
    }
    room_.notify_all();
    return !cancelled_;
  }

  /// Wakes every waiting put(), which then return false.
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    held_.clear();
    room_.notify_all();
  }

  /// Number of results released so far.
  std::uint64_t released() const {
    std::lock_guard lock(mutex_);
    return next_;
  }

 private:
  const std::uint64_t window_;
  mutable std::mutex mutex_;
  std::condition_variable room_;
  std::map<std::uint64_t, T> held_;
  std::uint64_t next_ = 0;
  bool cancelled_ = false;
};

}  // namespace izdeu::indexer
