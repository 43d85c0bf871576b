#pragma once
// Did you mean: a corrected query for one that finds little or nothing,
// computed from the index's own vocabulary (no spelling table is written at
// index time, so indexing pays nothing for it).

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "corpus/search_types.h"

namespace izdeu::corpus {

/// A correction of `request.query`, which found `total` articles, or nullopt.
///
/// Two readings are tried: the query typed on Latin keys in the wrong layout
/// («cjdtn» → «совет», Russian or Kazakh layout), and each word that the
/// index does not know, or knows far less often than a near spelling, replaced
/// by the most frequent indexed word at the smallest edit distance
/// (insertions, deletions, substitutions, swaps of neighbours: at most one
/// for words of up to four letters, two beyond) that starts with the same
/// letter. Cyrillic words are corrected against the exact forms of the
/// index, Latin ones against its cross-script loose keys, so «Tokaevv»
/// becomes «tokaev». The correction must find more articles than the query,
/// with the same filters; it is never the query itself.
std::optional<std::string> suggest_correction(const Xapian::Database& database,
                                              const SearchRequest& request, std::uint64_t total);

/// Optimal-string-alignment distance between two words, counted in code
/// points, or `limit + 1` when it exceeds `limit`. Exposed for tests.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit);

}  // namespace izdeu::corpus
