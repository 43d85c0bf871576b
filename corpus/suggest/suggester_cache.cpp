#include "corpus/suggest/suggester_cache.h"

#include <xapian.h>

#include "corpus/index/index_revision.h"
#include "corpus/index/shards.h"

namespace izdeu::corpus {

struct SuggesterCache::Shards {
  std::string where;                        // paths joined, for error messages
  std::vector<Xapian::Database> databases;  // one per path, used under refresh_mutex_
  Xapian::Database all;                     // all of them, sharing their handles

  // Reopens every shard and returns their revisions.
  std::vector<std::uint64_t> revision() {
    std::vector<std::uint64_t> revision;
    for (Xapian::Database& database : databases) {
      database.reopen();
      revision.push_back(index_revision(database));
    }
    return revision;
  }
};

Result<std::unique_ptr<SuggesterCache>> SuggesterCache::open(const std::vector<std::string>& paths,
                                                             SuggesterCacheOptions options) {
  if (paths.empty()) return invalid_argument("no index given");
  auto shards = std::make_unique<Shards>();
  shards->where = joined_paths(paths);
  auto all = open_shards(paths, &shards->databases);
  if (!all) return all.error();
  shards->all = std::move(*all);
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
  int attempt = 0;
  auto rebuilt = with_reopen_retry(shards_->all, shards_->where, [&]() -> Result<bool> {
    ++attempt;
    std::vector<std::uint64_t> revision = shards_->revision();
    if (revision == built_revision_ && current() != nullptr) return false;
    // `all` shares the handles just reopened: it reads the same revisions.
    auto built = Suggester::build(shards_->all, options_.limits, &cancel_);
    if (!built) {
      // build() reports a revision lost to two commits as kUnavailable
      // rather than throwing; thrown again here, it is reopened and rebuilt
      // like any other read. A cancelled build is not repeated, and the last
      // attempt's error is kept as build() put it.
      if (!cancel_ && built.error().code == ErrorCode::kUnavailable && attempt < kReadAttempts) {
        throw Xapian::DatabaseModifiedError(built.error().message);
      }
      return built.error();
    }
    built_revision_ = std::move(revision);
    std::lock_guard lock(current_mutex_);
    current_ = std::move(*built);
    ++builds_;
    last_error_.clear();
    return true;
  });
  if (!rebuilt) {
    std::lock_guard lock(current_mutex_);
    last_error_ = rebuilt.error().message;
  }
  return rebuilt;
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
