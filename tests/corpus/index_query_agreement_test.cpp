// The same analyzer at index and at query time: every word of every sample
// article, typed as a query, yields a term that the article was indexed with.

#include <gtest/gtest.h>

#include <set>

#include "analyzers/analyzer.h"
#include "corpus/index/article_codec.h"
#include "corpus/query/query_builder.h"
#include "corpus/schema.h"
#include "indexer/archive_reader.h"

namespace izdeu::corpus {
namespace {

TEST(IndexQueryAgreementTest, EveryWordOfTheSampleFindsItsArticle) {
  std::vector<Article> articles;
  const auto files = indexer::list_archive_files(
      {std::string(IZDEU_SOURCE_DIR) + "/tests/fixtures/sample"}, [](const indexer::ReadIssue&) {});
  for (const auto& file : files) {
    indexer::read_archive_file(
        file, [&](Article&& article) { articles.push_back(std::move(article)); },
        [](const indexer::ReadIssue&) {});
  }
  ASSERT_GE(articles.size(), 60u);

  std::size_t words_checked = 0;
  for (const Article& article : articles) {
    std::set<std::string> indexed;
    const Xapian::Document document = encode_article(article);
    for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
      indexed.insert(*it);
    }
    const auto tokens = analyzers::analyzer_for(article.language).analyze(article.title);
    for (const auto& token : tokens) {
      const std::string surface =
          article.title.substr(token.byte_begin, token.byte_end - token.byte_begin);
      auto built = build_query({.query = surface});
      if (!built) continue;  // e.g. a lone punctuation-only token
      bool found = false;
      for (const auto& term : built->match_terms.exact) found |= indexed.count(term) > 0;
      for (const auto& stem : built->match_terms.stems) {
        found |= indexed.count(std::string(schema::kStemPrefix) + stem) > 0;
      }
      EXPECT_TRUE(found) << "query «" << surface << "» does not match article " << article.id;
      ++words_checked;
    }
  }
  EXPECT_GT(words_checked, 400u);
}

}  // namespace
}  // namespace izdeu::corpus
