// The one preparation path: a raw article gets its id (article_id's rules),
// its language (given, or detected), people, regions and topics from its one
// analysis, and the document encode_article() writes for all that; bad input
// is an error, never an exception. Over the sample archive the document is
// the one the indexer wrote before prepare_document() existed.

#include "corpus/index/prepare.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analyzers/language_detector.h"
#include "corpus/index/article_id.h"
#include "corpus/index/entity_annotator.h"
#include "corpus/index/fnv1a.h"
#include "corpus/schema.h"
#include "indexer/archive_reader.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;

constexpr std::string_view kKazakhTitle = "Астанада жаңа саябақ ашылды";
constexpr std::string_view kKazakhBody =
    "Елордада жаңа саябақ ашылды. Саябақта балаларға арналған алаң мен велосипед жолы бар.";
constexpr std::string_view kRussianTitle = "В Алматы открылась новая библиотека";
constexpr std::string_view kRussianBody =
    "В среду в Алматы открылась новая детская библиотека. Вход для школьников бесплатный.";

RawArticle raw(std::string_view title, std::string_view body) {
  RawArticle article;
  article.title = title;
  article.body = body;
  return article;
}

std::set<std::string> terms_of(const Xapian::Document& document) {
  return {document.termlist_begin(), document.termlist_end()};
}

bool has_term(const Xapian::Document& document, std::string_view prefix, std::string_view value) {
  const std::string term = std::string(prefix) + std::string(value);
  return terms_of(document).count(term) > 0;
}

struct LanguageCase {
  const char* name;
  std::string_view title;
  std::string_view body;
  std::optional<Language> given;
  Language expected;
};

TEST(PrepareTest, TakesTheGivenLanguageAndDetectsAMissingOne) {
  const LanguageCase cases[] = {
      {"kazakh text, none given", kKazakhTitle, kKazakhBody, std::nullopt, Language::kKazakh},
      {"russian text, none given", kRussianTitle, kRussianBody, std::nullopt, Language::kRussian},
      // The source knows better than the detector, even when it is wrong.
      {"russian text, kazakh given", kRussianTitle, kRussianBody, Language::kKazakh,
       Language::kKazakh},
      {"kazakh text, russian given", kKazakhTitle, kKazakhBody, Language::kRussian,
       Language::kRussian},
      // Detection reads the body too: a title alone is too short to tell.
      {"russian title, kazakh body", "Новости", kKazakhBody, std::nullopt, Language::kKazakh},
  };
  for (const LanguageCase& c : cases) {
    SCOPED_TRACE(c.name);
    RawArticle input = raw(c.title, c.body);
    input.language = c.given;
    const auto prepared = prepare_document(input);
    ASSERT_TRUE(prepared) << prepared.error().message;
    EXPECT_EQ(prepared->article.language, c.expected);
    const std::string_view code = analyzers::to_code(c.expected);
    EXPECT_TRUE(has_term(prepared->document, schema::kLanguagePrefix, code));
    EXPECT_EQ(prepared->document.get_value(schema::kLanguageSlot), code);
    // prepare_article() decides the same without analyzing.
    const auto article = prepare_article(input);
    ASSERT_TRUE(article) << article.error().message;
    EXPECT_EQ(article->language, c.expected);
  }
}

struct IdCase {
  const char* name;
  std::string id;
  std::string url;
  std::string expected;  // empty: an "h-" id from section, date and title
};

TEST(PrepareTest, DecidesTheIdByArticleIdsRules) {
  const IdCase cases[] = {
      {"safe given id", "kz-2021.07:01_a-1", "https://x.kz/1", "kz-2021.07:01_a-1"},
      {"given id trimmed", "  kz-1\t", "", "kz-1"},
      {"unsafe given id", "статья 1", "", "i-" + fnv1a_hex("статья 1")},
      {"url", "", "http://www.Example.kz/news/1/", "u-" + fnv1a_hex("example.kz/news/1")},
      {"blank id, url", "  ", "https://example.kz/news/1", "u-" + fnv1a_hex("example.kz/news/1")},
      {"nothing given", "", "", ""},
  };
  for (const IdCase& c : cases) {
    SCOPED_TRACE(c.name);
    RawArticle input = raw(kRussianTitle, kRussianBody);
    input.id = c.id;
    input.url = c.url;
    input.section = "Общество";
    input.date = Date{2021, 7, 1};
    const auto prepared = prepare_document(input);
    ASSERT_TRUE(prepared) << prepared.error().message;
    const std::string& id = prepared->article.id;
    if (c.expected.empty()) {
      EXPECT_TRUE(id.starts_with("h-")) << id;
    } else {
      EXPECT_EQ(id, c.expected);
    }
    // The rule is article_id()'s, applied to the article as given.
    Article given;
    given.id = c.id;
    given.url = c.url;
    given.section = input.section;
    given.date = input.date;
    given.title = input.title;
    EXPECT_EQ(id, article_id(given));
    EXPECT_TRUE(has_term(prepared->document, schema::kIdPrefix, id));
    EXPECT_EQ(prepared->article.url, c.url) << "the url is stored as given";
  }
}

struct TextCase {
  const char* name;
  std::string title;
  std::string body;
};

// A title or a body is enough: an untitled wire item, a headline-only brief.
TEST(PrepareTest, TakesAnArticleWithATitleOrABodyAndIndexesWhatItHas) {
  const std::string title(kRussianTitle);
  const std::string body(kRussianBody);
  const TextCase cases[] = {
      {"title and body", title, body},           {"no title", "", body},
      {"blank title", " \t\u00a0\u200b ", body}, {"no body", title, ""},
      {"blank body", title, "\n\n \n"},
  };
  for (const TextCase& c : cases) {
    SCOPED_TRACE(c.name);
    RawArticle input = raw(c.title, c.body);
    input.date = Date{2021, 7, 1};
    const auto prepared = prepare_document(input);
    ASSERT_TRUE(prepared) << prepared.error().message;
    EXPECT_EQ(prepared->article.title, c.title) << "stored as given";
    EXPECT_EQ(prepared->article.body, c.body);
    EXPECT_EQ(prepared->article.language, Language::kRussian);
    EXPECT_TRUE(prepared->article.id.starts_with("h-")) << prepared->article.id;
    // «библиотека» is in both texts: indexed from whichever is there, as a
    // title word (S prefix) only when there is a title.
    EXPECT_TRUE(has_term(prepared->document, "", "библиотека"));
    EXPECT_EQ(has_term(prepared->document, schema::kTitlePrefix, "библиотека"), c.title == title);
  }
}

// Derived ids of untitled articles read the body, so two untitled items of
// one section and day are two articles, and one item read twice is one.
TEST(PrepareTest, GivesUntitledArticlesDeterministicIdsFromTheirText) {
  auto id_of = [](std::string_view title, std::string_view body) {
    RawArticle input = raw(title, body);
    input.section = "Общество";
    input.date = Date{2021, 7, 1};
    const auto article = prepare_article(input);
    EXPECT_TRUE(article) << article.error().message;
    return article ? article->id : std::string();
  };
  const std::string untitled = id_of("", kRussianBody);
  EXPECT_TRUE(untitled.starts_with("h-")) << untitled;
  EXPECT_EQ(untitled, id_of("", kRussianBody)) << "deterministic";
  EXPECT_EQ(untitled, id_of(" ", std::string(" ") + std::string(kRussianBody) + "\n"))
      << "white space does not change it";
  EXPECT_NE(untitled, id_of("", "Другой текст о другой библиотеке."));
  // A titled article's id is what it was before untitled ones were taken:
  // section, date and title only.
  EXPECT_EQ(id_of(kRussianTitle, kRussianBody), id_of(kRussianTitle, "Другой текст."));
  EXPECT_EQ(id_of(kRussianTitle, kRussianBody), "h-" + fnv1a_hex("Общество\x1F"
                                                                 "2021-07-01\x1F" +
                                                                 std::string(kRussianTitle)));
  EXPECT_NE(id_of(kRussianTitle, ""), untitled);
}

struct BadCase {
  const char* name;
  std::string title;
  std::string body;
  std::string url;
  std::string reason;
};

TEST(PrepareTest, RejectsArticlesItCannotIndexWithAnErrorNotAnException) {
  const std::string title(kRussianTitle);
  const std::string body(kRussianBody);
  const BadCase cases[] = {
      {"no title, no body", "", "", "", "title and body are both empty"},
      // U+00A0 NO-BREAK SPACE and U+200B ZERO WIDTH SPACE are no text either.
      {"blank title, blank body", " \t\u00a0\u200b ", "\n\n \n", "",
       "title and body are both empty"},
      {"no title, blank body", "", "\u00a0\n\n\u200b", "", "title and body are both empty"},
      {"invalid utf-8 in title", "Заг\xD0", body, "", "invalid utf-8 in title at byte 6"},
      {"invalid utf-8 in body", title, "ab\xFF", "", "invalid utf-8 in body at byte 2"},
      {"invalid utf-8 in url", title, body, "https://x.kz/\xC3", "invalid utf-8 in url at byte 13"},
  };
  for (const BadCase& c : cases) {
    SCOPED_TRACE(c.name);
    RawArticle input = raw(c.title, c.body);
    input.url = c.url;
    EXPECT_NO_THROW({
      const auto prepared = prepare_document(input);
      ASSERT_FALSE(prepared);
      EXPECT_EQ(prepared.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(prepared.error().message, c.reason);
    });
    const auto article = prepare_article(input);
    ASSERT_FALSE(article);
    EXPECT_EQ(article.error().message, c.reason);
  }
}

TEST(PrepareTest, FindsPeopleRegionsAndTopicsAndIndexesThem) {
  const auto prepared = prepare_document(
      raw("В Семее открылся Дом дружбы",
          "Дом дружбы в Семее принял первых гостей. Гости приехали из Усть-Каменогорска и Алматы. "
          "В Семипалатинске, как раньше называли город, жили казахи, татары и немцы. "
          "Этнокультурные объединения провели концерт. Гостей встречала Клара Хан. Хан рассказала "
          "о планах, а Ерлан Сапаров вручил грамоты."));
  ASSERT_TRUE(prepared) << prepared.error().message;
  const Article& article = prepared->article;
  EXPECT_EQ(article.people, (std::vector<PersonRef>{{"хан клара", 2}, {"сапаров ерлан", 1}}));
  EXPECT_EQ(article.regions,
            (std::vector<std::string>{"abai-region", "east-kazakhstan-region", "almaty"}));
  ASSERT_NE(std::find(article.topics.begin(), article.topics.end(), "interethnic"),
            article.topics.end());

  const Xapian::Document& document = prepared->document;
  struct Expected {
    std::string_view prefix;
    std::string_view value;
  };
  for (const Expected& e :
       {Expected{schema::kPersonPrefix, "хан клара"},
        Expected{schema::kPersonPrefix, "сапаров ерлан"},
        Expected{schema::kPersonWordPrefix, "сапаров"},
        Expected{schema::kRegionPrefix, "abai-region"}, Expected{schema::kRegionPrefix, "almaty"},
        Expected{schema::kTopicPrefix, "interethnic"}}) {
    EXPECT_TRUE(has_term(document, e.prefix, e.value)) << e.prefix << e.value;
  }
  auto stored = decode_article(document.get_data());
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->people, article.people);
  EXPECT_EQ(stored->regions, article.regions);
  EXPECT_EQ(stored->topics, article.topics);
}

TEST(PrepareTest, TagsWithTheTaxonomyItIsGivenOrTheAnnotationThatReplacesIt) {
  const auto load =
      analyzers::TopicTaxonomy::parse("[bees]\nru = Пчёлы\nkk = Аралар\nwords = пасека; мёд\n");
  ASSERT_NE(load.taxonomy, nullptr);
  const RawArticle input = raw("Пасека в Таразе", "Мёд продают на рынке.");

  const auto tagged = prepare_document(input, {.topics = load.taxonomy});
  ASSERT_TRUE(tagged) << tagged.error().message;
  EXPECT_EQ(tagged->article.topics, std::vector<std::string>{"bees"});
  EXPECT_EQ(tagged->article.regions, std::vector<std::string>{"jambyl-region"});
  EXPECT_TRUE(has_term(tagged->document, schema::kTopicPrefix, "bees"));

  int calls = 0;
  PrepareOptions replaced;
  replaced.annotate = [&](Article& article, const ArticleTokens& tokens) {
    ++calls;
    EXPECT_FALSE(article.id.empty()) << "the id is decided before annotation";
    EXPECT_FALSE(tokens.title.empty());
    EXPECT_FALSE(tokens.body.empty());
    article.topics = {"annotated"};
  };
  const auto annotated = prepare_document(input, replaced);
  ASSERT_TRUE(annotated) << annotated.error().message;
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(annotated->article.topics, std::vector<std::string>{"annotated"});
  EXPECT_TRUE(annotated->article.regions.empty()) << "the default tagging did not run";
  EXPECT_TRUE(has_term(annotated->document, schema::kTopicPrefix, "annotated"));
  EXPECT_FALSE(has_term(annotated->document, schema::kRegionPrefix, "jambyl-region"));
}

// Everything a document holds, comparable.
struct Stored {
  std::map<std::string, std::pair<Xapian::termcount, std::vector<Xapian::termpos>>> terms;
  std::map<Xapian::valueno, std::string> values;
  std::string data;

  friend bool operator==(const Stored&, const Stored&) = default;
};

Stored stored(const Xapian::Document& document) {
  Stored out;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    out.terms[*term] = {term.get_wdf(), std::vector<Xapian::termpos>(term.positionlist_begin(),
                                                                     term.positionlist_end())};
  }
  for (auto value = document.values_begin(); value != document.values_end(); ++value) {
    out.values[value.get_valueno()] = *value;
  }
  out.data = document.get_data();
  return out;
}

// The path the indexer took before prepare_document(), step by step: the
// reader detected the language from title + "\n" + body and set the id with
// article_id(); the worker annotated entities and encoded.
Xapian::Document old_path(const RawArticle& raw) {
  Article article;
  article.id = raw.id;
  article.url = raw.url;
  article.source = raw.source;
  article.section = raw.section;
  article.title = raw.title;
  article.body = raw.body;
  article.date = raw.date;
  article.views = raw.views;
  article.language =
      raw.language ? *raw.language : analyzers::detect_language(raw.title + "\n" + raw.body);
  article.id = article_id(article);
  annotate_entities(article);
  return encode_article(article);
}

TEST(PrepareTest, WritesTheDocumentsTheIndexerWroteBeforeForTheSample) {
  std::size_t compared = 0;
  std::size_t detected = 0;
  std::size_t with_people = 0;
  const auto files = indexer::list_archive_files(
      {std::string(IZDEU_SOURCE_DIR) + "/tests/fixtures/sample"}, [](const indexer::ReadIssue&) {});
  for (const auto& file : files) {
    indexer::read_raw_records(
        file,
        [&](indexer::RawRecord&& record) {
          auto input = indexer::parse_raw_record(file.format, record.text);
          EXPECT_TRUE(input) << indexer::record_location(file, record);
          if (!input) return true;
          const auto prepared = prepare_document(*input);
          EXPECT_TRUE(prepared) << prepared.error().message;
          if (!prepared) return true;
          EXPECT_TRUE(stored(prepared->document) == stored(old_path(*input)))
              << indexer::record_location(file, record);
          ++compared;
          detected += !input->language.has_value();
          with_people += !prepared->article.people.empty();
          return true;
        },
        [](const indexer::ReadIssue& issue) { ADD_FAILURE() << issue.location; });
  }
  EXPECT_EQ(compared, 66u);
  EXPECT_GT(detected, 10u) << "page dumps name no language";
  EXPECT_GT(with_people, 20u);
}

}  // namespace
}  // namespace izdeu::corpus
