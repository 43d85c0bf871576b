#pragma once
// Why hits matched: which of the query's forms one hit holds (explain=true),
// and which optional words the hits of a relaxed query lack.

#include <xapian.h>

#include <string>
#include <vector>

#include "corpus/query/match_strategy.h"
#include "corpus/search_types.h"

namespace izdeu::corpus {

/// The forms of `words` (their readings, search_types.h) that document
/// `docid` of `database` holds: in its text (an acronym's reading only where
/// written in capitals, schema::kAcronymPrefix) and in its title
/// (schema::kTitlePrefix), in the order of `words` and their readings.
/// Xapian errors propagate to the caller (Searcher converts them).
std::vector<HitMatch> find_hit_matches(const Xapian::Database& database, Xapian::docid docid,
                                       const std::vector<WordExplanation>& words);

/// For each of `docids`, the words of `optional` (a relaxed query's optional
/// words) whose query does not match that document, as typed, in the order
/// of `optional`: exactly as the search decided, compounds and phrases
/// included. One Xapian query per word for the whole list. Xapian errors
/// propagate to the caller (Searcher converts them).
std::vector<std::vector<std::string>> find_missing_words(const Xapian::Database& database,
                                                         const std::vector<Xapian::docid>& docids,
                                                         const std::vector<OptionalWord>& optional);

}  // namespace izdeu::corpus
