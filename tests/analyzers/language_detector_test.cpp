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
    // English: Latin words with English function words.
    {"President Kassym-Jomart Tokayev met the members of the government in Akorda on "
     "Monday.",
     Language::kEnglish},
    {"The Assembly of People of Kazakhstan held its session in Astana, where delegates "
     "discussed the new law.",
     Language::kEnglish},
    // English quoting Kazakh and Russian words stays English.
    {"The festival «Мәңгілік ел» was opened in Almaty, and the choir «Бірлік» sang for the "
     "guests.",
     Language::kEnglish},
    // A question typed in English.
    {"what did the farmers gather", Language::kEnglish},
    // Kazakh in the 2021 Latin alphabet (ä ö ü ğ ş ñ ı ū).
    {"Qazaqstan Respublikasynyñ Prezidentı Qasym-Jomart Toqaev bügın Aqordada ükımet "
     "müşelerımen kezdestı.",
     Language::kKazakh},
    {"Almatyda jaña mektepter aşyldy dep habarlady qala äkımdıgı.", Language::kKazakh},
    // Kazakh in the 2017 apostrophe alphabet.
    {"Qazaqstan Respy'bli'kasynyn' Prezi'denti' bu'gin Aqordada u'ki'met mu'shelerimen "
     "kezdesti'.",
     Language::kKazakh},
    // Kazakh typed in plain Latin letters, known by its function words.
    {"Astana turaly jana kitap jyly boiynsha shyqty", Language::kKazakh},
    // Russian text mentioning English names stays Russian.
    {"Компания Apple и сервис Google открыли офисы в Алматы, сообщает пресс-служба.",
     Language::kRussian},
    // A Latin name or acronym alone says nothing: the default stays.
    {"Tokayev", Language::kRussian},
    {"COVID-19 EXPO-2017", Language::kRussian},
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
