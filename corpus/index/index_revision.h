#pragma once
// One number that changes whenever a writer commits to a database, for the
// caches that must follow the index (facets, suggestions, the pool's watch).

#include <xapian.h>

#include <cstdint>

namespace izdeu::corpus {

/// The database's Xapian revision. A database opened from a stub file (the
/// indexer's unmerged shards, DIR/XAPIANDB) has several subdatabases and no
/// single revision (Xapian::InvalidOperationError); its value then mixes the
/// document count, the last document id and the total length, which every
/// commit that adds, deletes or changes a document moves.
std::uint64_t index_revision(const Xapian::Database& database);

}  // namespace izdeu::corpus
