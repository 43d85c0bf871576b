#include "corpus/suggest/suggester_cache.h"

#include <xapian.h>

#include "corpus/index/index_revision.h"
#include "corpus/index/xapian_errors.h"

namespace izdeu::corpus {
namespace {

// A build that loses its revision to two commits (DatabaseModifiedError,
// reported as kUnavailable) is retried this many times before giving up
// until the next check.
constexpr int kBuildAttempts = 3;

}  // namespace

struct SuggesterCache::Shards {
  std::vector<std::string> paths;
  std::vector<Xapian::Database> databases;  // one per path, used under refresh_mutex_

  // Reopens every shard and returns their revisions.
  std::vector<std::uint64_t> revision() {
    std::vector<std::uint64_t> revision;
    for (Xapian::Database& database : databases) {
      database.reopen();
      try {
        revision.push_back(index_revision(database));
      } catch (const Xapian::InvalidOperationError&) {
        // Not a single chert/glass database: count and last docid change on
        // every add or delete, which is what a suggester can see anyway.
        revision.push_back(database.get_doccount());
        revision.push_back(database.get_lastdocid());
      }
    }
    return revision;
  }
};

Result<std::unique_ptr<SuggesterCache>> SuggesterCache::open(const std::vector<std::string>& paths,
                                                             SuggesterCacheOptions options) {
  if (paths.empty()) return invalid_argument("no index given");
  auto shards = std::make_unique<Shards>();
  shards->paths = paths;
  for (const std::string& path : paths) {
    try {
      shards->databases.emplace_back(path);
    } catch (const Xapian::Error& e) {
      return from_xapian(e, path);
    }
  }
  return std::unique_ptr<SuggesterCache>(new SuggesterCache(std::move(shards), std::move(options)));
}

SuggesterCache::SuggesterCache(std::unique_ptr<Shards> shards, SuggesterCacheOptions options)
    : options_(std::move(options)), shards_(std::move(shards)) {
  if (options_.background) thread_ = std::thread([this] { run(); });
}

SuggesterCache::~SuggesterCache() {
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  cancel_ = true;
  stop_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::shared_ptr<const Suggester> SuggesterCache::current() const {
  std::lock_guard lock(current_mutex_);
  return current_;
}

std::uint64_t SuggesterCache::builds() const {
  std::lock_guard lock(current_mutex_);
  return builds_;
}

std::string SuggesterCache::last_error() const {
  std::lock_guard lock(current_mutex_);
  return last_error_;
}

Result<bool> SuggesterCache::refresh() {
  std::lock_guard refresh_lock(refresh_mutex_);
  auto fail = [this](Error error) -> Result<bool> {
    std::lock_guard lock(current_mutex_);
    last_error_ = error.message;
    return error;
  };
  std::string joined;
  for (const auto& path : shards_->paths) joined += (joined.empty() ? "" : ", ") + path;
  try {
    for (int attempt = 1;; ++attempt) {
      std::vector<std::uint64_t> revision = shards_->revision();
      if (revision == built_revision_ && current() != nullptr) return false;
      // One handle over the shards just reopened: it reads the same revisions.
      Xapian::Database database;
      for (const Xapian::Database& shard : shards_->databases) database.add_database(shard);
      auto built = Suggester::build(database, options_.limits, &cancel_);
      if (!built) {
        if (cancel_) return fail(built.error());
        if (built.error().code == ErrorCode::kUnavailable && attempt < kBuildAttempts) continue;
        return fail(built.error());
      }
      built_revision_ = std::move(revision);
      std::lock_guard lock(current_mutex_);
      current_ = std::move(*built);
      ++builds_;
      last_error_.clear();
      return true;
    }
  } catch (const Xapian::Error& e) {
    return fail(from_xapian(e, joined));
  }
}

void SuggesterCache::run() {
  std::unique_lock lock(stop_mutex_);
  while (!stopping_) {
    lock.unlock();
    const auto started = std::chrono::steady_clock::now();
    const Result<bool> rebuilt = refresh();  // a failure is kept in last_error_
    const auto took = std::chrono::steady_clock::now() - started;
    lock.lock();
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(options_.check_interval);
    if (rebuilt && *rebuilt) {
      wait = std::max(wait, std::chrono::duration_cast<std::chrono::milliseconds>(2 * took));
    }
    stop_.wait_for(lock, wait, [this] { return stopping_; });
  }
}

}  // namespace izdeu::corpus
