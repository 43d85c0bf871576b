// Facets: counted from the value slots during the match, checked against
// counts computed here from the indexed articles themselves.

#include "corpus/search/facet_counter.h"

#include <gtest/gtest.h>

#include <map>

#include "corpus/index/article_codec.h"
#include "corpus/index/index_writer.h"
#include "corpus/query/query_builder.h"
#include "corpus/search/facet_cache.h"
#include "corpus/search/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::day;
using testing::make_article;
using testing::TempDir;

const std::vector<FacetField> kAll = {FacetField::kRegion, FacetField::kPerson,
                                      FacetField::kTopic,  FacetField::kLanguage,
                                      FacetField::kYear,   FacetField::kMonth};

using Counts = std::map<std::string, std::uint64_t>;

Counts counts_of(const Facet& facet) {
  Counts out;
  for (const FacetValue& value : facet.values) out[value.value] = value.count;
  return out;
}

class FacetCounterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    articles_ = new std::vector<Article>();
    const char* regions[] = {"almaty", "astana", "shymkent", "turkestan-region"};
    const char* topics[] = {"education", "health", "culture"};
    const char* people[] = {"токаев касым-жомарт кемелевич", "хан клара александровна",
                            "сапаров ерлан нуртаевич"};
    for (int i = 0; i < 60; ++i) {
      const bool kazakh = i % 3 == 0;
      Article article =
          kazakh ? make_article("kk-" + std::to_string(i), "Мектеп жаңалығы " + std::to_string(i),
                                "Мектепте семинар өтті.", day(2019 + i % 5, 1 + i % 12, 10),
                                Language::kKazakh)
                 : make_article("ru-" + std::to_string(i), "Новости школы " + std::to_string(i),
                                i % 2 == 0 ? "В школе прошёл семинар." : "В школе прошёл концерт.",
                                day(2019 + i % 5, 1 + i % 12, 10));
      article.regions = {regions[i % 4]};
      if (i % 5 == 0) article.regions.push_back(regions[(i + 1) % 4]);
      article.topics = {topics[i % 3]};
      for (int p = 0; p < 3; ++p) {
        if ((i + p) % (p + 2) == 0) article.people.push_back({people[p], std::uint32_t(1 + i % 4)});
      }
      articles_->push_back(article);
    }
    // A syndicated copy: counted once when collapsed.
    Article copy = (*articles_)[1];
    copy.id = "copy-of-1";
    articles_->push_back(copy);
    // No date, no entities.
    articles_->push_back(make_article("bare", "Новости школы без даты", "В школе прошёл семинар."));

    auto writer = IndexWriter::open(dir_->str());
    ASSERT_TRUE(writer);
    for (const Article& article : *articles_) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete articles_;
  }

  // Expected counts over the articles `keep` selects, computed from the
  // Article fields (not from the index).
  template <typename Keep>
  static std::map<FacetField, Counts> expected(Keep keep) {
    std::map<FacetField, Counts> out;
    for (const Article& article : *articles_) {
      if (!keep(article)) continue;
      for (const std::string& region : article.regions) ++out[FacetField::kRegion][region];
      for (const std::string& topic : article.topics) ++out[FacetField::kTopic][topic];
      for (const PersonRef& person : article.people) ++out[FacetField::kPerson][person.key];
      ++out[FacetField::kLanguage][std::string(analyzers::to_code(article.language))];
      if (article.date) {
        ++out[FacetField::kYear][std::to_string(article.date->year)];
        ++out[FacetField::kMonth][article.date->to_iso().substr(0, 7)];
      }
    }
    return out;
  }

  Searcher open() {
    auto searcher = Searcher::open({dir_->str()});
    EXPECT_TRUE(searcher);
    return std::move(*searcher);
  }

  static TempDir* dir_;
  static std::vector<Article>* articles_;
};
TempDir* FacetCounterTest::dir_ = nullptr;
std::vector<Article>* FacetCounterTest::articles_ = nullptr;

TEST_F(FacetCounterTest, CountsEveryFacetExactly) {
  auto searcher = open();
  auto result = searcher.search({.query = "семинар",
                                 .per_page = 1,
                                 .facets = kAll,
                                 .facet_limit = 100,
                                 .collapse_duplicates = false});
  ASSERT_TRUE(result) << result.error().message;
  auto want =
      expected([](const Article& a) { return a.body.find("семинар") != std::string::npos; });
  ASSERT_EQ(result->facets.size(), kAll.size());
  for (std::size_t i = 0; i < kAll.size(); ++i) {
    SCOPED_TRACE(static_cast<int>(kAll[i]));
    EXPECT_EQ(result->facets[i].field, kAll[i]);  // in the order asked
    EXPECT_TRUE(result->facets[i].exact);
    EXPECT_EQ(counts_of(result->facets[i]), want[kAll[i]]);
  }
}

TEST_F(FacetCounterTest, CollapsedCopiesAreCountedOnce) {
  auto searcher = open();
  auto collapsed = searcher.search({.query = "школе концерт", .facets = {FacetField::kRegion}});
  auto all = searcher.search(
      {.query = "школе концерт", .facets = {FacetField::kRegion}, .collapse_duplicates = false});
  ASSERT_TRUE(collapsed && all);
  EXPECT_EQ(all->total, collapsed->total + 1);
  auto want = expected([](const Article& a) {
    return a.body.find("концерт") != std::string::npos && a.id != "copy-of-1";
  });
  EXPECT_EQ(counts_of(collapsed->facets[0]), want[FacetField::kRegion]);
  std::uint64_t sum_collapsed = 0, sum_all = 0;
  for (const auto& v : collapsed->facets[0].values) sum_collapsed += v.count;
  for (const auto& v : all->facets[0].values) sum_all += v.count;
  EXPECT_EQ(sum_all, sum_collapsed + (*articles_)[1].regions.size());
}

TEST_F(FacetCounterTest, LimitKeepsTheMostFrequentAndHistogramKeepsEveryBucket) {
  auto searcher = open();
  auto result = searcher.search(
      {.query = "школе", .facets = {FacetField::kMonth, FacetField::kRegion}, .facet_limit = 2});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->facets.size(), 2u);
  const Facet& months = result->facets[0];
  const Facet& regions = result->facets[1];
  ASSERT_EQ(regions.values.size(), 2u);
  auto want = expected(
      [](const Article& a) { return a.language == Language::kRussian && a.id != "copy-of-1"; });
  // The two most frequent regions, most frequent first.
  std::vector<std::pair<std::uint64_t, std::string>> ranked;
  for (const auto& [region, count] : want[FacetField::kRegion]) ranked.emplace_back(count, region);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  EXPECT_EQ(regions.values[0].value, ranked[0].second);
  EXPECT_EQ(regions.values[1].value, ranked[1].second);
  EXPECT_GE(regions.values[0].count, regions.values[1].count);
  // Every month, oldest first.
  EXPECT_EQ(months.values.size(), want[FacetField::kMonth].size());
  EXPECT_TRUE(
      std::is_sorted(months.values.begin(), months.values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.value < b.value; }));
}

TEST_F(FacetCounterTest, NoFacetsUnlessAsked) {
  auto searcher = open();
  auto result = searcher.search({.query = "школе"});
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->facets.empty());
}

TEST_F(FacetCounterTest, CacheCountsAsTheValueStreamsDo) {
  Xapian::Database database(dir_->str());
  const std::shared_ptr<const FacetCache> cache = FacetCache::build(database);
  EXPECT_EQ(cache->limit(), database.get_lastdocid() + 1);
  EXPECT_GT(cache->memory_bytes(), 0u);
  for (const char* query : {"семинар", "школе", "концерт", "мектепте семинар"}) {
    for (bool collapse : {true, false}) {
      SCOPED_TRACE(std::string(query) + (collapse ? " collapsed" : ""));
      auto built = build_query({.query = query});
      ASSERT_TRUE(built);
      FacetCounter streamed(kAll, collapse);
      FacetCounter cached(kAll, collapse);
      cached.use(cache.get());
      for (FacetCounter* counter : {&streamed, &cached}) {
        Xapian::Enquire enquire(database);
        enquire.set_query(built->query);
        enquire.add_matchspy(counter);
        (void)enquire.get_mset(0, 0, 1000);
      }
      EXPECT_GT(streamed.documents_counted(), 0u);
      EXPECT_EQ(cached.documents_counted(), streamed.documents_counted());
      const auto a = streamed.facets(kAll, 100, 1.0);
      const auto b = cached.facets(kAll, 100, 1.0);
      ASSERT_EQ(a.size(), b.size());
      for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(counts_of(a[i]), counts_of(b[i])) << i;
    }
  }
}

TEST_F(FacetCounterTest, StoreKeepsOneCachePerRevisionAndRebuildsAfterACommit) {
  Xapian::Database database(dir_->str());
  const std::vector<Xapian::Database> shards = {database};
  const std::string key = FacetCacheStore::revision_key(shards);
  FacetCacheStore throttled(3600);
  auto first = throttled.get(key, database);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(throttled.get(key, database), first);
  // Another revision within the throttle: no cache rather than a stale one.
  EXPECT_EQ(throttled.get(key + "x", database), nullptr);
  FacetCacheStore eager(0);
  auto a = eager.get(key, database);
  auto b = eager.get(key + "x", database);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_NE(a, b);
}

TEST(FacetCommitTest, FacetsFollowCommitsNeverAStaleCache) {
  TempDir dir;
  auto writer = IndexWriter::open(dir.str());
  ASSERT_TRUE(writer);
  Article article = make_article("a", "Семинар", "Семинар учителей.", day(2021, 1, 1));
  article.regions = {"almaty"};
  ASSERT_TRUE(writer->add_or_replace(article));
  ASSERT_TRUE(writer->commit());
  auto searcher = Searcher::open({dir.str()});
  ASSERT_TRUE(searcher);
  const SearchRequest request{.query = "семинар", .facets = {FacetField::kRegion}};
  auto before = searcher->search(request);
  ASSERT_TRUE(before);
  EXPECT_EQ(counts_of(before->facets[0]), (Counts{{"almaty", 1}}));
  // The same article moves to another region (same docid, new values), and
  // a new one arrives.
  article.regions = {"astana"};
  ASSERT_TRUE(writer->add_or_replace(article));
  Article other = make_article("b", "Семинар врачей", "Семинар.", day(2021, 1, 2));
  other.regions = {"astana"};
  ASSERT_TRUE(writer->add_or_replace(other));
  ASSERT_TRUE(writer->commit());
  auto after = searcher->search(request);
  ASSERT_TRUE(after);
  EXPECT_EQ(counts_of(after->facets[0]), (Counts{{"astana", 2}}));
}

TEST(FacetShardsTest, CountsOverSeveralShardsAsOne) {
  TempDir a, b;
  int n = 0;
  for (const TempDir* dir : {&a, &b}) {
    auto writer = IndexWriter::open(dir->str());
    ASSERT_TRUE(writer);
    for (int i = 0; i < 3; ++i, ++n) {
      Article article = make_article("s" + std::to_string(n), "Семинар " + std::to_string(n),
                                     "Семинар " + std::to_string(n) + ".", day(2020 + n % 2, 1, 1));
      article.regions = {n % 3 == 0 ? "almaty" : "astana"};
      ASSERT_TRUE(writer->add_or_replace(article));
    }
    ASSERT_TRUE(writer->commit());
  }
  auto searcher = Searcher::open({a.str(), b.str()});
  ASSERT_TRUE(searcher);
  auto result =
      searcher->search({.query = "семинар", .facets = {FacetField::kRegion, FacetField::kYear}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->total, 6u);
  EXPECT_EQ(counts_of(result->facets[0]), (Counts{{"almaty", 2}, {"astana", 4}}));
  EXPECT_EQ(counts_of(result->facets[1]), (Counts{{"2020", 3}, {"2021", 3}}));
}

TEST(FacetCounterUnitTest, SplitsMultiValuedSlotsAndScalesSamples) {
  FacetCounter counter(
      {FacetField::kPerson, FacetField::kRegion, FacetField::kYear, FacetField::kLanguage}, false);
  Article a = make_article("a", "A", "", day(2021, 7, 1), Language::kKazakh);
  a.people = {{"хан клара", 3}, {"токаев касым-жомарт", 1}};
  a.regions = {"almaty", "astana"};
  Article b = make_article("b", "B", "", day(2023, 2, 1));
  b.people = {{"хан клара", 1}};
  for (const Article& article : {a, b}) counter(encode_article(article), 1.0);
  EXPECT_EQ(counter.documents_seen(), 2u);

  auto facets = counter.facets(
      {FacetField::kPerson, FacetField::kRegion, FacetField::kYear, FacetField::kLanguage}, 10,
      1.0);
  ASSERT_EQ(facets.size(), 4u);
  EXPECT_EQ(counts_of(facets[0]), (Counts{{"хан клара", 2}, {"токаев касым-жомарт", 1}}));
  EXPECT_EQ(facets[0].values[0].value, "хан клара");
  EXPECT_EQ(counts_of(facets[1]), (Counts{{"almaty", 1}, {"astana", 1}}));
  EXPECT_EQ(counts_of(facets[2]), (Counts{{"2021", 1}, {"2023", 1}}));
  EXPECT_EQ(counts_of(facets[3]), (Counts{{"kk", 1}, {"ru", 1}}));
  for (const Facet& facet : facets) EXPECT_TRUE(facet.exact);

  // A limit: later documents are seen but not counted.
  FacetCounter limited({FacetField::kLanguage}, false);
  limited.set_limit(1);
  for (const Article& article : {a, b, a}) limited(encode_article(article), 1.0);
  EXPECT_EQ(limited.documents_seen(), 3u);
  EXPECT_EQ(limited.documents_sampled(), 1u);
  EXPECT_EQ(limited.documents_counted(), 1u);
  EXPECT_EQ(counts_of(limited.facets({FacetField::kLanguage}, 10, 1.0)[0]), (Counts{{"kk", 1}}));

  // Seen a sample of a larger result: counts scale up and say so.
  auto estimated = counter.facets({FacetField::kPerson}, 10, 2.5);
  EXPECT_FALSE(estimated[0].exact);
  EXPECT_EQ(counts_of(estimated[0]), (Counts{{"хан клара", 5}, {"токаев касым-жомарт", 3}}));
}

}  // namespace
}  // namespace izdeu::corpus
