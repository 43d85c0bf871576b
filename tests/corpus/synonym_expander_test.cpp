// Query-time synonyms over a real index: «АНК» finds an article that only
// says «Ассамблея народа Казахстана» and the reverse; «ҚХА» finds both.

#include "corpus/query/synonym_expander.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>

#include "analyzers/analyzer.h"
#include "corpus/index/index_writer.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::make_article;
using testing::TempDir;

class SynonymExpanderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = IndexWriter::open(dir_.str());
    ASSERT_TRUE(writer);
    const Article articles[] = {
        make_article("full-ru", "Сессия в столице", "Ассамблея народа Казахстана провела сессию."),
        make_article("inflected-ru", "Итоги года",
                     "Члены Ассамблеи народа Казахстана подвели итоги."),
        make_article("acronym-ru", "Новости", "Председатель АНК выступил с докладом."),
        make_article("full-kk", "Жаңалықтар", "Қазақстан халқы Ассамблеясының сессиясы өтті.",
                     std::nullopt, Language::kKazakh),
        make_article("acronym-kk", "Жаңалықтар", "ҚХА төрағасы сөз сөйледі.", std::nullopt,
                     Language::kKazakh),
        // The words, but not as the name: a phrase must not match them.
        make_article("scattered", "Ассамблея",
                     "Народ Казахстана и народ соседей, ассамблея друзей."),
        make_article("rk", "Законы", "Конституция Республики Казахстан принята в 1995 году."),
        make_article("kr", "Заңдар", "ҚР Конституциясы қабылданды.", std::nullopt,
                     Language::kKazakh),
        make_article("eaeu", "Торговля", "Страны ЕАЭО договорились о пошлинах.", std::nullopt,
                     Language::kKazakh),
    };
    for (const Article& article : articles) ASSERT_TRUE(writer->add_or_replace(article));
    ASSERT_TRUE(writer->commit());
    database_ = Xapian::Database(dir_.str());
  }

  // Articles the synonym query of `text` (its whole text must be one span) finds.
  std::set<std::string> matching(const std::string& text, bool with_database = true) {
    const auto tokens = analyzers::analyzer_for(Language::kRussian).analyze(text);
    const std::vector<SynonymExpansion> expansions =
        expand_synonyms(tokens, with_database ? &database_ : nullptr);
    EXPECT_EQ(expansions.size(), 1u) << text;
    if (expansions.size() != 1) return {};
    EXPECT_EQ(expansions[0].first_token, 0u);
    EXPECT_EQ(expansions[0].token_count, tokens.size());
    Xapian::Enquire enquire(database_);
    enquire.set_query(expansions[0].query);
    std::set<std::string> ids;
    for (const Xapian::docid docid : enquire.get_mset(0, 100)) {
      const Xapian::Document document = database_.get_document(docid);
      auto term = document.termlist_begin();
      term.skip_to("Q");
      ids.insert((*term).substr(1));
    }
    return ids;
  }

  TempDir dir_;
  Xapian::Database database_;
};

TEST_F(SynonymExpanderTest, EveryFormOfTheAssemblyFindsEveryOther) {
  const std::set<std::string> assembly = {"full-ru", "inflected-ru", "acronym-ru", "full-kk",
                                          "acronym-kk"};
  for (const char* query : {"АНК", "анк", "ҚХА", "Ассамблея народа Казахстана",
                            "ассамблеи народа казахстана", "Қазақстан халқы Ассамблеясы"}) {
    EXPECT_EQ(matching(query), assembly) << query;
  }
}

TEST_F(SynonymExpanderTest, WithoutADatabasePhrasesMatchAsWritten) {
  // «Ассамблеи» and «Ассамблеясының» are inflections only the term list knows.
  EXPECT_EQ(matching("АНК", false), (std::set<std::string>{"full-ru", "acronym-ru", "acronym-kk"}));
}

TEST_F(SynonymExpanderTest, OtherGroups) {
  EXPECT_EQ(matching("РК"), (std::set<std::string>{"rk", "kr"}));
  EXPECT_EQ(matching("Қазақстан Республикасы"), (std::set<std::string>{"rk", "kr"}));
  EXPECT_EQ(matching("ЕАЭС"), std::set<std::string>{"eaeu"});
}

TEST_F(SynonymExpanderTest, ReportsSpansAndTermsForTheQueryBuilder) {
  const auto tokens =
      analyzers::analyzer_for(Language::kRussian).analyze("итоги сессии АНК в Астане");
  const std::vector<SynonymExpansion> expansions = expand_synonyms(tokens, &database_);
  ASSERT_EQ(expansions.size(), 1u);
  EXPECT_EQ(expansions[0].first_token, 2u);
  EXPECT_EQ(expansions[0].token_count, 1u);
  const auto& exact = expansions[0].exact_terms;
  for (const char* term : {"анк", "қха", "ассамблея", "ассамблеи", "ассамблеясының"}) {
    EXPECT_NE(std::find(exact.begin(), exact.end(), term), exact.end()) << term;
  }
  EXPECT_TRUE(
      expand_synonyms(analyzers::analyzer_for(Language::kRussian).analyze("погода"), &database_)
          .empty());
}

}  // namespace
}  // namespace izdeu::corpus
