#include "corpus/index/shard_lookup.h"

#include <xapian.h>

#include "corpus/index/article_codec.h"
#include "corpus/index/xapian_errors.h"

namespace izdeu::corpus {

ShardLookup::ShardLookup(std::vector<std::string> paths, std::vector<Xapian::Database> shards)
    : paths_(std::move(paths)), shards_(std::move(shards)) {}
ShardLookup::ShardLookup(ShardLookup&&) noexcept = default;
ShardLookup& ShardLookup::operator=(ShardLookup&&) noexcept = default;
ShardLookup::~ShardLookup() = default;

Result<ShardLookup> ShardLookup::open(const std::vector<std::string>& paths) {
  std::vector<Xapian::Database> shards;
  for (const std::string& path : paths) {
    try {
      shards.emplace_back(path);
    } catch (const Xapian::Error& e) {
      return from_xapian(e, path);
    }
  }
  return ShardLookup(paths, std::move(shards));
}

Result<std::optional<std::size_t>> ShardLookup::find(const std::string& id) {
  const std::string term = id_term(id);
  for (std::size_t i = 0; i < shards_.size(); ++i) {
    try {
      try {
        if (shards_[i].term_exists(term)) return std::optional(i);
      } catch (const Xapian::DatabaseModifiedError&) {
        // A writer of this shard committed twice since we last looked and
        // reused the blocks we were reading; the newest revision still has
        // every id the older one had.
        shards_[i].reopen();
        if (shards_[i].term_exists(term)) return std::optional(i);
      }
    } catch (const Xapian::Error& e) {
      return from_xapian(e, paths_[i]);
    }
  }
  return std::optional<std::size_t>();
}

}  // namespace izdeu::corpus
