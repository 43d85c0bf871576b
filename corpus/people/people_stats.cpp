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
  /// Counts only the keys that have every typed word (key_has_words).
  explicit PeopleSpy(std::vector<analyzers::PersonQueryWord> typed) : typed_(std::move(typed)) {}

  void operator()(const Xapian::Document& document, double) override {
    for_each_person(document.get_value(schema::kPeopleSlot),
                    [&](std::string_view key, std::uint64_t mentions) {
                      if (!matches_prefix(key)) return;
                      if (!typed_.empty() && !key_has_words(key, typed_)) return;
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
  std::vector<analyzers::PersonQueryWord> typed_;
  std::unordered_map<std::string, PersonCount> counts_;
};

class ProfileSpy : public Xapian::MatchSpy {
 public:
  explicit ProfileSpy(std::vector<std::string> keys) : keys_(std::move(keys)) {}

  void operator()(const Xapian::Document& document, double) override {
    std::uint64_t own = 0;
    std::vector<std::pair<std::string_view, std::uint64_t>> others;
    const std::string people = document.get_value(schema::kPeopleSlot);
    for_each_person(people, [&](std::string_view key, std::uint64_t mentions) {
      if (std::find(keys_.begin(), keys_.end(), key) != keys_.end()) {
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
  std::vector<std::string> keys_;  // the person's key and its aliases
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

// Moves the counts of every key into the fullest key of its person when it
// fits exactly one person (aliases_of): «хан клара а.» into «хан клара
// александровна». Keys are compared within their surname only; a surname
// with more than kMaxKin keys is left as it is (quadratic).
constexpr std::size_t kMaxKin = 400;

void merge_aliases(std::unordered_map<std::string, PersonCount>& counts) {
  std::unordered_map<std::string, std::vector<PersonCount>> by_surname;
  for (const auto& [key, count] : counts) {
    by_surname[split_key_words(key).front()].push_back({key, count.mentions, count.articles});
  }
  for (const auto& [surname, kin] : by_surname) {
    if (kin.size() < 2 || kin.size() > kMaxKin) continue;
    std::vector<PersonCount> fullest_first = kin;  // the fullest keys take their forms first
    std::sort(fullest_first.begin(), fullest_first.end(), [](const auto& a, const auto& b) {
      const std::size_t wa = split_key_words(a.key).size(), wb = split_key_words(b.key).size();
      return wa != wb                       ? wa > wb
             : a.key.size() != b.key.size() ? a.key.size() > b.key.size()
                                            : a.key < b.key;
    });
    for (const PersonCount& person : fullest_first) {
      const auto it = counts.find(person.key);
      if (it == counts.end()) continue;  // already merged into another
      for (const std::string& alias : aliases_of(person.key, kin)) {
        const auto from = counts.find(alias);
        if (from == counts.end()) continue;
        it->second.mentions += from->second.mentions;
        it->second.articles += from->second.articles;
        counts.erase(from);
      }
    }
  }
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
    merge_aliases(spy.counts());
    return most_mentioned(spy.counts(), limit);
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "people statistics");
  }
}

Result<PersonProfile> person_profile(Searcher& searcher, std::string_view key,
                                     const PeopleFilter& filter, std::size_t limit,
                                     const std::vector<std::string>& aliases) {
  const std::string wanted(key);
  if (wanted.empty()) return invalid_argument("person key is empty");
  try {
    Xapian::Database& database = searcher.database();
    std::vector<std::string> keys{wanted};
    for (const std::string& alias : aliases) {
      if (std::find(keys.begin(), keys.end(), alias) == keys.end()) keys.push_back(alias);
    }
    std::vector<Xapian::Query> terms;
    for (const std::string& k : keys) terms.emplace_back(std::string(schema::kPersonPrefix) + k);
    const Xapian::Query query(Xapian::Query::OP_FILTER,
                              Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                              people_filter_query(without_person(filter)));
    ProfileSpy spy(keys);
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
        if (std::find(keys.begin(), keys.end(), mention.key) != keys.end()) {
          ++variants[mention.surface];
        }
      }
    }
    profile.variants = by_count(variants, limit);
    return profile;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "people statistics");
  }
}

bool keys_fit(std::string_view a, std::string_view b) {
  const std::vector<std::string> x = split_key_words(a);
  const std::vector<std::string> y = split_key_words(b);
  if (x.empty() || y.empty() || x.front() != y.front()) return false;
  auto initial_of = [](const std::string& word) { return word.size() > 1 && word.back() == '.'; };
  auto fits = [&](const std::string& p, const std::string& q) {
    if (p == q) return true;
    if (initial_of(p)) return q.starts_with(p.substr(0, p.size() - 1));
    if (initial_of(q)) return p.starts_with(q.substr(0, q.size() - 1));
    return false;
  };
  for (std::size_t i = 1; i < std::min(x.size(), y.size()); ++i) {
    if (!fits(x[i], y[i])) return false;
  }
  return true;
}

namespace {

// How full a key is: its words, a whole word above an initial.
std::size_t fullness(std::string_view key) {
  std::size_t score = 0;
  for (const std::string& word : split_key_words(key)) {
    score += word.size() > 1 && word.back() == '.' ? 1 : 2;
  }
  return score;
}

}  // namespace

std::vector<std::string> aliases_of(std::string_view key,
                                    const std::vector<PersonCount>& candidates) {
  std::vector<std::string> out;
  for (const PersonCount& shorter : candidates) {
    if (shorter.key == key || !keys_fit(shorter.key, key) ||
        fullness(shorter.key) > fullness(key)) {
      continue;
    }
    // Unambiguous only: every other key it fits must fit `key` too («хан»
    // is no alias while «хан сергей» is known beside «хан клара»).
    const bool unique = std::all_of(candidates.begin(), candidates.end(), [&](const auto& other) {
      return !keys_fit(shorter.key, other.key) || keys_fit(other.key, key);
    });
    if (unique) out.push_back(shorter.key);
  }
  return out;
}

Result<PersonResolution> resolve_person(Searcher& searcher, std::string_view typed,
                                        const PeopleFilter& filter) {
  std::vector<analyzers::PersonQueryWord> words = analyzers::person_query_words(typed);
  if (words.empty()) return invalid_argument("a person name must have letters");
  try {
    Xapian::Database& database = searcher.database();
    PeopleFilter by_name = filter;
    by_name.person = std::string(typed);
    PeopleSpy spy(std::move(words));
    spy_on_all(searcher, database, people_filter_query(by_name), spy);
    PersonResolution resolution;
    resolution.candidates = most_mentioned(spy.counts(), spy.counts().size());
    if (resolution.candidates.empty()) {
      return not_found("no article mentions a person named '" + std::string(typed) + "'");
    }
    const std::string exact(typed);
    const auto is_exact = [&](const PersonCount& c) { return c.key == exact; };
    const auto& candidates = resolution.candidates;
    if (std::any_of(candidates.begin(), candidates.end(), is_exact)) {
      resolution.key = exact;
    } else {
      // The fullest key, most mentioned among equals, that every candidate fits.
      const PersonCount* best = &candidates.front();
      for (const PersonCount& c : candidates) {
        if (fullness(c.key) > fullness(best->key)) best = &c;
      }
      const bool one_person = std::all_of(candidates.begin(), candidates.end(), [&](const auto& c) {
        return keys_fit(c.key, best->key);
      });
      if (one_person) resolution.key = best->key;
    }
    if (!resolution.key.empty()) {
      // The shorter forms across the archive, judged among every key with
      // the same surname (not only those the typed words reach).
      const std::string surname = split_key_words(resolution.key).front();
      PeopleSpy same_surname(std::vector<std::string>{});
      PeopleFilter by_surname = filter;
      by_surname.person.clear();
      const Xapian::Query query(Xapian::Query::OP_FILTER,
                                Xapian::Query(std::string(schema::kPersonWordPrefix) + surname),
                                people_filter_query(by_surname));
      spy_on_all(searcher, database, query, same_surname);
      std::vector<PersonCount> kin;
      for (auto& [key, count] : same_surname.counts()) {
        if (split_key_words(key).front() == surname)
          kin.push_back({key, count.mentions, count.articles});
      }
      resolution.aliases = aliases_of(resolution.key, kin);
    }
    return resolution;
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "people statistics");
  }
}

}  // namespace izdeu::corpus
