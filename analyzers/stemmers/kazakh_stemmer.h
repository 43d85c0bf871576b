#pragma once
// A light, conservative stemmer for Kazakh nouns.

#include <string>
#include <string_view>
#include <vector>

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

  /// Candidate stems of `word`, from the most to the least conservative: the
  /// first is always stem(word); the others are the other analyses, longest
  /// first (most are shorter than stem(); a few keep more of the word, such as
  /// қорға of "қорғады" where stem() says қорғ), without duplicates:
  /// more suffix layers (all possessives, similative -дай, "according to"
  /// -нша, 1pl/2pl predicates), participles followed by nominal endings
  /// (-ғанын, -ғандығын), finite verbs with negation and person (-майды,
  /// -дық, -саңыз, -а/-й, -ып), stems with к/қ/п restored from г/ғ/б before
  /// a vowel-initial suffix, and a vowel put back into a final consonant
  /// pair (орн -> орын). Deeper readings may be wrong on their own (the -сы
  /// of "облысы" read as a possessive, "жаза" read as the verb жаз- + -а);
  /// use them only when the vocabulary confirms them (kazakh_lexicon.h).
  /// Every reading has at least 2 letters and a vowel. A protected word or
  /// a word whose stem() is protected has no deeper reading. Thread-safe.
  std::vector<std::string> readings(std::string_view word) const;
};

}  // namespace izdeu::analyzers
