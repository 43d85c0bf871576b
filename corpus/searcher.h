#pragma once
// The read side of the index.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "corpus/article.h"
#include "corpus/error.h"
#include "corpus/search_types.h"

namespace Xapian {
class Database;
}

namespace izdeu::corpus {

/// Searches one or more index directories (shards) as one collection.
///
/// Not thread-safe: Xapian objects must not be shared between threads, so
/// every thread uses its own Searcher (see SearcherPool). Each call first
/// reopens the databases if a writer committed since, and a search that races
/// a commit (Xapian::DatabaseModifiedError) is reopened and repeated once; a
/// search always sees one committed revision, never half a batch.
class Searcher {
 public:
  /// Opens the shards at `paths` (at least one). kUnavailable if one cannot
  /// be opened.
  static Result<Searcher> open(const std::vector<std::string>& paths);

  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

  /// kInvalidArgument for an empty query, page 0, per_page outside
  /// 1..kMaxPerPage or a reversed date range.
  Result<SearchResult> search(const SearchRequest& request);

  /// The stored article, or kNotFound.
  Result<Article> get_article(const std::string& id);

  /// Number of articles in all shards, after picking up any new commit.
  Result<std::uint64_t> document_count();

  const std::vector<std::string>& paths() const { return paths_; }

  /// All shards as one database, reopened to the latest commit: for the
  /// corpus's own readers (MentionScanner, people statistics). Xapian errors
  /// from it must be converted with from_xapian by the caller.
  Xapian::Database& database();

 private:
  Searcher(std::vector<std::string> paths, std::unique_ptr<Xapian::Database> database);
  void refresh();

  std::vector<std::string> paths_;
  std::unique_ptr<Xapian::Database> database_;
};

}  // namespace izdeu::corpus
