// An index written by izdeu must be readable with Xapian's own tools:
// xapian-delve lists our prefixed terms and quest finds documents by them.

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

#include "corpus/index/index_writer.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using testing::day;
using testing::make_article;
using testing::TempDir;

std::string run(const std::string& command) { return testing::run_command(command).output; }

class XapianToolsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = IndexWriter::open(dir_.str());
    ASSERT_TRUE(writer);
    Article first =
        make_article("sample-1", "Сессия Ассамблеи", "Выступил аким.", day(2019, 3, 14));
    first.source = "portal";
    ASSERT_TRUE(writer->add_or_replace(first));
    ASSERT_TRUE(
        writer->add_or_replace(make_article("sample-2", "Мектеп жаңалықтары", "Оқушылар жарысы.",
                                            day(2021, 7, 1), analyzers::Language::kKazakh)));
    ASSERT_TRUE(writer->commit());
  }
  TempDir dir_;
};

TEST_F(XapianToolsTest, DelveListsPrefixedTerms) {
  const std::string out = run("xapian-delve -a -1 '" + dir_.str() + "'");
  for (const char* term : {"Qsample-1", "Qsample-2", "D20190314", "M201903", "Y2019", "Lru", "Lkk",
                           "Sсессия", "XSRCportal"}) {
    EXPECT_NE(out.find(std::string("\n") + term + "\n"), std::string::npos)
        << "xapian-delve does not list " << term << ":\n"
        << out.substr(0, 2000);
  }
  EXPECT_EQ(out.find("\nZ"), std::string::npos) << "stem terms (index format 2 has none)";
}

TEST_F(XapianToolsTest, DelveFindsByIdAndShowsStoredData) {
  const std::string postings = run("xapian-delve -t Qsample-1 '" + dir_.str() + "'");
  EXPECT_NE(postings.find("termfreq 1"), std::string::npos) << postings;
  const std::string data = run("xapian-delve -r 1 -d '" + dir_.str() + "'");
  EXPECT_NE(data.find("title=Сессия Ассамблеи"), std::string::npos) << data;
  EXPECT_NE(data.find("date=2019-03-14"), std::string::npos) << data;
}

TEST_F(XapianToolsTest, QuestFindsDocumentsByPrefixedTerms) {
  const std::string by_lang = run("quest -s none -d '" + dir_.str() + "' -b lang:L 'lang:kk'");
  EXPECT_NE(by_lang.find("MSet:"), std::string::npos) << by_lang;
  EXPECT_NE(by_lang.find("id=sample-2"), std::string::npos) << by_lang;
  EXPECT_EQ(by_lang.find("id=sample-1"), std::string::npos) << by_lang;

  const std::string by_title =
      run("quest -s none -d '" + dir_.str() + "' -p title:S 'title:сессия'");
  EXPECT_NE(by_title.find("id=sample-1"), std::string::npos) << by_title;
}

}  // namespace
}  // namespace izdeu::corpus
