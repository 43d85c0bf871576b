#include "analyzers/people/person_query.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace izdeu::analyzers {
namespace {

bool has(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

struct QueryCase {
  const char* typed;
  std::vector<std::string> primaries;      // in key order
  std::vector<std::string> also_matches;   // alternatives of the first word
  std::vector<std::string> never_matches;  // not alternatives of the first word
};

TEST(PersonQueryTest, TypedWordsStandForKeyWords) {
  const QueryCase cases[] = {
      {"Токаева", {"токаев"}, {"токаева"}, {}},
      {"Тоқаевтың", {"токаев"}, {}, {"токаевтын"}},
      {"Назарбаевой", {"назарбаева"}, {}, {"назарбаев"}},
      {"Александра", {"александра"}, {"александр"}, {}},
      {"Клары Хан", {"хан", "клара"}, {}, {}},
      {"Гирша", {"гирша"}, {"гирш"}, {}},
      {"Навального", {"навального"}, {"навальный"}, {}},
      {"Кемелұлының", {"кемелулы"}, {}, {}},
      {"Серікке", {"серик"}, {}, {}},
      {"юзефовича гирш леонида", {"гирш", "леонид", "юзефович"}, {}, {}},
  };
  for (const QueryCase& c : cases) {
    const auto words = person_query_words(c.typed);
    std::vector<std::string> primaries;
    for (const auto& w : words) primaries.push_back(w.primary);
    EXPECT_EQ(primaries, c.primaries) << c.typed;
    ASSERT_FALSE(words.empty()) << c.typed;
    EXPECT_EQ(words.front().alternatives.front(), words.front().primary) << c.typed;
    for (const std::string& a : c.also_matches) {
      EXPECT_TRUE(has(words.front().alternatives, a)) << c.typed << " / " << a;
    }
    for (const std::string& a : c.never_matches) {
      EXPECT_FALSE(has(words.front().alternatives, a)) << c.typed << " / " << a;
    }
  }
}

// Latin spellings reach the Cyrillic key words (issue 16): English and
// informal romanization, and the Kazakh Latin alphabets of 2017, 2018, 2021.
TEST(PersonQueryTest, LatinNamesReachCyrillicKeys) {
  const struct {
    const char* typed;
    std::vector<std::string> key_words;  // each must be among some word's alternatives
  } cases[] = {
      {"Tokayev", {"токаев"}},
      {"Toqaev", {"токаев"}},
      {"Nazarbayev", {"назарбаев"}},
      {"Klara Khan", {"хан", "клара"}},
      {"Kassym-Jomart Tokayev", {"токаев", "касым-жомарт"}},
      {"Qasym-Jomart Toqaev", {"токаев", "касым-жомарт"}},
      {"Yerlan Sagadiyev", {"ерлан", "сагадиев"}},
      {"Shymkent", {"шымкент"}},
      {"S'ymkent", {"шымкент"}},
      {"Şymkent", {"шымкент"}},
      {"Qaırat", {"кайрат"}},
      {"Aliyeva", {"алиева"}},
  };
  for (const auto& c : cases) {
    const auto words = person_query_words(c.typed);
    ASSERT_EQ(words.size(), c.key_words.size()) << c.typed;
    for (const std::string& key_word : c.key_words) {
      const bool found = std::any_of(words.begin(), words.end(),
                                     [&](const auto& w) { return has(w.alternatives, key_word); });
      EXPECT_TRUE(found) << c.typed << " / " << key_word;
    }
  }
}

TEST(PersonQueryTest, InitialsAreMarked) {
  const auto words = person_query_words("Гирш Л.Ю.");
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].primary, "гирш");
  EXPECT_FALSE(words[0].initial);
  EXPECT_EQ(words[1].primary, "л.");
  EXPECT_TRUE(words[1].initial);
  EXPECT_EQ(words[2].primary, "ю.");
  EXPECT_TRUE(words[2].initial);
}

TEST(PersonQueryTest, NoLettersNoWords) {
  EXPECT_TRUE(person_query_words("").empty());
  EXPECT_TRUE(person_query_words(" 123 ... ").empty());
}

}  // namespace
}  // namespace izdeu::analyzers
