// The query language's syntax: each construct, the fallbacks for malformed
// input, and the limits. Trees are compared through describe().

#include "corpus/query/query_parser.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <utility>

namespace izdeu::corpus {
namespace {

struct SyntaxCase {
  const char* query;
  const char* tree;     // describe(root)
  std::size_t ignored;  // how many pieces of syntax were ignored
};
void PrintTo(const SyntaxCase& c, std::ostream* out) { *out << c.query; }

class QueryParserSyntaxTest : public ::testing::TestWithParam<SyntaxCase> {};

TEST_P(QueryParserSyntaxTest, ParsesTo) {
  const SyntaxCase& c = GetParam();
  auto parsed = parse_query(c.query);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(describe(parsed->root), c.tree);
  EXPECT_EQ(parsed->ignored.size(), c.ignored) << ::testing::PrintToString(parsed->ignored);
}

const SyntaxCase kSyntax[] = {
    // words
    {"Ерлан Сапаров", "AND(w:Ерлан, w:Сапаров)", 0},
    {"  Нур-Султан  Л.Ю. ", "AND(w:Нур-Султан, w:Л.Ю.)", 0},
    {"Ерлан AND Сапаров", "AND(w:Ерлан, w:Сапаров)", 0},
    // OR binds tighter than the space between words
    {"Токаев визит OR поездка", "AND(w:Токаев, OR(w:визит, w:поездка))", 0},
    {"a OR b OR c", "AND(OR(w:a, w:b, w:c))", 0},
    {"a or b", "AND(w:a, w:or, w:b)", 0},  // operators are upper case only
    // NOT and -
    {"сессия -Астана", "AND(w:сессия, -w:Астана)", 0},
    {"сессия NOT Астана", "AND(w:сессия, -w:Астана)", 0},
    {"NOT спорт", "AND(-w:спорт)", 0},
    {"сессия -\"совет матерей\"", "AND(w:сессия, -\"совет матерей\")", 0},
    {"сессия -(a b)", "AND(w:сессия, -AND(w:a, w:b))", 0},
    {"сессия -lang:kk", "AND(w:сессия, -lang:kk)", 0},
    {"+Сапаров Ерлан", "AND(+w:Сапаров, w:Ерлан)", 0},
    {"-5 градусов", "AND(w:-5, w:градусов)", 0},           // a negative number is a word
    {"Токаев - визит", "AND(w:Токаев, w:-, w:визит)", 0},  // a dash is punctuation
    // phrases
    {"\"совет матерей\"", "AND(\"совет матерей\")", 0},
    {"«совет матерей» Астана", "AND(\"совет матерей\", w:Астана)", 0},
    {"\u201cсовет матерей\u201d", "AND(\"совет матерей\")", 0},
    {"\u201eсовет матерей\u201c", "AND(\"совет матерей\")", 0},
    // NEAR
    {"Токаев NEAR/3 визит", "AND(NEAR/3(w:Токаев, w:визит))", 0},
    {"Токаев NEAR визит", "AND(NEAR/10(w:Токаев, w:визит))", 0},
    {"a NEAR/2 b NEAR/5 c", "AND(NEAR/5(w:a, w:b, w:c))", 0},
    {"a NEAR/500 b", "AND(NEAR/100(w:a, w:b))", 0},
    {"NEARBY", "AND(w:NEARBY)", 0},
    {"a NEAR/x b", "AND(w:a, w:NEAR/x, w:b)", 0},
    // brackets
    {"(Токаев OR Назарбаев) визит", "AND(OR(w:Токаев, w:Назарбаев), w:визит)", 0},
    {"((a))", "AND(w:a)", 0},
    // fields
    {"title:Токаев", "AND(title:Токаев)", 0},
    {"title:\"совет матерей\"", "AND(title:\"совет матерей\")", 0},
    {"person:\"Клара Хан\" region:almaty", "AND(person:\"Клара Хан\", region:almaty)", 0},
    {"Person:Токаев TOPIC:education", "AND(person:Токаев, topic:education)", 0},
    {"lang:KK", "AND(lang:kk)", 0},
    {"date:2021", "AND(date:2021-01-01..2021-12-31)", 0},
    {"date:2020-02", "AND(date:2020-02-01..2020-02-29)", 0},
    {"date:2021-03-05", "AND(date:2021-03-05..2021-03-05)", 0},
    {"date:05.03.2021", "AND(date:2021-03-05..2021-03-05)", 0},
    {"date:2021-01..2021-06", "AND(date:2021-01-01..2021-06-30)", 0},
    {"date:2021-03-01..2021-03-31", "AND(date:2021-03-01..2021-03-31)", 0},
    {"date:..2020", "AND(date:..2020-12-31)", 0},
    {"date:2021..", "AND(date:2021-01-01..)", 0},
    {"date:2021, lang:kk;", "AND(date:2021-01-01..2021-12-31, lang:kk)", 0},
    {"person:Токаев OR person:Назарбаев", "AND(OR(person:Токаев, person:Назарбаев))", 0},
    {"http://example.kz 10:30", "AND(w:http://example.kz, w:10:30)", 0},  // not fields
    // malformed: never fails
    {"\"совет матерей", "AND(w:совет, w:матерей)", 1},
    {"«совет матерей", "AND(w:совет, w:матерей)", 1},
    {"совет» матерей", "AND(w:совет, w:матерей)", 0},  // a stray closing mark is punctuation
    {"(совет матерей", "AND(AND(w:совет, w:матерей))", 1},
    {"совет матерей)", "AND(w:совет, w:матерей)", 1},
    {"совет OR", "AND(w:совет)", 1},
    {"OR совет", "AND(w:совет)", 1},
    {"совет OR OR матерей", "AND(OR(w:совет, w:матерей))", 1},
    {"совет NOT", "AND(w:совет)", 1},
    {"совет NEAR/3", "AND(w:совет)", 1},
    {"совет OR -матерей", "AND(OR(w:совет, w:матерей))", 1},
    {"\"совет матерей\" NEAR/3 Астана", "AND(AND(\"совет матерей\", w:Астана))", 1},
    {"title:", "AND(w:title:)", 1},  // a field without a value and nothing else
    {"()", "AND()", 0},
    {"OR", "AND(w:OR)", 1},  // nothing but an operator: read as plain words
    {"NOT AND (", "AND(w:NOT, w:AND)", 1},
};

INSTANTIATE_TEST_SUITE_P(Syntax, QueryParserSyntaxTest, ::testing::ValuesIn(kSyntax),
                         [](const ::testing::TestParamInfo<SyntaxCase>& param) {
                           return "Case" + std::to_string(param.index);
                         });

struct ErrorCase {
  std::string query;
  const char* message_part;
};
void PrintTo(const ErrorCase& c, std::ostream* out) { *out << c.query.substr(0, 60); }

class QueryParserErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(QueryParserErrorTest, IsRefused) {
  auto parsed = parse_query(GetParam().query);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(parsed.error().message.find(GetParam().message_part), std::string::npos)
      << parsed.error().message;
}

std::string repeated(const std::string& word, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += (i ? " " : "") + word;
  return out;
}

const ErrorCase kErrors[] = {
    {"lang:de", "lang: must be kk, ru or en"},
    {"date:вчера", "date: expects"},
    {"date:2021-13", "date: expects"},
    {"date:2021-02-30", "date: expects"},
    {"date:..", "date: expects"},
    {"date:2022..2021", "reversed"},
    // 65 terms, counted as words, words in quotes and fields
    {repeated("слово", 65), "more than 64 terms"},
    {repeated("слово", 60) + " \"a b c d e\"", "more than 64 terms"},
    // 2,001 characters, whatever their byte length
    {std::string(2001, 'a'), "longer than 2000 characters"},
    {repeated("ақ", 668), "longer than 2000 characters"},  // 668 × 3 − 1 = 2003 characters
};

INSTANTIATE_TEST_SUITE_P(Errors, QueryParserErrorTest, ::testing::ValuesIn(kErrors),
                         [](const ::testing::TestParamInfo<ErrorCase>& param) {
                           return "Case" + std::to_string(param.index);
                         });

TEST(QueryParserExplicitAndTest, OnlyAnAndBetweenTheQuerysOwnOperandsCounts) {
  const std::pair<const char*, bool> cases[] = {
      {"Путин AND Медведев", true},
      {"бюджет Путин AND Медведев", true},
      {"Путин Медведев", false},
      {"Путин OR Медведев", false},
      {"(Путин AND Медведев) бюджет", false},  // a group's words are required anyway
      {"AND Путин", false},                    // nothing on its left: dropped
      {"Путин and Медведев", false},           // lower case is a word
  };
  for (const auto& [query, explicit_and] : cases) {
    auto parsed = parse_query(query);
    ASSERT_TRUE(parsed) << query;
    EXPECT_EQ(parsed->explicit_and, explicit_and) << query;
  }
}

TEST(QueryParserLimitsTest, LimitsCountCharactersAndTermsNotBytesOrOperators) {
  // 2,000 Cyrillic characters are 4,000 bytes and still accepted.
  std::string cyrillic;
  for (int i = 0; i < 1999; ++i) cyrillic += "а";
  ASSERT_EQ(cyrillic.size(), 2 * 1999u);
  EXPECT_TRUE(parse_query(cyrillic + "б"));
  EXPECT_FALSE(parse_query(cyrillic + "бв"));
  // 64 words joined by operators and brackets are within the limit.
  std::string query = "(" + repeated("слово OR", 63) + " слово)";
  auto parsed = parse_query(query);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->terms, 64u);
}

TEST(QueryParserLimitsTest, DeepBracketsAreIgnoredNotRecursedInto) {
  const std::string deep = std::string(900, '(') + "слово" + std::string(900, ')');
  auto parsed = parse_query(deep);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_NE(describe(parsed->root).find("w:слово"), std::string::npos);
}

}  // namespace
}  // namespace izdeu::corpus
