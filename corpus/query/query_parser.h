#pragma once
// The query language, text -> syntax tree (README "Query language"). No
// Xapian here: query_builder.cpp turns the tree into a Xapian::Query.
//
//   words            all required (see MatchMode for how they may relax)
//   a OR b           either; binds tighter than the space between words,
//                    so `Токаев визит OR поездка` is Токаев AND (визит OR поездка)
//   -word, NOT word  excluded (also -"phrase", -(group), -field:value)
//   +word            never made optional by match=auto
//   "phrase"         exact forms in this order (also «…», “…”, „…“)
//   a NEAR/n b       words at most n positions apart, any order (NEAR alone: n = 10)
//   ( … )            grouping
//   title:w title:"…"  words of the title
//   person:, region:, topic:  entity filters; values may be quoted: person:"Клара Хан"
//   lang:kk|ru|en    language filter
//   date:2021  date:2021-03  date:2021-03-01  date:2021-01..2021-06  date:..2020  date:2021..
//
// Operators are upper-case ASCII words (OR, AND, NOT, NEAR); lower-case «or»
// is a word. Field names are ASCII letters in any case.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/language.h"
#include "corpus/date.h"
#include "corpus/error.h"

namespace izdeu::corpus {

/// Longest accepted query, in Unicode characters (not bytes: Cyrillic takes two).
inline constexpr std::size_t kMaxQueryChars = 2000;
/// Most terms in a query: words, words inside quotes and field clauses
/// (operators and brackets do not count).
inline constexpr std::size_t kMaxQueryTerms = 64;
/// NEAR without /n.
inline constexpr std::uint32_t kDefaultNearDistance = 10;
/// NEAR/n above this is read as this.
inline constexpr std::uint32_t kMaxNearDistance = 100;
/// Brackets nested deeper than this are ignored (the words inside still count).
inline constexpr int kMaxQueryDepth = 16;

enum class QueryField { kTitle, kPerson, kRegion, kTopic, kLanguage, kDate };

struct QueryNode {
  enum class Kind {
    kWord,  ///< one bare word as typed; may hold hyphens or dots («Нур-Султан», «Л.Ю.»)
    kPhrase,  ///< text that was in quotes
    kField,   ///< field:value
    kAll,     ///< every child required: words side by side, AND, a bracketed group
    kAny,     ///< children joined by OR
    kNear,    ///< kWord children within `distance` positions of each other
  };
  Kind kind = Kind::kAll;
  bool negated = false;                         ///< -x or NOT x: matching articles are excluded
  bool required = false;                        ///< +word: never made optional by MatchMode::kAuto
  std::string text;                             ///< kWord, kPhrase: the text; kField: the value
  QueryField field = QueryField::kTitle;        ///< kField
  bool quoted = false;                          ///< kField: the value was in quotes
  std::optional<analyzers::Language> language;  ///< kField lang:
  std::optional<Date> from;                     ///< kField date: first day; nullopt: open
  std::optional<Date> to;                       ///< kField date: last day; nullopt: open
  std::uint32_t distance = 0;                   ///< kNear
  std::vector<QueryNode> children;              ///< kAll, kAny, kNear
};

struct ParsedQuery {
  QueryNode root;         ///< kind kAll
  std::size_t terms = 0;  ///< counted as for kMaxQueryTerms
  /// The top level joins operands with an explicit AND (`Путин AND Медведев`):
  /// the user asked for every word, so none of them may be relaxed.
  bool explicit_and = false;
  /// Syntax that could not be used and was read as plain words or dropped
  /// ("unbalanced quote", "dangling OR"…), for tests and logs.
  std::vector<std::string> ignored;
};

/// Parses the query language. Malformed syntax never fails: an unbalanced
/// quote or bracket is ignored (the text inside is read as plain words), an
/// operator with nothing to apply to is dropped, - or NOT inside OR or NEAR is
/// dropped, NEAR between anything but words becomes AND, an unknown field
/// («http:», «10:30») is plain text, and a query left with nothing but
/// operators is read as plain words.
///
/// kInvalidArgument, at once, when the query is longer than kMaxQueryChars
/// characters or has more than kMaxQueryTerms terms, and for a lang: or date:
/// value that is not a language or a date (a clear message beats a silent
/// search for the word "date"), or a reversed date range.
Result<ParsedQuery> parse_query(std::string_view query);

/// A compact rendering of a tree, for tests and logs:
/// `AND(w:a, OR(w:b, w:c), -"x y", title:w, date:2021-01-01..2021-06-30, NEAR/3(w:a, w:b))`.
std::string describe(const QueryNode& node);

}  // namespace izdeu::corpus
