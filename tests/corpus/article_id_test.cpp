#include "corpus/index/article_id.h"

#include <gtest/gtest.h>

#include <string>

#include "corpus/index/fnv1a.h"

namespace izdeu::corpus {
namespace {

corpus::Article article(std::string id, std::string url, std::string title = "Заголовок") {
  corpus::Article a;
  a.id = std::move(id);
  a.url = std::move(url);
  a.section = "Экономика";
  a.date = corpus::make_date(2021, 7, 1);
  a.title = std::move(title);
  return a;
}

bool is_safe(const std::string& id) {
  return !id.empty() && id.size() <= kMaxGivenIdBytes &&
         id.find_first_not_of(
             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-") ==
             std::string::npos;
}

TEST(ArticleIdTest, KeepsASafeGivenIdTrimmed) {
  EXPECT_EQ(article_id(article("  kz-2021.07:01_a-1 \t", "https://x.kz/1")), "kz-2021.07:01_a-1");
}

TEST(ArticleIdTest, HashesAGivenIdWithUnsafeCharacters) {
  const std::string id = article_id(article("статья 1", ""));
  EXPECT_EQ(id, "i-" + fnv1a_hex("статья 1"));
  EXPECT_NE(article_id(article("a/b", "")), article_id(article("a b", "")));
  EXPECT_TRUE(article_id(article("a/b", "")).starts_with("i-"));
}

TEST(ArticleIdTest, HashesAGivenIdThatIsTooLong) {
  const std::string longest(kMaxGivenIdBytes, 'a');
  EXPECT_EQ(article_id(article(longest, "")), longest);
  const std::string too_long(kMaxGivenIdBytes + 1, 'a');
  EXPECT_EQ(article_id(article(too_long, "")), "i-" + fnv1a_hex(too_long));
}

TEST(ArticleIdTest, DerivesTheSameIdFromUrlVariants) {
  const std::string expected = article_id(article("", "https://tengrinews.kz/news/one-1"));
  EXPECT_EQ(expected, "u-" + fnv1a_hex("tengrinews.kz/news/one-1"));
  for (const char* url :
       {"http://tengrinews.kz/news/one-1", "https://tengrinews.kz/news/one-1/",
        "https://www.tengrinews.kz/news/one-1", "HTTPS://WWW.TengriNews.KZ/news/one-1//",
        "  https://tengrinews.kz/news/one-1#comments ", "//tengrinews.kz/news/one-1",
        "https://tengrinews.kz:443/news/one-1", "tengrinews.kz/news/one-1"}) {
    SCOPED_TRACE(url);
    EXPECT_EQ(article_id(article("", url)), expected);
    EXPECT_EQ(article_id(article("  ", url)), expected);  // a blank given id is no id
  }
}

TEST(ArticleIdTest, UrlPathAndQueryKeepTheirMeaning) {
  EXPECT_NE(normalize_url("https://x.kz/News/1"), normalize_url("https://x.kz/news/1"));
  EXPECT_EQ(normalize_url("https://x.kz/news/?id=5"), "x.kz/news?id=5");
  EXPECT_NE(normalize_url("https://x.kz/news?id=5"), normalize_url("https://x.kz/news?id=6"));
  EXPECT_EQ(normalize_url("https://x.kz/news?"), "x.kz/news");
  EXPECT_EQ(normalize_url("https://user@WWW.X.kz:80/"), "x.kz");
}

TEST(ArticleIdTest, FallsBackToAStableHashOfSectionDateAndTitle) {
  const std::string id = article_id(article("", "", "Жаңа  мектеп\tашылды"));
  EXPECT_TRUE(id.starts_with("h-"));
  EXPECT_EQ(id.size(), 18u);
  // Same fields, different white space: same id.
  EXPECT_EQ(article_id(article("", " ", " Жаңа мектеп ашылды ")), id);
  // Pinned, so a change of the rule is a visible decision.
  EXPECT_EQ(id, "h-" + fnv1a_hex("Экономика\x1f"
                                 "2021-07-01\x1f"
                                 "Жаңа мектеп ашылды"));
  EXPECT_NE(article_id(article("", "", "Жаңа мектеп ашылмады")), id);

  auto other_day = article("", "", "Жаңа мектеп ашылды");
  other_day.date = corpus::make_date(2021, 7, 2);
  EXPECT_NE(article_id(other_day), id);
  auto no_date = other_day;
  no_date.date.reset();
  EXPECT_NE(article_id(no_date), article_id(other_day));
}

TEST(ArticleIdTest, EveryIdIsSafe) {
  for (const auto& a : {article("x y", ""), article("", "https://x.kz/а"), article("", ""),
                        article(std::string(500, 'z'), ""), article("ok-1", "")}) {
    const std::string id = article_id(a);
    SCOPED_TRACE(id);
    EXPECT_TRUE(is_safe(id));
    EXPECT_TRUE(is_safe_article_id(id));
  }
}

TEST(ArticleIdTest, Fnv1aMatchesTheReferenceVectors) {
  // From the FNV reference test suite (fnv.c, test vectors for FNV-1a 64).
  EXPECT_EQ(fnv1a_64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a_64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a_64("foobar"), 0x85944171f73967e8ULL);
  EXPECT_EQ(fnv1a_hex("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(fnv1a_hex("").size(), 16u);
}

}  // namespace
}  // namespace izdeu::corpus
