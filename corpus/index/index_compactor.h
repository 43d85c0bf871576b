#pragma once
// Merges index databases into one compact database (Xapian::Compactor): how
// shards built in parallel become one index, and how an index that grew by
// many small commits gets its size and speed back.

#include <functional>
#include <string>
#include <vector>

#include "corpus/error.h"

namespace izdeu::corpus {

/// Progress of a compaction: the table being written ("postlist",
/// "position", ...) and Xapian's status text for it (empty when it starts).
using CompactionProgress = std::function<void(const std::string& table, const std::string& status)>;

/// Writes the articles of every database in `sources` (directories, or stub
/// databases) into a new database at `output`, each table written once in
/// sorted order, with full blocks. Document numbers are renumbered: the
/// documents of sources[0] come first, then those of sources[1], and so on.
/// The result is an ordinary database that IndexWriter can update (it is not
/// compacted with Xapian's FULLER level, which would make updates slow).
///
/// `output` must not exist or must hold no database; other entries in the
/// directory are left alone. The sources must not be written to meanwhile;
/// ids must not repeat across sources (each would be stored twice).
/// kInvalidArgument for no sources; kUnavailable when a source cannot be read
/// or the output cannot be written.
Result<void> compact_indexes(const std::vector<std::string>& sources, const std::string& output,
                             const CompactionProgress& progress = {});

}  // namespace izdeu::corpus
