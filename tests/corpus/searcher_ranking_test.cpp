// Ranking end to end on real small indexes: the popularity signal, recency
// decay, syndicated copies collapsed, hits carrying entities and highlights.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "corpus/index/index_writer.h"
#include "corpus/search/popularity_source.h"
#include "corpus/search/recency_ranker.h"
#include "corpus/search/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::day;
using testing::make_article;
using testing::TempDir;

Article with_views(Article article, std::int64_t views) {
  article.views = views;
  return article;
}

std::vector<std::string> ids_of(const SearchResult& result) {
  std::vector<std::string> ids;
  for (const Hit& hit : result.hits) ids.push_back(hit.id);
  return ids;
}

Searcher index(const TempDir& dir, const std::vector<Article>& articles) {
  auto writer = IndexWriter::open(dir.str());
  EXPECT_TRUE(writer);
  for (const Article& article : articles) EXPECT_TRUE(writer->add_or_replace(article));
  EXPECT_TRUE(writer->commit());
  auto searcher = Searcher::open({dir.str()});
  EXPECT_TRUE(searcher);
  return std::move(*searcher);
}

// Two articles that differ only in one town name the query does not contain.
std::vector<Article> twins(std::int64_t views_a, std::int64_t views_b) {
  const std::string body = "Совет матерей провёл встречу со школьниками.";
  return {with_views(make_article("a", "Совет матерей Тараза", body, day(2020, 5, 1)), views_a),
          with_views(make_article("b", "Совет матерей Атырау", body, day(2020, 5, 2)), views_b)};
}

struct ViewsCase {
  std::int64_t views_a;
  std::int64_t views_b;
  const char* first;
};

TEST(SearcherRankingTest, MoreViewsBreakATieBetweenEquallyRelevantArticles) {
  const ViewsCase cases[] = {{5000, 10, "a"}, {10, 5000, "b"}, {0, 1, "b"}, {200, 0, "a"}};
  for (const ViewsCase& c : cases) {
    SCOPED_TRACE(std::to_string(c.views_a) + " vs " + std::to_string(c.views_b));
    TempDir dir;
    Searcher searcher = index(dir, twins(c.views_a, c.views_b));
    auto result = searcher.search({.query = "совет матерей"});
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(result->hits.size(), 2u);
    EXPECT_EQ(result->hits[0].id, c.first);
    EXPECT_GT(result->hits[0].score, result->hits[1].score);
  }
}

TEST(SearcherRankingTest, PopularityBonusGrowsWithLogViewsUpToItsCap) {
  const double cap = 0.6;
  EXPECT_EQ(popularity_bonus(0, cap), 0.0);
  EXPECT_EQ(popularity_bonus(-5, cap), 0.0);
  EXPECT_EQ(popularity_bonus(NAN, cap), 0.0);
  EXPECT_DOUBLE_EQ(popularity_bonus(kViewsSaturation, cap), cap);
  EXPECT_DOUBLE_EQ(popularity_bonus(1e12, cap), cap);
  EXPECT_NEAR(popularity_bonus(999, cap), cap * std::log(1000) / std::log1p(kViewsSaturation),
              1e-12);
  double previous = 0;
  for (double views : {1.0, 10.0, 100.0, 1e4, 1e5}) {
    EXPECT_GT(popularity_bonus(views, cap), previous) << views;
    previous = popularity_bonus(views, cap);
  }
}

TEST(SearcherRankingTest, ViewsNeverOutweighClearlyBetterRelevance) {
  TempDir dir;
  Searcher searcher = index(
      dir, {make_article("relevant", "Медиация в школах",
                         "Медиация помогает школам. Медиаторы учат медиации.", day(2020, 1, 1)),
            with_views(make_article("popular", "Новости района",
                                    "Жители обсудили дороги, парки, медиацию и транспорт, "
                                    "а также ремонт больницы и открытие библиотеки.",
                                    day(2020, 1, 2)),
                       50'000'000)});
  for (SortOrder sort : {SortOrder::kRelevance, SortOrder::kRecency}) {
    auto result = searcher.search({.query = "медиация", .sort = sort, .today = day(2020, 1, 2)});
    ASSERT_TRUE(result);
    EXPECT_EQ(ids_of(*result), (std::vector<std::string>{"relevant", "popular"}));
  }
}

TEST(SearcherRankingTest, RecencyDecaysRelevanceByTheDocumentedHalfLife) {
  TempDir dir;
  std::vector<Article> articles;
  const Date dates[] = {day(2024, 12, 31), day(2024, 1, 1), day(2022, 6, 15), day(2015, 3, 3)};
  for (int i = 0; i < 4; ++i) {
    std::string body = "Выборы прошли спокойно.";
    for (int k = 0; k < i; ++k) body += " Выборы и снова выборы.";
    articles.push_back(
        make_article("e" + std::to_string(i), "Новость " + std::to_string(i), body, dates[i]));
  }
  articles.push_back(make_article("undated", "Новость без даты", "Выборы.", std::nullopt));
  Searcher searcher = index(dir, articles);
  const Date today = day(2025, 1, 1);
  auto relevance = searcher.search({.query = "выборы", .per_page = 10});
  auto recency = searcher.search({.query = "выборы", .sort = SortOrder::kRecency, .today = today});
  ASSERT_TRUE(relevance && recency);
  ASSERT_EQ(recency->hits.size(), articles.size());
  std::map<std::string, double> relevance_score;
  for (const Hit& hit : relevance->hits) relevance_score[hit.id] = hit.score;
  double previous = INFINITY;
  for (const Hit& hit : recency->hits) {
    const double age =
        hit.date ? static_cast<double>(today.days_since_epoch() - hit.date->days_since_epoch())
                 : kUndatedAgeDays;
    EXPECT_NEAR(hit.score, relevance_score[hit.id] * std::exp2(-age / kRecencyHalfLifeDays),
                1e-9 * relevance_score[hit.id])
        << hit.id;
    EXPECT_LE(hit.score, previous);
    previous = hit.score;
  }
  // The newest article ranks first by recency though it is the least relevant.
  EXPECT_EQ(recency->hits.front().id, "e0");
  EXPECT_NE(relevance->hits.front().id, "e0");
  EXPECT_EQ(recency->hits.back().id, "undated");
}

TEST(SearcherRankingTest, RecencyOrderIsExactOverManyMatches) {
  // Enough matches that the re-ranked relevance prefix must grow, with
  // relevance and age pulling in different directions.
  TempDir dir;
  std::vector<Article> articles;
  for (int i = 0; i < 400; ++i) {
    std::string body = "Ассамблея провела заседание.";
    for (int k = 0; k < (i * 7) % 11; ++k) body += " Ассамблея.";
    for (int k = 0; k < (i * 3) % 13; ++k) body += " Дополнительный текст без нужного слова.";
    articles.push_back(make_article("d" + std::to_string(i), "Заседание " + std::to_string(i), body,
                                    day(2010 + (i * 37) % 15, 1 + i % 12, 1 + i % 28)));
  }
  Searcher searcher = index(dir, articles);
  const Date today = day(2025, 6, 1);
  auto all = searcher.search({.query = "ассамблея", .per_page = 1000});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->hits.size(), 400u);
  std::vector<std::pair<double, std::string>> expected;
  for (const Hit& hit : all->hits) {
    const double age = static_cast<double>(today.days_since_epoch() - hit.date->days_since_epoch());
    expected.emplace_back(hit.score * std::exp2(-age / kRecencyHalfLifeDays), hit.id);
  }
  std::stable_sort(expected.begin(), expected.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::uint32_t page = 1; page <= 3; ++page) {
    auto result = searcher.search({.query = "ассамблея",
                                   .sort = SortOrder::kRecency,
                                   .page = page,
                                   .per_page = 10,
                                   .today = today});
    ASSERT_TRUE(result);
    ASSERT_EQ(result->hits.size(), 10u);
    for (std::size_t i = 0; i < 10; ++i) {
      const auto& want = expected[(page - 1) * 10 + i];
      EXPECT_NEAR(result->hits[i].score, want.first, 1e-9 * want.first) << page << " " << i;
    }
  }
}

TEST(SearcherRankingTest, RecencyFactorClampsFutureAndUndatedDates) {
  const std::int64_t today = day(2025, 1, 1).days_since_epoch();
  EXPECT_DOUBLE_EQ(recency_factor("20250101", today), 1.0);
  EXPECT_DOUBLE_EQ(recency_factor("20300101", today), 1.0);
  EXPECT_NEAR(recency_factor("20240101", today), std::exp2(-366.0 / kRecencyHalfLifeDays), 1e-12);
  EXPECT_DOUBLE_EQ(recency_factor("", today), std::exp2(-kUndatedAgeDays / kRecencyHalfLifeDays));
  EXPECT_DOUBLE_EQ(recency_factor("2024", today), recency_factor("", today));
}

TEST(SearcherRankingTest, SyndicatedCopiesCollapseIntoOneHitWithACount) {
  TempDir dir;
  // 50 words and more: the key reads the first schema::kCollapseWords.
  std::string body = "Сессия Ассамблеи народа Казахстана прошла в Астане.";
  while (body.size() < 1200) body += " Делегаты обсудили работу этнокультурных объединений.";
  Article original = make_article("agency", "Сессия Ассамблеи в Астане", body, day(2023, 4, 20));
  Article copy1 = original;
  copy1.id = "portal-1";
  copy1.body = body + "\n\nПерепечатка: ссылка на агентство обязательна.";  // added at the end
  Article copy2 = original;
  copy2.id = "portal-2";
  copy2.title = "Ассамблея собралась в столице";  // re-titled: still a copy
  // Case, punctuation and spacing of the text differ: still a copy.
  copy2.body =
      "СЕССИЯ  Ассамблеи народа — Казахстана прошла в «Астане»!" +
      body.substr(std::string("Сессия Ассамблеи народа Казахстана прошла в Астане.").size());
  Article other_day = original;
  other_day.id = "next-year";
  other_day.date = day(2024, 4, 20);
  Searcher searcher = index(dir, {original, copy1, copy2, other_day});

  auto collapsed = searcher.search({.query = "сессия ассамблеи"});
  ASSERT_TRUE(collapsed);
  EXPECT_EQ(collapsed->total, 2u);
  EXPECT_TRUE(collapsed->total_exact);
  ASSERT_EQ(collapsed->hits.size(), 2u);
  std::map<std::string, std::uint32_t> duplicates;
  for (const Hit& hit : collapsed->hits) duplicates[hit.date->to_iso()] = hit.duplicates;
  EXPECT_EQ(duplicates["2023-04-20"], 2u);
  EXPECT_EQ(duplicates["2024-04-20"], 0u);

  auto all = searcher.search({.query = "сессия ассамблеи", .collapse_duplicates = false});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->total, 4u);
  EXPECT_EQ(all->hits.size(), 4u);
  for (const Hit& hit : all->hits) EXPECT_EQ(hit.duplicates, 0u);

  for (SortOrder sort : {SortOrder::kDate, SortOrder::kRecency}) {
    auto sorted = searcher.search({.query = "сессия ассамблеи", .sort = sort});
    ASSERT_TRUE(sorted);
    EXPECT_EQ(sorted->hits.size(), 2u);
  }
}

// The collapse key is the text's, never the title's while there is a body.
TEST(SearcherRankingTest, CopiesAreToldByTheirTextNotTheirTitle) {
  const std::string weather_a =
      "Завтра в Астане ожидается снег, ветер северный, до пяти градусов мороза.";
  const std::string weather_b =
      "Завтра в Алматы ожидается дождь, ветер южный, до десяти градусов тепла.";
  struct Case {
    const char* name;
    std::vector<Article> articles;
    std::vector<std::uint32_t> duplicates;  // of the hits, best first; one per hit
  };
  const Case cases[] = {
      {"same title, same date, different bodies: two stories",
       {make_article("a", "Погода на завтра", weather_a, day(2023, 1, 5)),
        make_article("b", "Погода на завтра", weather_b, day(2023, 1, 5))},
       {0, 0}},
      {"same body, different titles, same date: one story",
       {make_article("a", "Погода на завтра", weather_a, day(2023, 1, 5)),
        make_article("b", "Какой будет погода в четверг", weather_a, day(2023, 1, 5))},
       {1}},
      {"same body, different dates: two stories",
       {make_article("a", "Погода на завтра", weather_a, day(2023, 1, 5)),
        make_article("b", "Погода на завтра", weather_a, day(2023, 1, 6))},
       {0, 0}},
      {"untitled copies of one body: one story",
       {make_article("a", "", weather_a, day(2023, 1, 5)),
        make_article("b", "", weather_a, day(2023, 1, 5))},
       {1}},
      {"untitled, different bodies: two stories",
       {make_article("a", "", weather_a, day(2023, 1, 5)),
        make_article("b", "", weather_b, day(2023, 1, 5))},
       {0, 0}},
      {"no body: the title decides",
       {make_article("a", "Погода на завтра: снег", "", day(2023, 1, 5)),
        make_article("b", "ПОГОДА НА ЗАВТРА — СНЕГ!", "", day(2023, 1, 5)),
        make_article("c", "Погода на завтра: дождь", "", day(2023, 1, 5))},
       {1, 0}},
      {"a title never meets a body of the same words",
       {make_article("a", "Завтра ожидается погода", "", day(2023, 1, 5)),
        make_article("b", "", "Завтра ожидается погода", day(2023, 1, 5))},
       {0, 0}},
      {"undated: never collapsed",
       {make_article("a", "Погода на завтра", weather_a), make_article("b", "Погода", weather_a)},
       {0, 0}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    Searcher searcher = index(dir, c.articles);
    const std::string query = std::string(c.name).starts_with("no body") ? "погода" : "завтра";
    auto result = searcher.search({.query = query});
    ASSERT_TRUE(result) << result.error().message;
    std::vector<std::uint32_t> duplicates;
    for (const Hit& hit : result->hits) duplicates.push_back(hit.duplicates);
    std::sort(duplicates.rbegin(), duplicates.rend());
    EXPECT_EQ(duplicates, c.duplicates);
    EXPECT_EQ(result->total, c.duplicates.size());
    auto all = searcher.search({.query = query, .collapse_duplicates = false});
    ASSERT_TRUE(all);
    EXPECT_EQ(all->total, c.articles.size());
  }
}

TEST(SearcherRankingTest, DateSortBreaksSameDayTiesByRelevance) {
  TempDir dir;
  Searcher searcher =
      index(dir, {make_article("weak", "Новости дня", "Упомянута медиация.", day(2021, 3, 3)),
                  make_article("strong", "Медиация", "Медиация и медиаторы.", day(2021, 3, 3)),
                  make_article("older", "Медиация", "Медиация.", day(2020, 1, 1)),
                  make_article("newer", "Разное", "Медиация.", day(2022, 1, 1))});
  auto result = searcher.search({.query = "медиация", .sort = SortOrder::kDate});
  ASSERT_TRUE(result);
  EXPECT_EQ(ids_of(*result), (std::vector<std::string>{"newer", "strong", "weak", "older"}));
}

TEST(SearcherRankingTest, HitsCarryEntitiesAndHighlightedTitles) {
  TempDir dir;
  Article article = make_article("kk-1", "Тоқаевтың сапары", "Мемлекет басшысы Тоқаев келді.",
                                 day(2023, 1, 1), Language::kKazakh);
  article.people = {{"токаев касым-жомарт кемелевич", 2}};
  article.regions = {"turkestan-region"};
  article.topics = {"politics", "regions"};
  Searcher searcher = index(dir, {article});
  auto result = searcher.search({.query = "Tokayev"});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->hits.size(), 1u);
  const Hit& hit = result->hits[0];
  EXPECT_EQ(hit.people, std::vector<std::string>{"токаев касым-жомарт кемелевич"});
  EXPECT_EQ(hit.regions, std::vector<std::string>{"turkestan-region"});
  EXPECT_EQ(hit.topics, (std::vector<std::string>{"politics", "regions"}));
  // A Latin spelling marks the Kazakh forms: the loose reading matched them.
  EXPECT_EQ(hit.title_html, "<mark>Тоқаевтың</mark> сапары");
  EXPECT_NE(hit.snippet.find("<mark>Тоқаев</mark>"), std::string::npos) << hit.snippet;
}

TEST(SearcherRankingTest, TitlesAreEscapedInTitleHtml) {
  TempDir dir;
  Searcher searcher =
      index(dir, {make_article("x", "Школа <№5> & «медиация»", "Текст.", day(2020, 1, 1))});
  auto result = searcher.search({.query = "медиация"});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->hits.size(), 1u);
  EXPECT_EQ(result->hits[0].title_html, "Школа &lt;№5&gt; &amp; «<mark>медиация</mark>»");
  EXPECT_EQ(result->hits[0].title, "Школа <№5> & «медиация»");
}

}  // namespace
}  // namespace izdeu::corpus
