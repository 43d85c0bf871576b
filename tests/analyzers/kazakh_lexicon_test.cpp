#include "analyzers/stemmers/kazakh_lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/stemmers/kazakh_stemmer.h"

namespace izdeu::analyzers {
namespace {

bool has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(KazakhReadingsTest, FirstIsStemAndNoDuplicates) {
  const KazakhStemmer stemmer;
  for (std::string_view word : {"кітабымыздан", "мектептерімізде", "бармайды", "қала", "үшін"}) {
    const std::vector<std::string> r = stemmer.readings(word);
    ASSERT_FALSE(r.empty());
    EXPECT_EQ(r.front(), stemmer.stem(word)) << word;
    for (std::size_t i = 0; i < r.size(); ++i) {
      for (std::size_t j = i + 1; j < r.size(); ++j) EXPECT_NE(r[i], r[j]) << word;
    }
  }
}

TEST(KazakhReadingsTest, DeeperAnalyses) {
  const KazakhStemmer stemmer;
  EXPECT_TRUE(has(stemmer.readings("кітабымыздан"), "кітап"));   // б -> п
  EXPECT_TRUE(has(stemmer.readings("бармайды"), "бар"));         // negation
  EXPECT_TRUE(has(stemmer.readings("келгенін"), "кел"));         // participle + px3 + acc
  EXPECT_TRUE(has(stemmer.readings("қолдағандығын"), "қолда"));  // -ғандық, ғ -> қ
  EXPECT_TRUE(has(stemmer.readings("білемін"), "біл"));          // aorist + 1sg
  EXPECT_TRUE(has(stemmer.readings("орны"), "орын"));            // elided vowel
  EXPECT_TRUE(has(stemmer.readings("облысы"), "облы"));          // -сы: wrong alone
}

TEST(KazakhReadingsTest, ProtectedWordsHaveOneReading) {
  const KazakhStemmer stemmer;
  EXPECT_EQ(stemmer.readings("алматыдағы"), std::vector<std::string>{"алматы"});
  EXPECT_EQ(stemmer.readings("үшін"), std::vector<std::string>{"үшін"});
}

TEST(KazakhLexiconTest, DeepReadingNeedsAnotherWord) {
  // кітап is confirmed by the bare word; without it the word keeps stem().
  const std::vector<std::string_view> with = {"кітап", "кітабымыздан"};
  const std::vector<std::string_view> without = {"кітабымыздан", "мектеп"};
  const KazakhStemmer stemmer;
  EXPECT_EQ(KazakhLexicon(with).stem("кітабымыздан"), "кітап");
  EXPECT_EQ(KazakhLexicon(without).stem("кітабымыздан"), stemmer.stem("кітабымыздан"));
}

TEST(KazakhLexiconTest, BetterAttestedReadingWins) {
  // -сы read as a possessive would give облы; облыс has the support.
  const std::vector<std::string_view> words = {"облыс", "облыстың", "облысқа", "облысы"};
  const KazakhLexicon lexicon(words);
  EXPECT_EQ(lexicon.stem("облысы"), "облыс");
  EXPECT_EQ(lexicon.size(), 4U);
}

TEST(KazakhLexiconTest, UnknownWordUsesTheVocabulary) {
  const std::vector<std::string_view> words = {"бар", "барады", "барған"};
  const KazakhLexicon lexicon(words);
  EXPECT_EQ(lexicon.stem("бармаймыз"), "бар");
  const KazakhStemmer stemmer;
  EXPECT_EQ(lexicon.stem("жазбаймыз"), stemmer.stem("жазбаймыз"));
}

TEST(KazakhLexiconTest, ChooseConfirmedReading) {
  const std::vector<std::string> readings = {"a", "bb", "c"};
  EXPECT_EQ(choose_confirmed_reading(readings, [](std::string_view) { return std::size_t{0}; }),
            "a");
  EXPECT_EQ(choose_confirmed_reading(
                readings, [](std::string_view s) { return s == "bb" ? std::size_t{1} : 0; }),
            "bb");
}

}  // namespace
}  // namespace izdeu::analyzers
