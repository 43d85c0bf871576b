// match=all|any|auto: natural-language questions in both languages find
// their article in the sample archive; precise queries stay strict while they
// find enough; relaxation is reported; filters, phrases and NOT never relax;
// question words never decide; optional words rank by how many and how rare.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "corpus/index/article_codec.h"
#include "corpus/index/index_writer.h"
#include "corpus/query/match_strategy.h"
#include "corpus/query/query_builder.h"
#include "indexer/ingest_job.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::day;
using testing::make_article;
using testing::TempDir;

struct Ranked {
  BuiltQuery built;
  std::vector<Article> hits;  // best first
  std::vector<double> scores;

  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const Article& hit : hits) out.push_back(hit.id);
    return out;
  }
  bool has(const std::string& id) const {
    return std::any_of(hits.begin(), hits.end(), [&](const Article& a) { return a.id == id; });
  }
};

std::vector<std::string> optional_words(const BuiltQuery& built) {
  std::vector<std::string> out;
  for (const OptionalWord& word : built.optional) out.push_back(word.text);
  return out;
}

Ranked run(const Xapian::Database& database, const SearchRequest& request) {
  Ranked ranked;
  auto built = build_query(request, &database);
  EXPECT_TRUE(built) << request.query << ": " << built.error().message;
  if (!built) return ranked;
  ranked.built = *built;
  Xapian::Enquire enquire(database);
  enquire.set_query(built->query);
  const Xapian::MSet mset = enquire.get_mset(0, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    auto article = decode_article(it.get_document().get_data());
    EXPECT_TRUE(article);
    if (!article) continue;
    ranked.hits.push_back(std::move(*article));
    ranked.scores.push_back(it.get_weight());
  }
  return ranked;
}

// ---- natural-language questions over the sample archive ----------------

class SampleQuestionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    index_ = new TempDir();
    indexer::IngestOptions options{
        .index_path = index_->str(),
        .paths = {std::string(IZDEU_SOURCE_DIR) + "/tests/fixtures/sample"}};
    auto stats = indexer::run_ingest(options, nullptr, nullptr);
    ASSERT_TRUE(stats) << stats.error().message;
  }
  static void TearDownTestSuite() { delete index_; }
  static TempDir* index_;
};
TempDir* SampleQuestionTest::index_ = nullptr;

struct Question {
  const char* question;
  const char* title;  // of the article it asks about
};

TEST_F(SampleQuestionTest, AQuestionInEitherLanguageFindsItsArticleFirst) {
  const Question questions[] = {
      {"Где прошла ярмарка мёда?",
       "В Усть-Каменогорске прошла ярмарка мёда с участием этнокультурных объединений"},
      {"Когда в Таразе почтили память Ерлана Сапарова?",
       "В Таразе почтили память общественного деятеля Ерлана Сапарова"},
      // No article has every word («2023» is only the article's date).
      {"Какой фестиваль национальных видов спорта прошёл в Актау в 2023 году?",
       "В Актау прошёл фестиваль национальных видов спорта"},
      {"Кто помогал семьям на карантине в Актобе?",
       "Этнокультурные объединения Актобе помогают семьям на карантине"},
      {"Тоғызқұмалақ турнирі қайда өтті?",
       "Жамбыл облысында этномәдени бірлестіктер арасында тоғызқұмалақ турнирі өтті"},
      {"Павлодарда қайырымдылық марафоны қанша ақша жинады?",
       "Павлодарда «Мейірім» қайырымдылық марафоны 12 миллион теңге жинады"},
      {"Қандай форум Атырауда өтті?",
       "Атырауда Қазақстан халқы Ассамблеясының 20 жылдығына арналған форум өтті"},
      {"Шымкентте донорлық акция қашан өтті?",
       "Шымкентте этномәдени бірлестіктер донорлық акция өткізді"},
  };
  Xapian::Database database(index_->str());
  for (const Question& q : questions) {
    const Ranked ranked = run(database, {.query = q.question});
    ASSERT_FALSE(ranked.hits.empty()) << q.question;
    EXPECT_EQ(ranked.hits.front().title, q.title) << q.question;
  }
}

TEST_F(SampleQuestionTest, OnlyAutoAndAnyAnswerAQuestionNoArticleHasEveryWordOf) {
  Xapian::Database database(index_->str());
  const char* question = "Какой фестиваль национальных видов спорта прошёл в Актау в 2023 году?";
  EXPECT_TRUE(run(database, {.query = question, .match = MatchMode::kAll}).hits.empty());
  const Ranked automatic = run(database, {.query = question});
  EXPECT_TRUE(automatic.built.relaxed);
  const std::vector<std::string> optional = optional_words(automatic.built);
  EXPECT_NE(std::find(optional.begin(), optional.end(), "2023"), optional.end());
  const Ranked any = run(database, {.query = question, .match = MatchMode::kAny});
  ASSERT_FALSE(any.hits.empty());
  EXPECT_EQ(any.hits.front().title, automatic.hits.front().title);
}

TEST_F(SampleQuestionTest, APreciseNameIsNotRelaxedIntoEitherWord) {
  Xapian::Database database(index_->str());
  const Ranked ranked = run(database, {.query = "Ерлан Сапаров"});
  EXPECT_FALSE(ranked.built.relaxed);
  EXPECT_EQ(ranked.hits.size(), 3u);
}

// ---- the threshold, reporting and strictness, on a small fixture --------

class MatchModeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto writer = IndexWriter::open(dir_->str());
    ASSERT_TRUE(writer);
    // kRelaxTarget + 2 articles with both words; «both-11» is dated 2021.
    for (int n = 1; n <= static_cast<int>(kRelaxTarget) + 2; ++n) {
      ASSERT_TRUE(writer->add_or_replace(
          make_article("both-" + std::to_string(n), "Новости района " + std::to_string(n),
                       "Совет ветеранов района провёл заседание номер " + std::to_string(n) + ".",
                       day(2010 + n, 1, 15))));
    }
    const Article others[] = {
        make_article("only-council", "Клуб", "Совет старейшин собрался в клубе.", day(2021, 5, 5)),
        make_article("only-veterans", "Праздник", "Ветеранов чествовали в парке."),
        make_article("council-heavy", "Совет, совет и совет", "Совет снова и снова: совет, совет."),
        make_article("who", "Вопрос", "Кто знает ответ?"),
        make_article("kk-council", "Жиналыс", "Совет ардагерлері жиналды.", day(2021, 2, 2),
                     Language::kKazakh),
    };
    for (const Article& article : others) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() { delete dir_; }

  static Ranked search(const SearchRequest& request) {
    Xapian::Database database(dir_->str());
    return run(database, request);
  }
  static bool only_both(const Ranked& ranked) {
    return std::all_of(ranked.hits.begin(), ranked.hits.end(),
                       [](const Article& a) { return a.id.rfind("both-", 0) == 0; });
  }

  static TempDir* dir_;
};
TempDir* MatchModeTest::dir_ = nullptr;

TEST_F(MatchModeTest, APreciseQueryWithEnoughMatchesStaysStrict) {
  const Ranked ranked = search({.query = "совет ветеранов"});
  EXPECT_FALSE(ranked.built.relaxed);
  EXPECT_TRUE(optional_words(ranked.built).empty());
  EXPECT_EQ(ranked.hits.size(), kRelaxTarget + 2);
  EXPECT_TRUE(only_both(ranked));
}

TEST_F(MatchModeTest, AWordNoArticleHasBecomesOptionalFirstAndIsReportedAsTyped) {
  const Ranked ranked = search({.query = "Совет ВЕТЕРАНОВ фестивалю"});
  EXPECT_TRUE(ranked.built.relaxed);
  EXPECT_EQ(optional_words(ranked.built), std::vector<std::string>{"фестивалю"});
  // Relaxing stopped there: the two words still required find enough.
  EXPECT_EQ(ranked.hits.size(), kRelaxTarget + 2);
  EXPECT_TRUE(only_both(ranked));
  // match=all does not relax.
  const Ranked all = search({.query = "совет ветеранов фестивалю", .match = MatchMode::kAll});
  EXPECT_FALSE(all.built.relaxed);
  EXPECT_TRUE(all.hits.empty());
}

TEST_F(MatchModeTest, RelaxedResultsRankByHowManyAndHowRareTheMatchedWordsAre) {
  // No article has all three; «старейшин» is the rarest.
  const Ranked ranked = search({.query = "совет ветеранов старейшин"});
  ASSERT_TRUE(ranked.built.relaxed);
  ASSERT_GE(ranked.hits.size(), kRelaxTarget);
  // Two words, one of them rare, beat two common words, which beat one word
  // however often the article repeats it.
  EXPECT_EQ(ranked.hits.front().id, "only-council");
  const auto ids = ranked.ids();
  const auto heavy = std::find(ids.begin(), ids.end(), "council-heavy");
  ASSERT_NE(heavy, ids.end());
  for (auto it = heavy; it != ids.end(); ++it) EXPECT_EQ(it->rfind("both-", 0), std::string::npos);
  EXPECT_TRUE(std::is_sorted(ranked.scores.rbegin(), ranked.scores.rend()));
}

TEST_F(MatchModeTest, AnyRanksByMatchedWordsThenRarityThenBm25) {
  // Both words beat one word repeated in the title and the body.
  Ranked ranked = search({.query = "совет старейшин", .match = MatchMode::kAny});
  ASSERT_GE(ranked.hits.size(), 2u);
  EXPECT_EQ(ranked.hits.front().id, "only-council");
  // One rare word beats one common word.
  ranked = search({.query = "совет парке", .match = MatchMode::kAny});
  ASSERT_GE(ranked.hits.size(), 2u);
  EXPECT_EQ(ranked.hits.front().id, "only-veterans");
  EXPECT_GT(ranked.scores[0], ranked.scores[1] + kRarityBonus * 0.1);
  // Among articles that match the same words, BM25 decides: the article
  // repeating «совет» ranks first among the «совет»-only ones.
  EXPECT_EQ(ranked.hits[1].id, "council-heavy");
  EXPECT_FALSE(ranked.built.relaxed);  // any is asked for, not a relaxation
}

TEST_F(MatchModeTest, FiltersPhrasesAndExclusionsAreNeverRelaxed) {
  // A date field and the request's dates.
  Ranked ranked = search({.query = "совет ветеранов фестиваль date:2021"});
  ASSERT_TRUE(ranked.built.relaxed);
  ASSERT_FALSE(ranked.hits.empty());
  for (const Article& hit : ranked.hits) {
    ASSERT_TRUE(hit.date) << hit.id;
    EXPECT_EQ(hit.date->year, 2021) << hit.id;
  }
  ranked = search(
      {.query = "совет ветеранов фестиваль", .from = day(2021, 1, 1), .to = day(2021, 12, 31)});
  ASSERT_FALSE(ranked.hits.empty());
  for (const Article& hit : ranked.hits) EXPECT_EQ(hit.date->year, 2021) << hit.id;
  // The language, as a field and as the request's language.
  for (const SearchRequest& request :
       {SearchRequest{.query = "совет ветеранов фестиваль lang:kk"},
        SearchRequest{.query = "совет ветеранов фестиваль", .language = Language::kKazakh}}) {
    ranked = search(request);
    EXPECT_EQ(ranked.ids(), std::vector<std::string>{"kk-council"}) << request.query;
  }
  // An exclusion.
  ranked = search({.query = "совет ветеранов фестиваль -заседание"});
  ASSERT_FALSE(ranked.hits.empty());
  for (const Article& hit : ranked.hits) {
    EXPECT_EQ(hit.body.find("заседание"), std::string::npos) << hit.id;
  }
  // A phrase stays required while the words around it relax.
  ranked = search({.query = "\"совет старейшин\" ветеранов фестиваль"});
  EXPECT_TRUE(ranked.built.relaxed);
  EXPECT_EQ(ranked.ids(), std::vector<std::string>{"only-council"});
  // A +word stays required.
  ranked = search({.query = "+старейшин совет ветеранов"});
  EXPECT_TRUE(ranked.built.relaxed);
  EXPECT_EQ(ranked.ids(), std::vector<std::string>{"only-council"});
  ranked = search({.query = "+фестиваль совет ветеранов"});
  EXPECT_FALSE(ranked.built.relaxed);  // relaxing the others would find nothing more
  EXPECT_TRUE(ranked.hits.empty());
}

TEST_F(MatchModeTest, QuestionWordsNeverDecideInEitherMode) {
  // «отчего» is a question word that is not a stop word.
  for (const char* query : {"кто совет ветеранов", "отчего совет ветеранов"}) {
    for (MatchMode mode : {MatchMode::kAll, MatchMode::kAuto}) {
      const Ranked ranked = search({.query = query, .match = mode});
      EXPECT_EQ(ranked.hits.size(), kRelaxTarget + 2) << query;
      EXPECT_FALSE(ranked.built.relaxed) << query;
      EXPECT_FALSE(ranked.has("who")) << query;
    }
  }
  // With any word enough, «кто» still does not make «who» match.
  EXPECT_FALSE(search({.query = "кто старейшин", .match = MatchMode::kAny}).has("who"));
  // Kazakh «не» ("what") is a question word in a Kazakh query.
  for (const char* query : {"совет ардагерлері не", "совет ардагерлері қайдан"}) {
    const Ranked kazakh = search({.query = query, .match = MatchMode::kAll});
    EXPECT_EQ(kazakh.ids(), std::vector<std::string>{"kk-council"}) << query;
  }
  // Quoted, they are text like any other.
  EXPECT_EQ(search({.query = "\"кто знает\""}).ids(), std::vector<std::string>{"who"});
}

TEST_F(MatchModeTest, WithoutADatabaseAutoIsAll) {
  auto built = build_query({.query = "совет ветеранов фестиваль"});
  ASSERT_TRUE(built);
  EXPECT_FALSE(built->relaxed);
  Xapian::Database database(dir_->str());
  Xapian::Enquire enquire(database);
  enquire.set_query(built->query);
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 0u);
}

}  // namespace
}  // namespace izdeu::corpus
