#pragma once
// The shapes an index directory can have on disk:
//
//   single   DIR is one Xapian database (what a merged build leaves, and what
//            an index written by one writer is);
//   sharded  DIR holds shard-0 ... shard-<N-1>, one database each, and a
//            Xapian stub file DIR/XAPIANDB naming them, so that anything that
//            opens DIR as a Xapian database (izdeu-server, xapian-delve,
//            quest, xapian-compact) reads all shards as one;
//   new      DIR is missing, or holds no database yet.

#include <string>
#include <vector>

#include "corpus/error.h"

namespace izdeu::indexer {

enum class IndexShape { kNew, kSingle, kSharded };

struct IndexLayout {
  IndexShape shape = IndexShape::kNew;
  /// The database directories: {DIR} when single, the shards when sharded.
  std::vector<std::string> databases;
};

/// Looks at `dir`. kDataLoss for a stub file that cannot be read or names a
/// database that is not a local directory.
corpus::Result<IndexLayout> inspect_index(const std::string& dir);

/// "DIR/shard-K".
std::string shard_directory(const std::string& dir, unsigned shard);

/// Writes DIR/XAPIANDB naming DIR/shard-0 ... DIR/shard-<shards-1> (relative
/// paths, so the index can be moved), replacing any stub atomically.
corpus::Result<void> write_shard_stub(const std::string& dir, unsigned shards);

}  // namespace izdeu::indexer
