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

#include <string_view>

#include "corpus/error.h"

namespace izdeu::corpus {

/// How the message of a kUnavailable Error from a Xapian NetworkError (a
/// remote shard that closed its connection, timed out or is down) begins, so
/// a reader can tell it from other kUnavailable errors and connect again.
inline constexpr std::string_view kRemoteUnreachable = "a remote shard cannot be reached";

/// Maps a Xapian exception to an Error, keeping Xapian's message and naming
/// the index path when given.
Error from_xapian(const Xapian::Error& error, const std::string& index_path = {});

}  // namespace izdeu::corpus
