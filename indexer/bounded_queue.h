#pragma once
// A blocking FIFO between pipeline stages, bounded both in items and in bytes
// (the caller states each item's size), so no stage can run ahead of the next
// and buffer without limit.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace izdeu::indexer {

template <typename T>
class BoundedQueue {
 public:
  /// At most `max_items` items and `max_bytes` bytes at once (both at least 1).
  BoundedQueue(std::size_t max_items, std::size_t max_bytes)
      : max_items_(max_items > 0 ? max_items : 1), max_bytes_(max_bytes > 0 ? max_bytes : 1) {}

  BoundedQueue(const BoundedQueue&) = delete;
  BoundedQueue& operator=(const BoundedQueue&) = delete;

  /// Appends `item`, waiting while the queue is full. An item larger than
  /// max_bytes on its own is let in once the queue is empty, so it can never
  /// block forever. Returns false, dropping the item, once the queue is
  /// closed.
  bool push(T item, std::size_t bytes) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return closed_ || fits(bytes); });
    if (closed_) return false;
    items_.emplace_back(std::move(item), bytes);
    bytes_ += bytes;
    if (items_.size() > peak_items_) peak_items_ = items_.size();
    if (bytes_ > peak_bytes_) peak_bytes_ = bytes_;
    not_empty_.notify_one();
    return true;
  }

  /// The oldest item, waiting while the queue is empty; nullopt once the queue
  /// is empty and will stay so (finish() or close() was called).
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || finished_ || closed_; });
    if (items_.empty() || closed_) return std::nullopt;
    auto [item, bytes] = std::move(items_.front());
    items_.pop_front();
    bytes_ -= bytes;
    not_full_.notify_all();
    return std::move(item);
  }

  /// No more pushes will come: pop() drains what is queued, then returns nullopt.
  void finish() {
    std::lock_guard lock(mutex_);
    finished_ = true;
    not_empty_.notify_all();
  }

  /// Stops the queue at once (an error elsewhere): queued items are dropped,
  /// waiting and later push() return false and pop() returns nullopt.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    items_.clear();
    bytes_ = 0;
    not_full_.notify_all();
    not_empty_.notify_all();
  }

  std::size_t max_items() const { return max_items_; }
  std::size_t max_bytes() const { return max_bytes_; }

  /// The most items and bytes that were ever queued at once.
  std::size_t peak_items() const {
    std::lock_guard lock(mutex_);
    return peak_items_;
  }
  std::size_t peak_bytes() const {
    std::lock_guard lock(mutex_);
    return peak_bytes_;
  }

 private:
  bool fits(std::size_t bytes) const {
    if (items_.empty()) return true;
    return items_.size() < max_items_ && bytes_ + bytes <= max_bytes_;
  }

  const std::size_t max_items_;
  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<std::pair<T, std::size_t>> items_;
  std::size_t bytes_ = 0;
  std::size_t peak_items_ = 0;
  std::size_t peak_bytes_ = 0;
  bool finished_ = false;
  bool closed_ = false;
};

}  // namespace izdeu::indexer
