#pragma once
// Article <-> Xapian::Document. Encoding runs the article's analyzer and
// writes every term the schema (schema.h) describes; decoding reads the stored
// document data back into an Article.

#include <xapian.h>

#include <string>
#include <vector>

#include "analyzers/token.h"
#include "corpus/article.h"
#include "corpus/error.h"

namespace izdeu::corpus {

/// An article's title and body as analyzer_for(article.language) sees them.
struct ArticleTokens {
  std::vector<analyzers::Token> title;
  std::vector<analyzers::Token> body;
};

/// Analyzes the title and body once, for a caller that needs the tokens
/// before encoding too (entity annotation in prepare_document(), prepare.h).
ArticleTokens analyze_article(const Article& article);

/// Builds the document for `article`: exact terms with positions (title and
/// body), S title terms, Z stems, boolean Q/D/M/Y/L/U/XSRC terms, value slots
/// and the stored data. `article.id` must be non-empty.
Xapian::Document encode_article(const Article& article);

/// The same from tokens analyze_article() returned for this article's title
/// and body (entity fields may have changed since; the text must not).
Xapian::Document encode_article(const Article& article, const ArticleTokens& tokens);

/// Reads the stored data of a document written by encode_article().
Result<Article> decode_article(const std::string& document_data);

/// The Q term of an article id.
std::string id_term(const std::string& id);

/// Stored data in the form omega uses, one "name=value" per line, with
/// backslash, newline and carriage return escaped in values. Exposed for tests.
std::string serialize_fields(const Article& article);

}  // namespace izdeu::corpus
