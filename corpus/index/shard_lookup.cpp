#include "corpus/index/shard_lookup.h"

#include <xapian.h>

#include "corpus/index/article_codec.h"
#include "corpus/index/shards.h"

namespace izdeu::corpus {

ShardLookup::ShardLookup(std::vector<std::string> paths, std::vector<Xapian::Database> shards)
    : paths_(std::move(paths)), shards_(std::move(shards)) {}
ShardLookup::ShardLookup(ShardLookup&&) noexcept = default;
ShardLookup& ShardLookup::operator=(ShardLookup&&) noexcept = default;
ShardLookup::~ShardLookup() = default;

Result<ShardLookup> ShardLookup::open(const std::vector<std::string>& paths) {
  std::vector<Xapian::Database> shards;
  if (auto opened = open_shards(paths, &shards); !opened) return opened.error();
  return ShardLookup(paths, std::move(shards));
}

Result<std::optional<std::size_t>> ShardLookup::find(const std::string& id) {
  const std::string term = id_term(id);
  for (std::size_t i = 0; i < shards_.size(); ++i) {
    // A writer of this shard may have committed twice since we last looked
    // and reused the blocks we were reading; the reopened, newest revision
    // still has every id the older one had.
    auto found = with_reopen_retry(shards_[i], paths_[i],
                                   [&]() -> Result<bool> { return shards_[i].term_exists(term); });
    if (!found) return found.error();
    if (*found) return std::optional(i);
  }
  return std::optional<std::size_t>();
}

}  // namespace izdeu::corpus
