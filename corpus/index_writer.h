#pragma once
// The only writer of an index. Articles are added or replaced by their unique
// id (the Q term), so indexing the same archive twice never duplicates.

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>

#include "corpus/article.h"
#include "corpus/error.h"

namespace izdeu::corpus {

enum class WriteOutcome { kAdded, kReplaced };

/// Not thread-safe: one IndexWriter per thread, and one per index directory at
/// a time (Xapian holds a lock; a second writer gets kUnavailable).
class IndexWriter {
 public:
  /// Opens the index at `path`, creating it if it does not exist.
  /// kUnavailable when another process holds the write lock or the path is
  /// not usable.
  static Result<IndexWriter> open(const std::string& path);

  IndexWriter(IndexWriter&&) noexcept;
  IndexWriter& operator=(IndexWriter&&) noexcept;
  ~IndexWriter();

  /// Adds `article`, or replaces the stored article with the same id.
  /// kInvalidArgument for an empty id or title.
  Result<WriteOutcome> add_or_replace(const Article& article);

  /// Deletes the article with `id`; false if there was none.
  Result<bool> remove(const std::string& id);

  /// Makes every change so far visible to readers, atomically.
  Result<void> commit();

  /// Number of articles, including uncommitted changes.
  std::uint64_t document_count() const;

  const std::string& path() const { return path_; }

 private:
  IndexWriter(std::string path, std::unique_ptr<Xapian::WritableDatabase> database);

  std::string path_;
  std::unique_ptr<Xapian::WritableDatabase> database_;
};

}  // namespace izdeu::corpus
