// What the analysis gives search: phrases, stop words, Roman numerals,
// compounds and cross-script matches, end to end through a real index.

#include <gtest/gtest.h>

#include <algorithm>

#include "corpus/index/index_writer.h"
#include "corpus/search/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::make_article;
using testing::TempDir;

class QueryFeaturesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto writer = IndexWriter::open(dir_->str());
    ASSERT_TRUE(writer);
    const Article articles[] = {
        make_article("roman-latin", "Итоги XXVI сессии", "Делегаты собрались в столице."),
        make_article("roman-cyrillic", "ХХІV сессия Ассамблеи", "Прошла в апреле."),
        make_article("roman-digits", "26 сессия областной ассамблеи", "Отчёт председателя."),
        make_article("compound-hyphen", "Форум в Нур-Султане", "Молодёжь из регионов."),
        make_article("compound-joined", "Нурсултан Назарбаев", "Встреча с ветеранами."),
        make_article("kk-name", "Тоқаевтың сапары", "Мемлекет басшысы Тоқаев облысқа келді.",
                     std::nullopt, Language::kKazakh),
        make_article("ru-name", "Визит Токаева", "Президент Токаев посетил область."),
        make_article("oskemen", "Өскемендегі мереке", "Өскемен қаласында мереке өтті.",
                     std::nullopt, Language::kKazakh),
        make_article("phrase", "Совет матерей", "Совет матерей провёл встречу в школе."),
        make_article("reversed", "Матерей совет", "Матерей пригласили, совет собрался позже."),
        make_article("veterans", "Встреча", "Совет ветеранов и матерей района."),
        make_article("kk-school", "Мектептердегі оқушылар", "Оқушылар жарысқа қатысты.",
                     std::nullopt, Language::kKazakh),
    };
    for (const Article& article : articles) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() { delete dir_; }

  std::vector<std::string> ids(const std::string& query, MatchMode match = MatchMode::kAuto) {
    auto searcher = Searcher::open({dir_->str()});
    EXPECT_TRUE(searcher);
    auto result = searcher->search({.query = query, .match = match, .per_page = 50});
    EXPECT_TRUE(result) << query << ": " << result.error().message;
    std::vector<std::string> out;
    if (result) {
      for (const Hit& hit : result->hits) out.push_back(hit.id);
    }
    return out;
  }

  static bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  static TempDir* dir_;
};
TempDir* QueryFeaturesTest::dir_ = nullptr;

TEST_F(QueryFeaturesTest, QuotedTextIsAPhrase) {
  const auto quoted = ids("\"совет матерей\"");
  EXPECT_TRUE(has(quoted, "phrase"));
  EXPECT_FALSE(has(quoted, "reversed"));
  const auto guillemets = ids("«совет матерей»");
  EXPECT_TRUE(has(guillemets, "phrase"));
  EXPECT_FALSE(has(guillemets, "reversed"));
  const auto plain = ids("совет матерей");
  EXPECT_TRUE(has(plain, "phrase"));
  EXPECT_TRUE(has(plain, "reversed"));
}

TEST_F(QueryFeaturesTest, UnbalancedQuoteFallsBackToPlainWords) {
  const auto found = ids("\"совет матерей");
  EXPECT_TRUE(has(found, "phrase"));
  EXPECT_TRUE(has(found, "reversed"));
}

TEST_F(QueryFeaturesTest, StopWordsAreDroppedFromUnquotedQueries) {
  // "и" occurs in none of the articles; as a stop word it must not be required.
  EXPECT_TRUE(has(ids("совет и матерей"), "phrase"));
}

TEST_F(QueryFeaturesTest, RomanNumeralsInAnyScriptMatchTheirNumber) {
  for (const char* query : {"XXVI сессия", "ХХVІ сессии", "26 сессия"}) {
    const auto found = ids(query);
    EXPECT_TRUE(has(found, "roman-latin")) << query;
    EXPECT_TRUE(has(found, "roman-digits")) << query;
  }
  EXPECT_TRUE(has(ids("XXIV"), "roman-cyrillic"));
  EXPECT_TRUE(has(ids("24 сессия"), "roman-cyrillic"));
}

TEST_F(QueryFeaturesTest, CompoundMatchesWholePartsAndJoined) {
  // The article says «Нур-Султане» (locative) and another «Нурсултан».
  for (const char* query : {"Нур-Султан", "Нурсултан", "нурсултана"}) {
    const auto found = ids(query);
    EXPECT_TRUE(has(found, "compound-hyphen")) << query;
    EXPECT_TRUE(has(found, "compound-joined")) << query;
  }
  // Its parts, as words or as a phrase.
  EXPECT_TRUE(has(ids("Нур Султан"), "compound-hyphen"));
  EXPECT_TRUE(has(ids("султан"), "compound-hyphen"));
  EXPECT_TRUE(has(ids("\"нур султане\""), "compound-hyphen"));
}

TEST_F(QueryFeaturesTest, QuotedStopWordsAreKeptInThePhrase) {
  EXPECT_TRUE(has(ids("\"ветеранов и матерей\""), "veterans"));
  // Without the stop word the phrase is a different one.
  EXPECT_FALSE(has(ids("\"ветеранов матерей\""), "veterans"));
  // Unquoted, «и» is not required.
  EXPECT_TRUE(has(ids("ветеранов и матерей"), "veterans"));
}

TEST_F(QueryFeaturesTest, KazakhQueryWithoutKazakhLettersIsReadBothWays) {
  // «мектептер» has no Kazakh-only letter, so it is detected as Russian; the
  // Kazakh reading (stem мектеп) still finds «Мектептердегі».
  EXPECT_TRUE(has(ids("мектептер"), "kk-school"));
  EXPECT_TRUE(has(ids("мектептерде"), "kk-school"));
}

TEST_F(QueryFeaturesTest, NegationIsNeverDroppedButQuestionWordsAre) {
  // Russian «не» is a negation and stays a word: with every word required,
  // nothing matches (no article has it); match=auto may make it optional.
  EXPECT_TRUE(ids("не совет матерей", MatchMode::kAll).empty());
  // «кто» is a question word: dropped.
  EXPECT_TRUE(has(ids("кто совет матерей"), "phrase"));
}

TEST_F(QueryFeaturesTest, KazakhAndRussianSpellingsFindEachOtherExactFirst) {
  auto searcher = Searcher::open({dir_->str()});
  ASSERT_TRUE(searcher);
  auto kk = searcher->search({.query = "Тоқаев"});
  ASSERT_TRUE(kk);
  ASSERT_GE(kk->hits.size(), 2u);
  EXPECT_EQ(kk->hits[0].id, "kk-name");
  auto ru = searcher->search({.query = "Токаев"});
  ASSERT_TRUE(ru);
  ASSERT_GE(ru->hits.size(), 2u);
  EXPECT_EQ(ru->hits[0].id, "ru-name");
}

TEST_F(QueryFeaturesTest, LatinSpellingsFindCyrillicText) {
  for (const char* query : {"Tokayev", "Tokaev", "Toqaev"}) {
    const auto found = ids(query);
    EXPECT_TRUE(has(found, "ru-name")) << query;
    EXPECT_TRUE(has(found, "kk-name")) << query;
  }
  for (const char* query : {"Öskemen", "Oskemen", "O'skemen"}) {
    EXPECT_TRUE(has(ids(query), "oskemen")) << query;
  }
}

}  // namespace
}  // namespace izdeu::corpus
