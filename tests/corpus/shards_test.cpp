// open_shards: database folders, lists of them, stub folders and stub files
// as one database, errors as codes; with_reopen_retry: a read that loses its
// revision to commits is reopened and repeated, up to kReadAttempts times.

#include "corpus/index/shards.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "corpus/index/index_writer.h"
#include "corpus/index/lexicon.h"
#include "tests/support/temp_dir.h"

namespace izdeu::corpus {
namespace {

using testing::TempDir;

// Adds `count` documents, each with `term`, and commits; `format` is the
// index format the database claims (lexicon.h), empty for none (format 1).
void add_documents(const std::filesystem::path& path, int count, const std::string& term = "x",
                   const std::string& format = std::string(kSchemaVersion)) {
  Xapian::WritableDatabase database(path.string(), Xapian::DB_CREATE_OR_OPEN);
  if (!format.empty()) database.set_metadata(std::string(kSchemaVersionKey), format);
  for (int i = 0; i < count; ++i) {
    Xapian::Document document;
    document.add_term(term);
    document.set_data("document " + std::to_string(i));
    database.add_document(document);
  }
  database.commit();
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
}

// Three shards (1, 2 and 4 documents) and two ways of pointing at all of
// them: a folder holding a stub (as the indexer writes) and a stub file.
class OpenShardsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    add_documents(path("a"), 1);
    add_documents(path("b"), 2);
    add_documents(path("c"), 4);
    std::filesystem::create_directory(path("stub"));
    // Relative lines are read from the stub file's own folder.
    write_file(path("stub") / "XAPIANDB", "auto ../a\nglass ../b\n");
    write_file(path("list.stub"), "auto a\nauto c\n");
  }

  std::filesystem::path path(const std::string& name) const { return dir_.path() / name; }
  std::string str(const std::string& name) const { return path(name).string(); }

  TempDir dir_;
};

TEST_F(OpenShardsTest, OpensFoldersListsAndStubsAsOneDatabase) {
  struct Case {
    std::vector<std::string> names;
    Xapian::doccount documents;
  };
  const std::vector<Case> cases = {
      {{"a"}, 1},
      {{"a", "b", "c"}, 7},
      {{"c", "a"}, 5},
      {{"stub"}, 3},           // folder with a XAPIANDB stub
      {{"stub/XAPIANDB"}, 3},  // the stub file itself
      {{"list.stub"}, 5},      // a stub file of any name
      {{"stub", "c"}, 7},      // stubs and folders mixed
      {{}, 0},                 // nothing: an empty database
  };
  for (const Case& c : cases) {
    std::vector<std::string> paths;
    for (const std::string& name : c.names) paths.push_back(str(name));
    std::vector<Xapian::Database> each;
    auto database = open_shards(paths, &each);
    ASSERT_TRUE(database) << ::testing::PrintToString(c.names) << ": " << database.error().message;
    EXPECT_EQ(database->get_doccount(), c.documents) << ::testing::PrintToString(c.names);
    EXPECT_EQ(database->get_termfreq("x"), c.documents) << ::testing::PrintToString(c.names);
    ASSERT_EQ(each.size(), paths.size()) << ::testing::PrintToString(c.names);
    Xapian::doccount sum = 0;
    for (const Xapian::Database& shard : each) sum += shard.get_doccount();
    EXPECT_EQ(sum, c.documents) << ::testing::PrintToString(c.names);
  }
}

TEST_F(OpenShardsTest, EachHandleIsThePathsOwnInOrder) {
  std::vector<Xapian::Database> each;
  ASSERT_TRUE(open_shards({str("c"), str("a"), str("b")}, &each));
  ASSERT_EQ(each.size(), 3u);
  EXPECT_EQ(each[0].get_doccount(), 4u);
  EXPECT_EQ(each[1].get_doccount(), 1u);
  EXPECT_EQ(each[2].get_doccount(), 2u);
}

TEST_F(OpenShardsTest, ReopeningTheCombinedDatabaseMovesEveryShard) {
  std::vector<Xapian::Database> each;
  auto database = open_shards({str("a"), str("b")}, &each);
  ASSERT_TRUE(database);
  add_documents(path("b"), 3);
  EXPECT_EQ(each[1].get_doccount(), 2u);  // still the revision it opened
  database->reopen();
  EXPECT_EQ(database->get_doccount(), 6u);
  EXPECT_EQ(each[1].get_doccount(), 5u);  // shares the combined handle
}

TEST_F(OpenShardsTest, AMissingOrBrokenPathIsAnErrorNamingIt) {
  write_file(path("bad.stub"), "auto ../nowhere\n");
  write_file(path("junk"), "not a stub line\n");
  struct Case {
    std::vector<std::string> names;
    std::string named;  // the path the message must name
  };
  const std::vector<Case> cases = {
      {{"missing"}, "missing"},
      {{"a", "missing", "b"}, "missing"},
      {{"bad.stub"}, "bad.stub"},
      {{"junk"}, "junk"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> paths;
    for (const std::string& name : c.names) paths.push_back(str(name));
    std::vector<Xapian::Database> each;
    Result<Xapian::Database> database = Xapian::Database();
    ASSERT_NO_THROW(database = open_shards(paths, &each)) << c.named;
    ASSERT_FALSE(database) << c.named;
    EXPECT_EQ(database.error().code, ErrorCode::kUnavailable) << c.named;
    EXPECT_NE(database.error().message.find(str(c.named)), std::string::npos)
        << database.error().message;
    EXPECT_TRUE(each.empty()) << c.named;  // untouched on failure
  }
}

TEST(JoinedPathsTest, JoinsWithCommas) {
  EXPECT_EQ(joined_paths({}), "");
  EXPECT_EQ(joined_paths({"/a"}), "/a");
  EXPECT_EQ(joined_paths({"/a", "/b", "/c"}), "/a, /b, /c");
}

class WithReopenRetryTest : public ::testing::Test {
 protected:
  void SetUp() override { add_documents(dir_.path(), 2); }

  TempDir dir_;
};

// A read that throws DatabaseModifiedError its first `failures` times.
TEST_F(WithReopenRetryTest, RepeatsAReadUpToTheLimitThenGivesUp) {
  ASSERT_EQ(kReadAttempts, 5);  // the count the searcher has always used
  for (int failures = 0; failures <= kReadAttempts + 1; ++failures) {
    Xapian::Database database(dir_.str());
    int calls = 0;
    auto read = with_reopen_retry(database, "/the/index", [&]() -> Result<int> {
      ++calls;
      if (calls <= failures) throw Xapian::DatabaseModifiedError("modified");
      return static_cast<int>(database.get_doccount());
    });
    if (failures < kReadAttempts) {
      ASSERT_TRUE(read) << failures << ": " << read.error().message;
      EXPECT_EQ(*read, 2) << failures;
      EXPECT_EQ(calls, failures + 1);
    } else {
      ASSERT_FALSE(read) << failures;
      EXPECT_EQ(read.error().code, ErrorCode::kUnavailable);
      EXPECT_NE(read.error().message.find("/the/index"), std::string::npos);
      EXPECT_EQ(calls, kReadAttempts);
    }
  }
}

TEST_F(WithReopenRetryTest, ConvertsOtherXapianErrorsWithoutRepeating) {
  struct Case {
    std::function<void()> raise;
    ErrorCode code;
  };
  const std::vector<Case> cases = {
      {[] { throw Xapian::DatabaseCorruptError("bad block"); }, ErrorCode::kDataLoss},
      {[] { throw Xapian::DatabaseOpeningError("gone"); }, ErrorCode::kUnavailable},
      {[] { throw Xapian::DocNotFoundError("no such document"); }, ErrorCode::kNotFound},
      {[] { throw Xapian::InvalidArgumentError("bad"); }, ErrorCode::kInvalidArgument},
      {[] { throw Xapian::UnimplementedError("no"); }, ErrorCode::kInternal},
  };
  for (const Case& c : cases) {
    Xapian::Database database(dir_.str());
    int calls = 0;
    auto read = with_reopen_retry(database, "/the/index", [&]() -> Result<void> {
      ++calls;
      c.raise();
      return {};
    });
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, c.code) << read.error().message;
    EXPECT_EQ(calls, 1) << read.error().message;
  }
}

TEST_F(WithReopenRetryTest, PassesResultsAndErrorsOfTheReadThrough) {
  Xapian::Database database(dir_.str());
  auto error = with_reopen_retry(
      database, "", [&]() -> Result<std::string> { return not_found("no such article"); });
  ASSERT_FALSE(error);
  EXPECT_EQ(error.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(error.error().message, "no such article");
  auto value = with_reopen_retry(
      database, "", [&]() -> Result<std::string> { return database.get_document(1).get_data(); });
  ASSERT_TRUE(value);
  EXPECT_EQ(*value, "document 0");
}

// The real thing: a reader still on the first revision while a writer
// commits again and again finds the blocks it would read reused.
TEST_F(WithReopenRetryTest, AReaderLeftBehindByCommitsReopensAndReadsTheNewest) {
  constexpr Xapian::docid kDocuments = 1000;
  TempDir dir;
  add_documents(dir.path(), kDocuments, "old");
  Xapian::Database database(dir.str());
  Xapian::Database unguarded(dir.str());  // shows that the commits do discard the revision
  {
    Xapian::WritableDatabase writer(dir.str());
    for (int commit = 0; commit < 4; ++commit) {
      for (Xapian::docid id = 1; id <= kDocuments; ++id) {
        Xapian::Document document;
        document.add_term("new" + std::to_string(commit));
        document.set_data(std::string(100, static_cast<char>('a' + commit)));
        writer.replace_document(id, document);
      }
      writer.commit();
    }
  }
  auto read_all = [](const Xapian::Database& from) {
    std::string data;
    for (Xapian::docid id = 1; id <= kDocuments; ++id) data = from.get_document(id).get_data();
    return data;
  };
  EXPECT_THROW(read_all(unguarded), Xapian::DatabaseModifiedError);
  int calls = 0;
  auto read = with_reopen_retry(database, dir.str(), [&]() -> Result<std::string> {
    ++calls;
    return read_all(database);
  });
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(*read, std::string(100, 'd'));  // the last commit's
  EXPECT_EQ(calls, 2);                      // the first read lost its revision
}

TEST(IndexFormatTest, AnIndexOfAnotherFormatIsRefusedWithTheRebuildCommand) {
  TempDir dir;
  add_documents(dir.path() / "old", 2, "x", /*format=*/"");
  add_documents(dir.path() / "new", 2);
  add_documents(dir.path() / "empty", 0, "x", /*format=*/"");
  const auto refused = open_shards({(dir.path() / "new").string(), (dir.path() / "old").string()});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(refused.error().message.find("index format 1"), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("izdeu-indexer --index"), std::string::npos)
      << refused.error().message;
  // An empty database holds nothing of another format: it opens.
  EXPECT_TRUE(open_shards({(dir.path() / "empty").string()}));
}

TEST(IndexFormatTest, AWriterRefusesAnIndexOfAnotherFormatAndMarksANewOne) {
  TempDir dir;
  add_documents(dir.path() / "old", 1, "x", /*format=*/"");
  EXPECT_FALSE(IndexWriter::open((dir.path() / "old").string()));
  {
    auto writer = IndexWriter::open((dir.path() / "new").string());
    ASSERT_TRUE(writer) << writer.error().message;
    ASSERT_TRUE(writer->close());
  }
  Xapian::Database database((dir.path() / "new").string());
  EXPECT_EQ(database.get_metadata(std::string(kSchemaVersionKey)), kSchemaVersion);
}

// The lexicon of unmerged shards is read as one: every shard's forms.
TEST(IndexFormatTest, TheLexiconOfEveryShardIsReadThroughTheCombinedDatabase) {
  TempDir dir;
  for (const auto& [name, title] :
       {std::pair{"a", "Токаеву вручили"}, {"b", "Токаевым подписан"}}) {
    auto writer = IndexWriter::open((dir.path() / name).string());
    ASSERT_TRUE(writer) << writer.error().message;
    Article article;
    article.id = name;
    article.title = title;
    article.body = title;
    ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->close());
  }
  auto database = open_shards({(dir.path() / "a").string(), (dir.path() / "b").string()});
  ASSERT_TRUE(database) << database.error().message;
  const std::vector<std::string> forms =
      lexicon_forms(*database, stem_key(analyzers::Language::kRussian, "токаев"));
  EXPECT_EQ(forms, (std::vector<std::string>{"токаеву", "токаевым"}));
}

}  // namespace
}  // namespace izdeu::corpus
