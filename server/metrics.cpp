#include "server/metrics.h"

#include <charconv>

namespace izdeu::server {
namespace {

// Fixed notation, shortest text that reads back as the same double: bucket
// bounds print as "0.0005" and "10", never "5e-04".
std::string number(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  if (ec != std::errc()) return "NaN";
  return std::string(buffer, end);
}

double seconds_since_epoch(std::chrono::system_clock::time_point time) {
  return std::chrono::duration<double>(time.time_since_epoch()).count();
}

// Label values escape backslash, double quote and line feed (exposition
// format 0.0.4); our labels are route patterns, but the format is the format.
std::string label_value(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

}  // namespace

Metrics::Metrics() : started_(std::chrono::system_clock::now()) { add_endpoint("other"); }

std::size_t Metrics::add_endpoint(std::string_view label) {
  for (std::size_t i = 0; i < endpoints_.size(); ++i) {
    if (endpoints_[i]->label == label) return i;
  }
  endpoints_.push_back(std::make_unique<Endpoint>());
  endpoints_.back()->label = std::string(label);
  return endpoints_.size() - 1;
}

void Metrics::record(std::size_t endpoint, int status, std::chrono::nanoseconds took) {
  Endpoint& e = *endpoints_[endpoint < endpoints_.size() ? endpoint : kOther];
  if (status < 100 || status > 599) status = 500;
  e.by_status[static_cast<std::size_t>(status - 100)].fetch_add(1, std::memory_order_relaxed);
  const double seconds = std::chrono::duration<double>(took).count();
  std::size_t bucket = 0;
  while (bucket < kBucketBounds.size() && seconds > kBucketBounds[bucket]) ++bucket;
  e.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
  const auto nanoseconds = took.count() > 0 ? static_cast<std::uint64_t>(took.count()) : 0;
  e.sum_nanoseconds.fetch_add(nanoseconds, std::memory_order_relaxed);
}

std::string Metrics::render(const IndexGauges& index) const {
  std::string out;
  header(out, "izdeu_http_requests_total", "counter",
         "HTTP requests answered, by route pattern and status.");
  for (const auto& e : endpoints_) {
    for (std::size_t i = 0; i < e->by_status.size(); ++i) {
      const std::uint64_t count = e->by_status[i].load(std::memory_order_relaxed);
      if (count == 0) continue;
      out += "izdeu_http_requests_total{endpoint=\"" + label_value(e->label) + "\",status=\"" +
             std::to_string(i + 100) + "\"} " + std::to_string(count) + "\n";
    }
  }

  header(out, "izdeu_http_request_duration_seconds", "histogram",
         "Time from reading a request to having written its response, by route pattern.");
  for (const auto& e : endpoints_) {
    const std::string label = "endpoint=\"" + label_value(e->label) + "\"";
    // Each bucket is read once and summed here, so the cumulative counts
    // never decrease and _count equals the +Inf bucket even while other
    // threads keep recording.
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < e->buckets.size(); ++b) {
      cumulative += e->buckets[b].load(std::memory_order_relaxed);
      const std::string le = b < kBucketBounds.size() ? number(kBucketBounds[b]) : "+Inf";
      out += "izdeu_http_request_duration_seconds_bucket{" + label + ",le=\"" + le + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    const double sum =
        static_cast<double>(e->sum_nanoseconds.load(std::memory_order_relaxed)) / 1e9;
    out += "izdeu_http_request_duration_seconds_sum{" + label + "} " + number(sum) + "\n";
    out += "izdeu_http_request_duration_seconds_count{" + label + "} " +
           std::to_string(cumulative) + "\n";
  }

  header(out, "izdeu_index_up", "gauge", "1 when the index could be read for this scrape, else 0.");
  out += std::string("izdeu_index_up ") + (index.up ? "1" : "0") + "\n";
  if (index.up) {
    header(out, "izdeu_index_documents", "gauge", "Articles in the index (all shards).");
    out += "izdeu_index_documents " + std::to_string(index.documents) + "\n";
    header(out, "izdeu_index_revision", "gauge",
           "Sum of the shards' Xapian revisions; grows with every commit.");
    out += "izdeu_index_revision " + std::to_string(index.revision) + "\n";
    header(out, "izdeu_index_last_reopen_timestamp_seconds", "gauge",
           "Unix time at which the server first saw the index at its current revision.");
    out += "izdeu_index_last_reopen_timestamp_seconds " +
           number(seconds_since_epoch(index.last_reopen)) + "\n";
  }
  header(out, "process_start_time_seconds", "gauge", "Unix time at which the server started.");
  out += "process_start_time_seconds " + number(seconds_since_epoch(started_)) + "\n";
  return out;
}

}  // namespace izdeu::server
