#pragma once
// A light, conservative stemmer for Kazakh nouns.

#include <string>
#include <string_view>

#include "analyzers/stemmers/stemmer.h"

namespace izdeu::analyzers {

/// Strips the frequent nominal endings of Kazakh, right to left, at most one
/// per layer: case (-ның, -ға, -да, -дан, -ды, -мен, -дағы, ... with every
/// allomorph), then possessive (-ымыз, -сы, ...; bare -ы/-і only where the
/// case ending proves a possessive), then plural (-лар/-дар/-тар, ...).
/// A suffix is stripped only if the allomorph fits the stem's last letter and
/// vowel harmony (language.md §2.2, §2.8), and at least two letters including
/// a vowel remain. Place names that look inflected are protected
/// ("Қызылорда", "Өскемен"), also under a case ending ("Қызылордада").
///
/// So: "қазақстанның", "қазақстанда", "қазақстандағы", "қазақстанға" ->
/// "қазақстан"; "мектептерімізде" -> "мектеп"; "қаласында" -> "қала"; words
/// of 1-2 letters and uninflected words come back unchanged.
///
/// This is the foundation version; it does not strip verb endings, restore
/// к/қ/п voicing or undo vowel elision (language.md §2.8 steps 1, 4).
/// Input is normalized lower-case UTF-8. Stateless and thread-safe.
class KazakhStemmer : public Stemmer {
 public:
  std::string stem(std::string_view word) const override;
};

}  // namespace izdeu::analyzers
