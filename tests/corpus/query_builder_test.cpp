// The query language end to end through a real index: each construct finds
// exactly what it should, filters are boolean, malformed queries fall back,
// limits are refused, and the proximity bonus orders adjacent words first.

#include "corpus/query/query_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "corpus/index/index_writer.h"
#include "corpus/search/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::day;
using testing::make_article;
using testing::TempDir;
using Ids = std::set<std::string>;

Article with_entities(Article article, std::vector<std::string> people,
                      std::vector<std::string> regions, std::vector<std::string> topics) {
  for (std::string& key : people) article.people.push_back({.key = std::move(key)});
  article.regions = std::move(regions);
  article.topics = std::move(topics);
  return article;
}

class QueryBuilderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto writer = IndexWriter::open(dir_->str());
    ASSERT_TRUE(writer);
    const std::string tokayev = "токаев касым-жомарт кемелевич";
    // Both fair articles have the same words; only their order differs. The
    // far one is added first, so without a proximity bonus it would rank first.
    const Article articles[] = {
        with_entities(
            make_article("session-astana", "Сессия Ассамблеи в столице",
                         "В Астане прошла сессия Ассамблеи народа Казахстана.", day(2019, 3, 14)),
            {tokayev}, {"astana"}, {"assembly"}),
        with_entities(make_article("session-almaty", "Сессия Ассамблеи Алматы",
                                   "В Алматы прошла юбилейная сессия. Выступила Клара Хан.",
                                   day(2021, 3, 15)),
                      {"хан клара александровна"}, {"almaty"}, {"assembly"}),
        with_entities(make_article("visit-title", "Визит Токаева в Актобе",
                                   "Президент встретился с жителями области.", day(2021, 7, 1)),
                      {tokayev}, {"aktobe"}, {}),
        with_entities(make_article("visit-body", "Новости области",
                                   "Токаев провёл совещание в Актобе, визит продлился два дня.",
                                   day(2022, 1, 10)),
                      {}, {"aktobe"}, {"economy"}),
        with_entities(make_article("kk-session", "Ассамблея сессиясы",
                                   "Астанада Қазақстан халқы Ассамблеясының сессиясы өтті.",
                                   day(2020, 5, 1), Language::kKazakh),
                      {}, {"astana"}, {"assembly"}),
        make_article("fair-far", "Новости района",
                     "Ярмарка открылась в городе, пришли гости и фермеры из сёл района, купили "
                     "много мёда."),
        make_article("fair-near", "Новости района",
                     "Ярмарка мёда открылась в городе, пришли гости и фермеры из сёл района, "
                     "купили много."),
        make_article("mothers", "Совет матерей", "Совет матерей провёл встречу в школе.",
                     day(2016, 4, 12)),
        make_article("mothers-reversed", "Матерей совет",
                     "Матерей пригласили, совет собрался позже."),
    };
    for (const Article& article : articles) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() { delete dir_; }

  static Result<SearchResult> search(SearchRequest request) {
    auto searcher = Searcher::open({dir_->str()});
    EXPECT_TRUE(searcher);
    request.per_page = 50;
    return searcher->search(request);
  }

  // Every word required, so the expectations hold however few articles match.
  static Ids ids(const std::string& query) {
    return ids(SearchRequest{.query = query, .match = MatchMode::kAll});
  }
  static Ids ids(const SearchRequest& request) {
    auto result = search(request);
    EXPECT_TRUE(result) << request.query << ": " << result.error().message;
    Ids out;
    if (result) {
      for (const Hit& hit : result->hits) out.insert(hit.id);
    }
    return out;
  }

  static TempDir* dir_;
};
TempDir* QueryBuilderTest::dir_ = nullptr;

struct QueryCase {
  const char* query;
  Ids expected;
};

TEST_F(QueryBuilderTest, EachConstructFindsExactlyItsArticles) {
  const QueryCase cases[] = {
      // words and OR (which binds tighter than the space)
      {"сессия Алматы", {"session-almaty"}},
      {"Алматы OR Актобе", {"session-almaty", "visit-title", "visit-body"}},
      {"(Алматы OR Актобе) сессия", {"session-almaty"}},
      {"сессия Алматы OR Актобе", {"session-almaty"}},
      // NOT and - exclude every form of the word («Астане», «Астанада»)
      {"сессия -Астана", {"session-almaty"}},
      {"сессия NOT Астана", {"session-almaty"}},
      {"сессия -(Алматы OR Астана)", {}},
      {"совет -\"совет матерей\"", {"mothers-reversed"}},
      {"NOT lang:ru", {"kk-session"}},
      // phrases keep the order
      {"\"совет матерей\"", {"mothers"}},
      {"совет матерей", {"mothers", "mothers-reversed"}},
      // NEAR/n: at most n positions apart, any order, any form («Токаева»)
      {"Токаев NEAR/3 визит", {"visit-title"}},
      {"визит NEAR/4 Токаев", {"visit-title"}},
      {"Токаев NEAR/5 визит", {"visit-title", "visit-body"}},
      {"Токаев NEAR визит", {"visit-title", "visit-body"}},
      // title: any form of the word in the title; quoted: a title phrase
      {"title:Токаев", {"visit-title"}},
      {"title:\"совет матерей\"", {"mothers"}},
      {"title:совет", {"mothers", "mothers-reversed"}},
      // entity fields, values quoted or not, names in any case form
      {"person:Токаев", {"session-astana", "visit-title"}},
      {"person:Токаева", {"session-astana", "visit-title"}},
      {"person:\"Клара Хан\"", {"session-almaty"}},
      {"region:almaty", {"session-almaty"}},
      {"topic:assembly", {"session-astana", "session-almaty", "kk-session"}},
      {"topic:assembly region:astana", {"session-astana", "kk-session"}},
      {"сессия person:Токаев OR region:almaty", {"session-astana", "session-almaty"}},
      // lang:
      {"lang:kk", {"kk-session"}},
      {"сессия lang:ru", {"session-astana", "session-almaty"}},
      // dates; undated articles never match a date
      {"date:2021", {"session-almaty", "visit-title"}},
      {"date:2021-03", {"session-almaty"}},
      {"date:15.03.2021", {"session-almaty"}},
      {"date:2021-01..2021-06", {"session-almaty"}},
      {"date:..2019", {"session-astana", "mothers"}},
      {"date:2022..", {"visit-body"}},
      {"сессия date:2020..2021", {"session-almaty", "kk-session"}},
      // malformed: plain words
      {"\"совет матерей", {"mothers", "mothers-reversed"}},
      {"(Алматы OR Актобе", {"session-almaty", "visit-title", "visit-body"}},
      {"Алматы OR", {"session-almaty"}},
      {"сессия Алматы)", {"session-almaty"}},
      {"NOT", {}},  // read as the word «not»: no article has it
  };
  for (const QueryCase& c : cases) EXPECT_EQ(ids(c.query), c.expected) << c.query;
}

TEST_F(QueryBuilderTest, RequestListsAreAndedFilters) {
  EXPECT_EQ(ids({.query = "сессия", .people = {"Токаев"}, .match = MatchMode::kAll}),
            Ids{"session-astana"});
  EXPECT_EQ(ids({.query = "сессия", .regions = {"astana"}, .match = MatchMode::kAll}),
            (Ids{"session-astana", "kk-session"}));
  EXPECT_EQ(ids({.query = "Актобе", .topics = {"economy"}, .match = MatchMode::kAll}),
            Ids{"visit-body"});
  // Several values: all required.
  EXPECT_EQ(ids({.query = "сессия", .regions = {"astana", "almaty"}, .match = MatchMode::kAll}),
            Ids{});
  // With the query's own fields and the request's dates.
  EXPECT_EQ(ids({.query = "topic:assembly",
                 .from = day(2020, 1, 1),
                 .people = {"Клара Хан"},
                 .match = MatchMode::kAll}),
            Ids{"session-almaty"});
}

TEST_F(QueryBuilderTest, FiltersNeverChangeWeights) {
  // lang:ru also reads the query as Russian only, as the lang parameter does.
  auto plain =
      search({.query = "сессия", .language = Language::kRussian, .match = MatchMode::kAll});
  auto filtered = search({.query = "сессия lang:ru topic:assembly date:2015..2025 -Астанада",
                          .match = MatchMode::kAll});
  ASSERT_TRUE(plain);
  ASSERT_TRUE(filtered);
  ASSERT_FALSE(filtered->hits.empty());
  for (const Hit& hit : filtered->hits) {
    auto same = std::find_if(plain->hits.begin(), plain->hits.end(),
                             [&](const Hit& other) { return other.id == hit.id; });
    ASSERT_NE(same, plain->hits.end()) << hit.id;
    EXPECT_DOUBLE_EQ(same->score, hit.score) << hit.id;
  }
}

TEST_F(QueryBuilderTest, AdjacentWordsRankAboveTheSameWordsFarApart) {
  for (const char* query : {"ярмарка мёда", "мёда ярмарка", "ярмарку мёда"}) {
    auto result = search({.query = query, .match = MatchMode::kAll});
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(result->hits.size(), 2u) << query;
    EXPECT_EQ(result->hits[0].id, "fair-near") << query;
    EXPECT_GT(result->hits[0].score, result->hits[1].score) << query;
  }
}

TEST_F(QueryBuilderTest, WithoutADatabaseProximityAndNearUseTheTypedForms) {
  auto built = build_query({.query = "Токаев NEAR/3 визит"});
  ASSERT_TRUE(built) << built.error().message;
  Xapian::Database database(dir_->str());
  Xapian::Enquire enquire(database);
  enquire.set_query(built->query);
  // «Визит Токаева» has the inflected form, which only the index can supply.
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 0u);
  auto with_database = build_query({.query = "Токаев NEAR/3 визит"}, &database);
  ASSERT_TRUE(with_database);
  enquire.set_query(with_database->query);
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
}

TEST_F(QueryBuilderTest, MatchTermsCoverWhatIsSearchedButNotWhatIsExcluded) {
  Xapian::Database database(dir_->str());
  auto built = build_query({.query = "title:Токаев \"совет матерей\" -Астана"}, &database);
  ASSERT_TRUE(built) << built.error().message;
  const MatchTerms& terms = built->match_terms;
  EXPECT_TRUE(terms.exact.count("токаев"));
  EXPECT_TRUE(terms.exact.count("токаева"));  // the title's form, for highlighting
  EXPECT_TRUE(terms.exact.count("совет"));
  EXPECT_FALSE(terms.exact.count("астана"));
}

TEST_F(QueryBuilderTest, TooLongQueriesAreRefusedAtOnce) {
  std::string long_query;
  for (int i = 0; i < 1001; ++i) long_query += "ә ";  // 2,002 characters, 3,003 bytes
  auto result = search({.query = long_query});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  std::string many_words;
  for (int i = 0; i < 65; ++i) many_words += "сессия ";
  result = search({.query = many_words});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(QueryBuilderTest, BadFieldValuesAndEmptyQueriesAreRefused) {
  for (const char* query : {"сессия lang:de", "date:2021-13", "date:2022..2021", "()", "«»"}) {
    auto result = search({.query = query});
    ASSERT_FALSE(result) << query;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument) << query;
  }
}

TEST_F(QueryBuilderTest, FunctionWordsCountOnlyWhenTheQueryHasNothingElse) {
  // «и» beside a word is not required ...
  EXPECT_EQ(ids("и Алматы"), Ids{"session-almaty"});
  // ... beside a field either: the field alone decides ...
  EXPECT_EQ(ids("и region:almaty"), Ids{"session-almaty"});
  // ... but alone it is searched for.
  EXPECT_EQ(ids("и"), (Ids{"fair-far", "fair-near"}));
}

}  // namespace
}  // namespace izdeu::corpus
