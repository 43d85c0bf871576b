// Did you mean: corrections from the index's own vocabulary, in Russian and
// Kazakh, typos and the wrong keyboard layout.

#include <gtest/gtest.h>

#include "analyzers/utf8.h"
#include "corpus/index/index_writer.h"
#include "corpus/search/searcher.h"
#include "corpus/search/spelling_suggester.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::day;
using testing::make_article;
using testing::TempDir;

std::u32string u32(std::string_view text) {
  std::u32string out;
  std::size_t i = 0;
  while (i < text.size()) out += analyzers::decode_utf8(text, i);
  return out;
}

TEST(EditDistanceTest, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  struct Case {
    const char* a;
    const char* b;
    std::size_t limit;
    std::size_t distance;
  };
  const Case cases[] = {
      {"ассамблея", "ассамблея", 2, 0},
      {"асамблея", "ассамблея", 2, 1},
      {"ассамблея", "асамблея", 2, 1},
      {"ассамблея", "ассамблия", 2, 1},
      {"ассамблея", "асасмблея", 2, 1},
      {"сессия", "сесия", 1, 1},
      {"қазақстан", "казакстан", 2, 2},
      {"қазақстан", "кзакстан", 2, 3},
      {"abc", "xyz", 2, 3},
      {"a", "abcd", 2, 3},
      {"", "ab", 2, 2},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(edit_distance(u32(c.a), u32(c.b), c.limit), c.distance) << c.a << " " << c.b;
  }
}

class DidYouMeanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto writer = IndexWriter::open(dir_->str());
    ASSERT_TRUE(writer);
    int n = 0;
    auto add = [&](std::string title, std::string body, Language language) {
      ASSERT_TRUE(writer->add_or_replace(make_article("a" + std::to_string(n), std::move(title),
                                                      std::move(body), day(2020, 1, 1 + n % 28),
                                                      language)));
      ++n;
    };
    for (int i = 0; i < 12; ++i) {
      add("Сессия Ассамблеи " + std::to_string(i), "Ассамблея народа собралась на сессию.",
          Language::kRussian);
      add("Тәуелсіздік күні " + std::to_string(i), "Қазақстан тәуелсіздік күнін тойлады.",
          Language::kKazakh);
    }
    add("Визит Токаева", "Президент Токаев посетил область.", Language::kRussian);
    add("Визит Токаева", "Президент Токаев посетил Атырау.", Language::kRussian);
    add("Визит Токаева", "Президент Токаев посетил Актау.", Language::kRussian);
    // One article with the typo itself: a word the index holds rarely.
    add("Опечатка", "Ассомблея собралась.", Language::kRussian);
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::optional<std::string> suggestion(SearchRequest request) {
    auto searcher = Searcher::open({dir_->str()});
    EXPECT_TRUE(searcher);
    auto result = searcher->search(request);
    EXPECT_TRUE(result) << result.error().message;
    if (result && result->did_you_mean) {
      // A suggestion always finds more articles with every word than the
      // query did (a relaxed query's total counts articles without some).
      auto strict = searcher->search({.query = request.query, .match = MatchMode::kAll});
      auto corrected = searcher->search({.query = *result->did_you_mean, .match = MatchMode::kAll});
      EXPECT_TRUE(strict && corrected);
      if (strict && corrected) {
        EXPECT_GT(corrected->total, strict->total) << *result->did_you_mean;
      }
      EXPECT_NE(*result->did_you_mean, request.query);
    }
    return result ? result->did_you_mean : std::nullopt;
  }

  static TempDir* dir_;
};
TempDir* DidYouMeanTest::dir_ = nullptr;

TEST_F(DidYouMeanTest, CorrectsRussianTypos) {
  EXPECT_EQ(suggestion({.query = "сессия ассомблеи"}), "сессия ассамблеи");
  EXPECT_EQ(suggestion({.query = "Сексия"}), "сессия");
  EXPECT_EQ(suggestion({.query = "ассомблея собралась"}), "ассамблея собралась")
      << "the index holds the typo once, the word twelve times";
}

TEST_F(DidYouMeanTest, CorrectsKazakhTypos) {
  EXPECT_EQ(suggestion({.query = "тәуелсздік"}), "тәуелсіздік");
  EXPECT_EQ(suggestion({.query = "Қазақстан тәуелсіздк"}), "Қазақстан тәуелсіздік");
}

TEST_F(DidYouMeanTest, ATypoInTheSameScriptIsCorrectedNotAbsorbed) {
  // A loose key reads other scripts only (reading_rules.h): «асамблея» no
  // longer finds «ассамблея» by its key, so it is offered as a correction;
  // a Latin spelling still finds the Cyrillic name, so it needs none.
  EXPECT_EQ(suggestion({.query = "асамблея"}), "ассамблея");
  EXPECT_EQ(suggestion({.query = "Tokaevv"}), std::nullopt);
}

TEST_F(DidYouMeanTest, CorrectsLatinSpellingsAgainstLooseKeys) {
  EXPECT_EQ(suggestion({.query = "Tokiev"}), "tokaev");
}

TEST_F(DidYouMeanTest, ReadsTheWrongKeyboardLayout) {
  EXPECT_EQ(suggestion({.query = "fccfv,ktz"}), "ассамблея");
  EXPECT_EQ(suggestion({.query = "ctccbz"}), "сессия");
  EXPECT_EQ(suggestion({.query = "Fccfv,ktz"}), "ассамблея") << "shifted keys read in lower case";
  EXPECT_EQ(suggestion({.query = "n2etkc3pl3r"}), "тәуелсіздік") << "only the Kazakh layout";
}

TEST_F(DidYouMeanTest, StaysQuietWhenTheQueryFindsEnoughOrNothingIsNear) {
  EXPECT_EQ(suggestion({.query = "ассамблея"}), std::nullopt);
  EXPECT_EQ(suggestion({.query = "тәуелсіздік"}), std::nullopt);
  EXPECT_EQ(suggestion({.query = "зоопарк"}), std::nullopt);
  EXPECT_EQ(suggestion({.query = "qwzxv"}), std::nullopt);
}

TEST_F(DidYouMeanTest, KeepsTheRequestFilters) {
  // Kazakh only: the Russian «сессия» does not count, so nothing is suggested.
  EXPECT_EQ(suggestion({.query = "сексия", .language = Language::kKazakh}), std::nullopt);
  EXPECT_EQ(suggestion({.query = "сексия", .language = Language::kRussian}), "сессия");
}

}  // namespace
}  // namespace izdeu::corpus
