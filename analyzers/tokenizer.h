#pragma once
// UTF-8 text -> words, by ICU's word BreakIterator (Unicode UAX #29 rules).

#include <string_view>
#include <vector>

#include "analyzers/token.h"

namespace izdeu::analyzers {

/// Splits text into letter and number words, the same for every language
/// (ICU's root, ru and kk word-break rules are identical).
///
/// Before breaking, the text is repaired as language.md §7.5 suggests:
/// zero-width spaces, word joiners and BOMs separate words, soft hyphens are
/// deleted (the word stays whole), and the apostrophe look-alikes become U+0027,
/// so "O’skemen" is one word as "O'skemen" is. Hyphens split words
/// ("Нур-Султан" -> "Нур", "Султан").
///
/// Each Token gets `text` (the word after these repairs, not yet case-folded),
/// `position` (0, 1, 2, ... in order), `byte_begin`/`byte_end` (the word's bytes
/// in the ORIGINAL input, including any soft hyphen inside it) and `capitalized`
/// (its first letter is upper or title case). `stem` is empty and `language`
/// is left at its default; filters fill them.
///
/// Invalid UTF-8 never fails: each bad byte is read as U+FFFD, which is not a
/// letter, so it separates words; offsets still point into the original bytes.
/// Inputs longer than 4 GiB are analyzed up to the first 4 GiB (offsets are 32-bit).
///
/// Thread-safe: uses one ICU BreakIterator per thread.
class Tokenizer {
 public:
  std::vector<Token> tokenize(std::string_view text) const;
};

}  // namespace izdeu::analyzers
