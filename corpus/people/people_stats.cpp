#include "corpus/people/people_stats.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

#include "analyzers/people/person_recognizer.h"
#include "corpus/index/article_codec.h"
#include "corpus/index/xapian_errors.h"
#include "corpus/query/entity_filters.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

// Calls `f(key, mentions)` for each "key<kCountSeparator>mentions" item of a
// people slot value.
template <typename F>
void for_each_person(std::string_view value, F&& f) {
  std::size_t begin = 0;
  while (begin < value.size()) {
    std::size_t end = value.find(schema::kListSeparator, begin);
    if (end == std::string_view::npos) end = value.size();
    const std::string_view item = value.substr(begin, end - begin);
    const std::size_t separator = item.rfind(schema::kCountSeparator);
    std::uint64_t mentions = 1;
    if (separator != std::string_view::npos) {
      std::from_chars(item.data() + separator + 1, item.data() + item.size(), mentions);
    }
    if (separator != 0) f(item.substr(0, separator), mentions);
    begin = end + 1;
  }
}

template <typename F>
void for_each_listed(std::string_view value, F&& f) {
  std::size_t begin = 0;
  while (begin < value.size()) {
    std::size_t end = value.find(schema::kListSeparator, begin);
    if (end == std::string_view::npos) end = value.size();
    if (end > begin) f(value.substr(begin, end - begin));
    begin = end + 1;
  }
}

// A MatchSpy sees every matching document once; it reads value slots only,
// never the stored data, so counting over a million articles stays cheap.
class PeopleSpy : public Xapian::MatchSpy {
 public:
  explicit PeopleSpy(std::vector<std::string> prefix_words)
      : prefix_words_(std::move(prefix_words)) {}

  void operator()(const Xapian::Document& document, double) override {
    for_each_person(document.get_value(schema::kPeopleSlot),
                    [&](std::string_view key, std::uint64_t mentions) {
                      if (!matches_prefix(key)) return;
                      PersonCount& count = counts_[std::string(key)];
                      count.mentions += mentions;
                      ++count.articles;
                    });
  }

  std::unordered_map<std::string, PersonCount>& counts() { return counts_; }

 private:
  bool matches_prefix(std::string_view key) const {
    for (const std::string& prefix : prefix_words_) {
      bool found = false;
      std::size_t begin = 0;
      while (begin < key.size() && !found) {
        std::size_t end = key.find(' ', begin);
        if (end == std::string_view::npos) end = key.size();
        found = key.substr(begin, end - begin).starts_with(prefix);
        begin = end + 1;
      }
      if (!found) return false;
    }
    return true;
  }

  std::vector<std::string> prefix_words_;
  std::unordered_map<std::string, PersonCount> counts_;
};

class ProfileSpy : public Xapian::MatchSpy {
 public:
  explicit ProfileSpy(std::string key) : key_(std::move(key)) {}

  void operator()(const Xapian::Document& document, double) override {
    std::uint64_t own = 0;
    std::vector<std::pair<std::string_view, std::uint64_t>> others;
    const std::string people = document.get_value(schema::kPeopleSlot);
    for_each_person(people, [&](std::string_view key, std::uint64_t mentions) {
      if (key == key_) {
        own += mentions;
      } else {
        others.emplace_back(key, mentions);
      }
    });
    if (own == 0) return;
    profile.mentions += own;
    ++profile.articles;
    for (const auto& [key, mentions] : others) {
      PersonCount& count = co_mentioned[std::string(key)];
      count.mentions += mentions;
      ++count.articles;
    }
    for_each_listed(document.get_value(schema::kRegionsSlot),
                    [&](std::string_view region) { ++regions[std::string(region)]; });
    const std::string date = document.get_value(schema::kDateSlot);
    if (date.size() >= 6) timeline[date.substr(0, 4) + "-" + date.substr(4, 2)] += own;
  }

  PersonProfile profile;
  std::unordered_map<std::string, PersonCount> co_mentioned;
  std::unordered_map<std::string, std::uint64_t> regions;
  std::map<std::string, std::uint64_t> timeline;

 private:
  std::string key_;
};

std::vector<PersonCount> most_mentioned(std::unordered_map<std::string, PersonCount>& counts,
                                        std::size_t limit) {
  std::vector<PersonCount> out;
  out.reserve(counts.size());
  for (auto& [key, count] : counts) {
    count.key = key;
    out.push_back(std::move(count));
  }
  const std::size_t keep = std::min(limit, out.size());
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(keep), out.end(),
                    [](const PersonCount& a, const PersonCount& b) {
                      if (a.mentions != b.mentions) return a.mentions > b.mentions;
                      return a.key < b.key;
                    });
  out.resize(keep);
  return out;
}

template <typename Map>
std::vector<CountedValue> by_count(const Map& counts, std::size_t limit) {
  std::vector<CountedValue> out;
  for (const auto& [value, count] : counts) out.push_back({value, count});
  std::sort(out.begin(), out.end(), [](const CountedValue& a, const CountedValue& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.value < b.value;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

PeopleFilter without_person(PeopleFilter filter) {
  filter.person.clear();
  return filter;
}

// Articles read per round trip when a spy is replayed over remote shards.
constexpr Xapian::doccount kRemoteBatch = 1000;

// Runs `spy` over every article that matches `query`. A remote shard runs no
// MatchSpy of ours (xapian-tcpsrv knows only Xapian's own classes), so over
// remote shards the matching documents are fetched in batches and shown to
// the spy here: the same counts, paid for in transfer.
void spy_on_all(Searcher& searcher, Xapian::Database& database, const Xapian::Query& query,
                Xapian::MatchSpy& spy) {
  if (searcher.has_remote_shards()) {
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    for (Xapian::doccount first = 0;; first += kRemoteBatch) {
      const Xapian::MSet mset = enquire.get_mset(first, kRemoteBatch);
      mset.fetch();
      for (auto it = mset.begin(); it != mset.end(); ++it) spy(it.get_document(), 0);
      if (mset.size() < kRemoteBatch) return;
    }
  }
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.add_matchspy(&spy);
  // maxitems 0 with check_at_least = every document: the spy sees all matches.
  enquire.get_mset(0, 0, database.get_doccount());
}

}  // namespace

Result<std::vector<PersonCount>> top_people(Searcher& searcher, const PeopleFilter& filter,
                                            std::string_view name_prefix, std::size_t limit) {
  try {
    PeopleSpy spy(split_key_words(person_key_words(name_prefix)));
    spy_on_all(searcher, searcher.database(), people_filter_query(without_person(filter)), spy);
    return most_mentioned(spy.counts(), limit);
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "people statistics");
  }
}

Result<PersonProfile> person_profile(Searcher& searcher, std::string_view key,
                                     const PeopleFilter& filter, std::size_t limit) {
  const std::string wanted(key);
  if (wanted.empty()) return invalid_argument("person key is empty");
  try {
    Xapian::Database& database = searcher.database();
    const Xapian::Query query(Xapian::Query::OP_FILTER,
                              Xapian::Query(std::string(schema::kPersonPrefix) + wanted),
                              people_filter_query(without_person(filter)));
    ProfileSpy spy(wanted);
    spy_on_all(searcher, database, query, spy);
    if (spy.profile.articles == 0) return not_found("no article mentions '" + wanted + "'");

    PersonProfile profile = std::move(spy.profile);
    profile.key = wanted;
    profile.co_mentioned = most_mentioned(spy.co_mentioned, limit);
    profile.regions = by_count(spy.regions, limit);
    for (const auto& [month, count] : spy.timeline) profile.timeline.push_back({month, count});

    // Variants need the text: read a bounded number of articles again.
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::DESCENDING);  // the latest articles
    std::unordered_map<std::string, std::uint64_t> variants;
    const Xapian::MSet mset = enquire.get_mset(0, kVariantArticles);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      auto article = decode_article(it.get_document().get_data());
      if (!article) return article.error();
      for (const auto& mention :
           analyzers::find_people(article->title + "\n\n" + article->body, article->language)) {
        if (mention.key == wanted) ++variants[mention.surface];
      }
    }
    profile.variants = by_count(variants, limit);
    return profile;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "people statistics");
  }
}

}  // namespace izdeu::corpus
