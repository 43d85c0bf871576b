// Query-time synonym groups: finding a group's forms in analyzed queries, in
// any inflection, and the data file's rules.

#include "analyzers/gazetteers/synonym_table.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "analyzers/analyzer.h"
#include "analyzers/gazetteers/builtin_data.h"

namespace izdeu::analyzers {
namespace {

const SynonymTable& table() { return SynonymTable::builtin(); }

std::vector<Token> query(std::string_view text) {
  return analyzer_for(Language::kRussian).analyze(text);
}

// The written forms of the group a span names.
std::vector<std::string> forms_of(const SynonymSpan& span) {
  std::vector<std::string> forms;
  for (const SynonymForm& form : table().groups()[span.group].forms) forms.push_back(form.written);
  return forms;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

TEST(SynonymTableTest, BuiltinParsesAndHasTheIssuesGroups) {
  const SynonymTableLoad load = SynonymTable::parse(builtin_synonyms_data());
  for (const DataFileError& error : load.errors)
    ADD_FAILURE() << error.line << ": " << error.message;
  ASSERT_NE(load.table, nullptr);
  EXPECT_GE(table().groups().size(), 25u);
}

struct SpanCase {
  const char* query;
  std::size_t first;
  std::size_t count;
  const char* other_form;  // another form of the group that must be offered
};

TEST(SynonymTableTest, FindsAnyFormOfAGroupInAQuery) {
  const SpanCase cases[] = {
      {"АНК", 0, 1, "Қазақстан халқы Ассамблеясы"},
      {"анк сессия", 0, 1, "Ассамблея народа Казахстана"},
      {"сессия ассамблеи народа казахстана", 1, 3, "АНК"},
      {"Қазақстан халқы Ассамблеясының сессиясы", 0, 3, "АНК"},
      {"ҚХА", 0, 1, "Ассамблея народа Казахстана"},
      {"законы РК", 1, 1, "Қазақстан Республикасы"},
      {"ҚР заңы", 0, 1, "Республика Казахстан"},
      {"Республике Казахстан", 0, 2, "РК"},
      {"ЕАЭС", 0, 1, "ЕАЭО"},
      {"ЕАЭО", 0, 1, "Евразийский экономический союз"},
      {"ООН", 0, 1, "БҰҰ"},
      {"ЦИК", 0, 1, "Орталық сайлау комиссиясы"},
      {"МВД", 0, 1, "ІІМ"},
      {"Казахстан", 0, 1, "Қазақстан"},
  };
  for (const SpanCase& row : cases) {
    const std::vector<SynonymSpan> spans = table().find(query(row.query));
    ASSERT_EQ(spans.size(), 1u) << row.query;
    EXPECT_EQ(spans[0].first, row.first) << row.query;
    EXPECT_EQ(spans[0].count, row.count) << row.query;
    EXPECT_TRUE(contains(forms_of(spans[0]), row.other_form)) << row.query;
  }
  EXPECT_TRUE(table().find(query("погода в горах")).empty());
}

TEST(SynonymTableTest, FormsCarryExactWordsAndStems) {
  const std::vector<SynonymSpan> spans = table().find(query("АНК"));
  ASSERT_EQ(spans.size(), 1u);
  const auto& forms = table().groups()[spans[0].group].forms;
  const auto assembly = std::find_if(forms.begin(), forms.end(), [](const SynonymForm& form) {
    return form.written == "Ассамблея народа Казахстана";
  });
  ASSERT_NE(assembly, forms.end());
  ASSERT_EQ(assembly->words.size(), 3u);
  EXPECT_EQ(assembly->words[0].text, "ассамблея");
  EXPECT_EQ(assembly->words[1].text, "народа");
  EXPECT_TRUE(contains(assembly->words[1].stems, "народ"));
  EXPECT_EQ(forms[spans[0].form].written, "АНК");
}

TEST(SynonymTableTest, ReportsBadGroupsWithTheirLines) {
  const SynonymTableLoad one = SynonymTable::parse("# c\nАНК\n");
  ASSERT_EQ(one.errors.size(), 1u);
  EXPECT_EQ(one.errors[0].line, 2u);
  EXPECT_NE(one.errors[0].message.find("two or more forms"), std::string::npos);

  const SynonymTableLoad twice = SynonymTable::parse("АНК; ҚХА\n\nРК; анк\n");
  ASSERT_EQ(twice.errors.size(), 1u);
  EXPECT_EQ(twice.errors[0].line, 3u);
  EXPECT_NE(twice.errors[0].message.find("already in the group on line 1"), std::string::npos);
  EXPECT_EQ(twice.table, nullptr);

  const SynonymTableLoad empty = SynonymTable::parse("АНК; «»\n");
  ASSERT_EQ(empty.errors.size(), 1u);
  EXPECT_NE(empty.errors[0].message.find("has no words"), std::string::npos);

  const SynonymTableLoad good = SynonymTable::parse("\xEF\xBB\xBFЖКХ; ТКШ\n");
  ASSERT_NE(good.table, nullptr);
  EXPECT_EQ(good.table->find(query("тариф ЖКХ")).size(), 1u);
}

}  // namespace
}  // namespace izdeu::analyzers
