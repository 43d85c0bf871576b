#include "server/connection_pool.h"

#include <algorithm>

namespace izdeu::server {

ConnectionPool::ConnectionPool(std::size_t base_threads, std::size_t max_threads,
                               std::chrono::milliseconds idle_exit)
    : base_threads_(std::max<std::size_t>(1, base_threads)),
      max_threads_(std::max(base_threads_, max_threads)),
      idle_exit_(idle_exit) {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < base_threads_; ++i) start_thread();
}

ConnectionPool::~ConnectionPool() { shutdown(); }

void ConnectionPool::start_thread() {
  join_finished();
  const bool extra = running_ >= base_threads_;
  ++running_;
  peak_ = std::max(peak_, running_);
  std::thread thread([this, extra] { work(extra); });
  const std::thread::id id = thread.get_id();
  threads_.emplace(id, std::move(thread));
}

// A thread lists itself in finished_ and releases the mutex as its last
// touch of the pool, so whoever holds the mutex now joins threads that are
// only returning.
void ConnectionPool::join_finished() {
  for (const std::thread::id id : finished_) {
    const auto thread = threads_.find(id);
    if (thread == threads_.end()) continue;
    thread->second.join();
    threads_.erase(thread);
  }
  finished_.clear();
}

void ConnectionPool::enqueue(std::function<void()> task) {
  std::lock_guard lock(mutex_);
  if (stopping_) return;
  tasks_.push_back(std::move(task));
  // A new thread only when no idle one will take the task: the idle count
  // already covers every task queued before this one.
  if (idle_ < tasks_.size() && running_ < max_threads_) start_thread();
  wake_.notify_one();
}

void ConnectionPool::work(bool extra) {
  std::unique_lock lock(mutex_);
  while (true) {
    ++idle_;
    bool timed_out = false;
    if (extra) {
      timed_out =
          !wake_.wait_for(lock, idle_exit_, [this] { return stopping_ || !tasks_.empty(); });
    } else {
      wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
    }
    --idle_;
    if (tasks_.empty() && (stopping_ || timed_out)) break;
    std::function<void()> task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
  --running_;
  finished_.push_back(std::this_thread::get_id());
  exited_.notify_all();
}

void ConnectionPool::shutdown() {
  std::unique_lock lock(mutex_);
  stopping_ = true;
  wake_.notify_all();
  exited_.wait(lock, [this] { return running_ == 0; });
  join_finished();
}

std::size_t ConnectionPool::threads() const {
  std::lock_guard lock(mutex_);
  return running_;
}

std::size_t ConnectionPool::peak_threads() const {
  std::lock_guard lock(mutex_);
  return peak_;
}

std::size_t ConnectionPool::queued() const {
  std::lock_guard lock(mutex_);
  return tasks_.size();
}

}  // namespace izdeu::server
