#include "corpus/index/index_compactor.h"

#include <xapian.h>

#include "corpus/index/lexicon.h"
#include "corpus/index/shards.h"
#include "corpus/index/xapian_errors.h"

namespace izdeu::corpus {
namespace {

class ProgressCompactor : public Xapian::Compactor {
 public:
  explicit ProgressCompactor(const CompactionProgress& progress) : progress_(progress) {}

  void set_status(const std::string& table, const std::string& status) override {
    if (progress_) progress_(table, status);
  }

  // Shards file forms under the same lexicon keys: the merged mirror holds
  // all of them, as the merged synonym table does. Other keys (the format)
  // agree between shards; the first is kept, as Xapian's default does.
  std::string resolve_duplicate_metadata(const std::string& key, size_t count,
                                         const std::string tags[]) override {
    if (key.compare(0, kLexiconMetadataPrefix.size(), kLexiconMetadataPrefix) != 0) return tags[0];
    std::string merged = tags[0];
    for (size_t i = 1; i < count; ++i) {
      merged = merge_lexicon_entry(merged + '\0' + tags[i], {});
    }
    return merged;
  }

 private:
  const CompactionProgress& progress_;
};

}  // namespace

Result<void> compact_indexes(const std::vector<std::string>& sources, const std::string& output,
                             const CompactionProgress& progress) {
  if (sources.empty()) return invalid_argument("nothing to compact");
  auto combined = open_shards(sources);
  if (!combined) return combined.error();
  try {
    ProgressCompactor compactor(progress);
    // FULL packs blocks as tightly as updates still allow; MULTIPASS merges
    // more than three sources pairwise, which is faster for many shards.
    combined->compact(output, Xapian::Compactor::FULL | Xapian::DBCOMPACT_MULTIPASS, 0, compactor);
    return {};
  } catch (const Xapian::Error& e) {
    return from_xapian(e, output);
  }
}

}  // namespace izdeu::corpus
