// English as the registry's third language, end to end through the corpus:
// indexed with the English recipe, found by English stems, by Cyrillic
// spellings of Latin names (the loose key), and filtered by lang=en.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "corpus/index/index_writer.h"
#include "corpus/search/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::day;
using testing::make_article;
using testing::TempDir;

std::vector<std::string> sorted_ids(const SearchResult& result) {
  std::vector<std::string> ids;
  for (const Hit& hit : result.hits) ids.push_back(hit.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

class EnglishSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = IndexWriter::open(dir_.str());
    ASSERT_TRUE(writer);
    const Article articles[] = {
        make_article("en-1", "Tokayev visited Astana",
                     "President Tokayev visited Astana for a meeting with the members of the "
                     "Assembly of People of Kazakhstan.",
                     day(2024, 3, 1), Language::kEnglish),
        make_article("en-2", "Harvest in Kostanay",
                     "Farmers of the region gathered the harvest and helped their neighbours.",
                     day(2024, 9, 12), Language::kEnglish),
        make_article("ru-1", "Токаев провел совещание",
                     "Президент Токаев провел совещание в Акорде.", day(2024, 3, 2)),
        make_article("kk-1", "Тоқаев кездесті", "Мемлекет басшысы Тоқаев жастармен кездесті.",
                     day(2024, 3, 3), Language::kKazakh),
    };
    for (const Article& article : articles) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
    auto searcher = Searcher::open({dir_.str()});
    ASSERT_TRUE(searcher) << searcher.error().message;
    searcher_.emplace(std::move(*searcher));
  }

  std::vector<std::string> ids(SearchRequest request) {
    auto result = searcher_->search(request);
    EXPECT_TRUE(result) << request.query << ": " << result.error().message;
    return result ? sorted_ids(*result) : std::vector<std::string>{};
  }

  TempDir dir_;
  std::optional<Searcher> searcher_;
};

struct Case {
  std::string query;
  std::optional<Language> language;
  std::vector<std::string> expected;
};
void PrintTo(const Case& c, std::ostream* os) { *os << '"' << c.query << '"'; }

const Case kCases[] = {
    // Cyrillic spellings find the Latin "Tokayev" through the loose key.
    {"Токаев", std::nullopt, {"en-1", "kk-1", "ru-1"}},
    {"Тоқаев", std::nullopt, {"en-1", "kk-1", "ru-1"}},
    {"Tokayev", std::nullopt, {"en-1", "kk-1", "ru-1"}},
    // lang=en keeps the English article only.
    {"Токаев", Language::kEnglish, {"en-1"}},
    {"Tokayev", Language::kEnglish, {"en-1"}},
    {"Токаев", Language::kRussian, {"ru-1"}},
    // English stems: "meetings" finds "meeting", "harvests" finds "harvest".
    {"meetings", std::nullopt, {"en-1"}},
    {"meetings", Language::kEnglish, {"en-1"}},
    {"harvests", std::nullopt, {"en-2"}},
    {"farmer", Language::kEnglish, {"en-2"}},
    // English function and question words do not decide a match.
    {"what did the farmers gather", std::nullopt, {"en-2"}},
    {"who visited Astana", Language::kEnglish, {"en-1"}},
    // lang:en in the query language.
    {"lang:en Tokayev", std::nullopt, {"en-1"}},
};

class EnglishSearchTableTest : public EnglishSearchTest,
                               public ::testing::WithParamInterface<Case> {};

TEST_P(EnglishSearchTableTest, Finds) {
  SearchRequest request{.query = GetParam().query};
  request.language = GetParam().language;
  EXPECT_EQ(ids(request), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Table, EnglishSearchTableTest, ::testing::ValuesIn(kCases));

TEST_F(EnglishSearchTest, HitsAndFacetsNameEnglish) {
  SearchRequest request{.query = "Tokayev"};
  request.facets = {FacetField::kLanguage};
  auto result = searcher_->search(request);
  ASSERT_TRUE(result) << result.error().message;
  ASSERT_EQ(result->facets.size(), 1u);
  std::vector<std::pair<std::string, std::uint64_t>> languages;
  for (const FacetValue& value : result->facets[0].values) {
    languages.emplace_back(value.value, value.count);
  }
  std::sort(languages.begin(), languages.end());
  EXPECT_EQ(languages,
            (std::vector<std::pair<std::string, std::uint64_t>>{{"en", 1}, {"kk", 1}, {"ru", 1}}));
  const auto english = std::find_if(result->hits.begin(), result->hits.end(),
                                    [](const Hit& hit) { return hit.id == "en-1"; });
  ASSERT_NE(english, result->hits.end());
  EXPECT_EQ(english->language, Language::kEnglish);
}

}  // namespace
}  // namespace izdeu::corpus
