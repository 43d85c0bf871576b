// Topic tagging: the default taxonomy, thresholds, inflections in both
// languages, resolve() for filters, and taxonomy files with mistakes.

#include "analyzers/gazetteers/topic_taxonomy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "analyzers/analyzer.h"
#include "analyzers/gazetteers/builtin_data.h"

namespace izdeu::analyzers {
namespace {

constexpr Language ru = Language::kRussian;
constexpr Language kk = Language::kKazakh;

const TopicTaxonomy& builtin() { return TopicTaxonomy::builtin(); }

bool has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

TEST(TopicTaxonomyTest, DefaultTaxonomyCoversTheIssuesTopics) {
  const TopicTaxonomyLoad load = TopicTaxonomy::parse(builtin_topics_data());
  for (const DataFileError& error : load.errors)
    ADD_FAILURE() << error.line << ": " << error.message;
  ASSERT_NE(load.taxonomy, nullptr);
  EXPECT_GE(builtin().topics().size(), 15u);
  for (const char* id : {"interethnic", "mediation", "charity", "youth", "education", "health",
                         "economy", "agriculture", "elections", "culture", "sport"}) {
    const Topic* topic = builtin().topic(id);
    ASSERT_NE(topic, nullptr) << id;
    EXPECT_FALSE(topic->ru.empty() || topic->kk.empty()) << id;
    EXPECT_GE(topic->words.size(), 5u) << id;
  }
  EXPECT_EQ(builtin().thresholds().min_title_words, 1u);
  EXPECT_EQ(builtin().thresholds().min_body_words, 2u);
}

struct TagCase {
  const char* title;
  const char* body;
  Language language;
  const char* expected;  // a topic that must be tagged
};

const TagCase kTagged[] = {
    // A title word is enough, in any case form.
    {"Новая школа открылась в Таразе", "Торжественная линейка прошла утром.", ru, "education"},
    {"Выборы Президента: явка высокая", "Участки работали до восьми.", ru, "elections"},
    {"Медиаторы Ассамблеи помирили соседей", "Встреча прошла в акимате.", ru, "mediation"},
    {"Жастар форумы өтті", "Форумға жүз адам қатысты.", kk, "youth"},
    {"Мектептерде жаңа оқу жылы басталды", "Салтанатты жиын өтті.", kk, "education"},
    {"Тоғызқұмалақтан турнир", "Ойыншылар жиналды.", kk, "sport"},
    // Two different body words, inflected.
    {"Итоги года", "Врачи районной больницы приняли тысячу пациентов.", ru, "health"},
    {"Итоги года", "Фермеры собрали богатый урожай пшеницы.", ru, "agriculture"},
    {"Жыл қорытындысы", "Дәрігерлер ауруханада мыңдаған науқасты қабылдады.", kk, "health"},
    {"Жыл қорытындысы", "Еріктілер мұқтаж отбасыларға қайырымдылық көмек берді.", kk, "charity"},
    {"Новости", "Концерт и выставка прошли в городском театре.", ru, "culture"},
    {"Жаңалықтар", "Этномәдени бірлестіктер ұлтаралық келісімді нығайтуда.", kk, "interethnic"},
    {"Жаңалықтар", "Еріктілер мен волонтерлер көмектесті.", kk, "volunteering"},
    // Russian words in a Kazakh article count too.
    {"Жаңалықтар", "Выставка и концерт «Достық» өтті.", kk, "culture"},
};

TEST(TopicTaxonomyTest, TagsByTitleWordOrTwoBodyWords) {
  for (const TagCase& row : kTagged) {
    const std::vector<std::string> topics = builtin().tag(row.title, row.body, row.language);
    EXPECT_TRUE(has(topics, row.expected)) << row.title << " / " << row.body;
  }
}

TEST(TopicTaxonomyTest, OneBodyWordIsNotEnoughNorIsOneWordRepeated) {
  EXPECT_FALSE(has(builtin().tag("Итоги", "В больнице тихо.", ru), "health"));
  EXPECT_FALSE(has(builtin().tag("Итоги", "Больница, больницы, больнице.", ru), "health"));
  EXPECT_TRUE(has(builtin().tag("Итоги", "Больница и врач.", ru), "health"));
  EXPECT_TRUE(builtin().tag("Погода", "Завтра без осадков, ветер слабый.", ru).empty());
}

TEST(TopicTaxonomyTest, RanksByEvidenceAndKeepsAtMostMaxTopics) {
  const std::vector<std::string> topics = builtin().tag(
      "Спортивный турнир",
      "Школьники, студенты, врачи больницы, фермеры с урожаем, артисты театра и концерт, "
      "избиратели на выборах и наблюдатели, медиаторы и примирение.",
      ru);
  ASSERT_EQ(topics.size(), builtin().thresholds().max_topics);
  EXPECT_EQ(topics.front(), "sport");  // two title words: the most evidence
}

TEST(TopicTaxonomyTest, TagsOverTokensAlreadyAnalyzed) {
  const Analyzer& analyzer = analyzer_for(kk);
  const auto title = analyzer.analyze("Сайлау учаскелерінде байқаушылар жұмыс істеді");
  const auto body = analyzer.analyze("Бюллетеньдер санағы аяқталды.");
  EXPECT_TRUE(has(builtin().tag(title, body), "elections"));
}

struct ResolveCase {
  const char* name;
  const char* id;
};

TEST(TopicTaxonomyTest, ResolvesIdsLabelsAndAliases) {
  const ResolveCase cases[] = {
      {"education", "education"},
      {"EDUCATION", "education"},
      {"Образование", "education"},
      {"образования", "education"},
      {"білім беру", "education"},
      {"Межэтнические отношения", "interethnic"},
      {"межнациональные отношения", "interethnic"},
      {"Сайлау", "elections"},
      {"Youth", "youth"},
      {"школа", ""},
      {"", ""},
      {"погода", ""},
  };
  for (const ResolveCase& row : cases) {
    EXPECT_EQ(builtin().resolve(row.name).value_or(""), row.id) << row.name;
  }
}

TEST(TopicTaxonomyTest, AFileOfItsOwnWithItsOwnThresholds) {
  const TopicTaxonomyLoad load = TopicTaxonomy::parse(
      "# minimal\n"
      "min_body_words = 1\n"
      "max_topics = 1\n"
      "\n"
      "[bees]\n"
      "ru = Пчёлы\n"
      "kk = Аралар\n"
      "words = пчела; пасека; {мёд|мед}\n"
      "words = ара; бал\n"
      "aliases = пчеловодство\n"
      "[honey]\n"
      "ru = Мёд\n"
      "kk = Бал өнімі\n"
      "words = мёд\n");
  for (const DataFileError& error : load.errors)
    ADD_FAILURE() << error.line << ": " << error.message;
  ASSERT_NE(load.taxonomy, nullptr);
  const TopicTaxonomy& own = *load.taxonomy;
  EXPECT_EQ(own.topics().size(), 2u);
  EXPECT_EQ(own.tag("Лето", "На пасеках собрали урожай.", ru), std::vector<std::string>{"bees"});
  EXPECT_EQ(own.tag("Лето", "Много мёда.", ru).size(), 1u);  // max_topics = 1
  EXPECT_EQ(own.resolve("пчеловодство").value_or(""), "bees");
  EXPECT_EQ(own.topic("bees")->words,
            (std::vector<std::string>{"пчела", "пасека", "мёд", "мед", "ара", "бал"}));
}

struct ErrorCase {
  const char* text;
  std::size_t line;
  const char* message_part;
};

TEST(TopicTaxonomyTest, ReportsEveryMistakeWithItsLine) {
  const ErrorCase cases[] = {
      {"min_body_words = two\n", 1, "min_body_words must be a whole number"},
      {"min_body_words = 0\n", 1, "from 1 to 1000"},
      {"threshold = 3\n", 1, "unknown setting 'threshold'"},
      {"\n\n[Sport]\nru = С\nkk = С\nwords = спорт\n", 3, "bad topic id 'Sport'"},
      {"[a]\nru = А\nkk = А\nwords = ы\n[a]\n", 5, "defined twice (first at line 1)"},
      {"[a]\nru = А\nwords = спорт\n", 1, "needs both 'ru' and 'kk'"},
      {"[a]\nru = А\nkk = А\n", 1, "has no words"},
      {"[a]\nru = А\nkk = А\nwords = {спорт|\n", 4, "'{' without '}'"},
      {"[a]\nru = А\nkk = А\nwords = спорт\ncolour = red\n", 5, "unknown field 'colour'"},
      {"[a]\nru = А\nkk = А\nwords = спорт; «—»\n", 4, "has no words"},
      {"[a]\nru = Спорт\nkk = А\nwords = спорт\n[b]\nru = спорт\nkk = Б\nwords = бег\n", 6,
       "already names topic 'a'"},
      {"[a]\nru = А\nkk = А\nwords = спорт\nno equals sign here\n", 5, "expected 'key = value'"},
      {"[]\n", 1, "empty section name"},
      {"[a\n", 1, "must end with ']'"},
  };
  for (const ErrorCase& row : cases) {
    const TopicTaxonomyLoad load = TopicTaxonomy::parse(row.text);
    EXPECT_EQ(load.taxonomy, nullptr) << row.text;
    const bool found = std::any_of(load.errors.begin(), load.errors.end(), [&](const auto& e) {
      return e.line == row.line && e.message.find(row.message_part) != std::string::npos;
    });
    EXPECT_TRUE(found) << row.text << " first error: "
                       << (load.errors.empty() ? "none" : load.errors[0].message);
    EXPECT_TRUE(std::is_sorted(load.errors.begin(), load.errors.end(),
                               [](const auto& a, const auto& b) { return a.line < b.line; }));
  }
}

}  // namespace
}  // namespace izdeu::analyzers
