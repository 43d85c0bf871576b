#pragma once
// Which shard of an index holds an article id: an index written as several
// databases must keep replacing each article in the shard that has it.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corpus/error.h"

namespace Xapian {
class Database;
}

namespace izdeu::corpus {

/// Reads the shards' committed state, re-reading when a writer commits in
/// between. Not thread-safe: one ShardLookup per thread (or calls serialized).
class ShardLookup {
 public:
  /// Opens the shard databases at `paths`. kUnavailable if one cannot be read.
  static Result<ShardLookup> open(const std::vector<std::string>& paths);

  ShardLookup(ShardLookup&&) noexcept;
  ShardLookup& operator=(ShardLookup&&) noexcept;
  ~ShardLookup();

  /// Index into `paths` of the first shard that holds `id`, or nullopt.
  Result<std::optional<std::size_t>> find(const std::string& id);

 private:
  ShardLookup(std::vector<std::string> paths, std::vector<Xapian::Database> shards);

  std::vector<std::string> paths_;
  std::vector<Xapian::Database> shards_;
};

}  // namespace izdeu::corpus
