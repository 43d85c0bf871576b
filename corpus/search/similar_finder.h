#pragma once
// Related articles: the articles closest to one article, found by Xapian's
// relevance feedback over the article's own terms (Enquire::get_eset), with
// the people and regions it names weighed in.

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/error.h"
#include "corpus/search/searcher.h"
#include "corpus/search_types.h"

namespace izdeu::corpus {

/// Most related articles find_similar() returns.
inline constexpr std::uint32_t kMaxSimilar = 100;
/// Words of the article the related-articles query is made of: the most
/// telling ones by Bo1 (Xapian's divergence-from-randomness expansion
/// weight: frequent in the article, rare in the collection).
inline constexpr std::uint32_t kSimilarTerms = 40;
/// Each person the article names, and each region, adds this share of the
/// word query's largest possible weight to an article that names it too, so
/// an article about the same people ranks above one that only shares words.
inline constexpr double kSharedPersonShare = 0.25;
inline constexpr double kSharedRegionShare = 0.10;
/// At most this many of the article's people (the most mentioned) and regions count.
inline constexpr std::size_t kSimilarEntities = 10;

/// Up to `limit` (1..kMaxSimilar) articles most like the article `id`, best
/// first, as hits: title (generated for an untitled article), url, source,
/// date, language, views, score, people, regions, topics, and as snippet the
/// start of the text (about 200 characters, HTML-escaped, no marks). The
/// article itself and its syndicated copies (its collapse key,
/// schema::kCollapseSlot) are never among them, and copies of one other
/// article are shown once (Hit::duplicates counts the rest).
/// kNotFound for an unknown id; kInvalidArgument for a limit out of range.
Result<std::vector<Hit>> find_similar(Searcher& searcher, const std::string& id,
                                      std::uint32_t limit);

}  // namespace izdeu::corpus
