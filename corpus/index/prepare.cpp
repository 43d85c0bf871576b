#include "corpus/index/prepare.h"

#include <string_view>
#include <utility>

#include "analyzers/language_detector.h"
#include "analyzers/text_normalizer.h"
#include "analyzers/utf8.h"
#include "corpus/index/article_id.h"
#include "corpus/index/entity_annotator.h"

namespace izdeu::corpus {
namespace {

// Whether `text` holds anything but white space (U+00A0 NO-BREAK SPACE and
// the rest of is_space_code_point) and invisible code points, as the readers
// count blank through collapse_whitespace(); stops at the first letter rather
// than collapsing a whole body.
bool has_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = analyzers::decode_utf8(text, i);
    if (!analyzers::is_space_code_point(c) && !analyzers::is_invisible_code_point(c)) return true;
  }
  return false;
}

struct Field {
  std::string_view name;
  std::string_view text;
};

// Readers check what their format can get wrong, in their own words ("no
// title" in a page dump, "missing field" in JSONL); these checks hold for
// every source, including those with no reader of their own, so that an index
// never stores an article it could not show (nlohmann::json throws on
// invalid UTF-8 when a result is rendered).
// An article needs a title or a body, not both: a wire item or a page dump
// without a headline is still news (results show its first words instead,
// corpus/search), and a headline without a body is still found by its words.
Result<void> check(const RawArticle& raw) {
  const Field fields[] = {
      {"title", raw.title}, {"body", raw.body},     {"id", raw.id},
      {"url", raw.url},     {"source", raw.source}, {"section", raw.section},
  };
  for (const Field& field : fields) {
    if (const auto bad = analyzers::find_invalid_utf8(field.text)) {
      return invalid_argument("invalid utf-8 in " + std::string(field.name) + " at byte " +
                              std::to_string(*bad));
    }
  }
  if (!has_text(raw.title) && !has_text(raw.body)) {
    return invalid_argument("title and body are both empty");
  }
  return {};
}

}  // namespace

Result<Article> prepare_article(RawArticle raw) {
  if (auto checked = check(raw); !checked) return checked.error();
  Article article;
  article.id = std::move(raw.id);
  article.url = std::move(raw.url);
  article.source = std::move(raw.source);
  article.section = std::move(raw.section);
  article.title = std::move(raw.title);
  article.body = std::move(raw.body);
  article.date = raw.date;
  article.views = raw.views;
  // The same text the readers detected from before this function existed:
  // the title, a line break, the body (only the first 16 KB are read).
  article.language = raw.language ? *raw.language
                                  : analyzers::detect_language(article.title + "\n" + article.body);
  // Decided after every other field is in place: a derived id reads the url,
  // or the section, date and title.
  article.id = article_id(article);
  return article;
}

Result<PreparedDocument> prepare_document(RawArticle raw, const PrepareOptions& options) {
  auto article = prepare_article(std::move(raw));
  if (!article) return article.error();
  // One analysis: entity tagging reads the tokens the encoder then writes,
  // and analysis is most of the cost of both.
  const ArticleTokens tokens = analyze_article(*article);
  if (options.annotate) {
    options.annotate(*article, tokens);
  } else {
    annotate_entities(*article, tokens.title, tokens.body,
                      options.topics ? *options.topics : analyzers::TopicTaxonomy::builtin(),
                      options.regions ? *options.regions : analyzers::RegionGazetteer::builtin());
  }
  Xapian::Document document = encode_article(*article, tokens);
  return PreparedDocument{std::move(*article), std::move(document)};
}

}  // namespace izdeu::corpus
