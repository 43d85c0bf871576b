#pragma once
// Query text -> Xapian::Query, analyzed by the same analyzers as the articles.

#include <xapian.h>

#include <string>
#include <vector>

#include "corpus/error.h"
#include "corpus/query/match_strategy.h"
#include "corpus/query/query_word.h"
#include "corpus/search_types.h"

namespace izdeu::corpus {

struct BuiltQuery {
  Xapian::Query query;
  MatchTerms match_terms;
  bool relaxed = false;  ///< MatchMode::kAuto made words optional
  /// Those words, least informative first (match_strategy.h).
  std::vector<OptionalWord> optional;
  /// relaxed: articles with every word (MatchOutcome::full_matches).
  std::uint64_t full_matches = 0;
  /// MatchOutcome::bonus_weight: what the coordination bonuses add at most.
  double bonus_weight = 0;
  /// request.explain: the readings of every word that decides matching or
  /// ranking (title:, NEAR and compound parts included), in query order.
  std::vector<WordExplanation> explanation;
};

/// Builds the Xapian query for a request: the query language (query_parser.h,
/// README "Query language") over the readings of each word (query_word.h),
/// the request's filters, and the match mode (match_strategy.h).
///
/// A word matches its exact normalized form or an alias of it (a Roman
/// numeral's value), any of its stems, or its cross-script loose key (so
/// Latin «Tokayev» finds Cyrillic «Токаев», and «Тоқаев» finds «Токаев»),
/// weighted kStemWeight and kLooseWeight below the exact form. A hyphenated
/// compound matches as its parts or as one joined word. When the request
/// names no language (and the query no lang:), the query is analyzed in
/// every registered language (Kazakh, Russian, English; the detected one
/// first) and the readings of each word are ORed.
///
/// Function and question words (stop_words.h, question_words.h) never decide
/// whether an article matches unless the query has nothing else (no other
/// word, phrase or field); quoted text and NEAR keep them. person:, region:,
/// topic:, lang:, date:, the request's language, dates and person/region/topic
/// lists, and NOT are boolean filters: never weighted, never relaxed. title:
/// is a text clause: required and weighted, never relaxed.
///
/// kInvalidArgument when the query is too long (kMaxQueryChars, kMaxQueryTerms),
/// has a bad lang:/date: value, has no words, or a date range is reversed.
///
/// Explicit operators are never relaxed: a query with AND between its words
/// keeps every word required in every match mode, as +word does.
/// MatchMode::kAuto relaxes only below request.relax_below full matches, and
/// for sort=date and sort=recency only when nothing has every word: those
/// orders would mix the articles without some words among the full matches.
///
/// `database` supplies term statistics for MatchMode::kAuto and kAny (which
/// words are least informative, whether all-words matching finds enough) and
/// the inflected forms that title:, NEAR and the proximity bonus match;
/// without it kAuto behaves as kAll and those clauses match the forms typed.
Result<BuiltQuery> build_query(const SearchRequest& request,
                               const Xapian::Database* database = nullptr);

}  // namespace izdeu::corpus
