// One writer, two doors: izdeu-indexer --server sends an archive through a
// running server's write API, and the index it makes holds the same ids and
// the same terms as izdeu-indexer --index writing the directory itself; a
// key without the write right ends the upload; and --index on an index a
// server owns says who owns it and how to proceed.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "indexer/ingest_job.h"
#include "indexer/server_upload.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_server.h"

namespace izdeu::server {
namespace {

using testing::TempDir;
using testing::TestServer;

constexpr const char* kWriteKey = "upload-key-0123456789abcdef";
constexpr const char* kReadKey = "reader-key-0123456789abcdef";

// id -> every term of its document.
std::map<std::string, std::vector<std::string>> documents(const std::string& path) {
  std::map<std::string, std::vector<std::string>> out;
  Xapian::Database database(path);
  for (auto id = database.allterms_begin("Q"); id != database.allterms_end("Q"); ++id) {
    const Xapian::docid docid = *database.postlist_begin(*id);
    out[(*id).substr(1)] = {database.termlist_begin(docid), database.termlist_end(docid)};
  }
  return out;
}

TEST(IndexerUpload, ThroughTheServerTheIndexIsTheSameAsWrittenDirectly) {
  TempDir dir;
  const std::string served = (dir.path() / "served").string();
  const std::string direct = (dir.path() / "direct").string();
  const std::string sample = IZDEU_SOURCE_DIR "/tests/fixtures/sample";

  ServerConfig config = TestServer::config_for({served}, 4);
  config.keys = *ApiKeys::parse(std::string(kWriteKey) + " write;" + kReadKey + " read", "test");
  TestServer server(config, nullptr, corpus::LiveWriterOptions{});
  ASSERT_TRUE(server.ok()) << server.error();
  const std::string url = "http://127.0.0.1:" + std::to_string(server.port());

  indexer::UploadOptions upload;
  upload.server_url = url;
  upload.key = kWriteKey;
  upload.paths = {sample};
  upload.batch_size = 7;  // several requests
  std::vector<std::string> issues;
  auto stats = indexer::upload_to_server(
      upload, [&issues](const indexer::ReadIssue& issue) { issues.push_back(issue.location); });
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_GT(stats->read, 0u);
  EXPECT_EQ(stats->indexed, stats->read);
  EXPECT_GT(stats->requests, 1u);

  indexer::IngestOptions ingest;
  ingest.index_path = direct;
  ingest.paths = {sample};
  auto ingested = indexer::run_ingest(ingest, {}, {});
  ASSERT_TRUE(ingested) << ingested.error().message;
  EXPECT_EQ(ingested->indexed(), stats->read);

  const auto through_server = documents(served);
  const auto written = documents(direct);
  ASSERT_EQ(through_server.size(), written.size());
  for (const auto& [id, terms] : written) {
    ASSERT_TRUE(through_server.contains(id)) << id;
    EXPECT_EQ(through_server.at(id), terms) << id;
  }

  // Sending again replaces, never duplicates.
  auto again = indexer::upload_to_server(upload, {});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->replaced, stats->read);
  EXPECT_EQ(documents(served).size(), written.size());

  upload.key = kReadKey;
  auto refused = indexer::upload_to_server(upload, {});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("403"), std::string::npos) << refused.error().message;
}

TEST(IndexerUpload, IndexOwnedByAServerSaysHowToProceed) {
  TempDir dir;
  const std::string index = (dir.path() / "index").string();
  auto writer = corpus::LiveWriter::open(index);
  ASSERT_TRUE(writer);
  // What izdeu-server writes next to the index it owns.
  std::ofstream(std::filesystem::path(index) / corpus::kWriterNoteFile)
      << "izdeu-server pid 4242 url http://127.0.0.1:9999/\n";
  const auto run = testing::run_command(std::string(IZDEU_INDEXER_BINARY) + " --index '" + index +
                                        "' '" IZDEU_SOURCE_DIR "/tests/fixtures/sample'");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("owned by a running server (izdeu-server pid 4242"), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("izdeu-indexer --server http://127.0.0.1:9999 --key KEY PATH..."),
            std::string::npos)
      << run.output;
  // --server without a key is a usage error.
  const auto no_key = testing::run_command("env -u IZDEU_KEY " + std::string(IZDEU_INDEXER_BINARY) +
                                           " --server http://127.0.0.1:9999 x.jsonl");
  EXPECT_EQ(no_key.exit_code, 2) << no_key.output;
}

}  // namespace
}  // namespace izdeu::server
