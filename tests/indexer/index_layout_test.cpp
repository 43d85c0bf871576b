// inspect_index and the shard stub: new, single and sharded indexes.

#include "indexer/index_layout.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "tests/support/temp_dir.h"

namespace izdeu::indexer {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

void make_database(const std::string& path) {
  Xapian::WritableDatabase database(path, Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document document;
  document.add_boolean_term("Q" + fs::path(path).filename().string());
  database.add_document(document);
  database.commit();
}

TEST(IndexLayoutTest, MissingOrEmptyDirectoryIsNew) {
  TempDir dir;
  for (const fs::path& path : {dir.path() / "missing", dir.path()}) {
    auto layout = inspect_index(path.string());
    ASSERT_TRUE(layout) << layout.error().message;
    EXPECT_EQ(layout->shape, IndexShape::kNew);
    EXPECT_TRUE(layout->databases.empty());
  }
}

TEST(IndexLayoutTest, OneDatabaseIsSingle) {
  TempDir dir;
  make_database(dir.str());
  auto layout = inspect_index(dir.str());
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->shape, IndexShape::kSingle);
  EXPECT_EQ(layout->databases, std::vector<std::string>{dir.str()});
}

TEST(IndexLayoutTest, StubListsShardsThatXapianOpensAsOne) {
  TempDir dir;
  for (unsigned shard = 0; shard < 3; ++shard) make_database(shard_directory(dir.str(), shard));
  ASSERT_TRUE(write_shard_stub(dir.str(), 3));
  auto layout = inspect_index(dir.str());
  ASSERT_TRUE(layout) << layout.error().message;
  EXPECT_EQ(layout->shape, IndexShape::kSharded);
  EXPECT_EQ(layout->databases,
            (std::vector<std::string>{shard_directory(dir.str(), 0), shard_directory(dir.str(), 1),
                                      shard_directory(dir.str(), 2)}));
  EXPECT_EQ(Xapian::Database(dir.str()).get_doccount(), 3u);
  EXPECT_FALSE(fs::exists(dir.path() / "XAPIANDB.tmp"));
}

TEST(IndexLayoutTest, StubWithAbsolutePathsCommentsAndAuto) {
  TempDir dir;
  TempDir elsewhere;
  make_database(elsewhere.str());
  std::ofstream(dir.path() / "XAPIANDB") << "# shards\n\nauto " << elsewhere.str() << "\n";
  auto layout = inspect_index(dir.str());
  ASSERT_TRUE(layout) << layout.error().message;
  EXPECT_EQ(layout->databases, std::vector<std::string>{elsewhere.str()});
}

TEST(IndexLayoutTest, StubThatIsNotLocalIsRejected) {
  for (const char* stub : {"remote 10.0.0.1:33333\n", "tcp 10.0.0.1 33333\n", "\n# nothing\n"}) {
    TempDir dir;
    std::ofstream(dir.path() / "XAPIANDB") << stub;
    auto layout = inspect_index(dir.str());
    ASSERT_FALSE(layout) << stub;
    EXPECT_EQ(layout.error().code, corpus::ErrorCode::kDataLoss);
  }
}

}  // namespace
}  // namespace izdeu::indexer
