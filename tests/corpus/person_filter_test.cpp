// person_filter and person_key_words against a real index whose person keys
// come from the recognizer, as the indexer stores them.

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analyzers/people/person_recognizer.h"
#include "corpus/index/article_codec.h"
#include "corpus/index/index_writer.h"
#include "corpus/query/entity_filters.h"
#include "corpus/schema.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::make_article;
using testing::TempDir;

// The people of an article as the indexer stores them: one PersonRef per
// key, most mentioned first.
Article with_people(Article article) {
  std::map<std::string, std::uint32_t> counts;
  for (const auto& m :
       analyzers::find_people(article.title + "\n\n" + article.body, article.language)) {
    ++counts[m.key];
  }
  for (const auto& [key, count] : counts) article.people.push_back({key, count});
  std::stable_sort(article.people.begin(), article.people.end(),
                   [](const PersonRef& a, const PersonRef& b) { return a.mentions > b.mentions; });
  return article;
}

class PersonFilterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto writer = IndexWriter::open(dir_->str());
    ASSERT_TRUE(writer);
    const Article articles[] = {
        make_article("tokayev-ru", "Визит Касым-Жомарта Токаева",
                     "Президент Касым-Жомарт Токаев посетил Атырау. Токаев осмотрел завод."),
        make_article("tokayev-kk", "Тоқаевтың сапары",
                     "Президент Қасым-Жомарт Тоқаев облысқа келді. Тоқаевқа хат тапсырылды.",
                     std::nullopt, Language::kKazakh),
        make_article("khan", "Награды учителям",
                     "Наградить Хан Клару Александровну почётной грамотой. Клара Хан "
                     "работает в школе тридцать лет."),
        make_article("girsh", "Назначение",
                     "Приказ о назначении Гирш Леонида Юзефовича директором. Л.Ю. Гирш "
                     "приступит к работе в понедельник."),
        make_article("dariga", "Выступление в сенате",
                     "Дарига Назарбаева выступила с докладом. Назарбаевой задали вопросы."),
        make_article("nazarbayev", "Встреча с ветеранами",
                     "Нурсултан Назарбаев встретился с ветеранами."),
        make_article("nobody", "Погода", "В Астане ожидается снег и ветер."),
    };
    for (const Article& article : articles) {
      ASSERT_TRUE(writer->add_or_replace(with_people(article)));
    }
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::set<std::string> matches(const std::string& value) {
    Xapian::Database db(dir_->str());
    Xapian::Enquire enquire(db);
    enquire.set_query(person_filter(value));
    std::set<std::string> ids;
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const auto article = decode_article(it.get_document().get_data());
      EXPECT_TRUE(article);
      if (article) ids.insert(article->id);
    }
    return ids;
  }

  static TempDir* dir_;
};
TempDir* PersonFilterTest::dir_ = nullptr;

struct FilterCase {
  const char* typed;
  std::set<std::string> expected;
};

TEST_F(PersonFilterTest, FindsThePersonHoweverTheNameIsTyped) {
  const FilterCase cases[] = {
      {"Токаева", {"tokayev-ru", "tokayev-kk"}},
      {"Тоқаевтың", {"tokayev-ru", "tokayev-kk"}},
      {"токаев", {"tokayev-ru", "tokayev-kk"}},
      {"Касым-Жомарт Токаев", {"tokayev-ru", "tokayev-kk"}},
      {"Клары Хан", {"khan"}},
      {"хан клара", {"khan"}},
      {"хан клара александровна", {"khan"}},
      {"Клару", {"khan"}},
      {"Гирша", {"girsh"}},
      {"Гирш Л. Ю.", {"girsh"}},
      {"Л.Ю. Гирш", {"girsh"}},
      {"Леонид Гирш", {"girsh"}},
      {"Дарига Назарбаева", {"dariga"}},
      {"Назарбаевой", {"dariga"}},
      {"Назарбаева", {"dariga", "nazarbayev"}},
      {"Нурсултан Назарбаев", {"nazarbayev"}},
      {"Ветров", {}},
      {"Клара Токаева", {}},
  };
  for (const FilterCase& c : cases) {
    EXPECT_EQ(matches(c.typed), c.expected) << c.typed;
  }
}

TEST_F(PersonFilterTest, NoWordsMatchesNothing) {
  EXPECT_TRUE(matches("").empty());
  EXPECT_TRUE(matches(" ... ").empty());
}

TEST(PersonKeyWordsTest, TypedNamesBecomeKeyWordsInKeyOrder) {
  const std::pair<const char*, const char*> cases[] = {
      {"Токаева", "токаев"},         {"Тоқаевтың", "токаев"},
      {"Назарбаевқа", "назарбаев"},  {"Клары Хан", "хан клара"},
      {"хан клара", "хан клара"},    {"Хан Клары Александровны", "хан клара александровна"},
      {"Назарбаевой", "назарбаева"}, {"Юзефовича Гирш Леонида", "гирш леонид юзефович"},
      {"Гирш Л.Ю.", "гирш л. ю."},   {"Артём Фёдоров", "федоров артем"},
      {"Серікке", "серик"},          {"", ""},
  };
  for (const auto& [typed, key] : cases) EXPECT_EQ(person_key_words(typed), key) << typed;
}

}  // namespace
}  // namespace izdeu::corpus
