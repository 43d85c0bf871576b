#pragma once
// Query-time synonyms: names of one organization, office, country or event
// (АНК = Ассамблея народа Казахстана = ҚХА = Қазақстан халқы Ассамблеясы;
// РК = ҚР; ЕАЭС = ЕАЭО), so that any of them finds articles that use any other.
// This side only finds the spans of a query that name a group and lists the
// group's forms; corpus/synonym_expander turns them into Xapian queries.

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/gazetteers/data_file.h"
#include "analyzers/gazetteers/phrase_matcher.h"
#include "analyzers/token.h"

namespace izdeu::analyzers {

/// One word of a form, as the index has it.
struct SynonymWord {
  std::string text;                ///< exact normalized form (an unprefixed index term)
  std::vector<std::string> stems;  ///< every stem reading (Z terms), Russian and Kazakh
};

/// One way of writing a group's name: a word or a phrase.
struct SynonymForm {
  std::string written;  ///< as in the data file: «Ассамблея народа Казахстана»
  std::vector<SynonymWord> words;
};

struct SynonymGroup {
  std::vector<SynonymForm> forms;  ///< in file order
};

/// A run of query tokens that is one form of a group.
struct SynonymSpan {
  std::size_t first = 0;  ///< index of the first query token
  std::size_t count = 0;  ///< number of tokens
  std::size_t group = 0;  ///< index into SynonymTable::groups()
  std::size_t form = 0;   ///< which form of the group the tokens are
};

class SynonymTable;

struct SynonymTableLoad {
  std::shared_ptr<const SynonymTable> table;  ///< null when there are errors
  std::vector<DataFileError> errors;          ///< sorted by line
};

/// Thread-safe once built.
class SynonymTable {
 public:
  /// The table compiled from analyzers/data/synonyms.txt.
  static const SynonymTable& builtin();

  /// One group per line, forms separated by ';', '#' comment lines. A group
  /// needs two or more forms; a form may belong to one group only.
  static SynonymTableLoad parse(std::string_view text);

  const std::vector<SynonymGroup>& groups() const { return groups_; }

  /// The spans of `query_tokens` (one analyzed query, in order) that are a
  /// form of a group: each word in any inflection («ассамблеи народа
  /// казахстана», «ассамблеясының») or letter case. Leftmost-longest, never
  /// overlapping.
  std::vector<SynonymSpan> find(std::span<const Token> query_tokens) const;

 private:
  SynonymTable() = default;

  std::vector<SynonymGroup> groups_;
  std::vector<std::pair<std::size_t, std::size_t>> form_index_;  ///< matcher value -> (group, form)
  PhraseMatcher matcher_;
};

}  // namespace izdeu::analyzers
