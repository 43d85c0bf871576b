#pragma once
// explain=true: which of the query's forms one hit holds.

#include <xapian.h>

#include <vector>

#include "corpus/search_types.h"

namespace izdeu::corpus {

/// The forms of `words` (their readings, search_types.h) that document
/// `docid` of `database` holds: in its text (an acronym's reading only where
/// written in capitals, schema::kAcronymPrefix) and in its title
/// (schema::kTitlePrefix), in the order of `words` and their readings.
/// Xapian errors propagate to the caller (Searcher converts them).
std::vector<HitMatch> find_hit_matches(const Xapian::Database& database, Xapian::docid docid,
                                       const std::vector<WordExplanation>& words);

}  // namespace izdeu::corpus
