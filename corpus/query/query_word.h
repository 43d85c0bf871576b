#pragma once
// One word of a query with everything the analyzers read into it, and the
// Xapian subqueries built from those readings. Used by query_builder.cpp;
// MatchTerms also by the snippets.

#include <xapian.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"

namespace izdeu::corpus {

/// What a query matches, for highlighting (snippet_generator.h): exact forms,
/// stems and loose keys.
struct MatchTerms {
  std::set<std::string> exact;
  std::set<std::string> stems;
  std::set<std::string> loose;
};

/// Weights of the readings of one query word, relative to its exact form.
/// A document that has the exact form also has its stem and loose key, so it
/// collects every reading's weight and ranks above one with only a stem, which
/// ranks above one with only a loose (transliterated or letter-folded) match.
inline constexpr double kStemWeight = 0.5;
inline constexpr double kLooseWeight = 0.25;

/// The word at one query position, merged over every analyzer's reading.
struct QueryWord {
  std::string surface;           ///< as typed («Токаева»)
  std::uint32_t byte_begin = 0;  ///< of `surface` in the analyzed text
  std::uint32_t byte_end = 0;
  std::set<std::string> exact;  ///< normalized texts and single-word aliases
  std::set<std::string> stems;
  std::set<std::string> loose;
  std::map<std::string, std::uint32_t> compounds;  ///< joined form -> parts it spans
  /// A function or question word in the language the first analyzer read it
  /// as: never decides whether an article matches (unless the query has
  /// nothing else). Russian «не» is a negation, not a function word.
  bool function_word = false;
};

/// The words of `text` by position. `analyzers` are tried in order; the first
/// decides whether a word is a function word.
std::vector<QueryWord> analyze_words(std::string_view text,
                                     const std::vector<const analyzers::Analyzer*>& analyzers);

/// Every reading of the word: exact OR kStemWeight × stems OR kLooseWeight × loose.
Xapian::Query word_query(const QueryWord& word);

/// Any one of `terms`, each with `prefix`; `op` combines them.
Xapian::Query any_of(const std::set<std::string>& terms, std::string_view prefix = {},
                     Xapian::Query::op op = Xapian::Query::OP_OR);

/// The words in this order at consecutive positions, exact forms only (the
/// index has positions for exact forms only). `prefix` "" for the text,
/// schema::kTitlePrefix for the title.
Xapian::Query phrase_query(const std::vector<QueryWord>& words, std::string_view prefix = {});

/// Forms of `word` the index holds under `prefix` (title or text words) that
/// share one of its stems: «Токаева», «Токаеву» for «Токаев». Found by walking
/// the index's term list from the stem, at most kMaxIndexedForms. Lets
/// positional clauses (NEAR, title:, the proximity bonus) match inflected
/// forms although the index keeps positions for exact forms only.
std::set<std::string> indexed_forms(const Xapian::Database& database, std::string_view prefix,
                                    const QueryWord& word,
                                    const std::vector<const analyzers::Analyzer*>& analyzers);
inline constexpr std::size_t kMaxIndexedForms = 24;

/// Adds the word's exact forms, compounds, stems and loose keys to `terms`.
void collect(const QueryWord& word, MatchTerms& terms);

}  // namespace izdeu::corpus
