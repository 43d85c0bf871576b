#pragma once
// The precision rules that decide which of a query word's lexicon candidates
// are readings of it (query_word.h, resolve_readings). Each is a pure
// function of strings, table-tested in tests/corpus/reading_rules_test.cpp.

#include <cstddef>
#include <string_view>

#include "analyzers/language.h"

namespace izdeu::corpus {

/// A word of this many letters or fewer is short: it reaches no other
/// spelling, and only inflections of itself (is_stem_reading).
inline constexpr std::size_t kMaxShortWordLetters = 3;
bool is_short_word(std::string_view normalized_word);

/// Whether `form`, found under a loose key the query word `word` shares, is
/// a spelling of it: the two differ in script (Latin «tokayev» and Cyrillic
/// «токаев»), or exactly one is written with Kazakh letters («тоқаев» and
/// «токаев», «қазақстан» and «казахстан»), or both are Latin (transliteration
/// variants: «tokayev», «toqaev»). Two ordinary Cyrillic words never are,
/// whatever their keys («мед» and «медиа», «сапаров» and «сапары»).
/// Arguments are normalized exact forms.
bool is_cross_script_spelling(std::string_view word, std::string_view form);

/// Whether `form`, filed under `stem` read in `language`, is an inflection of
/// the query word `word` read the same way. Russian (Cyrillic words; Latin
/// ones are stemmed by the English rules) needs both to be the stem plus a
/// Russian ending (analyzers/stemmers/russian_endings.h), which keeps
/// «медиа» away from «мёд»; Kazakh and English rely on their stemmers. A
/// short word (three letters or fewer) reaches only inflections of itself:
/// its stem must be the word. Arguments are normalized exact forms.
bool is_stem_reading(analyzers::Language language, std::string_view stem, std::string_view word,
                     std::string_view form, bool short_word);

}  // namespace izdeu::corpus
