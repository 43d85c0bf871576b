#include "corpus/index/shards.h"

#include "corpus/index/lexicon.h"

namespace izdeu::corpus {

Result<Xapian::Database> open_shards(const std::vector<std::string>& paths,
                                     std::vector<Xapian::Database>* each) {
  Xapian::Database all;
  std::vector<Xapian::Database> opened;
  opened.reserve(paths.size());
  for (const std::string& path : paths) {
    try {
      // No backend flag: Xapian tells a database folder from a stub folder
      // or a stub file itself, and reads the stub's lines (remote ones too).
      opened.emplace_back(path);
      // A stub's shards are checked as one: metadata reads from the first.
      if (auto schema = check_schema(opened.back(), path); !schema) return schema.error();
      // add_database() shares the shard's handle rather than copying it, so
      // reopening the combined database reopens the shard and vice versa.
      all.add_database(opened.back());
    } catch (const Xapian::Error& e) {
      return from_xapian(e, path);
    }
  }
  if (each != nullptr) *each = std::move(opened);
  return all;
}

std::string joined_paths(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& path : paths) out += (out.empty() ? "" : ", ") + path;
  return out;
}

}  // namespace izdeu::corpus
