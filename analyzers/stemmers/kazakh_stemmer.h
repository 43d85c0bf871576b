#pragma once
// A light, conservative stemmer for Kazakh nouns.

#include <string>
#include <string_view>

#include "analyzers/stemmers/stemmer.h"

namespace izdeu::analyzers {

/// Rule-based Kazakh stemmer (language.md §2.8). Right to left: finite verb
/// endings (-ады, -майды, -атын, past -ды after a vowel) end the work; else
/// predicate 1sg/1pl (-мын, -пыз), one case ending (incl. -дағы, -н after a
/// possessive), the possessive (bare 3rd-person -ы/-і after a consonant,
/// -сы/-сі after a vowel, "...ысы" read as a stem in -ыс), plural, then
/// participles/converbs (-ған, -атын, -ып). Every allomorph is checked against
/// the stem's last letter and vowel harmony. Afterwards б/г/ғ between vowels
/// is restored to п/к/қ (кітабы -> кітап) and elided vowels put back
/// (халқы -> халық). Protected words (place names, function words, stems in
/// -ын/-ін) come back unchanged, also under inflection (Алматыдағы -> алматы).
/// Temporal -ғы/-гі/-қы/-кі after a consonant is stripped and ends the work.
///
/// Stems are not always dictionary words ("оқушы" -> "оқуш", like all its
/// forms); the verbal noun in -у (болу) is a noun of its own, not conflated
/// with finite forms (бол). Input is normalized lower-case UTF-8; words over
/// 48 letters come back unchanged. Stateless and thread-safe; no heap work
/// besides the result string.
class KazakhStemmer : public Stemmer {
 public:
  std::string stem(std::string_view word) const override;
};

}  // namespace izdeu::analyzers
