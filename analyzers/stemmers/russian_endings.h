#pragma once
// Whether a Russian word form is its stem plus an inflectional ending.

#include <string_view>

namespace izdeu::analyzers {

/// True when `form` is `stem` followed by an ending of a Russian noun,
/// adjective, participle, verb or gerund paradigm (after ё -> е folding, as
/// the analyzers write forms), or by nothing. Snowball strips suffixes
/// without knowing the paradigm, so two unrelated words can share a stem
/// ("мед" for «мёд» and «медиа»); a form whose remainder is no Russian
/// ending ("иа") is not an inflection of that stem. Both arguments are
/// normalized lower-case UTF-8.
bool is_russian_inflection(std::string_view stem, std::string_view form);

}  // namespace izdeu::analyzers
