#pragma once
// The one way an article becomes a document for the index: a RawArticle, as
// an archive reader (or a client of the HTTP API) gives it, is checked, gets
// its id and language, is analyzed once, tagged with people, regions and
// topics from those tokens, and encoded. The indexer's workers call
// prepare_document() for every record; whatever writes to an index next calls
// it too, so an article indexed from any source gets the same terms.

#include <xapian.h>

#include <functional>
#include <memory>

#include "analyzers/gazetteers/region_gazetteer.h"
#include "analyzers/gazetteers/topic_taxonomy.h"
#include "corpus/article.h"
#include "corpus/error.h"
#include "corpus/index/article_codec.h"

namespace izdeu::corpus {

/// What entity tagging reads besides the article. Shared, so that options can
/// outlive the code that built them (the indexer's workers, a server).
struct PrepareOptions {
  /// Topics articles are tagged with; null: TopicTaxonomy::builtin().
  std::shared_ptr<const analyzers::TopicTaxonomy> topics;
  /// Regions articles are tagged with; null: RegionGazetteer::builtin().
  std::shared_ptr<const analyzers::RegionGazetteer> regions;
  /// When set, runs instead of the entity tagging (annotate_entities), with
  /// the article (id and language decided) and the tokens that are then
  /// encoded; for tests and tools that tag differently. Must not change the
  /// title or body; must be safe to call from several threads at once.
  std::function<void(Article&, const ArticleTokens&)> annotate;
};

/// An article ready for IndexWriter::add_or_replace(article.id, document).
struct PreparedDocument {
  /// The article as stored: the given fields, the id (article_id()), the
  /// language (given or detected), and people, regions and topics.
  Article article;
  /// encode_article(article): every term, value and the stored data.
  Xapian::Document document;
};

/// The article `raw` describes, without analysis: its fields as given, its id
/// decided by article_id() and its language as given or, when `raw` names
/// none, detect_language() over the title, a line break and the body; no
/// entities. Either the title or the body may be empty (not both).
/// kInvalidArgument when both are empty or blank ("title and body are both
/// empty") or, naming the field, when a text field is not valid UTF-8
/// ("invalid utf-8 in body at byte N"). Fields are taken as they are: white
/// space is the reader's to tidy (page dumps join lines, JSONL keeps
/// paragraphs). Thread-safe.
Result<Article> prepare_article(RawArticle raw);

/// prepare_article(), then one analysis of the title and body with the
/// language's analyzer, entity tagging from those tokens (annotate_entities(),
/// or options.annotate) and encode_article() from the same tokens. Fails only
/// as prepare_article() does; never throws for any input text. Thread-safe
/// when options.annotate is.
Result<PreparedDocument> prepare_document(RawArticle raw, const PrepareOptions& options = {});

}  // namespace izdeu::corpus
