#pragma once
// Every mention of a person, article by article, for analysts' exports: the
// sentence around each mention, with offsets. Memory stays flat however many
// mentions there are, because articles are read in small batches in index
// order and nothing is kept between batches but the last document id.

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/people/person_query.h"
#include "corpus/date.h"
#include "corpus/error.h"
#include "corpus/search/searcher.h"

namespace izdeu::corpus {

/// Which articles an analyst asks about. Every field is optional except where
/// a function says otherwise.
struct PeopleFilter {
  std::string person;  ///< a name as typed, any case form or order («Клары Хан», «Тоқаевтың»)
  std::optional<Date> from;          ///< inclusive
  std::optional<Date> to;            ///< inclusive
  std::vector<std::string> regions;  ///< any names of regions; every one is required
};

/// The boolean query for `filter`: person_filter, a date range on the date
/// slot, region_filter. Xapian::Query::MatchAll when nothing is set.
Xapian::Query people_filter_query(const PeopleFilter& filter);

struct Mention {
  std::string article_id;
  std::optional<Date> date;
  std::string title;
  std::string person_key;  ///< canonical key of the person mentioned
  std::string surface;     ///< the mention as written
  std::string sentence;    ///< the sentence that holds the mention
  /// The mention within `sentence`, in Unicode code points (not bytes), so
  /// spreadsheet and script users can slice the sentence directly.
  std::size_t start = 0;
  std::size_t end = 0;
};

/// Walks the articles that mention filter.person, in index order, and yields
/// each mention of that person (not of other people) in them.
class MentionScanner {
 public:
  /// kInvalidArgument when filter.person has no words. `searcher` must
  /// outlive the scanner and must not be used by another thread meanwhile.
  static Result<MentionScanner> create(Searcher& searcher, PeopleFilter filter);

  /// Appends the mentions found in up to `max_articles` more matching
  /// articles to `out`, stopping after the article that brings the batch to
  /// `max_mentions` (so a batch stays small however long the articles are).
  /// Returns false once every article has been read.
  Result<bool> next(std::vector<Mention>& out, std::size_t max_articles = 64,
                    std::size_t max_mentions = 1000);

 private:
  MentionScanner(Searcher& searcher, Xapian::Query query,
                 std::vector<analyzers::PersonQueryWord> words)
      : searcher_(&searcher), query_(std::move(query)), words_(std::move(words)) {}

  Searcher* searcher_;
  Xapian::Query query_;
  std::vector<analyzers::PersonQueryWord> words_;  ///< the requested name's words
  Xapian::docid last_docid_ = 0;
  std::uint64_t articles_done_ = 0;  // articles emitted: the offset over remote shards
  bool done_ = false;
};

/// The sentence of `text` around bytes [begin, end): from after the previous
/// sentence end (. ! ? … or a line break, a period after a one-letter initial
/// excepted) to the next one, trimmed. Exposed for tests.
std::string_view sentence_around(std::string_view text, std::size_t begin, std::size_t end);

/// Whether every typed word of a name is a word of `key` (words separated by
/// one space): one of its readings, or for an initial any word starting with
/// that letter, and for a first name or patronymic its initial («клара»
/// matches "к.") — the rule person_filter applies to the index.
bool key_has_words(std::string_view key, const std::vector<analyzers::PersonQueryWord>& words);

}  // namespace izdeu::corpus
