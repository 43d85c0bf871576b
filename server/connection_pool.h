#pragma once
// The task queue httplib runs connections on: one task per accepted
// connection, for all of its keep-alive requests.
//
// httplib's own ThreadPool has a fixed number of threads, so a connection
// that sends nothing (an idle keep-alive client, a client trickling its
// headers) holds one of them, and as many such connections as threads stop
// all service. Here a fixed number of workers is always there and more are
// started when a connection would otherwise wait, up to `max_threads`;
// threads beyond the base exit after `idle_exit` without work. CPU work is
// still bounded elsewhere: a request leases one of the SearcherPool's
// Searchers (as many as --threads), so extra threads only wait, never search
// in parallel beyond that.

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace izdeu::server {

class ConnectionPool : public httplib::TaskQueue {
 public:
  /// `base_threads` always run; up to `max_threads` in all (max ≥ base ≥ 1).
  ConnectionPool(std::size_t base_threads, std::size_t max_threads,
                 std::chrono::milliseconds idle_exit = std::chrono::seconds(30));
  ~ConnectionPool() override;
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  void enqueue(std::function<void()> task) override;
  /// Runs the tasks already queued, then joins every thread.
  void shutdown() override;

  /// Threads running now (busy or idle), and the most there have been.
  std::size_t threads() const;
  std::size_t peak_threads() const;
  /// Tasks waiting because every one of max_threads threads is busy.
  std::size_t queued() const;

 private:
  void start_thread();   // with mutex_ held
  void join_finished();  // with mutex_ held
  void work(bool extra);

  const std::size_t base_threads_;
  const std::size_t max_threads_;
  const std::chrono::milliseconds idle_exit_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable exited_;
  std::deque<std::function<void()>> tasks_;
  std::map<std::thread::id, std::thread> threads_;
  std::vector<std::thread::id> finished_;  // threads that have left work(), to join
  std::size_t running_ = 0;
  std::size_t idle_ = 0;
  std::size_t peak_ = 0;
  bool stopping_ = false;
};

}  // namespace izdeu::server
