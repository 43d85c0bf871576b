#pragma once
// How the plain words of a query decide what matches (MatchMode all, any,
// auto) and how they rank: the coordination bonus of optional words and the
// proximity bonus. Everything else in a query (phrases, title:, groups,
// filters, NOT) is passed through unchanged: it is never relaxed.

#include <xapian.h>

#include <string>
#include <vector>

#include "corpus/error.h"
#include "corpus/search_types.h"

namespace izdeu::corpus {

/// Once relaxing, kAuto makes words optional until this many articles match
/// (or relaxing finds no more): enough to fill a page after the full matches.
inline constexpr Xapian::doccount kRelaxTarget = 10;

/// An article that matches an optional word gains kMatchedWordBonus plus
/// kRarityBonus × rarity (0 for a word in every article, 1 for a word in one),
/// where rarity = ln(N / df) / ln(N). With at most kMaxQueryTerms words the
/// rarity part stays below one kMatchedWordBonus, and BM25 stays far below
/// kRarityBonus, so results order by how many optional words they match, then
/// by how rare those words are, then by BM25.
inline constexpr double kMatchedWordBonus = 1e6;
inline constexpr double kRarityBonus = 1e4;

/// A relaxed query that no article answers in full: every word is optional,
/// and a matched one adds kNoFullMatchBonus × its rarity to BM25 instead of a
/// tier. Chosen on the tune splits of the Kazakh question set and the ranking
/// set (BENCHMARKS.md, "Relaxation threshold"): tiers by matched words put a
/// passage sharing many common words of a question above the one answering it.
inline constexpr double kNoFullMatchBonus = 3;

/// With some article holding every word, kAuto never makes optional a rare
/// word: one whose rarity (above) is at least this, i.e. found in at most
/// N^0.3 of N articles (13 of 6,000; 63 of 1,000,000). At 0.5 (√N) it kept
/// most content words of a small archive required and cost recall on the
/// judged ranking set (BENCHMARKS.md, "Relaxation threshold").
inline constexpr double kRareWordRarity = 0.7;

/// Proximity bonus: for each pair of neighbouring query words, articles where
/// the two stand within kProximityWindow positions of each other (adjacent,
/// or one word between, in either order) gain kProximityWeight × the BM25
/// weight of those two words' exact forms. Only the first
/// kMaxProximityPairs + 1 words take part, to bound the position checks.
inline constexpr Xapian::termcount kProximityWindow = 3;
inline constexpr double kProximityWeight = 0.5;
inline constexpr std::size_t kMaxProximityPairs = 6;

/// All of `queries` (OP_AND), or the one query itself.
Xapian::Query all_of(const std::vector<Xapian::Query>& queries);

/// Any of `queries` (OP_OR), or the one query itself.
Xapian::Query either_of(const std::vector<Xapian::Query>& queries);

/// A plain word of the query: the only kind of clause MatchMode may relax.
struct PlainWord {
  std::string text;     ///< as typed, for SearchResult::optional_words
  Xapian::Query query;  ///< every reading, weighted (query_word.h)
  /// Positional forms of the word's first and last position (OR of terms),
  /// for the proximity bonus; empty Query() when it has none.
  Xapian::Query head;
  Xapian::Query tail;
  bool keep_required = false;  ///< +word
  /// Matched as typed only (an acronym, a number, a Roman numeral): a
  /// precise token kAuto never drops while some article has every word.
  bool exact_only = false;
};

/// A query taken apart for the match strategy.
struct MatchClauses {
  std::vector<PlainWord> words;         ///< top-level plain words, in query order
  std::vector<Xapian::Query> required;  ///< phrases, title:, groups, OR, NEAR: weighted
  std::vector<Xapian::Query> filters;   ///< fields, lang, dates: boolean
  std::vector<Xapian::Query> excluded;  ///< NOT, -x

  bool empty() const {
    return words.empty() && required.empty() && filters.empty() && excluded.empty();
  }
};

/// A word MatchMode::kAuto or kAny made optional.
struct OptionalWord {
  std::string text;     ///< as typed
  Xapian::Query query;  ///< its readings, without the coordination bonus
};

struct MatchOutcome {
  Xapian::Query query;
  bool relaxed = false;
  /// kAuto relaxed: the optional words, least informative first.
  std::vector<OptionalWord> optional;
  /// kAuto relaxed: articles that match with every word required (exact,
  /// uncollapsed; below the relaxation threshold by construction).
  Xapian::doccount full_matches = 0;
  /// What the coordination bonuses add to an article that matches every
  /// optional word: query weights above it come from those bonuses, so a
  /// ranking signal scaled to the query's largest weight subtracts it.
  double bonus_weight = 0;
};

/// Builds the final query.
///  - kAll: every plain word required.
///  - kAny: every plain word optional (+words stay required); an article needs
///    one of them unless another clause (a phrase, title:…) anchors the query.
///  - kAuto: as kAll while that finds `relax_below` articles.
///    If no article has every word the archive holds (a word no article has
///    tells nothing), every word becomes optional (+words and the words of
///    an explicit AND aside), ranked by BM25 plus kNoFullMatchBonus × rarity
///    per matched word.
///    If some article has them, words become optional one by one, those no
///    article has first, then the most frequent, until kRelaxTarget match; a rare word
///    (kRareWordRarity: a name, a place), an exact_only word (a numeral, an
///    acronym) and the rarest word (unless another clause anchors the query)
///    never do. Relaxing stops at the fewest optional words that find as
///    many articles as relaxing can, and a relaxation that adds no article is
///    not made. Every optional word adds its tier (kMatchedWordBonus) to the
///    articles that have it, so the full matches rank first, in their own
///    BM25 order.
///    Words of `clauses` marked keep_required stay required. Needs
///    `database`; without one kAuto is kAll.
/// Filters are applied with OP_FILTER and exclusions with OP_AND_NOT; a query
/// with only those matches every article they allow (weight 0).
/// kUnavailable/kDataLoss when counting fails for a reason other than a
/// concurrent commit (which falls back to kAll).
Result<MatchOutcome> combine_clauses(const MatchClauses& clauses, MatchMode mode,
                                     const Xapian::Database* database,
                                     Xapian::doccount relax_below = kRelaxBelow);

}  // namespace izdeu::corpus
