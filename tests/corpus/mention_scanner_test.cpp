#include "corpus/people/mention_scanner.h"

#include <gtest/gtest.h>

#include "analyzers/utf8.h"
#include "corpus/index/index_writer.h"
#include "corpus/people/people_stats.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using testing::day;
using testing::make_article;
using testing::TempDir;

struct SentenceCase {
  const char* text;
  const char* mention;
  const char* sentence;
};

TEST(SentenceAroundTest, CutsAtSentenceEndsButNotAtInitials) {
  const SentenceCase cases[] = {
      {"Первое. Выступил Хан. Третье.", "Хан", "Выступил Хан."},
      {"Начало! Л. Ю. Гирш сказал так. Конец", "Гирш", "Л. Ю. Гирш сказал так."},
      {"Заголовок\n\nТекст про Токаева", "Токаева", "Текст про Токаева"},
      {"Один… Потом Назарбаев ушёл? Да", "Назарбаев", "Потом Назарбаев ушёл?"},
      {"Хан", "Хан", "Хан"},
  };
  for (const auto& c : cases) {
    const std::string_view text = c.text;
    const std::size_t begin = text.find(c.mention);
    ASSERT_NE(begin, std::string_view::npos) << c.text;
    EXPECT_EQ(sentence_around(text, begin, begin + std::string_view(c.mention).size()), c.sentence)
        << c.text;
  }
}

TEST(KeyHasWordsTest, EveryWordMustBeAKeyWord) {
  using analyzers::person_query_words;
  EXPECT_TRUE(key_has_words("хан клара александровна", person_query_words("Клары Хан")));
  EXPECT_TRUE(key_has_words("хан клара александровна", person_query_words("К. А. Хан")));
  EXPECT_TRUE(key_has_words("токаев касым-жомарт", person_query_words("Тоқаевтың")));
  EXPECT_TRUE(key_has_words("хан клара александровна", {}));
  EXPECT_FALSE(key_has_words("хан клара александровна", person_query_words("Хан Мария")));
  EXPECT_FALSE(key_has_words("ханов", person_query_words("Хан")));
}

class PeopleIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = IndexWriter::open(dir_.str());
    ASSERT_TRUE(writer) << writer.error().message;
    Article a = make_article("a", "Сессия Ассамблеи",
                             "Заместитель председателя Ассамблеи Клара Хан открыла сессию. Доклад "
                             "Хан Клары Александровны "
                             "слушали депутаты. Затем выступил Ерлан Сапаров.",
                             day(2021, 3, 14));
    a.people = {{"хан клара александровна", 2}, {"сапаров ерлан", 1}};
    a.regions = {"almaty"};
    Article b =
        make_article("b", "Форум", "На форуме Клара Хан рассказала о медиации.", day(2021, 4, 2));
    b.people = {{"хан клара александровна", 1}};
    b.regions = {"astana"};
    Article c = make_article("c", "Другое", "Ерлан Сапаров посетил Тараз.", day(2022, 1, 5));
    c.people = {{"сапаров ерлан", 1}};
    for (const Article& article : {a, b, c}) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
    auto searcher = Searcher::open({dir_.str()});
    ASSERT_TRUE(searcher) << searcher.error().message;
    searcher_.emplace(std::move(*searcher));
  }

  std::vector<Mention> all_mentions(PeopleFilter filter, std::size_t batch) {
    auto scanner = MentionScanner::create(*searcher_, std::move(filter));
    EXPECT_TRUE(scanner) << scanner.error().message;
    std::vector<Mention> mentions;
    int calls = 0;
    while (true) {
      auto more = scanner->next(mentions, batch);
      EXPECT_TRUE(more) << more.error().message;
      ++calls;
      if (!more || !*more || calls > 100) break;
    }
    return mentions;
  }

  TempDir dir_;
  std::optional<Searcher> searcher_;
};

TEST_F(PeopleIndexTest, ExportsEveryMentionOfThePersonOnly) {
  // One article per batch: the docid cursor must carry the walk across batches.
  const std::vector<Mention> mentions = all_mentions({.person = "Клары Хан"}, 1);
  ASSERT_EQ(mentions.size(), 3u);
  EXPECT_EQ(mentions[0].person_key, "хан клара александровна");
  EXPECT_EQ(mentions[2].person_key, "хан клара");  // no patronymic in that article
  for (const Mention& mention : mentions) {
    EXPECT_NE(mention.sentence.find(mention.surface), std::string::npos);
  }
  EXPECT_EQ(mentions[0].article_id, "a");
  EXPECT_EQ(mentions[2].article_id, "b");
  EXPECT_EQ(mentions[2].sentence, "На форуме Клара Хан рассказала о медиации.");
  // Offsets count code points: «На форуме » is 10 characters.
  EXPECT_EQ(mentions[2].start, 10u);
  EXPECT_EQ(mentions[2].end - mentions[2].start, analyzers::count_code_points(mentions[2].surface));
}

TEST_F(PeopleIndexTest, FiltersByDateAndRegion) {
  EXPECT_EQ(all_mentions({.person = "Хан", .from = day(2021, 4, 1)}, 10).size(), 1u);
  EXPECT_EQ(all_mentions({.person = "Хан", .regions = {"almaty"}}, 10).size(), 2u);
  EXPECT_TRUE(all_mentions({.person = "Хан", .to = day(2020, 12, 31)}, 10).empty());
}

TEST_F(PeopleIndexTest, RefusesAnEmptyPerson) {
  auto scanner = MentionScanner::create(*searcher_, {.person = "  "});
  ASSERT_FALSE(scanner);
  EXPECT_EQ(scanner.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(PeopleIndexTest, TopPeopleCountsMentionsAndArticles) {
  auto people = top_people(*searcher_, {}, "", 10);
  ASSERT_TRUE(people) << people.error().message;
  ASSERT_EQ(people->size(), 2u);
  EXPECT_EQ((*people)[0].key, "хан клара александровна");
  EXPECT_EQ((*people)[0].mentions, 3u);
  EXPECT_EQ((*people)[0].articles, 2u);
  EXPECT_EQ((*people)[1].key, "сапаров ерлан");
  EXPECT_EQ((*people)[1].mentions, 2u);

  auto limited = top_people(*searcher_, {.from = day(2022, 1, 1)}, "", 10);
  ASSERT_TRUE(limited);
  ASSERT_EQ(limited->size(), 1u);
  EXPECT_EQ((*limited)[0].key, "сапаров ерлан");

  auto prefixed = top_people(*searcher_, {}, "Сап", 10);
  ASSERT_TRUE(prefixed);
  ASSERT_EQ(prefixed->size(), 1u);
  EXPECT_EQ((*prefixed)[0].key, "сапаров ерлан");
}

TEST_F(PeopleIndexTest, ProfileHasTimelineCoMentionsRegionsAndVariants) {
  auto profile = person_profile(*searcher_, "хан клара александровна", {}, 10);
  ASSERT_TRUE(profile) << profile.error().message;
  EXPECT_EQ(profile->mentions, 3u);
  EXPECT_EQ(profile->articles, 2u);
  ASSERT_EQ(profile->timeline.size(), 2u);
  EXPECT_EQ(profile->timeline[0].value, "2021-03");
  EXPECT_EQ(profile->timeline[0].count, 2u);
  EXPECT_EQ(profile->timeline[1].value, "2021-04");
  ASSERT_EQ(profile->co_mentioned.size(), 1u);
  EXPECT_EQ(profile->co_mentioned[0].key, "сапаров ерлан");
  EXPECT_EQ(profile->co_mentioned[0].articles, 1u);
  ASSERT_EQ(profile->regions.size(), 2u);
  EXPECT_GE(profile->variants.size(), 2u);  // «Клара Хан», «Хан Клары Александровны»

  auto missing = person_profile(*searcher_, "нет такого", {}, 10);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace izdeu::corpus
