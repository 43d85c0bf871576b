#include "analyzers/stemmers/russian_name_normalizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/people/first_names.h"
#include "analyzers/stemmers/snowball_stemmer.h"
#include "tests/analyzers/analyzer_test_util.h"

namespace izdeu::analyzers {
namespace {

using Case = testing_util::StemCase;

constexpr Case kCases[] = {
    // -ев surnames, every case, masculine and feminine
    {"токаев", "токаев"},
    {"токаева", "токаев"},
    {"токаеву", "токаев"},
    {"токаевым", "токаев"},
    {"токаеве", "токаев"},
    {"токаевой", "токаев"},
    {"назарбаев", "назарбаев"},
    {"назарбаева", "назарбаев"},
    {"назарбаевых", "назарбаев"},
    // -ов surnames
    {"сапаров", "сапаров"},
    {"сапарова", "сапаров"},
    {"сапарову", "сапаров"},
    {"сапаровым", "сапаров"},
    {"сапаровой", "сапаров"},
    {"иванова", "иванов"},  // Ивановa (f.) and Иванова (m. gen.) share a key on purpose
    {"горбачев", "горбачев"},
    {"горбачева", "горбачев"},  // ё already folded
    // -ин surnames
    {"путин", "путин"},
    {"путина", "путин"},
    {"путиным", "путин"},
    // adjectival surnames and place adjectives
    {"достоевский", "достоевский"},
    {"достоевского", "достоевский"},
    {"алматинская", "алматинский"},
    {"алматинской", "алматинский"},
    {"троцкому", "троцкий"},
    // -ан names and toponyms
    {"казахстан", "казахстан"},
    {"казахстана", "казахстан"},
    {"казахстане", "казахстан"},
    {"казахстаном", "казахстан"},
    {"ерлан", "ерлан"},
    {"ерлана", "ерлан"},
    {"ерланом", "ерлан"},
    {"нурсултан", "нурсултан"},
    {"нурсултану", "нурсултан"},
    {"астана", "астан"},
    {"астаны", "астан"},
    {"астане", "астан"},
    // fleeting vowels
    {"лев", "лев"},
    {"льва", "лев"},
    {"павел", "павел"},
    {"павла", "павел"},
    {"петра", "петр"},
    {"петром", "петр"},
    {"льву", "лев"},
    {"львом", "лев"},
    {"павлу", "павел"},
    {"любви", "любовь"},
    // Kazakh surnames in Russian text
    {"есдаулетов", "есдаулетов"},
    {"есдаулетова", "есдаулетов"},
    {"есдаулетову", "есдаулетов"},
    {"есдаулетовым", "есдаулетов"},
    {"есдаулетовой", "есдаулетов"},
    {"байжуманов", "байжуманов"},
    {"байжуманову", "байжуманов"},
    {"абсеметова", "абсеметов"},
    {"абсеметовой", "абсеметов"},
    {"низамовой", "низамов"},
    {"низамов", "низамов"},
    // first names in -а/-я, every case, keyed by the nominative
    {"клара", "клара"},
    {"клары", "клара"},
    {"кларе", "клара"},
    {"клару", "клара"},
    {"кларой", "клара"},
    {"мария", "мария"},
    {"марии", "мария"},
    {"марию", "мария"},
    {"марией", "мария"},
    {"илья", "илья"},
    {"ильи", "илья"},
    {"ильей", "илья"},
    {"динары", "динара"},
    {"валентина", "валентина"},  // a nominative is never another name's case form
    // male names in a consonant, -й, -ь
    {"марат", "марат"},
    {"марата", "марат"},
    {"маратом", "марат"},
    {"асет", "асет"},
    {"асета", "асет"},
    {"асету", "асет"},
    {"руслан", "руслан"},
    {"руслана", "руслан"},
    {"русланом", "руслан"},
    {"алексей", "алексей"},
    {"алексея", "алексей"},
    {"алексеем", "алексей"},
    {"абай", "абай"},
    {"абая", "абай"},
    {"абаем", "абай"},
    {"игорь", "игорь"},
    {"игоря", "игорь"},
    {"асель", "асель"},
    {"асели", "асель"},
    {"айгерим", "айгерим"},  // Snowball: "айгер"
    // consonant-final surnames: Snowball already agrees
    {"хан", "хан"},
    {"хана", "хан"},
    {"хану", "хан"},
    {"ханом", "хан"},
    {"гирш", "гирш"},
    {"гирша", "гирш"},
    {"ким", "ким"},
    {"кимом", "ким"},
    // patronymics in every case, keyed by the nominative
    {"александрович", "александрович"},
    {"александровича", "александрович"},
    {"александровичу", "александрович"},
    {"александровичем", "александрович"},
    {"александровиче", "александрович"},
    {"юзефовича", "юзефович"},
    {"кемелевич", "кемелевич"},
    {"кемелевича", "кемелевич"},
    {"ильич", "ильич"},
    {"ильича", "ильич"},
    {"александровна", "александровна"},
    {"александровны", "александровна"},
    {"александровне", "александровна"},
    {"александровну", "александровна"},
    {"александровной", "александровна"},
    {"нурлановна", "нурлановна"},
    {"нурлановны", "нурлановна"},
    {"сергеевна", "сергеевна"},
    {"сергеевной", "сергеевна"},
    {"никитична", "никитична"},
    {"никитичны", "никитична"},
    {"ильинична", "ильинична"},
    {"ильиничной", "ильинична"},
    // indeclinable: kept whole, never stripped
    {"ли", "ли"},
    {"дюма", "дюма"},
    {"шойгу", "шойгу"},
    {"шевченко", "шевченко"},
    {"бондаренко", "бондаренко"},
    {"кличко", "кличко"},
    {"бойко", "бойко"},
    {"назерке", "назерке"},
    {"джапаридзе", "джапаридзе"},
    {"саакашвили", "саакашвили"},
    {"жумабекулы", "жумабекулы"},
    {"султанбеккызы", "султанбеккызы"},
    // genitive plurals of common nouns are not surnames
    {"городов", "город"},
    {"районов", "район"},
    {"студентов", "студент"},
    {"депутатов", "депутат"},
    {"специалистов", "специалист"},
    {"случаев", "случа"},
    // no name rule: Snowball
    {"черных", "черн"},   // -ых surnames: Snowball, consistent (see the header)
    {"облако", "облак"},  // -ко after a vowel is not a surname
    // short words are not treated as surnames
    {"ров", "ров"},
    {"сан", "сан"},
};

// Kazakh-language words: surnames with Kazakh case (and plural) suffixes fold
// to the Russian masculine nominative; anything else has no surname key.
constexpr Case kKazakhSurnameCases[] = {
    {"тоқаев", "тоқаев"},
    {"тоқаевтың", "тоқаев"},
    {"тоқаевқа", "тоқаев"},
    {"тоқаевты", "тоқаев"},
    {"тоқаевта", "тоқаев"},
    {"тоқаевтан", "тоқаев"},
    {"тоқаевпен", "тоқаев"},
    {"назарбаевтың", "назарбаев"},
    {"назарбаевқа", "назарбаев"},
    {"назарбаевтардың", "назарбаев"},
    {"абсеметова", "абсеметов"},
    {"абсеметованың", "абсеметов"},
    {"абсеметоваға", "абсеметов"},
    {"абсеметовамен", "абсеметов"},
    {"есдаулетовке", "есдаулетов"},
    {"путинге", "путин"},
    {"путиннің", "путин"},
    {"маминнің", "мамин"},
    {"токаевтын", "токаев"},  // typed without Kazakh letters
    {"киевте", "киев"},
    {"қазақстанның", ""},
    {"алматыда", ""},
    {"мектептерде", ""},
    {"халқын", ""},
    {"ров", ""},
};

class KazakhSurnameKeyTest : public testing::TestWithParam<Case> {};

TEST_P(KazakhSurnameKeyTest, Keys) {
  EXPECT_EQ(RussianNameNormalizer::kazakh_surname_key(GetParam().word), GetParam().stem)
      << GetParam().word;
}
INSTANTIATE_TEST_SUITE_P(Table, KazakhSurnameKeyTest, testing::ValuesIn(kKazakhSurnameCases));

class RussianNameNormalizerTableTest : public testing::TestWithParam<Case> {};

TEST_P(RussianNameNormalizerTableTest, Stems) {
  const RussianNameNormalizer normalizer(SnowballStemmer::russian());
  EXPECT_EQ(normalizer.stem(GetParam().word), GetParam().stem) << GetParam().word;
}
INSTANTIATE_TEST_SUITE_P(Table, RussianNameNormalizerTableTest, testing::ValuesIn(kCases));

TEST(RussianNameNormalizerTest, NameKeyIsEmptyWithoutANameShape) {
  EXPECT_EQ(RussianNameNormalizer::name_key("город"), "");
  EXPECT_EQ(RussianNameNormalizer::name_key("городов"), "");
  EXPECT_EQ(RussianNameNormalizer::name_key("школы"), "");
  EXPECT_EQ(RussianNameNormalizer::name_key("токаева"), "токаев");
}

TEST(RussianNameNormalizerTest, FirstNameListIsNormalized) {
  for (std::string_view name : first_names()) {
    EXPECT_FALSE(name.empty());
    EXPECT_EQ(name.find("ё"), std::string_view::npos) << name;
    EXPECT_EQ(RussianNameNormalizer::name_key(name), name) << name;
  }
  EXPECT_GE(first_names().size(), 200u);
}

// Through the analyzers: capitalized words go to the name normalizer before
// the language's stemmer, in both languages.
struct TextCase {
  Language language;
  std::string_view text;
  std::string_view stems;  // of the capitalized tokens only, space-separated
};
void PrintTo(const TextCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

constexpr TextCase kTextCases[] = {
    {Language::kRussian, "Токаев Токаева Токаеву Токаевым Токаеве",
     "токаев токаев токаев токаев токаев"},
    {Language::kRussian, "встреча Клары Хан и Марии Ли", "клара хан мария ли"},
    {Language::kRussian, "Хан Клары Александровны", "хан клара александровна"},
    {Language::kRussian, "Клара Александровна Хан", "клара александровна хан"},
    {Language::kRussian, "Гирш Леонида Юзефовича", "гирш леонид юзефович"},
    {Language::kRussian, "у Льва и Павла", "лев павел"},
    {Language::kRussian, "Шевченко и Дюма", "шевченко дюма"},
    {Language::kRussian, "Ерлана Марата Асета", "ерлан марат асет"},
    // Kazakh case suffixes on a surname quoted in a Russian text
    {Language::kRussian, "письмо «Назарбаевқа»", "назарбаев"},
    {Language::kKazakh, "хат Назарбаевқа жазды", "назарбаев"},
    {Language::kKazakh, "Тоқаевтың жарлығы", "тоқаев"},
    {Language::kKazakh, "Абсеметованың сөзі", "абсеметов"},
    {Language::kKazakh, "Токаевқа Путинге Маминнің", "токаев путин мамин"},
    // the name reading holds at the start of a sentence...
    {Language::kRussian, "Токаев подписал. Иванова назначили.", "токаев иванов"},
    // ...except for genitive plurals of frequent nouns
    {Language::kRussian, "Городов много. Депутатов тоже", "город депутат"},
};

class NameAnalysisTest : public testing::TestWithParam<TextCase> {};

TEST_P(NameAnalysisTest, Stems) {
  std::vector<Token> capitalized;
  for (Token& token : analyzer_for(GetParam().language).analyze(GetParam().text)) {
    if (token.capitalized) capitalized.push_back(std::move(token));
  }
  EXPECT_EQ(testing_util::join_stems(capitalized), GetParam().stems);
}

TEST(NameAnalysisTest, LowerCaseWordIsNeverAName) {
  const auto tokens = analyzer_for(Language::kRussian).analyze("токаев");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].stem, "тока");
}
INSTANTIATE_TEST_SUITE_P(Table, NameAnalysisTest, testing::ValuesIn(kTextCases));

std::vector<std::string> query_stems_of(Language language, std::string_view word) {
  const Analyzer& analyzer = analyzer_for(language);
  const auto tokens = analyzer.analyze(word);
  return tokens.size() == 1 ? analyzer.query_stems(tokens[0]) : std::vector<std::string>{};
}

bool contains(const std::vector<std::string>& stems, std::string_view stem) {
  return std::find(stems.begin(), stems.end(), stem) != stems.end();
}

// Every form a document may index is reachable from a lower-case query word.
TEST(NameQueryStemsTest, LowerCaseQueriesReachTheNameKey) {
  const std::pair<std::string_view, std::string_view> kQueries[] = {
      {"токаев", "токаев"},
      {"токаева", "токаев"},
      {"клара", "клара"},
      {"клары", "клара"},
      {"казахстан", "казахстан"},
      {"александровна", "александровна"},
      {"шевченко", "шевченко"},
      {"льва", "лев"},
      {"есдаулетову", "есдаулетов"},
  };
  for (const auto& [query, key] : kQueries) {
    const auto stems = query_stems_of(Language::kRussian, query);
    EXPECT_TRUE(contains(stems, key)) << query << " -> " << testing_util::join(stems);
  }
  // Both readings: the name key and Snowball.
  const auto stems = query_stems_of(Language::kRussian, "токаев");
  EXPECT_EQ(testing_util::join(stems), "тока токаев");
}

TEST(NameQueryStemsTest, KazakhQueriesOfferTheSurnameKey) {
  EXPECT_TRUE(contains(query_stems_of(Language::kKazakh, "назарбаевқа"), "назарбаев"));
  EXPECT_TRUE(contains(query_stems_of(Language::kKazakh, "тоқаевтың"), "тоқаев"));
  const auto stems = query_stems_of(Language::kKazakh, "Назарбаевқа");
  ASSERT_FALSE(stems.empty());
  EXPECT_EQ(stems[0], "назарбаев");
}

TEST(NameQueryStemsTest, CapitalizedQueryWordGetsTheNameReadingFirst) {
  const auto stems = query_stems_of(Language::kRussian, "Токаев");
  ASSERT_EQ(stems.size(), 2u);
  EXPECT_EQ(stems[0], "токаев");
  EXPECT_EQ(stems[1], "тока");
}

TEST(SnowballStemmerTest, StemsRussianAndEnglish) {
  EXPECT_EQ(SnowballStemmer::russian().stem("школы"), "школ");
  EXPECT_EQ(SnowballStemmer::russian().stem("пётр"), "петр");
  EXPECT_EQ(SnowballStemmer::english().stem("running"), "run");
  EXPECT_EQ(SnowballStemmer::russian().stem(""), "");
}

}  // namespace
}  // namespace izdeu::analyzers
