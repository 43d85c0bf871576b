#pragma once
// Opening an index's databases, and reading them while a writer commits.
//
// Every reader of the index opens its shards through open_shards() and wraps
// its reads in with_reopen_retry(), so that what counts as a shard and how a
// read survives a commit are decided in one place.

#include <xapian.h>

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "corpus/error.h"
#include "corpus/index/xapian_errors.h"

namespace izdeu::corpus {

/// The databases at `paths` as one Xapian::Database. A path is a database
/// folder, a folder holding a stub file (DIR/XAPIANDB, as the indexer writes
/// for unmerged shards) or a stub file; stubs go through Xapian's own stub
/// handling, so any line it accepts there (`auto`, `glass`, `remote`, ...)
/// works. No paths: an empty database.
///
/// With `each`, it also receives every path's own handle, in order, sharing
/// the combined handle's internals: reopen() on either moves both to the
/// newest revision.
///
/// kUnavailable (kDataLoss for a corrupt one) naming the first path that
/// cannot be opened; never throws.
Result<Xapian::Database> open_shards(const std::vector<std::string>& paths,
                                     std::vector<Xapian::Database>* each = nullptr);

/// The remote databases among `paths`: every `remote` line of their stub
/// files (`remote HOST:PORT` through Xapian::Remote::open over TCP, `remote
/// :PROGRAM ARGS` through a program such as `ssh host xapian-progsrv DB`),
/// following `auto` lines that name further stubs, each opened on its own
/// handle; empty when every shard is local. Readers use them for what a
/// combined database does not reach on a remote shard: its metadata (the
/// lexicon's mirror, lexicon.h). kUnavailable naming the stub line that
/// cannot be opened.
Result<std::vector<Xapian::Database>> open_remote_shards(const std::vector<std::string>& paths);

/// How many times with_reopen_retry runs a read in all before it gives up.
/// A reader outlives one newer commit, not two, so a search slowed down by a
/// busy machine while an indexer commits batch after batch can lose its
/// revision more than once; each repeat takes little, so a few outlast any
/// real writer.
inline constexpr int kReadAttempts = 5;

/// Runs `fn` (which returns a Result) and returns what it returns. A commit
/// that lands while `fn` reads surfaces as Xapian::DatabaseModifiedError;
/// then `database` is reopened and `fn` runs again, up to kReadAttempts times
/// in all, after which the error is returned as kUnavailable. Any other
/// Xapian exception (also from reopen()) is converted by from_xapian, naming
/// `where` (the index paths). `fn` must be safe to repeat: it runs again
/// from the start, so it should read everything it returns inside.
template <typename Fn>
auto with_reopen_retry(Xapian::Database& database, const std::string& where, Fn&& fn)
    -> std::invoke_result_t<Fn&> {
  try {
    for (int attempt = 1;; ++attempt) {
      try {
        return fn();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt >= kReadAttempts) throw;
        database.reopen();
      }
    }
  } catch (const Xapian::Error& e) {
    return from_xapian(e, where);
  }
}

/// `paths` as one string for messages: "a, b".
std::string joined_paths(const std::vector<std::string>& paths);

}  // namespace izdeu::corpus
