#include "corpus/index/article_codec.h"

#include <gtest/gtest.h>

#include <set>

#include "corpus/schema.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using testing::day;
using testing::make_article;

std::set<std::string> terms_of(const Xapian::Document& document) {
  std::set<std::string> terms;
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
    terms.insert(*it);
  }
  return terms;
}

TEST(ArticleCodecTest, StoredFieldsRoundTrip) {
  Article article = make_article("a-1", "Заголовок с \\ и =", "Абзац один.\n\nАбзац\r два.",
                                 day(2021, 7, 1), analyzers::Language::kKazakh);
  article.url = "https://example.kz/news/1?x=1";
  article.source = "Портал";
  article.section = "Новости";
  article.views = 1024;
  auto decoded = decode_article(serialize_fields(article));
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->id, article.id);
  EXPECT_EQ(decoded->title, article.title);
  EXPECT_EQ(decoded->body, article.body);
  EXPECT_EQ(decoded->url, article.url);
  EXPECT_EQ(decoded->source, article.source);
  EXPECT_EQ(decoded->section, article.section);
  EXPECT_EQ(decoded->language, analyzers::Language::kKazakh);
  EXPECT_EQ(decoded->date, article.date);
  EXPECT_EQ(decoded->views, 1024);
}

TEST(ArticleCodecTest, EntitiesRoundTripAndBecomeFilterTermsAndFacetValues) {
  Article article = make_article("a-2", "Сессия", "Текст.", day(2021, 7, 1));
  article.people = {{"хан клара александровна", 3}, {"токаев", 1}};
  article.regions = {"almaty-region", "astana"};
  article.topics = {"education"};
  auto decoded = decode_article(serialize_fields(article));
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->people, article.people);
  EXPECT_EQ(decoded->regions, article.regions);
  EXPECT_EQ(decoded->topics, article.topics);

  const Xapian::Document document = encode_article(article);
  const auto terms = terms_of(document);
  for (const char* expected :
       {"XPKхан клара александровна", "XPWхан", "XPWклара", "XPWалександровна", "XPKтокаев",
        "XPWтокаев", "XRalmaty-region", "XRastana", "XTeducation"}) {
    EXPECT_TRUE(terms.count(expected)) << "missing term " << expected;
  }
  EXPECT_EQ(document.get_value(schema::kPeopleSlot), std::string("хан клара александровна\x1e"
                                                                 "3\x1fтокаев\x1e"
                                                                 "1"));
  EXPECT_EQ(document.get_value(schema::kRegionsSlot), std::string("almaty-region\x1f"
                                                                  "astana"));
  EXPECT_EQ(document.get_value(schema::kTopicsSlot), "education");
  EXPECT_EQ(document.get_value(schema::kLanguageSlot), "ru");
}

TEST(ArticleCodecTest, DataWithoutIdIsDataLoss) {
  auto decoded = decode_article("title=x\n");
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, ErrorCode::kDataLoss);
}

TEST(ArticleCodecTest, WritesTheSchemaTerms) {
  Article article =
      make_article("a-1", "Сессия Ассамблеи", "Депутаты собрались в Астане.", day(2019, 3, 14));
  article.url = "https://example.kz/a";
  article.source = "Portal";
  const auto terms = terms_of(encode_article(article));
  for (const char* expected :
       {"Qa-1", "D20190314", "M201903", "Y2019", "Lru", "Uhttps://example.kz/a", "XSRCportal",
        "Sсессия", "сессия", "депутаты", "астане"}) {
    EXPECT_TRUE(terms.count(expected)) << "missing term " << expected;
  }
  // Index format 2: stems and loose keys live in the lexicon, not in terms.
  for (const auto& term : terms) {
    EXPECT_NE(term.rfind("Z", 0), 0u) << "stem term " << term;
    EXPECT_NE(term.rfind("XL", 0), 0u) << "loose-key term " << term;
  }
}

TEST(ArticleCodecTest, AcronymsWrittenInCapitalsGetTheirOwnTerm) {
  const auto terms = terms_of(
      encode_article(make_article("a-1", "ЕС и ООН", "Ес жоқ. Решение ООН поддержал NATO.")));
  for (const char* expected : {"XAес", "XAоон", "XAnato", "ес", "оон", "nato"}) {
    EXPECT_TRUE(terms.count(expected)) << "missing term " << expected;
  }
  EXPECT_FALSE(terms.count("XAрешение"));
}

TEST(ArticleCodecTest, DeclinedAcronymsFileTheirCapitals) {
  const auto terms =
      terms_of(encode_article(make_article("a-1", "Заявление МИДа", "В МИДе ответили.")));
  for (const char* expected : {"XAмид", "мида", "миде"}) {
    EXPECT_TRUE(terms.count(expected)) << "missing term " << expected;
  }
  EXPECT_FALSE(terms.count("XAмида"));
  EXPECT_FALSE(terms.count("XAзаявление"));
}

TEST(ArticleCodecTest, TitleWordsOutweighBodyWords) {
  const Xapian::Document document =
      encode_article(make_article("a-1", "Выборы", "Выборы прошли спокойно."));
  Xapian::termcount title_and_body_wdf = 0;
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
    if (*it == "выборы") title_and_body_wdf = it.get_wdf();
  }
  EXPECT_EQ(title_and_body_wdf, schema::kTitleWdf + 1);
}

TEST(ArticleCodecTest, StoresSortableValues) {
  Article article = make_article("a-1", "T", "B", day(2021, 7, 1));
  article.views = 77;
  const Xapian::Document document = encode_article(article);
  EXPECT_EQ(document.get_value(schema::kDateSlot), "20210701");
  EXPECT_EQ(Xapian::sortable_unserialise(document.get_value(schema::kViewsSlot)), 77.0);
  EXPECT_EQ(Xapian::sortable_unserialise(document.get_value(schema::kDayNumberSlot)),
            static_cast<double>(Date{2021, 7, 1}.days_since_epoch()));
}

TEST(ArticleCodecTest, HashesUrlsTooLongForATerm) {
  Article article = make_article("a-1", "T", "B");
  article.url = "https://example.kz/" + std::string(400, 'x');
  for (const auto& term : terms_of(encode_article(article))) {
    EXPECT_LE(term.size(), schema::kMaxTermBytes);
  }
}

}  // namespace
}  // namespace izdeu::corpus
