#pragma once
// Query-time synonyms as Xapian queries: for the spans of a query that name a
// synonym group (analyzers::SynonymTable: АНК = Ассамблея народа Казахстана
// = ҚХА = Қазақстан халқы Ассамблеясы), a query that matches any form.

#include <xapian.h>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "analyzers/gazetteers/synonym_table.h"
#include "analyzers/token.h"

namespace izdeu::corpus {

struct SynonymExpansion {
  std::size_t first_token = 0;  ///< the span, as indexes into the tokens given
  std::size_t token_count = 0;
  /// Any form of the group, the typed one included, OR'ed: a one-word form as
  /// its exact form OR its inflected forms the index holds; a phrase as
  /// OP_PHRASE over its words, each word likewise («ассамблеи»,
  /// «ассамблеясының»).
  Xapian::Query query;
  std::vector<std::string> exact_terms;  ///< every exact form used, for highlighting
};

/// The synonym spans of one analyzed query (`tokens`, in order, as the query
/// builder has them) with a query for each. How to use it: for each
/// expansion, OR its `query` with what the builder would make of tokens
/// [first_token, first_token + token_count) and use that in place of them.
///
/// With a database, every word of a form also matches its inflected forms
/// the index's lexicon holds (corpus/index/lexicon.h; at most 40 per word,
/// kept by the precision rules of reading_rules.h); without one, words match
/// as written only. Exceptions from the
/// database (Xapian::Error) propagate, like any other Searcher call.
std::vector<SynonymExpansion> expand_synonyms(
    std::span<const analyzers::Token> tokens, const Xapian::Database* database,
    const analyzers::SynonymTable& table = analyzers::SynonymTable::builtin());

}  // namespace izdeu::corpus
