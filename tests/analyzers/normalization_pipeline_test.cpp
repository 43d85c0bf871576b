// The whole analysis pipeline on the forms issue points 2-4 are about:
// normalization, Roman numerals, compounds, suffixes after hyphens, initials.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/filters/unicode_normalizer.h"
#include "analyzers/filters/yo_folder.h"
#include "tests/analyzers/analyzer_test_util.h"

namespace izdeu::analyzers {
namespace {

using testing_util::describe;

struct Case {
  std::string_view input;
  Language language;
  std::string_view tokens;  // describe() of the analysis
};

void PrintTo(const Case& c, std::ostream* os) { *os << '"' << c.input << '"'; }

constexpr Language kRu = Language::kRussian;
constexpr Language kKk = Language::kKazakh;

constexpr Case kCases[] = {
    // 2. Normalization.
    {"ЁЛКА за\u0301мок Йошкар-Ола", kRu, "елка замок йошкар{йошкарола/2} ола"},
    {"ви\u0300дение Ѐ", kRu, "видение е"},
    {"мек\u00ADтеп сөз\u200Bсөз мек\u200Cтеп мек\u200Dтеп", kKk, "мектеп сөз сөз мектеп мектеп"},
    {"сөз\u2060сөз\uFEFFсөз", kKk, "сөз сөз сөз"},
    {"1\u00A0000\u00A0000 теңге, 10\u202F000 тг", kKk, "1000000 теңге 10000 тг"},
    {"Алматы\u00A0қаласы Алматы\u202Fқаласы", kKk, "алматы қаласы алматы қаласы"},
    {"Қайы\u0070лы та\u04CA", kKk, "қайырлы таң"},  // Latin p, ӊ
    {"Б\u0061нк MOCKBA", kRu, "банк mockba"},       // all-Latin word stays Latin
    {"\u0041\u0042\u0043Д", kRu, "авсд"},
    {"M\u0456nistr", kRu, "ministr"},
    {"б\u0069р б\u0131р", kKk, "бір бір"},  // Latin i, dotless ı in Kazakh
    {"\u0131\u0301", kRu, "\u0131"},
    {"O\u2019skemen O\u02BCskemen O\u2018skemen O`skemen O\u00B4skemen", kKk,
     "o'skemen o'skemen o'skemen o'skemen o'skemen"},
    // 3. Roman numerals.
    {"XXVI сессия", kRu, "xxvi{26/1} сессия"},
    {"ХХVІ сессии", kRu, "xxvi{26/1} сессии"},  // Cyrillic Х Х І, Latin V
    {"XXVІ сессия", kRu, "xxvi{26/1} сессия"},  // Latin X X V, Cyrillic І
    {"26 сессия", kRu, "26 сессия"},
    {"ХХІ ғасыр", kKk, "xxi{21/1} ғасыр"},
    {"ХХI ғасыр", kKk, "xxi{21/1} ғасыр"},  // Cyrillic Х Х, Latin I
    {"Петр I и Николай II", kRu, "петр i{1/1} и николай ii{2/1}"},
    {"С МІ ДІ ми Си dim mix civil ДИМ і C D L M", kRu, "с мі ді ми си dim mix civil дим і c d l m"},
    {"XX-го века", kRu, "xx{20/1} века"},
    // 4. Compounds, suffixes after hyphens, initials.
    {"Нур-Султан", kRu, "нур{нурсултан/2} султан"},
    {"Нұр-Сұлтан", kKk, "нұр{нұрсұлтан/2} сұлтан"},
    {"Алма-Ата Усть-Каменогорск", kRu, "алма{алмаата/2} ата усть{устькаменогорск/2} каменогорск"},
    {"COVID-19", kRu, "covid{covid19/2} 19"},
    {"Алма - Ата, Алма — Ата", kRu, "алма ата алма ата"},
    {"ҚР-да АҚ-ның ЖШС-ға", kKk, "қр ақ жшс"},
    {"5-ші 2021-жылы", kKk, "5 2021"},
    {"90-х 5-го 1-й", kRu, "90 5 1"},
    {"Л.Ю. Гирш", kRu, "л{лю/2} ю гирш"},
    {"Гирш Л. Ю.", kRu, "гирш л ю"},
    {"Гирш Л.Ю.", kRu, "гирш л{лю/2} ю"},
    {"Ё.Ё. Ёлкин", kRu, "е{ее/2} е елкин"},
};

class NormalizationPipelineTest : public testing::TestWithParam<Case> {};

TEST_P(NormalizationPipelineTest, Analyzes) {
  EXPECT_EQ(describe(analyzer_for(GetParam().language).analyze(GetParam().input)),
            GetParam().tokens);
}
INSTANTIATE_TEST_SUITE_P(Table, NormalizationPipelineTest, testing::ValuesIn(kCases));

std::string substring(std::string_view text, const Token& token) {
  return std::string(text.substr(token.byte_begin, token.byte_end - token.byte_begin));
}

TEST(NormalizationPipelineTest, OffsetsPointIntoTheOriginalText) {
  const std::string text = "ХХVІ сессии Нур-Султан ҚР-да Л.Ю. Гирш 1\u00A0000 Қайы\u0070лы";
  const auto tokens = analyzer_for(Language::kKazakh).analyze(text);
  const std::vector<std::string> expected = {
      "ХХVІ", "сессии", "Нур", "Султан", "ҚР", "Л", "Ю", "Гирш", "1\u00A0000", "Қайы\u0070лы"};
  ASSERT_EQ(tokens.size(), expected.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(substring(text, tokens[i]), expected[i]) << i;
    EXPECT_EQ(tokens[i].position, i);
  }
}

TEST(NormalizationPipelineTest, InitialsMatchInEitherOrder) {
  const auto before = analyzer_for(Language::kRussian).analyze("Л.Ю. Гирш");
  const auto after = analyzer_for(Language::kRussian).analyze("Гирш Л. Ю.");
  ASSERT_EQ(before.size(), 3u);
  ASSERT_EQ(after.size(), 3u);
  EXPECT_EQ(before[0].text, after[1].text);
  EXPECT_EQ(before[1].text, after[2].text);
  EXPECT_EQ(before[2].text, after[0].text);
  EXPECT_EQ(before[1].position, before[0].position + 1);
  EXPECT_EQ(after[2].position, after[1].position + 1);
}

TEST(NormalizationPipelineTest, NormalizerKeepsShortI) {
  // No generic accent stripping: й must not become и.
  for (std::string_view word : {"й", "Й", "и\u0306", "чай\u0301"}) {
    std::string normalized = UnicodeNormalizer::normalize(word);
    EXPECT_NE(normalized.find("й"), std::string::npos) << word;
  }
}

}  // namespace
}  // namespace izdeu::analyzers
