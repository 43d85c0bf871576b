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
#include <utility>
#include <vector>

#include "analyzers/analyzer.h"
#include "corpus/search_types.h"

namespace izdeu::corpus {

/// What a query matches, for highlighting (snippet_generator.h): exact forms,
/// stems and loose keys.
struct MatchTerms {
  std::set<std::string> exact;
  std::set<std::string> stems;
  std::set<std::string> loose;
  /// The query word (numbered by collect(), from 0) each form of `exact` is
  /// a reading of, so that a snippet counts «волонтёры» and «волонтёров» as
  /// one word shown; a form of two words keeps the first.
  std::map<std::string, std::uint32_t> word_of;
  std::uint32_t words = 0;
};

/// Weights of the readings of one query word, relative to its exact form.
/// Each indexed form is one reading of one class (ReadingClass, search_types.h), the best it
/// qualifies for: exact (as typed, or an alias), stem (an inflection in the word's language) or
/// cross-script (a Latin or Kazakh-letter spelling of it), so an article with the form typed ranks
/// above one with an inflection, which ranks above one with another spelling.
inline constexpr double kStemWeight = 0.5;
inline constexpr double kLooseWeight = 0.25;

/// One indexed form a query word matches, and why: the lexicon key that led
/// to it and how many articles hold it (search_types.h; explain=true shows it).
using Reading = ReadingExplanation;

/// The word at one query position, merged over every analyzer's reading.
struct QueryWord {
  std::string surface;           ///< as typed («Токаева»)
  std::uint32_t byte_begin = 0;  ///< of `surface` in the analyzed text
  std::uint32_t byte_end = 0;
  std::set<std::string> exact;  ///< normalized texts and single-word aliases
  std::set<std::string> stems;  ///< every stem reading, any language
  /// The stem readings with the language each was read in: the lexicon key.
  std::set<std::pair<analyzers::Language, std::string>> language_stems;
  std::set<std::string> loose;
  std::map<std::string, std::uint32_t> compounds;  ///< joined form -> parts it spans
  /// A function or question word in the language the first analyzer read it
  /// as: never decides whether an article matches (unless the query has
  /// nothing else). Russian «не» is a negation, not a function word.
  bool function_word = false;
  /// Matches its exact forms only: an all-capitals acronym («ООН», «ІІМ»), a
  /// Roman numeral (its value is an exact alias: XXVI = 26) or a number.
  bool exact_only = false;
  /// Typed as an acronym (analyzers::is_acronym), not a numeral: matches
  /// where articles wrote it in capitals (schema::kAcronymPrefix).
  bool acronym = false;
  /// Three letters or fewer: no cross-script reading, and only inflections of
  /// the word itself («мёд» -> «мёда», never a longer word's stem).
  bool short_word = false;
  /// Filled by resolve_readings() from the index's lexicon; without it the
  /// word matches `exact` only.
  std::vector<Reading> readings;
  bool resolved = false;
};

/// The words of `text` by position. `analyzers` are tried in order; the first
/// decides whether a word is a function word.
std::vector<QueryWord> analyze_words(std::string_view text,
                                     const std::vector<const analyzers::Analyzer*>& analyzers);

/// Every reading of the word: exact OR kStemWeight × stem forms OR
/// kLooseWeight × cross-script forms (each class one OP_SYNONYM).
Xapian::Query word_query(const QueryWord& word);

/// Any one of `terms`, each with `prefix`; `op` combines them.
Xapian::Query any_of(const std::set<std::string>& terms, std::string_view prefix = {},
                     Xapian::Query::op op = Xapian::Query::OP_OR);

/// The words in this order at consecutive positions, exact forms only (the
/// index has positions for exact forms only). `prefix` "" for the text,
/// schema::kTitlePrefix for the title.
Xapian::Query phrase_query(const std::vector<QueryWord>& words, std::string_view prefix = {});

/// Looks the word's stems and loose keys up in the index's lexicon
/// (corpus/index/lexicon.h) and keeps the indexed forms the precision rules
/// allow (word_readings.cpp): a stem reading needs a Russian ending where it
/// was read as Russian; a cross-script reading needs the two spellings to
/// differ in script or in Kazakh letters; exact_only words take none, short
/// words no cross-script one. A word read as Kazakh (not of a Russian
/// surname shape) is read through its vocabulary-confirmed stem instead of
/// stem() (lexicon.h, KazakhConfirmation): the forms under that stem and the
/// forms whose own confirmed stem it is. Forms no article holds are dropped;
/// at most kMaxFormsPerClass of each class, the most frequent.
void resolve_readings(QueryWord& word, const Xapian::Database& database);
inline constexpr std::size_t kMaxFormsPerClass = 32;

/// Every form the word matches: exact forms and, once resolved, every reading.
std::set<std::string> matched_forms(const QueryWord& word);

/// The forms of the readings of one class.
std::set<std::string> forms_of(const QueryWord& word, ReadingClass kind);

/// The word's readings for explain=true: resolved readings as they are, an
/// unresolved word's exact forms with no document frequency.
WordExplanation explain_word(const QueryWord& word);

/// A synonym span (`text` as typed) whose group matches `forms`, each an
/// exact term, for explain=true.
WordExplanation explain_synonym(std::string_view text, const std::set<std::string>& forms,
                                const Xapian::Database& database);

/// Adds every form the word matches (and its joined compounds) to `terms`;
/// an unresolved word (no database) adds its stems and loose keys instead.
void collect(const QueryWord& word, MatchTerms& terms);

}  // namespace izdeu::corpus
