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
/// the timeline. Mentions under `aliases` (other keys of the same person,
/// see resolve_person) count as the person's own.
Result<PersonProfile> person_profile(Searcher& searcher, std::string_view key,
                                     const PeopleFilter& filter, std::size_t limit,
                                     const std::vector<std::string>& aliases = {});

/// Whether two person keys can name one person: the same surname (first key
/// word), and every later word equal, an initial of the other's word
/// («к.» / «клара»), or missing from one of them. «хан клара а.» fits «хан
/// клара александровна» and «хан»; «хан сергей» fits neither of the first.
bool keys_fit(std::string_view a, std::string_view b);

/// A name as typed, resolved against the archive (issue 16).
struct PersonResolution {
  /// The canonical key chosen: the fullest key every candidate fits (the
  /// typed text itself when it is a key); empty when the candidates name
  /// different people.
  std::string key;
  /// Keys of the chosen person's other, shorter forms that fit it and no
  /// other person («хан клара а.», «хан» when only one Хан is known):
  /// counted as the same person.
  std::vector<std::string> aliases;
  /// Every key whose words include every typed word, most mentioned first.
  std::vector<PersonCount> candidates;
};

/// Resolves `typed` («Клара Хан», «Tokayev», «хан клара а.») over the
/// articles that match `filter`: the keys person_filter finds, counted.
/// kInvalidArgument when `typed` has no words; kNotFound when no key fits.
Result<PersonResolution> resolve_person(Searcher& searcher, std::string_view typed,
                                        const PeopleFilter& filter);

/// The aliases of `key` among `candidates` (see PersonResolution::aliases).
std::vector<std::string> aliases_of(std::string_view key,
                                    const std::vector<PersonCount>& candidates);

}  // namespace izdeu::corpus
