#include "corpus/search/searcher.h"

#include <gtest/gtest.h>

#include <thread>

#include "corpus/index/index_writer.h"
#include "corpus/search/searcher_pool.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::day;
using testing::make_article;
using testing::TempDir;

std::vector<std::string> ids_of(const SearchResult& result) {
  std::vector<std::string> ids;
  for (const Hit& hit : result.hits) ids.push_back(hit.id);
  return ids;
}

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = IndexWriter::open(dir_.str());
    ASSERT_TRUE(writer);
    const Article articles[] = {
        make_article("ru-1", "Сессия Ассамблеи народа Казахстана",
                     "В Астане прошла сессия. Выступил председатель Ерлан Сапаров.",
                     day(2019, 3, 14)),
        make_article("ru-2", "Память ветерана", "Жители почтили память Сапарова Ерлана Нуртаевича.",
                     day(2021, 7, 1)),
        make_article("ru-3", "Выборы в маслихат", "Выборы прошли спокойно.", day(2016, 3, 20)),
        make_article("ru-4", "Итоги года", "Подведены итоги выборов и сессий.", day(2023, 12, 29)),
        make_article("kk-1", "Ассамблея сессиясы", "Қазақстан халқы Ассамблеясының сессиясы өтті.",
                     day(2020, 4, 1), Language::kKazakh),
    };
    for (const Article& article : articles) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
  }

  Searcher open() {
    auto searcher = Searcher::open({dir_.str()});
    EXPECT_TRUE(searcher) << searcher.error().message;
    return std::move(*searcher);
  }

  TempDir dir_;
};

TEST_F(SearcherTest, EveryWordIsRequired) {
  auto searcher = open();
  auto result = searcher.search({.query = "сессия Астане"});
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(ids_of(*result), std::vector<std::string>{"ru-1"});
  EXPECT_EQ(result->total, 1u);
  EXPECT_TRUE(result->total_exact);
}

TEST_F(SearcherTest, InflectedFormFindsArticle) {
  auto searcher = open();
  auto result = searcher.search({.query = "выборах"});
  ASSERT_TRUE(result);
  auto ids = ids_of(*result);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"ru-3", "ru-4"}));
}

TEST_F(SearcherTest, RussianNameInAnotherCaseFindsArticle) {
  auto searcher = open();
  auto result = searcher.search({.query = "Ерлан Сапаров"});
  ASSERT_TRUE(result);
  auto ids = ids_of(*result);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"ru-1", "ru-2"}));
}

TEST_F(SearcherTest, ExactFormRanksAboveStemAndTitleAboveBody) {
  auto searcher = open();
  auto result = searcher.search({.query = "выборы"});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->hits.size(), 2u);
  EXPECT_EQ(result->hits[0].id, "ru-3");  // exact form, in the title
  EXPECT_GT(result->hits[0].score, result->hits[1].score);
}

TEST_F(SearcherTest, DateRangeCuts) {
  auto searcher = open();
  auto all = searcher.search({.query = "сессия"});
  ASSERT_TRUE(all);
  auto cut = searcher.search({.query = "сессия", .from = day(2020, 1, 1), .to = day(2024, 1, 1)});
  ASSERT_TRUE(cut);
  EXPECT_LT(cut->hits.size(), all->hits.size());
  for (const Hit& hit : cut->hits) {
    ASSERT_TRUE(hit.date);
    EXPECT_GE(*hit.date, day(2020, 1, 1));
  }
}

TEST_F(SearcherTest, LanguageFilter) {
  auto searcher = open();
  auto result = searcher.search({.query = "ассамблея", .language = Language::kKazakh});
  ASSERT_TRUE(result);
  EXPECT_EQ(ids_of(*result), std::vector<std::string>{"kk-1"});
}

TEST_F(SearcherTest, SortsByDateNewestFirst) {
  auto searcher = open();
  auto result = searcher.search({.query = "выборы", .sort = SortOrder::kDate});
  ASSERT_TRUE(result);
  EXPECT_EQ(ids_of(*result), (std::vector<std::string>{"ru-4", "ru-3"}));
}

TEST_F(SearcherTest, PagesThroughResults) {
  auto searcher = open();
  auto first = searcher.search({.query = "выборы", .page = 1, .per_page = 1});
  auto second = searcher.search({.query = "выборы", .page = 2, .per_page = 1});
  auto third = searcher.search({.query = "выборы", .page = 3, .per_page = 1});
  ASSERT_TRUE(first && second && third);
  ASSERT_EQ(first->hits.size(), 1u);
  ASSERT_EQ(second->hits.size(), 1u);
  EXPECT_NE(first->hits[0].id, second->hits[0].id);
  EXPECT_TRUE(third->hits.empty());
  EXPECT_EQ(third->total, 2u);
}

TEST_F(SearcherTest, HitsCarrySnippetsWithMarks) {
  auto searcher = open();
  auto result = searcher.search({.query = "сапарова"});
  ASSERT_TRUE(result);
  ASSERT_FALSE(result->hits.empty());
  for (const Hit& hit : result->hits) {
    EXPECT_NE(hit.snippet.find("<mark>Сапаров"), std::string::npos) << hit.snippet;
  }
}

struct BadRequest {
  SearchRequest request;
  const char* why;
};

TEST_F(SearcherTest, RejectsBadRequests) {
  auto searcher = open();
  const BadRequest cases[] = {
      {{.query = ""}, "empty query"},
      {{.query = " ,.!? "}, "no words"},
      {{.query = "сессия", .page = 0}, "page 0"},
      {{.query = "сессия", .per_page = 0}, "per_page 0"},
      {{.query = "сессия", .per_page = kMaxPerPage + 1}, "per_page too big"},
      {{.query = "сессия", .from = day(2022, 1, 1), .to = day(2021, 1, 1)}, "reversed range"},
  };
  for (const BadRequest& c : cases) {
    SCOPED_TRACE(c.why);
    auto result = searcher.search(c.request);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST_F(SearcherTest, GetsStoredArticleOrNotFound) {
  auto searcher = open();
  auto article = searcher.get_article("ru-2");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->title, "Память ветерана");
  EXPECT_EQ(article->date, day(2021, 7, 1));
  auto missing = searcher.get_article("nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(SearcherTest, SeesCommitsMadeAfterOpening) {
  auto searcher = open();
  ASSERT_EQ(*searcher.document_count(), 5u);
  {
    auto writer = IndexWriter::open(dir_.str());
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->add_or_replace(make_article("ru-9", "Новость", "Медиация в школах.")));
    ASSERT_TRUE(writer->commit());
  }
  EXPECT_EQ(*searcher.document_count(), 6u);
  auto result = searcher.search({.query = "медиация"});
  ASSERT_TRUE(result);
  EXPECT_EQ(ids_of(*result), std::vector<std::string>{"ru-9"});
}

// An article needs a title or a body: an untitled one is found by its text
// and shown by its first words; a body-less one is found by its title, which
// is its snippet too.
TEST(SearcherUntitledTest, ShowsUntitledArticlesByTheirFirstWordsAndBodylessOnesByTheirTitle) {
  TempDir dir;
  {
    auto writer = IndexWriter::open(dir.str());
    ASSERT_TRUE(writer);
    const Article articles[] = {
        make_article("untitled", "",
                     "Аким Павлодарской области открыл новый мост через Иртыш. Движение по "
                     "мосту начнётся в понедельник.",
                     day(2021, 7, 1)),
        make_article("headline", "Павлодарский мост закрыт на ремонт", "", day(2021, 7, 2)),
        make_article("titled", "Новости Павлодара", "В Павлодаре прошёл городской праздник.",
                     day(2021, 7, 3)),
    };
    for (const Article& article : articles) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
  }
  auto searcher = Searcher::open({dir.str()});
  ASSERT_TRUE(searcher) << searcher.error().message;

  struct Case {
    const char* query;
    std::string id;
    std::string title;
    bool title_generated;
    std::string title_mark;    // in title_html
    std::string snippet_mark;  // in the snippet
  };
  const Case cases[] = {
      {"иртыш", "untitled", "Аким Павлодарской области открыл новый мост через Иртыш. Движение по…",
       true, "<mark>Иртыш</mark>", "<mark>Иртыш</mark>"},
      {"понедельник", "untitled",
       "Аким Павлодарской области открыл новый мост через Иртыш. Движение по…", true, "",
       "<mark>понедельник</mark>"},
      {"ремонт", "headline", "Павлодарский мост закрыт на ремонт", false, "<mark>ремонт</mark>",
       "<mark>ремонт</mark>"},
      {"праздник", "titled", "Новости Павлодара", false, "", "<mark>праздник</mark>"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    auto result = searcher->search({.query = c.query});
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(ids_of(*result), std::vector<std::string>{c.id});
    const Hit& hit = result->hits[0];
    EXPECT_EQ(hit.title, c.title);
    EXPECT_EQ(hit.title_generated, c.title_generated);
    if (c.title_mark.empty()) {
      EXPECT_EQ(hit.title_html.find("<mark>"), std::string::npos) << hit.title_html;
    } else {
      EXPECT_NE(hit.title_html.find(c.title_mark), std::string::npos) << hit.title_html;
    }
    EXPECT_NE(hit.snippet.find(c.snippet_mark), std::string::npos) << hit.snippet;
  }
  // Both are found by a word they share, each shown as above; the stored
  // article keeps its empty title.
  auto both = searcher->search({.query = "мост", .sort = SortOrder::kDate});
  ASSERT_TRUE(both);
  EXPECT_EQ(ids_of(*both), (std::vector<std::string>{"headline", "untitled"}));
  auto stored = searcher->get_article("untitled");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->title, "");
}

TEST(SearcherShardsTest, SearchesSeveralShardsAsOne) {
  TempDir a, b;
  for (auto* dir : {&a, &b}) {
    auto writer = IndexWriter::open(dir->str());
    ASSERT_TRUE(writer);
    // Distinct titles: copies with one title and date would be collapsed.
    ASSERT_TRUE(writer->add_or_replace(make_article(
        dir == &a ? "a-1" : "b-1", dir == &a ? "Медиация в Таразе" : "Медиация в Уральске",
        "Совет медиаторов.")));
    ASSERT_TRUE(writer->commit());
  }
  auto searcher = Searcher::open({a.str(), b.str()});
  ASSERT_TRUE(searcher);
  auto result = searcher->search({.query = "медиация"});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->total, 2u);
  auto article = searcher->get_article("b-1");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->id, "b-1");
}

TEST(SearcherShardsTest, MissingIndexIsUnavailable) {
  TempDir dir;
  auto searcher = Searcher::open({(dir.path() / "none").string()});
  ASSERT_FALSE(searcher);
  EXPECT_EQ(searcher.error().code, ErrorCode::kUnavailable);
}

TEST(SearcherPoolTest, ThreadsSearchConcurrentlyWhileAWriterCommits) {
  TempDir dir;
  auto writer = IndexWriter::open(dir.str());
  ASSERT_TRUE(writer);
  for (int i = 0; i < 50; ++i) {
    ASSERT_TRUE(writer->add_or_replace(
        make_article("a-" + std::to_string(i), "Сессия номер " + std::to_string(i), "Текст.")));
  }
  ASSERT_TRUE(writer->commit());
  auto pool = SearcherPool::open({dir.str()}, 3);
  ASSERT_TRUE(pool);

  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      for (int i = 0; i < 40; ++i) {
        auto result = pool->acquire()->search({.query = "сессия", .per_page = 5});
        // Batches of 10 are committed atomically: a reader sees 50, 60, 70...
        if (!result || result->total % 10 != 0) ++failures;
      }
    });
  }
  for (int batch = 0; batch < 5; ++batch) {
    for (int i = 0; i < 10; ++i) {
      const int n = 50 + batch * 10 + i;
      ASSERT_TRUE(writer->add_or_replace(
          make_article("a-" + std::to_string(n), "Сессия номер " + std::to_string(n), "Текст.")));
    }
    ASSERT_TRUE(writer->commit());
  }
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace izdeu::corpus
