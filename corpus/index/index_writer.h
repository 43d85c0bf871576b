#pragma once
// The only writer of an index. Articles are added or replaced by their unique
// id (the Q term), so indexing the same archive twice never duplicates.

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "corpus/article.h"
#include "corpus/error.h"
#include "corpus/index/lexicon.h"

namespace izdeu::corpus {

enum class WriteOutcome { kAdded, kReplaced };

struct IndexWriterOptions {
  /// Start from an empty database, discarding whatever is at the path.
  bool overwrite = false;
  /// Bulk mode, for a database nobody reads until the writer is done (a new
  /// shard): commits do not fsync and blocks are updated in place (Xapian
  /// DB_NO_SYNC | DB_DANGEROUS). If the process dies before the last commit
  /// the database is unusable and must be rebuilt; sync() makes the finished
  /// database durable.
  bool bulk = false;
};

/// Not thread-safe: one IndexWriter per thread, and one per index directory at
/// a time (Xapian holds a lock; a second writer gets kUnavailable). Xapian
/// itself never flushes on its own: changes stay in memory until commit(), so
/// the caller decides how much memory a batch may take (see
/// disable_automatic_flush()).
class IndexWriter {
 public:
  /// Opens the index at `path`, creating it if it does not exist.
  /// kUnavailable when another process holds the write lock, the path is
  /// not usable, or the index holds articles in another index format
  /// (check_schema, lexicon.h).
  static Result<IndexWriter> open(const std::string& path, const IndexWriterOptions& options = {});

  /// Xapian 1.4 flushes a writer's buffered changes every
  /// XAPIAN_FLUSH_THRESHOLD documents (10,000 by default), which is a count,
  /// not a memory size. Call once, before any writer is opened and before
  /// other threads start (it sets the environment variable): from then on
  /// only commit() flushes. A value the user set in the environment wins.
  static void disable_automatic_flush();

  IndexWriter(IndexWriter&&) noexcept;
  IndexWriter& operator=(IndexWriter&&) noexcept;
  ~IndexWriter();

  /// Adds `article`, or replaces the stored article with the same id.
  /// kInvalidArgument for an empty id, or an empty title and body.
  Result<WriteOutcome> add_or_replace(const Article& article);

  /// Adds or replaces a document already encoded by encode_article(), so that
  /// analysis can run on other threads; `id` is the article's id. A document
  /// must not be used by two threads at once: hand it over, do not share it.
  Result<WriteOutcome> add_or_replace(const std::string& id, const Xapian::Document& document);

  /// Whether an article with `id` is in the index (uncommitted changes included).
  Result<bool> contains(const std::string& id) const;

  /// The ids of the articles `query` matches (uncommitted changes included),
  /// in document order; for deleting by a filter.
  Result<std::vector<std::string>> find_ids(const Xapian::Query& query) const;

  /// Deletes the article with `id`; false if there was none.
  Result<bool> remove(const std::string& id);

  /// Makes every change so far visible to readers, atomically, with the
  /// lexicon entries of every form written since the last commit.
  Result<void> commit();

  /// Commits, then flushes the database files to disk (fsync); for bulk mode,
  /// where commits alone do not.
  Result<void> sync();

  /// Commits and releases the lock; the writer is unusable afterwards.
  Result<void> close();

  /// Number of articles, including uncommitted changes.
  std::uint64_t document_count() const;

  const std::string& path() const { return path_; }

 private:
  IndexWriter(std::string path, std::unique_ptr<Xapian::WritableDatabase> database);

  std::string path_;
  std::unique_ptr<Xapian::WritableDatabase> database_;
  LexiconWriter lexicon_;
};

}  // namespace izdeu::corpus
