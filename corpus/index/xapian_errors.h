#pragma once
// The one conversion from Xapian exceptions to izdeu's Error. No Xapian
// exception leaves corpus/: each public function that reads or writes a
// database catches them and converts through here. Readers do it through
// with_reopen_retry (shards.h), which first reopens and repeats a read that
// lost its revision to a commit (Searcher, SearcherPool, ShardLookup,
// MentionScanner, SuggesterCache); IndexWriter, index_compactor,
// Suggester::build, people_stats, and build_query and combine_clauses (which
// do without term statistics when a commit interrupts them) catch their own.

#include <xapian.h>

#include "corpus/error.h"

namespace izdeu::corpus {

/// Maps a Xapian exception to an Error, keeping Xapian's message and naming
/// the index path when given.
Error from_xapian(const Xapian::Error& error, const std::string& index_path = {});

}  // namespace izdeu::corpus
