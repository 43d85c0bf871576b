// The entity data-file reader and the "{a|b}" name syntax.

#include "analyzers/gazetteers/data_file.h"

#include <gtest/gtest.h>

namespace izdeu::analyzers {
namespace {

TEST(DataFileTest, ReadsSectionsAndFieldsWithLines) {
  const DataFile file = read_data_file(
      "\xEF\xBB\xBF# comment\r\n"
      "limit = 3\r\n"
      "\n"
      "[first]\n"
      "  ru = Один ; два \n"
      "words = a = b\n"
      "[second]\n");
  EXPECT_TRUE(file.errors.empty());
  ASSERT_EQ(file.sections.size(), 3u);
  ASSERT_EQ(file.sections[0].fields.size(), 1u);
  EXPECT_EQ(file.sections[0].fields[0].key, "limit");
  EXPECT_EQ(file.sections[0].fields[0].line, 2u);
  EXPECT_EQ(file.sections[1].name, "first");
  EXPECT_EQ(file.sections[1].line, 4u);
  ASSERT_EQ(file.sections[1].fields.size(), 2u);
  EXPECT_EQ(file.sections[1].fields[0].value, "Один ; два");
  EXPECT_EQ(file.sections[1].fields[1].value, "a = b");  // the first '=' separates
  EXPECT_EQ(file.sections[2].name, "second");
  EXPECT_TRUE(file.sections[2].fields.empty());
}

TEST(DataFileTest, ReportsLinesThatAreNothing) {
  const DataFile file = read_data_file("ok = 1\nnothing here\n= value\n[open\n");
  ASSERT_EQ(file.errors.size(), 3u);
  EXPECT_EQ(file.errors[0].line, 2u);
  EXPECT_EQ(file.errors[1].line, 3u);
  EXPECT_EQ(file.errors[2].line, 4u);
}

TEST(DataFileTest, SplitsListsAndExpandsAlternatives) {
  EXPECT_EQ(split_list(" a ; ;b;  c d ;"), (std::vector<std::string>{"a", "b", "c d"}));
  std::string error;
  EXPECT_EQ(expand_alternatives("{Abai|Abay} {Region|oblast}", error),
            (std::vector<std::string>{"Abai Region", "Abai oblast", "Abay Region", "Abay oblast"}));
  EXPECT_EQ(expand_alternatives("Алма-{Ата|Аты}", error),
            (std::vector<std::string>{"Алма-Ата", "Алма-Аты"}));
  EXPECT_EQ(expand_alternatives("plain", error), (std::vector<std::string>{"plain"}));
  for (const char* bad :
       {"{a|b", "a}b", "{a|{b}}", "{a||b}", "{1|2|3|4}{1|2|3|4}{1|2|3|4}{1|2|3|4}{1|2}"}) {
    error.clear();
    EXPECT_FALSE(expand_alternatives(bad, error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}

}  // namespace
}  // namespace izdeu::analyzers
