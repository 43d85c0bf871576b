// Golden answers of the JSON API: a table of /api/v1/search and
// /api/v1/suggest requests over an index of the sample archive
// (tests/fixtures/sample), each answer recorded in tests/golden/api/<name>.json
// and compared on every run, so any change to what a client receives shows up
// as a reviewable diff. Rewrite them with IZDEU_UPDATE_GOLDEN=1.
//
// A golden file is {"endpoint", "params": {name: value or [values]} as sent,
// "status", "body": the answer}, pretty-printed with sorted keys. Redacted
// before comparing: took_ms (a timing) becomes "<redacted>"; a hit's score is
// rounded to 6 significant digits, so a last-bit difference in floating point
// between builds (ci, ci-asan) does not count as a change. Cursors are kept:
// they encode only the request's fingerprint, a position and a document id,
// all fixed by the archive and the indexing order (three runs, each indexing
// afresh, gave the same files).

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "indexer/ingest_job.h"
#include "tests/support/archive_index.h"
#include "tests/support/golden_file.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

namespace izdeu::server {
namespace {

using nlohmann::json;
using testing::TempDir;
using testing::TestServer;

const std::filesystem::path kGoldenDir =
    std::filesystem::path(IZDEU_SOURCE_DIR) / "tests" / "golden" / "api";

struct GoldenCase {
  const char* name;  ///< the golden file is tests/golden/api/<name>.json
  const char* endpoint;
  httplib::Params params;
  /// When set: the case of this name ran first, and its next_cursor is sent as `after`.
  const char* after_cursor_of = nullptr;
};

// Small pages, short snippets and few facets keep the files readable; the
// first case alone shows a default answer with every facet.
const GoldenCase kCases[] = {
    {"search_plain_word", "/api/v1/search", {{"q", "волонтёры"}, {"per_page", "3"}}},
    {"search_kazakh_word",
     "/api/v1/search",
     {{"q", "мектептер"}, {"per_page", "3"}, {"facets", "lang,person"}, {"facet_limit", "3"}}},
    {"search_russian_word",
     "/api/v1/search",
     {{"q", "Ассамблея"}, {"per_page", "3"}, {"facets", "lang,topic"}, {"facet_limit", "3"}}},
    {"search_phrase",
     "/api/v1/search",
     {{"q", "\"совет матерей\""}, {"per_page", "3"}, {"facets", "region"}}},
    {"search_lang_kk",
     "/api/v1/search",
     {{"q", "Ассамблея"}, {"lang", "kk"}, {"per_page", "3"}, {"facets", "lang,year"}}},
    {"search_person",
     "/api/v1/search",
     {{"q", "Ассамблея"},
      {"person", "токаев касым-жомарт"},
      {"per_page", "3"},
      {"facets", "person"},
      {"facet_limit", "3"}}},
    {"search_region",
     "/api/v1/search",
     {{"q", "Ассамблея"}, {"region", "astana"}, {"per_page", "3"}, {"facets", "region"}}},
    {"search_topic",
     "/api/v1/search",
     {{"q", "Ассамблея"},
      {"topic", "mediation"},
      {"per_page", "3"},
      {"facets", "topic"},
      {"facet_limit", "3"}}},
    {"search_two_topics",
     "/api/v1/search",
     {{"q", "Ассамблея"},
      {"topic", "mediation"},
      {"topic", "youth"},
      {"per_page", "3"},
      {"facets", "topic"},
      {"facet_limit", "3"}}},
    {"search_sort_date",
     "/api/v1/search",
     {{"q", "облысы"},
      {"sort", "date"},
      {"per_page", "4"},
      {"facets", "none"},
      {"snippet_chars", "80"}}},
    {"search_match_any",
     "/api/v1/search",
     {{"q", "медиация волонтёры"}, {"match", "any"}, {"per_page", "3"}, {"facets", "none"}}},
    {"search_dates",
     "/api/v1/search",
     {{"q", "сессия"},
      {"from", "2019-01-01"},
      {"to", "2021-12-31"},
      {"per_page", "3"},
      {"facets", "year,month"}}},
    {"search_page_1",
     "/api/v1/search",
     {{"q", "Қазақстан"}, {"per_page", "2"}, {"facets", "none"}, {"snippet_chars", "80"}}},
    {"search_page_2",
     "/api/v1/search",
     {{"q", "Қазақстан"}, {"per_page", "2"}, {"facets", "none"}, {"snippet_chars", "80"}},
     "search_page_1"},
    {"search_did_you_mean", "/api/v1/search", {{"q", "Ассомблея"}, {"facets", "none"}}},
    {"search_wrong_layout", "/api/v1/search", {{"q", "fccfv,ktz"}, {"facets", "none"}}},
    {"search_bad_parameter", "/api/v1/search", {{"q", "сессия"}, {"sort", "views"}}},
    {"suggest_prefix", "/api/v1/suggest", {{"q", "асс"}}},
    {"suggest_kazakh_prefix", "/api/v1/suggest", {{"q", "қаз"}, {"limit", "5"}}},
    {"suggest_person", "/api/v1/suggest", {{"q", "токаев"}}},
    {"suggest_next_word", "/api/v1/suggest", {{"q", "ассамблея "}, {"limit", "5"}}},
    {"suggest_wrong_layout", "/api/v1/suggest", {{"q", "fcc"}}},
    {"suggest_missing_q", "/api/v1/suggest", {}},
};

// 6 significant digits, as a JSON number.
double rounded(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return std::strtod(text, nullptr);
}

// The answer with what may differ between two runs of the same build
// replaced (took_ms) or rounded (scores); see the top of the file.
json redacted(json body) {
  if (!body.is_object()) return body;
  if (body.contains("took_ms")) body["took_ms"] = "<redacted>";
  if (body.contains("hits") && body["hits"].is_array()) {
    for (json& hit : body["hits"]) {
      if (hit.contains("score") && hit["score"].is_number()) {
        hit["score"] = rounded(hit["score"].get<double>());
      }
    }
  }
  return body;
}

// The file's text: 2-space indent, keys sorted (nlohmann's object is a
// std::map), UTF-8 as is, a final newline.
std::string golden_text(const json& record) { return record.dump(2, ' ', false) + "\n"; }

class ApiGoldenTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    index_dir_ = new TempDir();
    auto stats = testing::index_archives(index_dir_->str(), {testing::sample_archive()});
    ASSERT_TRUE(stats) << stats.error().message;
    server_ = new TestServer({index_dir_->str()});
    ASSERT_TRUE(server_->ok()) << server_->error();
    // Suggestions are built in the background after the server starts.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
      auto client = server_->client();
      auto response = client.Get("/api/v1/suggest?q=a");
      if (response && response->status != 503) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    delete index_dir_;
    index_dir_ = nullptr;
  }

  static TempDir* index_dir_;
  static TestServer* server_;
};

TempDir* ApiGoldenTest::index_dir_ = nullptr;
TestServer* ApiGoldenTest::server_ = nullptr;

TEST_F(ApiGoldenTest, AnswersMatchGoldenFiles) {
  ASSERT_NE(server_, nullptr);
  const bool update = testing::updating_golden_files();
  std::map<std::string, json> answers;  // by case name, for after_cursor_of
  int differences = 0;
  for (const GoldenCase& c : kCases) {
    SCOPED_TRACE(c.name);
    httplib::Params params = c.params;
    if (c.after_cursor_of != nullptr) {
      const json& earlier = answers[c.after_cursor_of];
      ASSERT_TRUE(earlier.contains("next_cursor") && earlier["next_cursor"].is_string())
          << c.after_cursor_of << " has no next_cursor";
      params.emplace("after", earlier["next_cursor"].get<std::string>());
    }
    const std::string target = httplib::append_query_params(c.endpoint, params);
    auto client = server_->client();
    auto response = client.Get(target.c_str());
    ASSERT_TRUE(response) << target;
    json body = json::parse(response->body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << target << ": " << response->body;
    answers[c.name] = body;
    json sent = json::object();  // a repeated parameter's values as a list
    for (const auto& [name, value] : params) {
      if (!sent.contains(name)) {
        sent[name] = value;
      } else {
        if (!sent[name].is_array()) sent[name] = json::array({sent[name]});
        sent[name].push_back(value);
      }
    }
    const json record = {{"endpoint", c.endpoint},
                         {"params", std::move(sent)},
                         {"status", response->status},
                         {"body", redacted(body)}};

    const std::filesystem::path path = kGoldenDir / (std::string(c.name) + ".json");
    if (update) {
      EXPECT_TRUE(testing::write_golden_file(path, golden_text(record))) << path;
      continue;
    }
    const auto golden = testing::read_golden_file(path);
    if (!golden) {
      ++differences;
      ADD_FAILURE() << "no golden file " << path << "; run with IZDEU_UPDATE_GOLDEN=1";
      continue;
    }
    const json expected = json::parse(*golden, nullptr, false);
    if (expected != record) {
      ++differences;
      ADD_FAILURE() << target << " answers differently from " << path
                    << "; the change as a JSON patch (RFC 6902) from the golden answer:\n"
                    << json::diff(expected, record).dump(1, ' ', false);
    } else {
      EXPECT_EQ(*golden, golden_text(record)) << path << " is not in the canonical layout; run "
                                              << "with IZDEU_UPDATE_GOLDEN=1";
    }
  }
  if (update) GTEST_SKIP() << "rewrote " << kGoldenDir << "; review the diff";
  EXPECT_EQ(differences, 0) << "If the change is intended, rerun with IZDEU_UPDATE_GOLDEN=1 and "
                               "review the diff of tests/golden/api/.";
}

// Every file in tests/golden/api/ belongs to a case: a renamed or removed
// case does not leave a file nobody compares.
TEST(ApiGoldenFilesTest, EveryGoldenFileHasACase) {
  std::set<std::string> names;
  for (const GoldenCase& c : kCases) {
    EXPECT_TRUE(names.insert(std::string(c.name) + ".json").second) << "two cases named " << c.name;
  }
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(kGoldenDir, error)) {
    const std::string file = entry.path().filename().string();
    EXPECT_TRUE(names.count(file)) << kGoldenDir / file << " belongs to no case; delete it";
  }
  EXPECT_FALSE(error) << kGoldenDir << ": " << error.message();
}

}  // namespace
}  // namespace izdeu::server
