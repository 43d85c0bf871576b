#include "analyzers/language_detector.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string_view>

#include "analyzers/filters/kazakh_token_marker.h"

namespace izdeu::analyzers {
namespace {

struct Case {
  std::string_view text;
  Language expected;
};

// Shown in test names and failure messages instead of raw bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << '"' << c.text << '"'; }

const Case kCases[] = {
    {"Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев бүгін Ақордада "
     "үкімет мүшелерімен кездесті.",
     Language::kKazakh},
    {"Алматыда жаңа мектептер ашылды, деп хабарлады қала әкімдігі.", Language::kKazakh},
    {"Президент Казахстана Касым-Жомарт Токаев провел совещание в Акорде.", Language::kRussian},
    {"Идея «Мәңгілік ел» стала главной темой выступления президента на съезде партии, "
     "который прошел в столице в среду.",
     Language::kRussian},
    {"В Алматы открылись новые школы, сообщает акимат города.", Language::kRussian},
    // Kazakh typed on a Russian keyboard: no Kazakh letters, but Kazakh function words.
    {"осы жылы бойынша жане туралы мен деп", Language::kKazakh},
    {"", Language::kRussian},
    {"Only English text here.", Language::kRussian},
};

class LanguageDetectorTableTest : public testing::TestWithParam<Case> {};

TEST_P(LanguageDetectorTableTest, DetectsLanguage) {
  EXPECT_EQ(detect_language(GetParam().text), GetParam().expected) << GetParam().text;
}
INSTANTIATE_TEST_SUITE_P(Table, LanguageDetectorTableTest, testing::ValuesIn(kCases));

TEST(LanguageDetectorTest, KazakhWordNeedsAKazakhOnlyLetter) {
  EXPECT_TRUE(is_kazakh_word("мәңгілік"));
  EXPECT_TRUE(is_kazakh_word("үй"));
  EXPECT_FALSE(is_kazakh_word("алматы"));
  EXPECT_FALSE(is_kazakh_word("president"));
}

TEST(KazakhTokenMarkerTest, MarksWordsByLettersAndDocumentLanguage) {
  EXPECT_EQ(KazakhTokenMarker::language_of("мәңгілік", Language::kRussian), Language::kKazakh);
  EXPECT_EQ(KazakhTokenMarker::language_of("страна", Language::kRussian), Language::kRussian);
  EXPECT_EQ(KazakhTokenMarker::language_of("алматы", Language::kKazakh), Language::kKazakh);
  EXPECT_EQ(KazakhTokenMarker::language_of("2024", Language::kKazakh), Language::kKazakh);
}

}  // namespace
}  // namespace izdeu::analyzers
