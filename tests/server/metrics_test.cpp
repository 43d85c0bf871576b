// GET /metrics: the Prometheus text format read back by a small parser, both
// from Metrics directly and scraped from a server after real requests.

#include "server/metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <thread>

#include "corpus/index/index_writer.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"
#include "tests/support/test_server.h"

namespace izdeu::server {
namespace {

using Labels = std::map<std::string, std::string>;

struct Sample {
  std::string name;
  Labels labels;
  double value = 0;
};

// Parses exposition format 0.0.4 as Prometheus would: "# TYPE" lines give
// the family types, every other non-comment line is name{labels} value.
struct Exposition {
  std::map<std::string, std::string> types;
  std::vector<Sample> samples;
  std::vector<std::string> errors;

  explicit Exposition(const std::string& text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
      std::size_t end = text.find('\n', begin);
      if (end == std::string::npos) {
        errors.push_back("no final line feed");
        end = text.size();
      }
      parse_line(text.substr(begin, end - begin));
      begin = end + 1;
    }
  }

  void parse_line(const std::string& line) {
    if (line.rfind("# TYPE ", 0) == 0) {
      const std::size_t space = line.find(' ', 7);
      const std::string name = line.substr(7, space - 7);
      if (types.count(name)) errors.push_back("two TYPE lines for " + name);
      types[name] = line.substr(space + 1);
      return;
    }
    if (line.empty() || line[0] == '#') return;
    Sample sample;
    std::size_t i = line.find_first_of("{ ");
    sample.name = line.substr(0, i);
    if (i != std::string::npos && line[i] == '{') {
      ++i;
      while (i < line.size() && line[i] != '}') {
        const std::size_t eq = line.find("=\"", i);
        if (eq == std::string::npos) return errors.push_back("bad labels: " + line);
        const std::string key = line.substr(i, eq - i);
        std::string value;
        for (i = eq + 2; i < line.size() && line[i] != '"'; ++i) {
          if (line[i] == '\\' && i + 1 < line.size()) {
            ++i;
            value += line[i] == 'n' ? '\n' : line[i];
          } else {
            value += line[i];
          }
        }
        sample.labels[key] = value;
        i += 1;  // closing quote
        if (i < line.size() && line[i] == ',') ++i;
      }
      ++i;  // '}'
    }
    if (i >= line.size() || line[i] != ' ') return errors.push_back("no value: " + line);
    const std::string value = line.substr(i + 1);
    sample.value = value == "+Inf" ? INFINITY : std::stod(value);
    samples.push_back(std::move(sample));
  }

  // The value of the one sample with exactly these labels; NaN if none.
  double value(const std::string& name, const Labels& labels = {}) const {
    for (const Sample& s : samples) {
      if (s.name == name && s.labels == labels) return s.value;
    }
    return NAN;
  }

  std::vector<Sample> named(const std::string& name) const {
    std::vector<Sample> out;
    for (const Sample& s : samples) {
      if (s.name == name) out.push_back(s);
    }
    return out;
  }
};

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Checks the histogram of `endpoint`: one bucket per bound plus +Inf,
// cumulative, +Inf == _count. Returns _count.
double check_histogram(const Exposition& e, const std::string& endpoint) {
  const std::string name = "izdeu_http_request_duration_seconds";
  std::vector<Sample> buckets;
  for (const Sample& s : e.named(name + "_bucket")) {
    if (s.labels.at("endpoint") == endpoint) buckets.push_back(s);
  }
  EXPECT_EQ(buckets.size(), Metrics::kBucketBounds.size() + 1) << endpoint;
  double previous = 0;
  for (std::size_t b = 0; b < buckets.size(); ++b) {
    const double le =
        buckets[b].labels.at("le") == "+Inf" ? INFINITY : std::stod(buckets[b].labels.at("le"));
    EXPECT_EQ(le, b < Metrics::kBucketBounds.size() ? Metrics::kBucketBounds[b] : INFINITY);
    EXPECT_GE(buckets[b].value, previous) << endpoint << " le=" << buckets[b].labels.at("le");
    previous = buckets[b].value;
  }
  const double count = e.value(name + "_count", {{"endpoint", endpoint}});
  EXPECT_EQ(count, previous) << endpoint;
  EXPECT_GE(e.value(name + "_sum", {{"endpoint", endpoint}}), 0) << endpoint;
  return count;
}

TEST(MetricsTest, CountsAndBucketsWhatWasRecorded) {
  Metrics metrics;
  const std::size_t search = metrics.add_endpoint("/api/v1/search");
  const std::size_t document = metrics.add_endpoint("/api/v1/documents/{id}");
  EXPECT_EQ(metrics.add_endpoint("/api/v1/search"), search);
  using std::chrono::microseconds;
  using std::chrono::milliseconds;
  metrics.record(search, 200, microseconds(500));  // exactly on a bound: le is inclusive
  metrics.record(search, 200, microseconds(501));
  metrics.record(search, 400, milliseconds(30));
  metrics.record(search, 200, std::chrono::seconds(20));  // only in +Inf
  metrics.record(document, 404, microseconds(10));
  metrics.record(99, 200, microseconds(10));       // unknown endpoint
  metrics.record(search, 1000, microseconds(10));  // impossible status

  const Exposition e(metrics.render({}));
  EXPECT_TRUE(e.errors.empty()) << e.errors.front();
  EXPECT_EQ(e.types.at("izdeu_http_requests_total"), "counter");
  EXPECT_EQ(e.types.at("izdeu_http_request_duration_seconds"), "histogram");
  const auto requests = [&](const char* endpoint, const char* status) {
    return e.value("izdeu_http_requests_total", {{"endpoint", endpoint}, {"status", status}});
  };
  EXPECT_EQ(requests("/api/v1/search", "200"), 3);
  EXPECT_EQ(requests("/api/v1/search", "400"), 1);
  EXPECT_EQ(requests("/api/v1/search", "500"), 1);
  EXPECT_EQ(requests("/api/v1/documents/{id}", "404"), 1);
  EXPECT_EQ(requests("other", "200"), 1);
  EXPECT_EQ(e.named("izdeu_http_requests_total").size(), 5u);  // no zero series

  const auto bucket = [&](const char* le) {
    return e.value("izdeu_http_request_duration_seconds_bucket",
                   {{"endpoint", "/api/v1/search"}, {"le", le}});
  };
  EXPECT_EQ(bucket("0.0005"), 2);  // 10 us and 500 us
  EXPECT_EQ(bucket("0.001"), 3);
  EXPECT_EQ(bucket("0.025"), 3);
  EXPECT_EQ(bucket("0.05"), 4);
  EXPECT_EQ(bucket("10"), 4);
  EXPECT_EQ(bucket("+Inf"), 5);
  EXPECT_EQ(check_histogram(e, "/api/v1/search"), 5);
  EXPECT_NEAR(e.value("izdeu_http_request_duration_seconds_sum", {{"endpoint", "/api/v1/search"}}),
              0.0005 + 0.000501 + 0.030 + 20 + 0.00001, 1e-9);
  EXPECT_EQ(check_histogram(e, "/api/v1/documents/{id}"), 1);
  EXPECT_EQ(check_histogram(e, "other"), 1);

  EXPECT_EQ(e.value("izdeu_index_up"), 0);
  EXPECT_TRUE(std::isnan(e.value("izdeu_index_documents")));  // unknown, so absent
  EXPECT_NEAR(e.value("process_start_time_seconds"), now_seconds(), 60);
}

TEST(MetricsTest, ReportsTheIndexGauges) {
  Metrics metrics;
  IndexGauges index;
  index.up = true;
  index.documents = 1234;
  index.revision = 17;
  index.last_reopen =
      std::chrono::system_clock::time_point(std::chrono::milliseconds(1700000000250));
  const Exposition e(metrics.render(index));
  EXPECT_TRUE(e.errors.empty());
  EXPECT_EQ(e.value("izdeu_index_up"), 1);
  EXPECT_EQ(e.value("izdeu_index_documents"), 1234);
  EXPECT_EQ(e.value("izdeu_index_revision"), 17);
  EXPECT_NEAR(e.value("izdeu_index_last_reopen_timestamp_seconds"), 1700000000.25, 1e-6);
  for (const char* gauge : {"izdeu_index_up", "izdeu_index_documents", "izdeu_index_revision",
                            "izdeu_index_last_reopen_timestamp_seconds"}) {
    EXPECT_EQ(e.types.at(gauge), "gauge") << gauge;
  }
}

TEST(MetricsTest, LabelValuesAreEscaped) {
  Metrics metrics;
  metrics.record(metrics.add_endpoint("a\"b\\c\nd"), 200, std::chrono::microseconds(1));
  const Exposition e(metrics.render({}));
  EXPECT_TRUE(e.errors.empty());
  EXPECT_EQ(e.value("izdeu_http_requests_total", {{"endpoint", "a\"b\\c\nd"}, {"status", "200"}}),
            1);
}

TEST(MetricsTest, ConcurrentRecordsAreAllCounted) {
  Metrics metrics;
  const std::size_t endpoint = metrics.add_endpoint("/x");
  constexpr int kThreads = 4, kEach = 20000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        metrics.record(endpoint, 200 + t, std::chrono::microseconds(i % 3000));
      }
    });
  }
  for (int scrapes = 0; scrapes < 20; ++scrapes) {  // scraping meanwhile stays consistent
    const Exposition e(metrics.render({}));
    check_histogram(e, "/x");
  }
  for (auto& thread : threads) thread.join();
  const Exposition e(metrics.render({}));
  EXPECT_EQ(check_histogram(e, "/x"), kThreads * kEach);
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(e.value("izdeu_http_requests_total",
                      {{"endpoint", "/x"}, {"status", std::to_string(200 + t)}}),
              kEach);
  }
}

class MetricsEndpointTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = corpus::IndexWriter::open(dir_.str());
    ASSERT_TRUE(writer);
    for (int i = 0; i < 7; ++i) {
      ASSERT_TRUE(writer->add_or_replace(testing::make_article(
          "d-" + std::to_string(i), "Медиация " + std::to_string(i), "Совет медиаторов.")));
    }
    ASSERT_TRUE(writer->commit());
    opened_ = now_seconds();
    server_ = std::make_unique<testing::TestServer>(std::vector<std::string>{dir_.str()});
    ASSERT_TRUE(server_->ok()) << server_->error();
  }

  testing::TempDir dir_;
  double opened_ = 0;
  std::unique_ptr<testing::TestServer> server_;
};

TEST_F(MetricsEndpointTest, ScrapeCountsRequestsByRoutePattern) {
  // One keep-alive connection: httplib records a request (its logger runs)
  // before reading the next one, so the scrape sees every request before it.
  auto client = server_->client();
  client.set_keep_alive(true);
  const std::pair<const char*, int> requests[] = {
      {"/api/v1/search?q=%D0%BC%D0%B5%D0%B4%D0%B8%D0%B0%D1%86%D0%B8%D1%8F", 200},
      {"/api/v1/search?q=%D1%81%D0%BE%D0%B2%D0%B5%D1%82", 200},
      {"/api/v1/search?q=x&page=0", 400},
      {"/api/v1/documents/d-1", 200},
      {"/api/v1/documents/d-2", 200},
      {"/api/v1/documents/none", 404},
      {"/no/such/path", 404},
      {"/another/path", 404},
      {"/static/index.html", 200},
  };
  for (const auto& [target, status] : requests) {
    auto response = client.Get(target);
    ASSERT_TRUE(response) << target;
    ASSERT_EQ(response->status, status) << target;
  }
  auto scrape = client.Get("/metrics");
  ASSERT_TRUE(scrape);
  EXPECT_EQ(scrape->status, 200);
  EXPECT_EQ(scrape->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const Exposition e(scrape->body);
  ASSERT_TRUE(e.errors.empty()) << e.errors.front();

  const auto count = [&](const char* endpoint, const char* status) {
    return e.value("izdeu_http_requests_total", {{"endpoint", endpoint}, {"status", status}});
  };
  EXPECT_EQ(count("/api/v1/search", "200"), 2);
  EXPECT_EQ(count("/api/v1/search", "400"), 1);
  EXPECT_EQ(count("/api/v1/documents/{id}", "200"), 2);  // the pattern, not the two paths
  EXPECT_EQ(count("/api/v1/documents/{id}", "404"), 1);
  EXPECT_EQ(count("other", "404"), 2);
  EXPECT_EQ(count("/static/{name}", "200"), 1);
  EXPECT_EQ(e.named("izdeu_http_requests_total").size(), 6u) << scrape->body;
  EXPECT_EQ(check_histogram(e, "/api/v1/search"), 3);
  EXPECT_EQ(check_histogram(e, "/api/v1/documents/{id}"), 3);
  EXPECT_EQ(check_histogram(e, "other"), 2);
  // Registered routes nobody called yet still have a (zero) histogram.
  EXPECT_EQ(check_histogram(e, "/health"), 0);
  EXPECT_EQ(check_histogram(e, "/metrics"), 0);  // this scrape is counted after it is sent

  EXPECT_EQ(e.value("izdeu_index_up"), 1);
  EXPECT_EQ(e.value("izdeu_index_documents"), 7);
  EXPECT_GE(e.value("izdeu_index_revision"), 1);
  const double reopened = e.value("izdeu_index_last_reopen_timestamp_seconds");
  EXPECT_GE(reopened, opened_ - 1);
  EXPECT_LE(reopened, now_seconds() + 1);

  auto again = client.Get("/metrics");
  ASSERT_TRUE(again);
  EXPECT_EQ(Exposition(again->body)
                .value("izdeu_http_requests_total", {{"endpoint", "/metrics"}, {"status", "200"}}),
            1);
}

TEST_F(MetricsEndpointTest, IndexGaugesFollowCommits) {
  auto client = server_->client();
  client.set_keep_alive(true);
  auto before = client.Get("/metrics");
  ASSERT_TRUE(before);
  const Exposition first(before->body);

  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // so the timestamps differ
  const double committed = now_seconds();
  {
    auto writer = corpus::IndexWriter::open(dir_.str());
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->add_or_replace(testing::make_article("d-new", "Новая", "Текст.")));
    ASSERT_TRUE(writer->commit());
  }
  auto after = client.Get("/metrics");
  ASSERT_TRUE(after);
  const Exposition second(after->body);
  EXPECT_EQ(second.value("izdeu_index_documents"), 8);
  EXPECT_GT(second.value("izdeu_index_revision"), first.value("izdeu_index_revision"));
  EXPECT_GE(second.value("izdeu_index_last_reopen_timestamp_seconds"), committed);
  EXPECT_GT(second.value("izdeu_index_last_reopen_timestamp_seconds"),
            first.value("izdeu_index_last_reopen_timestamp_seconds"));

  // Without a new commit, the timestamp stays where it was.
  auto third = client.Get("/metrics");
  ASSERT_TRUE(third);
  EXPECT_EQ(Exposition(third->body).value("izdeu_index_last_reopen_timestamp_seconds"),
            second.value("izdeu_index_last_reopen_timestamp_seconds"));
}

}  // namespace
}  // namespace izdeu::server
