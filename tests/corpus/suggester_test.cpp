#include "corpus/suggest/suggester.h"

#include <gtest/gtest.h>

#include <atomic>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/index/index_writer.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::day;
using testing::make_article;
using testing::TempDir;

constexpr std::string_view kTokaev = "токаев касым-жомарт кемелевич";

Article with(Article article, std::vector<PersonRef> people, std::vector<std::string> regions,
             std::int64_t views) {
  article.people = std::move(people);
  article.regions = std::move(regions);
  article.views = views;
  return article;
}

// A small ru/kk index in which every entity, word and title is placed so
// that the expectations below follow from its frequencies.
class SuggesterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto writer = IndexWriter::open(dir_->str());
    ASSERT_TRUE(writer) << writer.error().message;
    const PersonRef tokaev{std::string(kTokaev), 3};
    const Article articles[] = {
        with(make_article("ru-1", "Токаев встретился с Путиным",
                          "Президент Казахстана Касым-Жомарт Токаев провел переговоры в Алматы.",
                          day(2024, 5, 1)),
             {tokaev}, {"almaty"}, 500),
        with(make_article("ru-2", "Президент посетил Алматы",
                          "Президент Токаев посетил Алматы. В Алматы прошла встреча.",
                          day(2024, 6, 1)),
             {tokaev}, {"almaty"}, 900),
        // A syndicated copy: the same title is suggested once.
        with(make_article("ru-2-copy", "Президент посетил Алматы", "Перепечатка. Ёлка на площади.",
                          day(2024, 6, 1)),
             {}, {}, 10),
        with(make_article("kk-1", "Тоқаев Алматыда болды",
                          "Президент Қасым-Жомарт Тоқаев Алматыда. Қазақстан халқы.",
                          day(2024, 7, 1), Language::kKazakh),
             {tokaev}, {"almaty"}, 300),
        with(make_article("ru-3", "Назарбаев открыл памятник",
                          "Назарбаев и Токаев поддержали. Встреча Токаева и президента.",
                          day(2015, 1, 1)),
             {{"назарбаев нурсултан абишевич", 2}}, {"astana"}, 100),
        with(make_article("ru-4", "Токтаров назначен акимом",
                          "Серик Токтаров назначен акимом Алматы.", day(2020, 1, 1)),
             {{"токтаров серик", 1}}, {"almaty-region"}, 50),
        with(make_article("kk-2", "Қазақстан халқы Ассамблеясы сессиясы",
                          "Қазақстан халқы Ассамблеясының сессиясы өтті. Президент сөз сөйледі.",
                          day(2023, 4, 20), Language::kKazakh),
             {tokaev}, {}, 200),
        with(make_article("kk-3", "Қазақстан жаңа кезеңде", "Қазақстан президенті Тоқаев.",
                          day(2022, 1, 10), Language::kKazakh),
             {}, {}, 20),
    };
    for (const Article& article : articles) {
      auto added = writer->add_or_replace(article);
      ASSERT_TRUE(added) << added.error().message;
    }
    ASSERT_TRUE(writer->commit());
    database_ = new Xapian::Database(dir_->str());
    SuggesterLimits limits;
    limits.min_term_frequency = 1;
    auto built = Suggester::build(*database_, limits);
    ASSERT_TRUE(built) << built.error().message;
    suggester_ = new std::shared_ptr<const Suggester>(std::move(*built));
  }
  static void TearDownTestSuite() {
    delete suggester_;
    delete database_;
    delete dir_;
  }

  static Suggestions suggest(std::string_view query, std::size_t limit = 10) {
    return (*suggester_)->suggest(query, limit);
  }
  static std::vector<std::string> texts(const Suggestions& suggestions, SuggestionKind kind) {
    std::vector<std::string> out;
    for (const Suggestion& s : suggestions.items) {
      if (s.kind == kind) out.push_back(s.text);
    }
    return out;
  }

  static TempDir* dir_;
  static Xapian::Database* database_;
  static std::shared_ptr<const Suggester>* suggester_;
};

TempDir* SuggesterTest::dir_ = nullptr;
Xapian::Database* SuggesterTest::database_ = nullptr;
std::shared_ptr<const Suggester>* SuggesterTest::suggester_ = nullptr;

TEST_F(SuggesterTest, CountsWhatItRead) {
  const Suggester::Stats& stats = (*suggester_)->stats();
  EXPECT_EQ(stats.items[static_cast<std::size_t>(SuggestionKind::kPerson)], 3u);
  EXPECT_EQ(stats.items[static_cast<std::size_t>(SuggestionKind::kRegion)], 3u);
  EXPECT_EQ(stats.items[static_cast<std::size_t>(SuggestionKind::kTitle)], 7u);  // 8 minus the copy
  EXPECT_GT(stats.items[static_cast<std::size_t>(SuggestionKind::kTerm)], 30u);
  EXPECT_GT(stats.entries, 0u);
  EXPECT_GT(stats.memory_bytes, 0u);
}

struct PersonCase {
  std::string_view query;
  std::string_view why;
};

void PrintTo(const PersonCase& c, std::ostream* os) { *os << '"' << c.query << '"'; }

class PersonCompletionTest : public SuggesterTest,
                             public ::testing::WithParamInterface<PersonCase> {};

// Every spelling completes to the person, and the most mentioned person first.
TEST_P(PersonCompletionTest, CompletesToTokaevFirst) {
  const Suggestions result = suggest(GetParam().query);
  ASSERT_FALSE(result.items.empty());
  const Suggestion& first = result.items.front();
  EXPECT_EQ(first.kind, SuggestionKind::kPerson);
  EXPECT_EQ(first.text, "Токаев Касым-Жомарт Кемелевич");
  EXPECT_EQ(first.id, kTokaev);
  EXPECT_FALSE(result.layout_fixed.has_value());
}

const PersonCase kPersonCases[] = {
    {"tok", "Latin, through the loose key"},
    {"ток", "Russian Cyrillic, exact"},
    {"Тоқ", "Kazakh Cyrillic, through the loose key"},
    {"ТОКАЕВ", "upper case"},
    {"Tokayev", "an English-press spelling"},
    {"Тоқаевтың", "a Kazakh case form, through the person key"},
    {"Токаеву", "a Russian case form, through the person key"},
    {"касым-жом", "a later word of the name"},
    {"Kasym", "a later word, Latin"},
    {"т\u006Fкаев", "a Latin o inside a Cyrillic word (homoglyph)"},
};

INSTANTIATE_TEST_SUITE_P(Spellings, PersonCompletionTest, ::testing::ValuesIn(kPersonCases));

TEST_F(SuggesterTest, PeopleAreRankedByHowManyArticlesMentionThem) {
  const Suggestions result = suggest("ток");
  EXPECT_EQ(texts(result, SuggestionKind::kPerson),
            (std::vector<std::string>{"Токаев Касым-Жомарт Кемелевич", "Токтаров Серик"}));
}

TEST_F(SuggesterTest, ListsKindsInOrderAndTakesThemInTurn) {
  const Suggestions all = suggest("алм", 10);
  ASSERT_FALSE(all.items.empty());
  for (std::size_t i = 1; i < all.items.size(); ++i) {
    EXPECT_LE(static_cast<int>(all.items[i - 1].kind), static_cast<int>(all.items[i].kind));
  }
  // Shown by the gazetteer's Russian name (3 articles).
  EXPECT_EQ(texts(all, SuggestionKind::kRegion).front(), "Алматы");
  // Found by its other names too: Kazakh, Latin and the former «Алма-Ата».
  for (const char* typed : {"Almat", "алма-ат"}) {
    EXPECT_EQ(texts(suggest(typed, 10), SuggestionKind::kRegion).front(), "Алматы") << typed;
  }
  EXPECT_FALSE(texts(all, SuggestionKind::kTerm).empty());
  EXPECT_FALSE(texts(all, SuggestionKind::kTitle).empty());

  // Three slots: one per kind that matched, in the list order.
  const Suggestions three = suggest("алм", 3);
  ASSERT_EQ(three.items.size(), 3u);
  EXPECT_EQ(three.items[0].kind, SuggestionKind::kRegion);
  EXPECT_EQ(three.items[1].kind, SuggestionKind::kTerm);
  EXPECT_EQ(three.items[2].kind, SuggestionKind::kTitle);
}

TEST_F(SuggesterTest, LimitIsRespectedAndCapped) {
  EXPECT_EQ(suggest("а", 1).items.size(), 1u);
  EXPECT_EQ(suggest("а", 4).items.size(), 4u);
  EXPECT_TRUE(suggest("а", 0).items.empty());
  EXPECT_LE(suggest("а", 1000).items.size(), kMaxSuggestions);
}

TEST_F(SuggesterTest, TitlesMatchAtAnyWordAndShowTheStoredText) {
  const Suggestions result = suggest("путин");
  EXPECT_EQ(texts(result, SuggestionKind::kTitle),
            std::vector<std::string>{"Токаев встретился с Путиным"});
  for (const Suggestion& s : result.items) {
    if (s.kind == SuggestionKind::kTitle) {
      EXPECT_EQ(s.id, "ru-1");
    }
  }
  // Syndicated copies are suggested once, with the id of the most viewed.
  const Suggestions copies = suggest("президент посетил");
  ASSERT_EQ(texts(copies, SuggestionKind::kTitle),
            std::vector<std::string>{"Президент посетил Алматы"});
  EXPECT_EQ(copies.items.back().id, "ru-2");
}

TEST_F(SuggesterTest, TitlesAreRankedByViews) {
  const Suggestions result = suggest("токаев", 10);
  // ru-1 (500 views) and kk-1 «Тоқаев», loose (300 views, counted once for a
  // loose match against four times for an exact one).
  EXPECT_EQ(texts(result, SuggestionKind::kTitle),
            (std::vector<std::string>{"Токаев встретился с Путиным", "Тоқаев Алматыда болды"}));
}

TEST_F(SuggesterTest, ATrailingSpaceAsksForWholeWords) {
  // «тоқаев» is the Kazakh spelling, a loose match: after the exact ones.
  EXPECT_EQ(texts(suggest("токаев"), SuggestionKind::kTerm),
            (std::vector<std::string>{"токаев", "токаева", "тоқаев"}));
  EXPECT_EQ(texts(suggest("токаев "), SuggestionKind::kTerm),
            (std::vector<std::string>{"токаев", "тоқаев"}));
}

TEST_F(SuggesterTest, CaseAndYoDoNotMatter) {
  for (std::string_view query : {"ёлк", "ЕЛК", "Ёлка"}) {
    EXPECT_EQ(texts(suggest(query), SuggestionKind::kTerm), std::vector<std::string>{"елка"})
        << query;
  }
}

TEST_F(SuggesterTest, WordCompletionsKeepTheWordsBefore) {
  const auto terms = texts(suggest("Президент ток"), SuggestionKind::kTerm);
  ASSERT_FALSE(terms.empty());
  EXPECT_EQ(terms.front(), "президент токаев");
}

struct LayoutCase {
  std::string_view typed;
  std::string_view fixed;
  SuggestionKind kind;
  std::string_view expected;  // a suggestion of that kind
};

void PrintTo(const LayoutCase& c, std::ostream* os) { *os << '"' << c.typed << '"'; }

class LayoutFixTest : public SuggesterTest, public ::testing::WithParamInterface<LayoutCase> {};

TEST_P(LayoutFixTest, SuggestsForTheLayoutTheUserMeant) {
  const LayoutCase& c = GetParam();
  const Suggestions result = suggest(c.typed);
  ASSERT_TRUE(result.layout_fixed.has_value());
  EXPECT_EQ(*result.layout_fixed, c.fixed);
  const auto of_kind = texts(result, c.kind);
  EXPECT_NE(std::find(of_kind.begin(), of_kind.end(), c.expected), of_kind.end()) << c.expected;
}

const LayoutCase kLayoutCases[] = {
    {"Fkvfns", "Алматы", SuggestionKind::kTerm, "алматы"},  // Latin keys, Russian meant
    {"ghtpbltyn", "президент", SuggestionKind::kTerm, "президент"},
    {")fpf0cnfy", "Қазақстан", SuggestionKind::kTerm, "қазақстан"},  // Kazakh layout: Shift+0 is Қ
    {"0fpf0cnfy [fk0", "қазақстан халқ", SuggestionKind::kTitle,
     "Қазақстан халқы Ассамблеясы сессиясы"},
    {"Ещлфум", "Tokaev", SuggestionKind::kPerson, "Токаев Касым-Жомарт Кемелевич"},  // Latin meant
};

INSTANTIATE_TEST_SUITE_P(Layouts, LayoutFixTest, ::testing::ValuesIn(kLayoutCases));

TEST_F(SuggesterTest, NoLayoutFixWhenTheQueryCompletesAsTyped) {
  EXPECT_FALSE(suggest("алматы").layout_fixed.has_value());
  EXPECT_FALSE(suggest("Tokaev").layout_fixed.has_value());
}

TEST_F(SuggesterTest, NothingToCompleteGivesNothing) {
  // «жез» has no Latin reading: ";tp" would lose a letter.
  for (std::string_view query : {"", "   ", "?!", "zzqxw", "щщщщщщ", "жез"}) {
    const Suggestions result = suggest(query);
    EXPECT_TRUE(result.items.empty()) << query;
    EXPECT_FALSE(result.layout_fixed.has_value()) << query;
  }
}

TEST_F(SuggesterTest, RespectsTheCaps) {
  SuggesterLimits limits;
  limits.max_titles = 2;
  limits.max_people = 1;
  limits.max_regions = 0;
  limits.max_terms = 5;
  limits.min_term_frequency = 1;
  auto built = Suggester::build(*database_, limits);
  ASSERT_TRUE(built) << built.error().message;
  const Suggester::Stats& stats = (*built)->stats();
  EXPECT_EQ(stats.items[static_cast<std::size_t>(SuggestionKind::kPerson)], 1u);
  EXPECT_EQ(stats.items[static_cast<std::size_t>(SuggestionKind::kRegion)], 0u);
  EXPECT_EQ(stats.items[static_cast<std::size_t>(SuggestionKind::kTerm)], 5u);
  EXPECT_EQ(stats.items[static_cast<std::size_t>(SuggestionKind::kTitle)], 2u);
  // The two most recent articles: kk-1 (2024-07-01), and of the two from
  // 2024-06-01 the one indexed last (the copy); by views, kk-1 first.
  const Suggestions result = (*built)->suggest("а", 50);
  EXPECT_EQ(texts(result, SuggestionKind::kTitle),
            (std::vector<std::string>{"Тоқаев Алматыда болды", "Президент посетил Алматы"}));
  EXPECT_EQ(texts(result, SuggestionKind::kPerson),
            std::vector<std::string>{});  // the one person is Токаев: no «а» word
}

TEST_F(SuggesterTest, ABuildCanBeCancelled) {
  const std::atomic<bool> cancel{true};
  auto built = Suggester::build(*database_, {}, &cancel);
  ASSERT_FALSE(built);
  EXPECT_EQ(built.error().code, ErrorCode::kUnavailable);
  const std::atomic<bool> go_on{false};
  EXPECT_TRUE(Suggester::build(*database_, {}, &go_on));
}

TEST(PersonDisplayNameTest, CapitalizesEveryWordAndHyphenatedPart) {
  EXPECT_EQ(person_display_name("токаев касым-жомарт кемелевич"), "Токаев Касым-Жомарт Кемелевич");
  EXPECT_EQ(person_display_name("әбішев ғабит"), "Әбішев Ғабит");
  EXPECT_EQ(person_display_name("ұлықбек өмір қуаныш ңңң үлкен һ ілияс"),
            "Ұлықбек Өмір Қуаныш Ңңң Үлкен Һ Ілияс");
  EXPECT_EQ(person_display_name("ёлкин smith"), "Ёлкин Smith");
  EXPECT_EQ(person_display_name(""), "");
}

}  // namespace
}  // namespace izdeu::corpus
