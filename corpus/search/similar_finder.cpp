#include "corpus/search/similar_finder.h"

#include <xapian.h>

#include <string_view>

#include "analyzers/text_normalizer.h"
#include "analyzers/utf8.h"
#include "corpus/index/article_codec.h"
#include "corpus/index/shards.h"
#include "corpus/index/xapian_errors.h"
#include "corpus/schema.h"
#include "corpus/search/snippet_generator.h"

namespace izdeu::corpus {
namespace {

// The related-articles snippet is the article's opening, as a search hit
// without a matched word shows it.
constexpr std::size_t kSimilarSnippetChars = 200;

// The words of the article worth asking for: unprefixed terms (the exact
// normalized forms of title and body words; every prefixed term starts with
// an ASCII capital, schema.h) that hold a letter, so dates and counts
// («2021», «15») do not make articles alike.
class WordDecider : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;
    for (std::size_t i = 0; i < term.size();) {
      const char32_t c = analyzers::decode_utf8(term, i);
      if (!(c >= U'0' && c <= U'9')) return true;
    }
    return false;
  }
};

// Keeps the article's syndicated copies out: they share its collapse key.
class NotACopy : public Xapian::MatchDecider {
 public:
  explicit NotACopy(std::string key) : key_(std::move(key)) {}
  bool operator()(const Xapian::Document& document) const override {
    return key_.empty() || document.get_value(schema::kCollapseSlot) != key_;
  }

 private:
  std::string key_;
};

std::string joined(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& path : paths) out += (out.empty() ? "" : ", ") + path;
  return out;
}

// Person and region terms are boolean (wdf 0), so BM25 gives them no weight;
// a fixed weight ANDed with the term is what an article naming them gains.
Xapian::Query weighed_term(const std::string& term, double weight) {
  return Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(term),
                       Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()));
}

bool has_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = analyzers::decode_utf8(text, i);
    if (!analyzers::is_space_code_point(c) && !analyzers::is_invisible_code_point(c)) return true;
  }
  return false;
}

Result<Hit> to_hit(const Xapian::MSetIterator& item) {
  auto article = decode_article(item.get_document().get_data());
  if (!article) return article.error();
  Hit hit;
  hit.id = std::move(article->id);
  const bool has_title = has_text(article->title);
  const bool has_body = has_text(article->body);
  hit.title = has_title ? std::move(article->title) : generated_title(article->body);
  hit.title_generated = !has_title;
  hit.title_html = html_escape(hit.title);
  hit.url = std::move(article->url);
  hit.source = std::move(article->source);
  hit.date = article->date;
  hit.language = article->language;
  hit.views = article->views;
  hit.score = item.get_weight();
  hit.duplicates = item.get_collapse_count();
  hit.snippet = make_snippet(has_body ? article->body : hit.title, article->language, MatchTerms{},
                             kSimilarSnippetChars);
  for (PersonRef& person : article->people) hit.people.push_back(std::move(person.key));
  hit.regions = std::move(article->regions);
  hit.topics = std::move(article->topics);
  return hit;
}

}  // namespace

Result<std::vector<Hit>> find_similar(Searcher& searcher, const std::string& id,
                                      std::uint32_t limit) {
  if (limit < 1 || limit > kMaxSimilar) {
    return invalid_argument("limit must be 1.." + std::to_string(kMaxSimilar));
  }
  // database() reopens to the latest commit, and may throw doing so.
  Xapian::Database* opened = nullptr;
  try {
    opened = &searcher.database();
  } catch (const Xapian::Error& e) {
    return from_xapian(e, joined(searcher.paths()));
  }
  Xapian::Database& database = *opened;
  return with_reopen_retry(database, joined(searcher.paths()), [&]() -> Result<std::vector<Hit>> {
    const std::string id_key = id_term(id);
    Xapian::PostingIterator posting = database.postlist_begin(id_key);
    if (posting == database.postlist_end(id_key)) return not_found("no article with id " + id);
    const Xapian::docid docid = *posting;
    const Xapian::Document document = database.get_document(docid);
    auto article = decode_article(document.get_data());
    if (!article) return article.error();

    Xapian::Enquire enquire(database);
    // Bo1 weighs a term by how much more often the article uses it than the
    // collection would lead one to expect; with one relevant document the
    // default (TradEWeight) sees only rarity and favours typos.
    enquire.set_expansion_scheme("bo1");
    Xapian::RSet relevant;
    relevant.add_document(docid);
    const WordDecider words;
    const Xapian::ESet eset = enquire.get_eset(kSimilarTerms, relevant, 0, &words);
    std::vector<Xapian::Query> clauses;
    for (auto term = eset.begin(); term != eset.end(); ++term) clauses.emplace_back(*term);
    Xapian::Query text(Xapian::Query::OP_OR, clauses.begin(), clauses.end());

    // The bonus for a shared person or region is a share of the word query's
    // largest possible weight, so it means the same for long and short articles.
    double scale = 1;
    if (!clauses.empty()) {
      enquire.set_query(text);
      const double max_possible = enquire.get_mset(0, 0).get_max_possible();
      if (max_possible > 0) scale = max_possible;
    }
    std::vector<Xapian::Query> entities;
    for (std::size_t i = 0; i < article->people.size() && i < kSimilarEntities; ++i) {
      entities.push_back(weighed_term(std::string(schema::kPersonPrefix) + article->people[i].key,
                                      kSharedPersonShare * scale));
    }
    for (std::size_t i = 0; i < article->regions.size() && i < kSimilarEntities; ++i) {
      entities.push_back(weighed_term(std::string(schema::kRegionPrefix) + article->regions[i],
                                      kSharedRegionShare * scale));
    }
    if (clauses.empty() && entities.empty()) return std::vector<Hit>{};
    entities.push_back(text);
    const Xapian::Query related(
        Xapian::Query::OP_AND_NOT,
        Xapian::Query(Xapian::Query::OP_OR, entities.begin(), entities.end()),
        Xapian::Query(id_key));

    enquire.set_query(related);
    enquire.set_collapse_key(schema::kCollapseSlot);
    const NotACopy not_a_copy(document.get_value(schema::kCollapseSlot));
    const Xapian::MSet mset = enquire.get_mset(0, limit, nullptr, &not_a_copy);
    std::vector<Hit> hits;
    for (auto item = mset.begin(); item != mset.end(); ++item) {
      auto hit = to_hit(item);
      if (!hit) return hit.error();
      hits.push_back(std::move(*hit));
    }
    return hits;
  });
}

}  // namespace izdeu::corpus
