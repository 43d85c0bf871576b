// Index-time tagging and the region:/topic: filters over a real index: a
// region or topic asked for by any of its names finds articles that use
// another name.

#include "corpus/index/entity_annotator.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>

#include "corpus/index/index_writer.h"
#include "corpus/query/entity_filters.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::day;
using testing::make_article;
using testing::TempDir;

TEST(EntityAnnotatorTest, TagsRegionsMostMentionedFirstAndTopics) {
  Article article = make_article(
      "a-1", "В Семее открылся Дом дружбы",
      "Дом дружбы в Семее принял первых гостей. Гости приехали из Усть-Каменогорска и Алматы. "
      "В Семипалатинске, как раньше называли город, жили казахи, татары и немцы. "
      "Этнокультурные объединения провели концерт. Гостей встречала Клара Хан. Хан рассказала "
      "о планах, а Ерлан Сапаров вручил грамоты.",
      day(2016, 5, 1));
  article.people = {{"stale", 2}};
  article.regions = {"stale"};
  annotate_entities(article);
  EXPECT_EQ(article.regions,
            (std::vector<std::string>{"abai-region", "east-kazakhstan-region", "almaty"}));
  EXPECT_NE(std::find(article.topics.begin(), article.topics.end(), "interethnic"),
            article.topics.end());
  // Every mention counted under one key, the most mentioned first.
  EXPECT_EQ(article.people, (std::vector<PersonRef>{{"хан клара", 2}, {"сапаров ерлан", 1}}));
}

TEST(EntityAnnotatorTest, UsesTheTaxonomyItIsGiven) {
  const auto load =
      analyzers::TopicTaxonomy::parse("[bees]\nru = Пчёлы\nkk = Аралар\nwords = пасека; мёд\n");
  ASSERT_NE(load.taxonomy, nullptr);
  Article article = make_article("a-2", "Пасека в Таразе", "Мёд продают на рынке.");
  annotate_entities(article, *load.taxonomy);
  EXPECT_EQ(article.topics, std::vector<std::string>{"bees"});
  EXPECT_EQ(article.regions, std::vector<std::string>{"jambyl-region"});

  Article nothing = make_article("a-3", "Погода", "Завтра тепло.");
  annotate_entities(nothing, *load.taxonomy);
  EXPECT_TRUE(nothing.regions.empty());
  EXPECT_TRUE(nothing.topics.empty());
}

// An index where each article names its place differently.
class EntityFilterIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = IndexWriter::open(dir_.str());
    ASSERT_TRUE(writer);
    Article articles[] = {
        make_article("semipalatinsk", "Вечер памяти в Семипалатинске",
                     "Ветераны собрались в музее.", day(2005, 8, 29)),
        make_article("semey-ru", "Семей принял гостей", "Праздник прошёл в парке.",
                     day(2020, 5, 1)),
        make_article("abai-kk", "Абай облысында жастар форумы өтті", "Форумға жүз адам келді.",
                     day(2023, 4, 1), Language::kKazakh),
        make_article("semei-latin", "Semei hosts a festival", "Guests came from abroad.",
                     day(2024, 6, 1)),
        make_article("tselinograd", "Целиноград строит новую школу", "Школа откроется осенью.",
                     day(1985, 9, 1)),
        make_article("nur-sultan", "В Нур-Султане прошла сессия", "Сессия длилась день.",
                     day(2020, 4, 27)),
        make_article("astana-kk", "Астанада мектеп ашылды", "Оқушылар қуанды.", day(2023, 9, 1),
                     Language::kKazakh),
        make_article("almaty-region", "Фермеры Алматинской области", "Урожай собран.",
                     day(2022, 9, 1)),
        make_article("weather", "Погода", "Завтра тепло.", day(2022, 9, 2)),
    };
    for (Article& article : articles) {
      annotate_entities(article);
      ASSERT_TRUE(writer->add_or_replace(article));
    }
    ASSERT_TRUE(writer->commit());
  }

  std::set<std::string> matching(const Xapian::Query& filter) {
    Xapian::Database database(dir_.str());
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0));
    std::set<std::string> ids;
    for (const Xapian::docid docid : enquire.get_mset(0, 100)) {
      const Xapian::Document document = database.get_document(docid);
      auto term = document.termlist_begin();
      term.skip_to("Q");
      if (term != document.termlist_end() && (*term).starts_with("Q"))
        ids.insert((*term).substr(1));
    }
    return ids;
  }

  TempDir dir_;
};

TEST_F(EntityFilterIndexTest, ARegionByAnyNameFindsArticlesUsingAnother) {
  const std::set<std::string> abai = {"semipalatinsk", "semey-ru", "abai-kk", "semei-latin"};
  for (const char* name : {"abai-region", "Семей", "Семипалатинск", "область Абай",
                           "Абайская область", "Абай облысы", "Semey", "семее"}) {
    EXPECT_EQ(matching(region_filter(name)), abai) << name;
  }
  const std::set<std::string> astana = {"tselinograd", "nur-sultan", "astana-kk"};
  for (const char* name : {"astana", "Астана", "Нур-Султан", "Нұр-Сұлтан", "Целиноград", "Акмола",
                           "Nur-Sultan", "Astana", "город Астана"}) {
    EXPECT_EQ(matching(region_filter(name)), astana) << name;
  }
  for (const char* name : {"Алматы облысы", "Алматинская область", "Almaty Region", "Конаев"}) {
    EXPECT_EQ(matching(region_filter(name)), std::set<std::string>{"almaty-region"}) << name;
  }
  EXPECT_TRUE(matching(region_filter("Алматы")).empty());  // the city, not the region
  EXPECT_TRUE(matching(region_filter("Москва")).empty());
}

TEST_F(EntityFilterIndexTest, ATopicByIdOrLabelFindsItsArticles) {
  const std::set<std::string> education = {"tselinograd", "astana-kk"};
  for (const char* name : {"education", "Образование", "образования", "Білім беру"}) {
    EXPECT_EQ(matching(topic_filter(name)), education) << name;
  }
  EXPECT_EQ(matching(topic_filter("Молодёжь")), std::set<std::string>{"abai-kk"});
  EXPECT_EQ(matching(topic_filter("agriculture")), std::set<std::string>{"almaty-region"});
  EXPECT_TRUE(matching(topic_filter("no such topic")).empty());
}

}  // namespace
}  // namespace izdeu::corpus
