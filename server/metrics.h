#pragma once
// Request counters and latency histograms for GET /metrics, in the Prometheus
// text exposition format 0.0.4.
//
// Endpoints are registered before the server starts; after that, record() is
// lock-free (relaxed atomics, one cache of counters per endpoint), so worker
// threads never wait on each other to count a request.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace izdeu::server {

/// What /metrics reports about the index; taken fresh for every scrape.
struct IndexGauges {
  bool up = false;  ///< false: the index could not be read; the other fields are unset
  std::uint64_t documents = 0;
  std::uint64_t revision = 0;
  std::chrono::system_clock::time_point last_reopen;
};

class Metrics {
 public:
  /// Upper bounds of the latency buckets, in seconds; "+Inf" is implied.
  static constexpr std::array<double, 14> kBucketBounds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  /// Index of the endpoint label "other": requests no route matched.
  static constexpr std::size_t kOther = 0;

  Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  /// Registers an endpoint label (a route pattern such as
  /// "/api/v1/documents/{id}", never a raw path, so that the number of series
  /// stays bounded) and returns its index for record(). Not thread-safe: call
  /// before serving. The same label twice returns the same index.
  std::size_t add_endpoint(std::string_view label);

  /// The label registered as `endpoint` ("other" when out of range).
  std::string_view label(std::size_t endpoint) const {
    return endpoints_[endpoint < endpoints_.size() ? endpoint : kOther]->label;
  }

  /// Counts one answered request. Thread-safe and lock-free. An out-of-range
  /// endpoint counts as kOther; a status outside 100..599 as 500.
  void record(std::size_t endpoint, int status, std::chrono::nanoseconds took);

  /// The exposition text: izdeu_http_requests_total{endpoint,status},
  /// izdeu_http_request_duration_seconds{endpoint} (every registered endpoint,
  /// zeros included), the index gauges and process_start_time_seconds.
  std::string render(const IndexGauges& index) const;

 private:
  struct Endpoint {
    std::string label;
    std::array<std::atomic<std::uint64_t>, 500> by_status{};  // index: status - 100
    std::array<std::atomic<std::uint64_t>, kBucketBounds.size() + 1> buckets{};  // last: +Inf
    std::atomic<std::uint64_t> sum_nanoseconds{0};
  };

  // unique_ptr: atomics do not move, and record() must find an Endpoint
  // where add_endpoint() put it.
  std::vector<std::unique_ptr<Endpoint>> endpoints_;
  std::chrono::system_clock::time_point started_;
};

/// Content-Type of the exposition format.
inline constexpr std::string_view kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace izdeu::server
