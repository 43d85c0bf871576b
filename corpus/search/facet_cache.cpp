#include "corpus/search/facet_cache.h"

#include <chrono>
#include <string_view>
#include <unordered_map>

#include "corpus/article.h"
#include "corpus/index/index_revision.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

struct NameHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view name) const {
    return std::hash<std::string_view>{}(name);
  }
};
using NameIds = std::unordered_map<std::string, std::uint32_t, NameHash, std::equal_to<>>;

// Interns `name`: the same id for the same string (looked up without a copy).
std::uint32_t intern(NameIds& ids, std::vector<std::string>& names, std::string_view name) {
  if (auto it = ids.find(name); it != ids.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(names.size());
  ids.emplace(std::string(name), id);
  names.emplace_back(name);
  return id;
}

}  // namespace

int date_digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::size_t FacetCache::memory_bytes() const {
  std::size_t bytes = month_.size() * sizeof(std::uint16_t) + language_.size() +
                      collapse_.size() * sizeof(std::uint32_t);
  for (const Lists* lists : {&regions_, &topics_, &people_}) {
    bytes += (lists->begin.size() + lists->ids.size()) * sizeof(std::uint32_t);
    for (const std::string& name : lists->names) bytes += name.size() + sizeof(std::string);
  }
  return bytes;
}

std::shared_ptr<const FacetCache> FacetCache::build(const Xapian::Database& database) {
  auto cache = std::shared_ptr<FacetCache>(new FacetCache());
  const std::size_t limit = std::size_t{database.get_lastdocid()} + 1;
  cache->month_.assign(limit, 0);
  cache->language_.assign(limit, 0);
  cache->collapse_.assign(limit, 0);
  cache->languages_ = {""};

  auto each = [&](Xapian::valueno slot, auto&& f) {
    const Xapian::ValueIterator end = database.valuestream_end(slot);
    for (Xapian::ValueIterator it = database.valuestream_begin(slot); it != end; ++it) {
      if (it.get_docid() < limit) f(it.get_docid(), *it);
    }
  };
  each(schema::kDateSlot, [&](Xapian::docid docid, const std::string& value) {
    if (value.size() != 8) return;
    const int year = date_digits(std::string_view(value).substr(0, 4));
    const int month = date_digits(std::string_view(value).substr(4, 2));
    if (year >= 1800 && year <= 2200 && month >= 1 && month <= 12) {
      cache->month_[docid] = static_cast<std::uint16_t>((year - 1800) * 12 + month);
    }
  });
  // Group 0 is for documents without a key (encode_article always writes
  // one); like Xapian, FacetCounter never collapses those.
  NameIds groups;
  std::vector<std::string> group_keys;
  intern(groups, group_keys, "");
  each(schema::kCollapseSlot, [&](Xapian::docid docid, const std::string& value) {
    cache->collapse_[docid] = intern(groups, group_keys, value);
  });
  cache->collapse_groups_ = static_cast<std::uint32_t>(group_keys.size());
  NameIds language_ids;
  each(schema::kLanguageSlot, [&](Xapian::docid docid, const std::string& value) {
    // A few languages (the registry's); more than 255 would share the last id.
    const std::uint32_t id = intern(language_ids, cache->languages_, value);
    cache->language_[docid] = static_cast<std::uint8_t>(std::min<std::uint32_t>(id, 255));
  });

  auto fill = [&](Xapian::valueno slot, Lists& lists, bool people) {
    NameIds ids;
    lists.begin.assign(limit + 1, 0);
    Xapian::docid next = 0;  // first docid whose begin is not set yet
    each(slot, [&](Xapian::docid docid, const std::string& value) {
      for (; next <= docid; ++next)
        lists.begin[next] = static_cast<std::uint32_t>(lists.ids.size());
      std::size_t begin = 0;
      std::size_t listed = 0;
      while (begin < value.size()) {
        // Only an article's main people count (facet_counter.cpp does the same).
        if (people && listed++ == kMaxMainPeople) break;
        std::size_t end = value.find(schema::kListSeparator, begin);
        if (end == std::string::npos) end = value.size();
        std::string_view item = std::string_view(value).substr(begin, end - begin);
        if (people) item = item.substr(0, item.find(schema::kCountSeparator));
        if (!item.empty()) lists.ids.push_back(intern(ids, lists.names, item));
        begin = end + 1;
      }
    });
    for (; next <= limit; ++next) lists.begin[next] = static_cast<std::uint32_t>(lists.ids.size());
  };
  fill(schema::kRegionsSlot, cache->regions_, false);
  fill(schema::kTopicsSlot, cache->topics_, false);
  fill(schema::kPeopleSlot, cache->people_, true);
  return cache;
}

std::string FacetCacheStore::revision_key(const std::vector<Xapian::Database>& shards) {
  std::string key;
  for (const Xapian::Database& shard : shards) key += std::to_string(index_revision(shard)) + ':';
  return key;
}

std::shared_ptr<const FacetCache> FacetCacheStore::get(const std::string& key,
                                                       const Xapian::Database& database) {
  const auto now = [] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  };
  {
    std::lock_guard lock(mutex_);
    if (key_ == key && cache_) return cache_;
    if (building_ || now() - last_build_ < min_rebuild_seconds_) return nullptr;
    building_ = true;
  }
  // Built outside the lock: other threads keep searching without a cache.
  std::shared_ptr<const FacetCache> built;
  try {
    built = FacetCache::build(database);
  } catch (...) {
    std::lock_guard lock(mutex_);
    building_ = false;
    throw;
  }
  std::lock_guard lock(mutex_);
  building_ = false;
  last_build_ = now();
  key_ = key;
  cache_ = built;
  return built;
}

}  // namespace izdeu::corpus
