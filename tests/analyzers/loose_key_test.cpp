#include <gtest/gtest.h>

#include <fstream>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <vector>

#include "analyzers/filters/loose_key_filter.h"
#include "analyzers/languages/languages.h"
#include "analyzers/transliteration.h"

namespace izdeu::analyzers {
namespace {

struct Case {
  std::string_view key;  // the loose key every spelling must give
  std::vector<std::string_view> spellings;
};

void PrintTo(const Case& c, std::ostream* os) { *os << '"' << c.key << '"'; }

// Every spelling of a row must give the row's key, by loose_key() and by the
// ICU rules alone. Inputs are as the user typed them (mixed case); the key is
// the same for the normalized Token::text.
const Case kSameKey[] = {
    {"tokaev", {"Тоқаев", "Токаев", "Tokayev", "Toqaev", "Tokaiev", "Tokaev", "TOKAYEV"}},
    {"kazakstan", {"Қазақстан", "Qazaqstan", "Kazakstan", "Казакстан", "ҚАЗАҚСТАН", "QAZAQSTAN"}},
    {"kazahstan", {"Казахстан", "Kazakhstan", "KAZAKHSTAN"}},  // a different name (х, not қ)
    {"oskemen", {"Өскемен", "Öskemen", "Óskemen", "O'skemen", "O’skemen", "Oskemen", "Оскемен"}},
    {"shimkent", {"Шымкент", "Shymkent", "Şymkent", "S'ymkent", "Shimkent"}},
    {"nursultan", {"Нұрсұлтан", "Нурсултан", "Nursultan", "Nūrsūltan", "Nursūltan"}},
    {"jezkazgan",
     {"Жезқазған", "Жезказган", "Zhezkazgan", "Jezqazğan", "Jezqazǵan", "Jezqazg'an", "Dzhezkazgan",
      "Джезказган", "Zhezqazghan"}},
    {"aktobe", {"Ақтөбе", "Актобе", "Aqtöbe", "Aktobe", "Aqtóbe", "Aqto'be"}},
    {"mangistau",
     {"Маңғыстау", "Мангистау", "Mañğystau", "Mańǵystaý", "Man'g'ystay'", "Mangghystaū",
      "Mangystau"}},
    {"respublikasi",
     {"Республикасы", "Respublikasy", "Respýblıkasy", "Respy'bli'kasy", "Respūblīkasy"}},
    {"jetisu", {"Жетісу", "Жетысу", "Zhetysu", "Jetısu", "Jetisý", "Zhetisū"}},
    {"abai", {"Абай", "Abai", "Abay", "Abaı", "Abaī̆", "Abai'"}},
    {"kostanai", {"Қостанай", "Костанай", "Kostanay", "Qostanai", "Qostanaı"}},
    {"almati", {"Алматы", "Almaty", "Almatı"}},
    {"karagandi", {"Қарағанды", "Караганды", "Qarağandy", "Karagandy"}},
    {"esdauletov", {"Есдаулетов", "Yesdauletov", "Esdauletov"}},
    {"nazarbaev", {"Назарбаев", "Nazarbayev", "Nazarbaev", "Nazarbaiev"}},
    {"kasim", {"Касым", "Қасым", "Kassym", "Kasym", "Qasym"}},
    {"jomart", {"Жомарт", "Jomart", "Zhomart"}},
    {"masimov", {"Масимов", "Massimov", "Masimov"}},
    {"aleksei", {"Алексей", "Alexey", "Aleksey", "Aleksei"}},
    {"fedor", {"Фёдор", "Федор", "Fyodor", "Fedor"}},
    {"maria", {"Мария", "Mariya", "Maria", "Mariia"}},
    {"iuri", {"Юрий", "Yuriy", "Yuri", "Yury", "Iurii"}},
    {"dmitri", {"Дмитрий", "Dmitry", "Dmitriy", "Dmitrii"}},
    {"turkistan", {"Түркістан", "Туркистан", "Türkıstan", "Túrkistan", "Tu'rkistan"}},
    {"ulitau", {"Ұлытау", "Улытау", "Ūlytau", "Ulytaý", "Ulytau"}},
    {"galim", {"Ғалым", "Галым", "Ğalym", "Galym", "Ghalym"}},
    {"konaev", {"Қонаев", "Конаев", "Qonaev", "Konayev"}},
    {"tauelsizdik", {"тәуелсіздік", "tauelsizdik", "täuelsızdık", "ta'y'elsizdik"}},
    {"soz", {"сөз", "соз", "söz", "so'z"}},  // accepted cost: Kazakh minimal pairs merge
    {"kovid19", {"covid19", "COVID19", "ковид19"}},
    {"a320", {"A320", "А320"}},  // Latin and Cyrillic look-alike
    {"istanbul", {"İstanbul", "Istanbul", "ISTANBUL"}},
};

class SameKeyTest : public ::testing::TestWithParam<Case> {};

TEST_P(SameKeyTest, EverySpellingGivesTheKey) {
  const Case& c = GetParam();
  for (std::string_view spelling : c.spellings) {
    EXPECT_EQ(loose_key(spelling), c.key) << spelling;
    EXPECT_EQ(loose_key_icu(spelling), c.key) << spelling << " (ICU rules)";
  }
}

INSTANTIATE_TEST_SUITE_P(LooseKey, SameKeyTest, ::testing::ValuesIn(kSameKey));

// Pairs that must keep different keys.
struct Pair {
  std::string_view a;
  std::string_view b;
};

constexpr Pair kDifferent[] = {
    {"мир", "мор"},
    {"Қазақстан", "Казахстан"},  // different names: х is not қ
    {"Kazakhstan", "Qazaqstan"},
    {"кит", "хит"},
    {"дом", "том"},
    {"бал", "бел"},
    {"сын", "сан"},
    {"Ust-Kamenogorsk", "Oskemen"},
    {"Karaganda", "Qarağandy"},
    {"шар", "сар"},
    {"жол", "зол"},
    {"covid19", "covid20"},
};

TEST(LooseKey, DifferentWordsKeepDifferentKeys) {
  for (const Pair& p : kDifferent) {
    EXPECT_NE(loose_key(p.a), loose_key(p.b)) << p.a << " / " << p.b;
  }
}

TEST(LooseKey, NumbersAndOtherScriptsHaveNoKey) {
  for (std::string_view word : {"2021", "1,5", "01.07.2021", "", "'", "東京", "Αθήνα", "١٢٣"}) {
    EXPECT_EQ(loose_key(word), "") << word;
    EXPECT_EQ(loose_key_icu(word), "") << word;
  }
}

TEST(LooseKey, KeysAreLowerCaseAsciiLettersAndDigits) {
  for (std::string_view word : {"l'Oréal", "Straße", "Łódź", "Æsir", "д’Артаньян",
                                "www.tengrinews.kz", "\xff\xfe", "ab\xd0", "Ӯ", "и\u0306"}) {
    const std::string key = loose_key(word);
    for (char c : key) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) << word << " -> " << key;
    }
    EXPECT_EQ(key, loose_key_icu(word)) << word;
  }
  EXPECT_EQ(loose_key("l'Oréal"), "loreal");
  EXPECT_EQ(loose_key("Straße"), "strase");
  EXPECT_EQ(loose_key("и\u0306"), loose_key("й"));  // decomposed й composes first
}

TEST(LooseKey, IsLatinWord) {
  EXPECT_TRUE(is_latin_word("tokayev"));
  EXPECT_TRUE(is_latin_word("öskemen"));
  EXPECT_TRUE(is_latin_word("o'skemen"));
  EXPECT_TRUE(is_latin_word("covid19"));
  EXPECT_FALSE(is_latin_word("токаев"));
  EXPECT_FALSE(is_latin_word("a320ә"));  // any Cyrillic letter makes it Cyrillic
  EXPECT_FALSE(is_latin_word("2021"));
  EXPECT_FALSE(is_latin_word("東京"));
  EXPECT_FALSE(is_latin_word(""));
}

// ---------------------------------------------------------------------------
// The table-driven fast path must agree with the ICU rules.

// Random words over the alphabet the fast path handles, with the sequences
// the spelling rules look at (dzh, shch, ye, ie, ...) as units so that they
// occur often. Fixed seed: the same words on every run.
std::vector<std::string> generated_words(std::size_t count) {
  static constexpr std::string_view kUnits[] = {
      "а",  "б",  "в",  "г",  "д",  "е",  "ж",  "з",  "и",  "й",  "к",   "л",  "м",  "н",    "о",
      "п",  "р",  "с",  "т",  "у",  "ф",  "х",  "ц",  "ч",  "ш",  "щ",   "ъ",  "ы",  "ь",    "э",
      "ю",  "я",  "ё",  "ә",  "ғ",  "қ",  "ң",  "ө",  "ұ",  "ү",  "һ",   "і",  "А",  "Ж",    "Қ",
      "Ө",  "Ё",  "І",  "Ң",  "Я",  "Щ",  "ў",  "є",  "ї",  "ґ",  "ј",   "ќ",  "ѓ",  "ӊ",    "җ",
      "ҳ",  "Ҳ",  "Ў",  "a",  "b",  "c",  "d",  "e",  "f",  "g",  "h",   "i",  "j",  "k",    "l",
      "m",  "n",  "o",  "p",  "q",  "r",  "s",  "t",  "u",  "v",  "w",   "x",  "y",  "z",    "A",
      "C",  "K",  "Y",  "Z",  "Q",  "X",  "W",  "0",  "1",  "9",  "dzh", "dj", "zh", "shch", "kh",
      "gh", "ph", "ch", "ye", "yo", "yu", "ya", "ie", "ii", "ss", "yy",  "дж", "кх", "зх",   "сх",
      "ие", "ые", "ия", "ьё", ".",  ",",  "-",  "@",  "_",  "'",  "s'",  "y'", "c'", "Y'"};
  std::mt19937 random(20240601);
  std::uniform_int_distribution<std::size_t> unit(0, std::size(kUnits) - 1);
  std::uniform_int_distribution<int> length(1, 10);
  std::vector<std::string> words;
  words.reserve(count);
  for (std::size_t w = 0; w < count; ++w) {
    std::string word;
    const int n = length(random);
    for (int u = 0; u < n; ++u) word += kUnits[unit(random)];
    words.push_back(std::move(word));
  }
  return words;
}

TEST(LooseKey, FastPathAgreesWithIcuOnGeneratedWords) {
  int mismatches = 0;
  for (const std::string& word : generated_words(20000)) {
    const std::string fast = loose_key(word);
    const std::string icu = loose_key_icu(word);
    if (fast != icu && ++mismatches <= 20) {
      ADD_FAILURE() << word << ": table " << fast << ", ICU " << icu;
    }
  }
  EXPECT_EQ(mismatches, 0);
}

// Real words: every distinct token of the NTREX-128 news sentences (Kazakh,
// Russian, English) in the shared corpus; skipped when it is not there.
TEST(LooseKey, FastPathAgreesWithIcuOnCorpus) {
  const std::string dir = std::string(IZDEU_SHARED_DIR) + "/corpus/raw/ntrex128/NTREX-128/";
  const auto analyzer = make_kazakh_analyzer();
  std::unordered_set<std::string> words;
  for (const char* name :
       {"newstest2019-ref.kaz.txt", "newstest2019-ref.rus.txt", "newstest2019-src.eng.txt"}) {
    std::ifstream in(dir + name);
    if (!in) GTEST_SKIP() << "no " << dir << name;
    std::stringstream text;
    text << in.rdbuf();
    for (const Token& token : analyzer->analyze(text.str())) {
      if (words.insert(token.text).second) {
        EXPECT_EQ(token.loose, loose_key(token.text));
      }
      if (!token.stem.empty()) words.insert(token.stem);
    }
  }
  EXPECT_GT(words.size(), 10000U);
  int mismatches = 0;
  for (const std::string& word : words) {
    const std::string fast = loose_key(word);
    const std::string icu = loose_key_icu(word);
    if (fast != icu && ++mismatches <= 20) {
      ADD_FAILURE() << word << ": table " << fast << ", ICU " << icu;
    }
  }
  EXPECT_EQ(mismatches, 0) << "of " << words.size() << " words";
}

// ---------------------------------------------------------------------------
// The filter and the recipes.

TEST(LooseKeyFilter, FillsLooseAndLooseStem) {
  std::vector<Token> tokens(3);
  tokens[0].text = "тоқаевтың";
  tokens[0].stem = "тоқаев";
  tokens[1].text = "токаев";
  tokens[1].stem = "токаев";  // the stem's key is the word's key: no loose_stem
  tokens[2].text = "2021";    // a number: no keys
  LooseKeyFilter().apply(tokens);
  EXPECT_EQ(tokens[0].loose, "tokaevtin");
  EXPECT_EQ(tokens[0].loose_stem, "tokaev");
  EXPECT_EQ(tokens[1].loose, "tokaev");
  EXPECT_EQ(tokens[1].loose_stem, "");
  EXPECT_EQ(tokens[2].loose, "");
  EXPECT_EQ(tokens[2].loose_stem, "");
}

TEST(LooseKeyFilter, RecipesFillTheKeys) {
  const auto kazakh = make_kazakh_analyzer();
  const auto kk = kazakh->analyze("Тоқаевтың Өскеменге сапары");
  ASSERT_EQ(kk.size(), 3U);
  EXPECT_EQ(kk[0].loose, "tokaevtin");
  EXPECT_EQ(kk[0].loose_stem, loose_key(kk[0].stem));
  EXPECT_EQ(kk[1].loose, "oskemenge");

  const auto russian = make_russian_analyzer();
  const auto ru = russian->analyze("Президент Токаев посетил Усть-Каменогорск в 2024 году");
  ASSERT_GE(ru.size(), 2U);
  EXPECT_EQ(ru[1].text, "токаев");
  EXPECT_EQ(ru[1].loose, "tokaev");
  for (const Token& token : ru) {
    if (token.text == "2024") {
      EXPECT_EQ(token.loose, "");
    }
    if (!token.loose_stem.empty()) {
      EXPECT_NE(token.loose_stem, token.loose);
    }
  }
  const auto latin = russian->analyze("Tokayev visited Öskemen");
  ASSERT_EQ(latin.size(), 3U);
  EXPECT_EQ(latin[0].loose, "tokaev");
  EXPECT_EQ(latin[2].loose, "oskemen");
}

TEST(LooseKey, ThreadSafe) {
  const std::vector<std::string> words = generated_words(2000);
  std::vector<std::string> expected;
  for (const std::string& word : words) expected.push_back(loose_key_icu(word));
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (loose_key_icu(words[i]) != expected[i] || loose_key(words[i]) != expected[i]) {
          ++failures[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

}  // namespace
}  // namespace izdeu::analyzers
