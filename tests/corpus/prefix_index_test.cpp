#include "corpus/suggest/prefix_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace izdeu::corpus {
namespace {

std::vector<std::uint32_t> starts_of(std::initializer_list<std::uint32_t> starts) {
  return std::vector<std::uint32_t>(starts);
}

TEST(PrefixIndexTest, FindsPrefixesAtEveryIndexedStartBestRankFirst) {
  PrefixIndex::Builder builder;
  builder.add("токаев встретился с путиным ", starts_of({0, 13, 37}), 0, 10);  // not at "с"
  builder.add("путин владимир ", starts_of({0, 11}), 1, 30);
  builder.add("встреча в алматы ", starts_of({0}), 2, 20);
  const PrefixIndex index = std::move(builder).build();
  EXPECT_EQ(index.size(), 6u);

  EXPECT_EQ(index.top("путин", 10), (std::vector<std::uint32_t>{1, 0}));
  EXPECT_EQ(index.top("встре", 10), (std::vector<std::uint32_t>{2, 0}));
  EXPECT_EQ(index.top("токаев в", 10), (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(index.top("алматы", 10), std::vector<std::uint32_t>{});     // start 0 only
  EXPECT_EQ(index.top("с путиным", 10), std::vector<std::uint32_t>{});  // "с" not indexed
  EXPECT_EQ(index.top("путин", 1), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(index.top("", 10), (std::vector<std::uint32_t>{1, 2, 0}));
  EXPECT_EQ(index.count("в"), 3u);  // владимир, встретился, встреча
  EXPECT_EQ(index.top("путин", 0), std::vector<std::uint32_t>{});
}

TEST(PrefixIndexTest, AnItemWithManyEntriesIsListedOnce) {
  PrefixIndex::Builder builder;
  builder.add("алматы алматы алматы ", starts_of({0, 7, 14}), 7, 5);
  builder.add("алма ", starts_of({0}), 8, 1);
  const PrefixIndex index = std::move(builder).build();
  EXPECT_EQ(index.top("алм", 5), (std::vector<std::uint32_t>{7, 8}));
}

TEST(PrefixIndexTest, LongKeysAreCutAtACharacterBoundaryAndStillMatch) {
  std::string key;
  while (key.size() < 3 * PrefixIndex::kMaxKeyBytes) key += "ж";  // two bytes each
  key += ' ';
  PrefixIndex::Builder builder;
  builder.add(key, starts_of({0, 1}), 3, 1);  // offset 1 is inside a "ж": matches nothing typed
  const PrefixIndex index = std::move(builder).build();
  EXPECT_EQ(index.top(key, 5), (std::vector<std::uint32_t>{3}));
  EXPECT_EQ(index.top("жжж", 5), (std::vector<std::uint32_t>{3}));
}

TEST(PrefixIndexTest, EmptyIndexFindsNothing) {
  const PrefixIndex index = PrefixIndex::Builder().build();
  EXPECT_TRUE(index.top("a", 10).empty());
  EXPECT_EQ(index.count(""), 0u);
}

// The tree answer must equal the obvious one: every entry whose key starts
// with the prefix, sorted by rank.
TEST(PrefixIndexTest, AgreesWithBruteForceOnRandomKeys) {
  std::mt19937 random(42);
  const std::string alphabet = "abcд";  // 'д' is two bytes: prefixes may split it
  auto random_word = [&](std::size_t max_length) {
    std::string word;
    const std::size_t length = 1 + random() % max_length;
    for (std::size_t i = 0; i < length; ++i) {
      const std::size_t pick = random() % 4;
      word += pick < 3 ? std::string(1, alphabet[pick]) : std::string("д");
    }
    return word;
  };
  constexpr std::uint32_t kEntries = 3000;
  std::vector<std::uint32_t> ranks(kEntries);
  std::iota(ranks.begin(), ranks.end(), 0u);
  std::shuffle(ranks.begin(), ranks.end(), random);
  std::vector<std::string> keys;
  PrefixIndex::Builder builder;
  for (std::uint32_t i = 0; i < kEntries; ++i) {
    keys.push_back(random_word(8));
    builder.add(keys.back(), starts_of({0}), i, ranks[i]);
  }
  const PrefixIndex index = std::move(builder).build();

  for (int round = 0; round < 300; ++round) {
    std::string prefix = random_word(4);
    if (round % 7 == 0) prefix.pop_back();  // sometimes half of a "д"
    const std::size_t count = 1 + random() % 20;
    std::vector<std::uint32_t> expected;
    for (std::uint32_t i = 0; i < kEntries; ++i) {
      if (keys[i].compare(0, prefix.size(), prefix) == 0) expected.push_back(i);
    }
    EXPECT_EQ(index.count(prefix), expected.size()) << prefix;
    std::sort(expected.begin(), expected.end(),
              [&](std::uint32_t a, std::uint32_t b) { return ranks[a] > ranks[b]; });
    if (expected.size() > count) expected.resize(count);
    EXPECT_EQ(index.top(prefix, count), expected) << prefix;
  }
}

}  // namespace
}  // namespace izdeu::corpus
