#pragma once
// Who is mentioned, how often, when and with whom: counts over the people
// recognized at index time (schema::kPeopleSlot), for the people API.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/error.h"
#include "corpus/people/mention_scanner.h"
#include "corpus/search/searcher.h"

namespace izdeu::corpus {

struct PersonCount {
  std::string key;
  std::uint64_t mentions = 0;  ///< mentions in all matching articles
  std::uint64_t articles = 0;  ///< matching articles that mention the person
};

struct CountedValue {
  std::string value;
  std::uint64_t count = 0;
};

/// The `limit` most-mentioned people in the articles that match `filter`
/// (its `person` is ignored), most mentions first, ties by key. With a
/// non-empty `name_prefix`, only people one of whose key words starts with
/// the prefix's normalized form («ток», «Тоқ» → тоқаев, токаев). Counts are exact.
Result<std::vector<PersonCount>> top_people(Searcher& searcher, const PeopleFilter& filter,
                                            std::string_view name_prefix, std::size_t limit);

struct PersonProfile {
  std::string key;
  std::uint64_t mentions = 0;
  std::uint64_t articles = 0;
  /// Surface forms seen («Токаев», «Токаева», «Тоқаевтың»), most frequent
  /// first, read from at most kVariantArticles articles.
  std::vector<CountedValue> variants;
  std::vector<CountedValue> timeline;     ///< mentions per month "YYYY-MM", oldest first
  std::vector<PersonCount> co_mentioned;  ///< people in the same articles (articles = shared)
  std::vector<CountedValue> regions;      ///< region ids of the person's articles
};

/// Articles read for name variants: variants need the recognizer run again,
/// the only part of a profile that costs per article.
inline constexpr std::size_t kVariantArticles = 500;

/// The profile of the person with canonical `key`, over the articles that
/// match `filter` (dates, regions; its `person` is ignored). kNotFound when no
/// matching article mentions `key`. Lists are cut to `limit` entries, except
/// the timeline.
Result<PersonProfile> person_profile(Searcher& searcher, std::string_view key,
                                     const PeopleFilter& filter, std::size_t limit);

}  // namespace izdeu::corpus
