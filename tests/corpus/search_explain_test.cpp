// explain=true (issue "Precise matching"): each query word's readings with
// their class and document frequency, and for each hit the forms it holds,
// over a small index with the look-alikes the precision rules keep apart.

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
using testing::make_article;
using testing::TempDir;

class SearchExplainTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto writer = IndexWriter::open(dir_->str());
    ASSERT_TRUE(writer) << writer.error().message;
    const Article articles[] = {
        make_article("ru-saparov", "Сапаров выступил", "Ерлан Сапаров выступил на сессии."),
        make_article("ru-saparova", "Память ветерана", "Почтили память Сапарова Ерлана."),
        make_article("kk-sapar", "Президенттің сапары", "Президенттің сапары аяқталды.", {},
                     Language::kKazakh),
        make_article("ru-med", "Ярмарка", "На ярмарке продавали много мёда."),
        make_article("ru-media", "Газпром-медиа", "Холдинг «Газпром-медиа» купил радиостанцию."),
        make_article("ru-oon", "Доклад", "Доклад ООН о климате опубликован."),
        make_article("ru-ona", "Интервью", "Она сказала, что он прав."),
        make_article("ru-mid", "Заявление", "В заявлении МИДа говорится о визите."),
        make_article("ru-ank", "Сессия", "Прошла сессия Ассамблеи народа Казахстана."),
    };
    for (const Article& article : articles) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static Searcher open() {
    auto searcher = Searcher::open({dir_->str()});
    EXPECT_TRUE(searcher) << searcher.error().message;
    return std::move(*searcher);
  }

  static TempDir* dir_;
};

TempDir* SearchExplainTest::dir_ = nullptr;

const ReadingExplanation* find_reading(const WordExplanation& word, const std::string& form) {
  for (const ReadingExplanation& reading : word.readings) {
    if (reading.form == form) return &reading;
  }
  return nullptr;
}

std::set<std::string> forms_of(const std::vector<WordExplanation>& words) {
  std::set<std::string> forms;
  for (const WordExplanation& word : words) {
    for (const ReadingExplanation& reading : word.readings) forms.insert(reading.form);
  }
  return forms;
}

TEST_F(SearchExplainTest, ListsEachWordsReadingsWithClassKeyAndFrequency) {
  struct Case {
    const char* query;
    std::optional<Language> language;
    const char* form;
    ReadingClass kind;
    const char* key_prefix;  // "" for none
    std::uint64_t articles;
  };
  const Case cases[] = {
      {"Сапаров", Language::kRussian, "сапаров", ReadingClass::kExact, "", 1},
      {"Сапаров", Language::kRussian, "сапарова", ReadingClass::kStem, "Zru:", 1},
      {"мёд", Language::kRussian, "меда", ReadingClass::kStem, "Zru:", 1},
      {"ООН", Language::kRussian, "оон", ReadingClass::kExact, "", 1},
  };
  Searcher searcher = open();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    auto words = searcher.explain({.query = c.query, .language = c.language});
    ASSERT_TRUE(words) << words.error().message;
    ASSERT_FALSE(words->empty());
    const ReadingExplanation* reading = find_reading(words->front(), c.form);
    ASSERT_NE(reading, nullptr) << c.form;
    EXPECT_EQ(reading->kind, c.kind);
    EXPECT_EQ(reading->key.rfind(c.key_prefix, 0), 0u) << reading->key;
    EXPECT_EQ(reading->key.empty(), std::string(c.key_prefix).empty()) << reading->key;
    EXPECT_EQ(reading->articles, c.articles);
  }
}

TEST_F(SearchExplainTest, LeavesOutTheLookAlikesThePrecisionRulesRefuse) {
  struct Case {
    const char* query;
    std::vector<std::string> absent;
  };
  const Case cases[] = {
      {"Сапаров", {"сапар", "сапары"}},
      {"мёд", {"медиа", "газпром"}},
      {"ООН", {"она", "он"}},
  };
  Searcher searcher = open();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    auto words = searcher.explain({.query = c.query});
    ASSERT_TRUE(words) << words.error().message;
    const std::set<std::string> forms = forms_of(*words);
    for (const std::string& form : c.absent) EXPECT_EQ(forms.count(form), 0u) << form;
  }
}

TEST_F(SearchExplainTest, MarksAcronymsAndShortWords) {
  Searcher searcher = open();
  auto acronym = searcher.explain({.query = "ООН"});
  ASSERT_TRUE(acronym);
  ASSERT_FALSE(acronym->empty());
  EXPECT_TRUE(acronym->front().acronym);
  EXPECT_TRUE(acronym->front().exact_only);
  auto short_word = searcher.explain({.query = "мёд", .language = Language::kRussian});
  ASSERT_TRUE(short_word);
  ASSERT_FALSE(short_word->empty());
  EXPECT_TRUE(short_word->front().short_word);
  EXPECT_FALSE(short_word->front().acronym);
}

TEST_F(SearchExplainTest, ASynonymSpanListsItsGroupsForms) {
  Searcher searcher = open();
  auto words = searcher.explain({.query = "АНК"});
  ASSERT_TRUE(words) << words.error().message;
  bool synonym = false;
  for (const WordExplanation& word : *words) {
    for (const ReadingExplanation& reading : word.readings) {
      synonym = synonym || (reading.kind == ReadingClass::kSynonym && reading.articles > 0);
    }
  }
  EXPECT_TRUE(synonym);
  auto result = searcher.search({.query = "АНК", .explain = true});
  ASSERT_TRUE(result) << result.error().message;
  ASSERT_EQ(result->hits.size(), 1u);
  EXPECT_EQ(result->hits[0].id, "ru-ank");
  ASSERT_FALSE(result->hits[0].matched.empty());
  EXPECT_EQ(result->hits[0].matched[0].kind, ReadingClass::kSynonym);
}

// Every hit holds a reading of the query's word, and says which: the
// property a journalist checks when a hit looks wrong.
TEST_F(SearchExplainTest, EveryHitSaysWhichOfTheWordsFormsItHolds) {
  struct Case {
    const char* query;
    std::optional<Language> language;
    std::vector<std::pair<std::string, std::string>> hits;  // id, a form it must list
  };
  const Case cases[] = {
      {"Сапаров", {}, {{"ru-saparov", "сапаров"}, {"ru-saparova", "сапарова"}}},
      {"мёд", {}, {{"ru-med", "меда"}}},
      {"ООН", {}, {{"ru-oon", "оон"}}},
      {"МИД", {}, {{"ru-mid", "мид"}}},  // declined: «МИДа»
      // Kazakh «сапары» ("his trip"): read as Russian too it would be a plural
      // whose genitive is «сапаров»; the language keeps the surname out.
      {"сапары", Language::kKazakh, {{"kk-sapar", "сапары"}}},
  };
  Searcher searcher = open();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    auto result = searcher.search(
        {.query = c.query, .language = c.language, .match = MatchMode::kAll, .explain = true});
    ASSERT_TRUE(result) << result.error().message;
    std::string got;
    for (const Hit& hit : result->hits) {
      got += hit.id + ":";
      for (const HitMatch& match : hit.matched) got += " " + match.form;
      got += "\n";
    }
    ASSERT_EQ(result->hits.size(), c.hits.size()) << got;
    const std::set<std::string> readable = forms_of(result->explanation);
    for (const auto& [id, form] : c.hits) {
      const auto hit = std::find_if(result->hits.begin(), result->hits.end(),
                                    [&id = id](const Hit& h) { return h.id == id; });
      ASSERT_NE(hit, result->hits.end()) << id;
      ASSERT_FALSE(hit->matched.empty()) << id;
      bool listed = false;
      for (const HitMatch& match : hit->matched) {
        EXPECT_EQ(readable.count(match.form), 1u) << match.form;
        listed = listed || match.form == form;
      }
      EXPECT_TRUE(listed) << id << " " << form;
    }
  }
}

TEST_F(SearchExplainTest, TellsTitleFromText) {
  Searcher searcher = open();
  auto result = searcher.search({.query = "Сапаров", .explain = true});
  ASSERT_TRUE(result) << result.error().message;
  const auto hit = std::find_if(result->hits.begin(), result->hits.end(),
                                [](const Hit& h) { return h.id == "ru-saparov"; });
  ASSERT_NE(hit, result->hits.end());
  std::set<bool> fields;
  for (const HitMatch& match : hit->matched) {
    if (match.form == "сапаров") fields.insert(match.in_title);
  }
  EXPECT_EQ(fields, (std::set<bool>{false, true}));
}

TEST_F(SearchExplainTest, NothingIsExplainedUnlessAsked) {
  Searcher searcher = open();
  auto result = searcher.search({.query = "Сапаров"});
  ASSERT_TRUE(result);
  ASSERT_FALSE(result->hits.empty());
  EXPECT_TRUE(result->explanation.empty());
  for (const Hit& hit : result->hits) EXPECT_TRUE(hit.matched.empty());
}

}  // namespace
}  // namespace izdeu::corpus
