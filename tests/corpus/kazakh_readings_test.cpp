// Vocabulary-confirmed Kazakh readings through the index (issue 13,
// corpus/index/lexicon.h): a Kazakh query word meets a form through a deeper
// analysis only when another indexed form of the same paradigm confirms it.
// Each case indexes its own few articles (one word list each) and runs one
// query through corpus::Searcher.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "corpus/index/index_writer.h"
#include "corpus/index/lexicon.h"
#include "corpus/schema.h"
#include "corpus/search/searcher.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::day;
using testing::make_article;
using testing::TempDir;

struct Doc {
  std::string id;
  std::string text;
  Language language = Language::kKazakh;
};

struct Case {
  std::string name;
  std::vector<Doc> docs;
  std::string query;
  std::vector<std::string> expected;  // sorted ids
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

const Case kCases[] = {
    // stem() keeps «мәліметінше» ("according to the information") whole; the
    // deeper reading мәлімет is used once «мәліметі» (stem() мәлімет) attests it.
    {"DeeperReadingConfirmedByAnotherForm",
     {{"a", "Мәліметінше жиын өтті."}, {"b", "Ресми мәліметі жарияланды."}},
     "мәлімет",
     {"a", "b"}},
    {"DeeperReadingUnconfirmedAlone", {{"a", "Мәліметінше жиын өтті."}}, "мәлімет", {}},
    {"DeeperReadingUnconfirmedByAnUnrelatedForm",
     {{"a", "Мәліметінше жиын өтті."}, {"b", "Жиын кеше өтті."}},
     "мәлімет",
     {}},
    // The query word's own deeper reading: «мәліметінше» reaches «мәліметі».
    {"QueryWordReadDeeper",
     {{"a", "Ресми мәліметі жарияланды."}, {"b", "Жиын кеше өтті."}},
     "мәліметінше",
     {"a"}},
    // The query word itself does not attest (it is not in the vocabulary).
    {"QueryWordDoesNotAttestItself", {{"a", "Мәліметінше жиын өтті."}}, "мәліметі", {}},
    // stem() alone reads «кітабымыздан» as кітап, attested or not.
    {"PlainStemNeedsNoAttestation",
     {{"a", "Кітабымыздан үзінді."}, {"b", "Жаңа кітабы шықты."}, {"c", "Жиын өтті."}},
     "кітап",
     {"a", "b"}},
    {"PlainStemAlone", {{"a", "Кітабымыздан үзінді."}}, "кітап", {"a"}},
    // «үкіметін» may be read as үкім + -етін, but үкімет is attested better.
    {"BetterAttestedStemWins",
     {{"a", "Үкіметін сынады."},
      {"b", "Үкімет отырысы."},
      {"c", "Үкіметі шешті."},
      {"d", "Соттың үкімі."}},
     "үкім",
     {"d"}},
    {"BetterAttestedStemWinsTheOtherWay",
     {{"a", "Үкіметін сынады."},
      {"b", "Үкімет отырысы."},
      {"c", "Үкіметі шешті."},
      {"d", "Соттың үкімі."}},
     "үкімет",
     {"a", "b", "c"}},
    // A Russian surname shape is a person, never a Kazakh stem: «Сапаровқа»
    // does not meet «сапар» ("a trip"), in either direction.
    {"SurnameIsNotAStem",
     {{"a", "Ерлан Сапаровқа хат жазды."}, {"b", "Сапары сәтті өтті."}, {"c", "Сапарға шықты."}},
     "сапар",
     {"b", "c"}},
    {"StemIsNotASurname",
     {{"a", "Ерлан Сапаровқа хат жазды."}, {"b", "Сапары сәтті өтті."}, {"c", "Сапарға шықты."}},
     "Сапаров",
     {"a"}},
    // Russian text is untouched: Russian words get no Kazakh readings.
    {"RussianUnaffected",
     {{"a", "Сведения опубликованы.", Language::kRussian},
      {"b", "По сведениям.", Language::kRussian}},
     "сведения",
     {"a", "b"}},
};

class KazakhReadingsTest : public ::testing::TestWithParam<Case> {};

TEST_P(KazakhReadingsTest, Finds) {
  const Case& c = GetParam();
  TempDir dir;
  {
    auto writer = IndexWriter::open(dir.str());
    ASSERT_TRUE(writer);
    for (const Doc& doc : c.docs) {
      ASSERT_TRUE(writer->add_or_replace(
          make_article(doc.id, doc.text, "", day(2024, 1, 1), doc.language)));
    }
    ASSERT_TRUE(writer->commit());
  }
  auto searcher = Searcher::open({dir.str()});
  ASSERT_TRUE(searcher) << searcher.error().message;
  auto result = searcher->search({.query = c.query});
  ASSERT_TRUE(result) << result.error().message;
  std::vector<std::string> ids;
  for (const Hit& hit : result->hits) ids.push_back(hit.id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, c.expected) << "query «" << c.query << "»";
}
std::string case_name(const ::testing::TestParamInfo<Case>& param) { return param.param.name; }
INSTANTIATE_TEST_SUITE_P(Table, KazakhReadingsTest, ::testing::ValuesIn(kCases), case_name);

// The writer files deeper readings of Kazakh forms only: not of Russian
// words, not of surname shapes.
TEST(KazakhReadingKeysTest, FiledForKazakhFormsOnly) {
  const auto keys = [](std::string_view form, Language language) {
    std::vector<std::string> deeper;
    for (const std::string& key : lexicon_keys(form, language)) {
      if (key.starts_with(schema::kKazakhReadingPrefix)) deeper.push_back(key);
    }
    return deeper;
  };
  const auto has = [](const std::vector<std::string>& filed, std::string_view reading) {
    return std::find(filed.begin(), filed.end(), kazakh_reading_key(reading)) != filed.end();
  };
  EXPECT_TRUE(has(keys("мәліметінше", Language::kKazakh), "мәлімет"));
  EXPECT_TRUE(has(keys("кітабымыздан", Language::kKazakh), "кітабы"));
  EXPECT_TRUE(keys("мәлімет", Language::kKazakh).empty());
  EXPECT_TRUE(keys("сапаровқа", Language::kKazakh).empty());
  EXPECT_TRUE(keys("сведениям", Language::kRussian).empty());
  // A Kazakh word in Russian text is read as Kazakh.
  EXPECT_TRUE(has(keys("мәліметінше", Language::kRussian), "мәлімет"));
}

}  // namespace
}  // namespace izdeu::corpus
