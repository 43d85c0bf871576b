#include "corpus/index/index_revision.h"

namespace izdeu::corpus {

std::uint64_t index_revision(const Xapian::Database& database) {
  try {
    return database.get_revision();
  } catch (const Xapian::InvalidOperationError&) {
    // Several subdatabases. FNV-1a style mixing of the three statistics.
    std::uint64_t mixed = 1469598103934665603ULL;
    for (const std::uint64_t part :
         {std::uint64_t{database.get_doccount()}, std::uint64_t{database.get_lastdocid()},
          std::uint64_t{database.get_total_length()}}) {
      mixed = (mixed ^ part) * 1099511628211ULL;
    }
    return mixed;
  }
}

}  // namespace izdeu::corpus
