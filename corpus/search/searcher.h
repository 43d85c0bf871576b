#pragma once
// The read side of the index.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corpus/article.h"
#include "corpus/error.h"
#include "corpus/search_types.h"

namespace Xapian {
class Database;
}

namespace izdeu::corpus {

struct BuiltQuery;
struct SearchCursor;
class FacetCacheStore;
class RemoteLexicon;

/// Searches one or more index directories (shards) as one collection.
///
/// Not thread-safe: Xapian objects must not be shared between threads, so
/// every thread uses its own Searcher (see SearcherPool). Each call first
/// reopens the databases if a writer committed since, and a search that races
/// a commit (Xapian::DatabaseModifiedError) is reopened and repeated (up to
/// kReadAttempts in all, then kUnavailable; see with_reopen_retry in
/// corpus/index/shards.h); a search always sees one committed revision, never
/// half a batch.
class Searcher {
 public:
  /// Opens the shards at `paths` (at least one). kUnavailable if one cannot
  /// be opened.
  static Result<Searcher> open(const std::vector<std::string>& paths);

  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

  /// One page of the ranked result (see SearchRequest and SearchResult):
  /// hits with snippets, facets, the cursor for the next page and, when the
  /// query finds fewer than kDidYouMeanBelow articles, a correction.
  ///
  /// sort=relevance: BM25 (title words weigh more, exact forms above stems
  /// above loose readings) plus a popularity bonus of at most
  /// kPopularityShare of the query's largest possible weight, growing with
  /// log(1 + views). sort=date: newest first, relevance within a day.
  /// sort=recency: relevance (with the bonus) × 0.5^(age / kRecencyHalfLifeDays).
  /// Syndicated copies (same title and date) are collapsed into one hit
  /// unless request.collapse_duplicates is false.
  ///
  /// kInvalidArgument for an empty query, page 0, per_page outside
  /// 1..kMaxPerPage, a reversed date range, or a cursor that is malformed or
  /// belongs to another query, filter or sort.
  Result<SearchResult> search(const SearchRequest& request);

  /// What search(request) reads into each query word, against this index
  /// (SearchResult::explanation), without searching. kInvalidArgument as
  /// search() for a query that is not valid.
  Result<std::vector<WordExplanation>> explain(const SearchRequest& request);

  /// The stored article, or kNotFound.
  Result<Article> get_article(const std::string& id);

  /// Number of articles in all shards, after picking up any new commit.
  Result<std::uint64_t> document_count();

  const std::vector<std::string>& paths() const { return paths_; }

  /// Whether some shard is remote (a stub's `remote` line): then a match may
  /// use only Xapian's built-in, serialisable classes (no MatchSpy,
  /// PostingSource or MatchDecider of ours), which xapian-tcpsrv can run.
  bool has_remote_shards() const { return remote_ != nullptr; }

  /// All shards as one database, reopened to the latest commit: for the
  /// corpus's own readers (MentionScanner, people statistics). Xapian errors
  /// from it must be converted with from_xapian by the caller.
  Xapian::Database& database();

  /// Reads the facet cache now rather than on the first search (about a
  /// second per million articles). SearcherPool::open calls it once.
  Result<void> warm_up();

  /// Makes this Searcher use (and build) the facet caches of `other`, so
  /// that Searchers over the same shards keep one copy (SearcherPool does).
  void share_facet_cache(const Searcher& other) { facet_caches_ = other.facet_caches_; }

 private:
  Searcher(std::vector<std::string> paths, std::unique_ptr<Xapian::Database> database,
           std::vector<Xapian::Database> shards, std::vector<Xapian::Database> remote);
  void refresh();
  // Runs `call`; when it fails because a remote shard's connection is gone
  // (xapian-tcpsrv closes one idle past its --idle-timeout, 60 s by default,
  // and a restarted shard server has none), opens the databases again and
  // runs it once more.
  template <typename Call>
  auto reconnecting(Call&& call) -> decltype(call());
  bool reconnect();
  // One attempt at a search on the current revision: counting (total,
  // facets), the ranking window, then hit assembly (searcher.cpp).
  Result<SearchResult> run(const SearchRequest& request, const BuiltQuery& built,
                           const std::optional<SearchCursor>& cursor);

  std::vector<std::string> paths_;
  std::string where_;  // paths_ joined, for error messages
  std::unique_ptr<Xapian::Database> database_;
  // The shards on their own, sharing database_'s handles: for revisions.
  std::vector<Xapian::Database> shards_;
  std::shared_ptr<FacetCacheStore> facet_caches_;
  // The remote shards among them on handles of their own (open_remote_shards),
  // empty when all are local: then only Xapian's built-in classes may go into
  // a match (remote_safe), and the lexicon is read from their metadata.
  std::unique_ptr<std::vector<Xapian::Database>> remote_;
  std::unique_ptr<RemoteLexicon> remote_lexicon_;
};

}  // namespace izdeu::corpus
