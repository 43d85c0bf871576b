// Synonyms at query time through build_query and Searcher::search on a real
// index: any form of a group finds articles that use any other form, a
// synonym span counts as one word for the match mode, quoted phrases stay
// verbatim, and snippets mark the form the article uses.

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "corpus/index/index_writer.h"
#include "corpus/query/query_builder.h"
#include "corpus/search/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::make_article;
using testing::TempDir;
using Ids = std::set<std::string>;

class QuerySynonymsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto writer = IndexWriter::open(dir_->str());
    ASSERT_TRUE(writer);
    const Article articles[] = {
        make_article("anc-full-ru", "Сессия",
                     "Ассамблея народа Казахстана провела сессию в Шымкенте."),
        make_article("anc-acronym-ru", "Новости", "Председатель АНК выступил с докладом."),
        make_article("anc-full-kk", "Жаңалықтар", "Қазақстан халқы Ассамблеясының сессиясы өтті.",
                     std::nullopt, Language::kKazakh),
        // The words, but not as the name.
        make_article("scattered", "Соседи", "Народ Казахстана и народ соседей, ассамблея друзей."),
        make_article("shymkent", "Погода", "В Шымкенте жарко."),
        make_article("rk", "Законы", "Конституция Республики Казахстан принята в 1995 году."),
        make_article("kr", "Заңдар", "ҚР Конституциясы қабылданды.", std::nullopt,
                     Language::kKazakh),
        make_article("eaeo", "Сауда", "ЕАЭО елдері баж туралы келісті.", std::nullopt,
                     Language::kKazakh),
        make_article("eaes", "Торговля", "Саммит ЕАЭС прошёл в Минске."),
    };
    for (const Article& article : articles) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static SearchResult search(const std::string& query, MatchMode match = MatchMode::kAll) {
    auto searcher = Searcher::open({dir_->str()});
    EXPECT_TRUE(searcher);
    if (!searcher) return {};
    SearchRequest request;
    request.query = query;
    request.match = match;
    request.per_page = 100;
    auto result = searcher->search(request);
    EXPECT_TRUE(result) << query << ": " << result.error().message;
    return result ? *result : SearchResult{};
  }

  static Ids ids(const SearchResult& result) {
    Ids out;
    for (const Hit& hit : result.hits) out.insert(hit.id);
    return out;
  }

  static TempDir* dir_;
};

TempDir* QuerySynonymsTest::dir_ = nullptr;

TEST_F(QuerySynonymsTest, EveryFormFindsArticlesThatUseAnother) {
  const Ids assembly = {"anc-full-ru", "anc-acronym-ru", "anc-full-kk"};
  const struct {
    const char* query;
    Ids expected;
  } cases[] = {
      {"АНК", assembly},
      {"анк", assembly},
      {"ҚХА", assembly},
      {"Қазақстан халқы Ассамблеясы", assembly},
      // Unquoted, the words still match as words wherever they stand.
      {"Ассамблея народа Казахстана",
       {"anc-full-ru", "anc-acronym-ru", "anc-full-kk", "scattered"}},
      {"ҚР", {"rk", "kr"}},
      {"РК", {"rk", "kr"}},
      {"Республика Казахстан", {"rk", "kr"}},
      {"ЕАЭС", {"eaes", "eaeo"}},
      {"ЕАЭО", {"eaes", "eaeo"}},
  };
  for (const auto& c : cases) EXPECT_EQ(ids(search(c.query)), c.expected) << c.query;
}

TEST_F(QuerySynonymsTest, QuotedPhrasesAndExcludedWordsAreVerbatim) {
  EXPECT_EQ(ids(search("\"Ассамблея народа Казахстана\"")), Ids{"anc-full-ru"});
  EXPECT_EQ(ids(search("\"АНК\"")), Ids{"anc-acronym-ru"});
  // An excluded word excludes only itself, not its synonyms.
  EXPECT_EQ(ids(search("Саммит -ЕАЭО")), Ids{"eaes"});
}

TEST_F(QuerySynonymsTest, ASynonymSpanIsOneWordForTheMatchMode) {
  EXPECT_EQ(ids(search("АНК Шымкент")), Ids{"anc-full-ru"});
  EXPECT_EQ(ids(search("Ассамблея народа Казахстана Шымкент")), Ids{"anc-full-ru"});
  EXPECT_EQ(ids(search("АНК Шымкент", MatchMode::kAny)),
            (Ids{"anc-full-ru", "anc-acronym-ru", "anc-full-kk", "shymkent"}));
  // Too few full matches for kAuto: one of the two units becomes optional,
  // whole: the common one (the rarer «Шымкент» stays required).
  const Xapian::Database database(dir_->str());
  auto relaxed = build_query(
      {.query = "Ассамблея народа Казахстана Шымкент", .match = MatchMode::kAuto}, &database);
  ASSERT_TRUE(relaxed);
  EXPECT_TRUE(relaxed->relaxed);
  ASSERT_EQ(relaxed->optional.size(), 1u);
  EXPECT_EQ(relaxed->optional[0].text, "Ассамблея народа Казахстана");
  // The full match first, then the article with only the rarer unit.
  EXPECT_EQ(ids(search("Ассамблея народа Казахстана Шымкент", MatchMode::kAuto)),
            (Ids{"anc-full-ru", "shymkent"}));
}

TEST_F(QuerySynonymsTest, SnippetsMarkTheFormTheArticleUses) {
  const SearchResult result = search("АНК");
  std::set<std::string> checked;
  for (const Hit& hit : result.hits) {
    checked.insert(hit.id);
    if (hit.id == "anc-full-ru") {
      EXPECT_NE(hit.snippet.find("<mark>Ассамблея</mark> <mark>народа</mark>"), std::string::npos)
          << hit.snippet;
    }
    if (hit.id == "anc-full-kk") {
      EXPECT_NE(hit.snippet.find("<mark>Ассамблеясының</mark>"), std::string::npos) << hit.snippet;
    }
    if (hit.id == "anc-acronym-ru") {
      EXPECT_NE(hit.snippet.find("<mark>АНК</mark>"), std::string::npos) << hit.snippet;
    }
  }
  EXPECT_EQ(checked, (Ids{"anc-full-ru", "anc-acronym-ru", "anc-full-kk"}));
  auto built = build_query({.query = "ЕАЭО"}, nullptr);
  ASSERT_TRUE(built);
  EXPECT_TRUE(built->match_terms.exact.count("еаэс") > 0);
}

}  // namespace
}  // namespace izdeu::corpus
