#include "corpus/people/mention_scanner.h"

#include <algorithm>

#include "analyzers/people/person_recognizer.h"
#include "analyzers/utf8.h"
#include "corpus/index/article_codec.h"
#include "corpus/index/shards.h"
#include "corpus/query/entity_filters.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

// Accepts only documents after the last one a batch returned, so each batch
// continues where the previous one stopped without an offset to skip.
class AfterDocid : public Xapian::MatchDecider {
 public:
  explicit AfterDocid(Xapian::docid last) : last_(last) {}
  bool operator()(const Xapian::Document& document) const override {
    return document.get_docid() > last_;
  }

 private:
  Xapian::docid last_;
};

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// "…" is U+2026 HORIZONTAL ELLIPSIS, E2 80 A6 in UTF-8.
bool ellipsis_at(std::string_view text, std::size_t i) {
  return text.substr(i, 3) == "\xE2\x80\xA6";
}

// A period after a one-letter word is an initial («Л. Ю. Гирш»), not a
// sentence end.
bool is_initial_period(std::string_view text, std::size_t period) {
  std::size_t start = period;
  while (start > 0 && !is_space(static_cast<unsigned char>(text[start - 1])) &&
         text[start - 1] != '.') {
    --start;
  }
  return start < period && analyzers::count_code_points(text.substr(start, period - start)) == 1;
}

// Whether a sentence ends at byte i (the end mark itself is at i).
bool sentence_end_at(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '\n' || c == '!' || c == '?') return true;
  if (ellipsis_at(text, i)) return true;
  if (c == '.') {
    const bool followed_by_space =
        i + 1 >= text.size() || is_space(static_cast<unsigned char>(text[i + 1]));
    return followed_by_space && !is_initial_period(text, i);
  }
  return false;
}

}  // namespace

std::string_view sentence_around(std::string_view text, std::size_t begin, std::size_t end) {
  begin = std::min(begin, text.size());
  end = std::min(std::max(end, begin), text.size());
  std::size_t from = begin;
  while (from > 0 && !sentence_end_at(text, from - 1)) --from;
  // A sentence end found inside an ellipsis' bytes: step past all three.
  while (from < begin && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
  std::size_t to = end;
  while (to < text.size() && !sentence_end_at(text, to)) ++to;
  if (to < text.size()) to += ellipsis_at(text, to) ? 3 : (text[to] == '\n' ? 0 : 1);
  while (from < to && is_space(static_cast<unsigned char>(text[from]))) ++from;
  while (to > from && is_space(static_cast<unsigned char>(text[to - 1]))) --to;
  return text.substr(from, to - from);
}

bool key_has_words(std::string_view key, const std::vector<analyzers::PersonQueryWord>& words) {
  const std::vector<std::string> key_words = split_key_words(key);
  auto has = [&](const analyzers::PersonQueryWord& word) {
    for (const std::string& key_word : key_words) {
      for (const std::string& alternative : word.alternatives) {
        if (key_word == alternative) return true;
      }
      // An initial is its letter and a dot: «Л.» stands for any л-word.
      if (word.initial && key_word.starts_with(word.primary.substr(0, word.primary.size() - 1))) {
        return true;
      }
      // «Клара» stands for the initial «к.» of a key that gave only that.
      if (word.given && key_word.size() > 1 && key_word.back() == '.' &&
          word.primary.starts_with(key_word.substr(0, key_word.size() - 1))) {
        return true;
      }
    }
    return false;
  };
  return std::all_of(words.begin(), words.end(), has);
}

Xapian::Query people_filter_query(const PeopleFilter& filter) {
  std::vector<Xapian::Query> parts;
  if (!filter.person.empty()) parts.push_back(person_filter(filter.person));
  for (const std::string& region : filter.regions) parts.push_back(region_filter(region));
  if (filter.from || filter.to) {
    const std::string low = filter.from ? filter.from->to_yyyymmdd() : std::string("00000000");
    const std::string high = filter.to ? filter.to->to_yyyymmdd() : std::string("99999999");
    parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, low, high);
  }
  if (parts.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Result<MentionScanner> MentionScanner::create(Searcher& searcher, PeopleFilter filter) {
  std::vector<analyzers::PersonQueryWord> words = analyzers::person_query_words(filter.person);
  if (words.empty()) return invalid_argument("parameter 'person' must name a person");
  Xapian::Query query = people_filter_query(filter);
  return MentionScanner(searcher, std::move(query), std::move(words));
}

Result<bool> MentionScanner::next(std::vector<Mention>& out, std::size_t max_articles,
                                  std::size_t max_mentions) {
  if (done_) return false;
  const std::size_t first = out.size();
  auto read_batch = [&]() -> Result<bool> {
    Xapian::Database& database = searcher_->database();
    Xapian::Enquire enquire(database);
    enquire.set_query(query_);
    // Boolean weighting in ascending docid order lets Xapian stop as soon as
    // it has a batch: index order, constant cost per batch.
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const AfterDocid after(last_docid_);
    // The decider only over one local database. A remote shard runs no
    // MatchDecider of ours (xapian-tcpsrv knows only Xapian's classes), and
    // over several databases Xapian shows a decider each database's own
    // docids, not the combined ones last_docid_ holds, so articles were
    // skipped on a sharded index. There the batch is an offset into the
    // same docid order instead, which costs a skip per batch.
    const bool offset = searcher_->has_remote_shards() || database.size() != 1;
    const Xapian::MSet mset =
        offset ? enquire.get_mset(static_cast<Xapian::doccount>(articles_done_),
                                  static_cast<Xapian::doccount>(max_articles))
               : enquire.get_mset(0, static_cast<Xapian::doccount>(max_articles), nullptr, &after);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      if (out.size() - first >= max_mentions) return true;  // the rest in the next batch
      auto article = decode_article(it.get_document().get_data());
      if (!article) return article.error();
      const std::string text = article->title + "\n\n" + article->body;
      for (const analyzers::PersonMention& found :
           analyzers::find_people(text, article->language)) {
        if (!key_has_words(found.key, words_)) continue;
        const std::string_view sentence = sentence_around(text, found.byte_begin, found.byte_end);
        const std::size_t sentence_begin = static_cast<std::size_t>(sentence.data() - text.data());
        Mention mention;
        mention.article_id = article->id;
        mention.date = article->date;
        mention.title = article->title;
        mention.person_key = found.key;
        mention.surface = found.surface;
        mention.sentence = std::string(sentence);
        mention.start = analyzers::count_code_points(
            std::string_view(text).substr(sentence_begin, found.byte_begin - sentence_begin));
        mention.end = mention.start + analyzers::count_code_points(std::string_view(text).substr(
                                          found.byte_begin, found.byte_end - found.byte_begin));
        out.push_back(std::move(mention));
      }
      // Advanced only once the article's mentions are out, so a retry after
      // DatabaseModifiedError resumes with the article that failed.
      last_docid_ = *it;
      ++articles_done_;
    }
    if (mset.size() < max_articles) done_ = true;
    return !done_;
  };
  // A commit that lands mid-read is met by reopening and repeating the batch;
  // last_docid_ makes the repeat start after the last article already
  // emitted, so nothing is emitted twice.
  try {
    // database() reopens too, and may throw doing so: hence the catch here.
    return with_reopen_retry(searcher_->database(), "mention export", read_batch);
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "mention export");
  }
}

}  // namespace izdeu::corpus
