#pragma once
// Kazakh, Russian or English? Decided from letters and frequent words.

#include <cstddef>
#include <string_view>

#include "analyzers/language.h"

namespace izdeu::analyzers {

/// Guesses the language of a text. Cyrillic text: Kazakh when enough words
/// contain a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і), with frequent Kazakh and
/// Russian function words deciding unclear cases (a Russian text quoting
/// «Мәңгілік ел» stays Russian), Russian otherwise. Text of mostly Latin
/// words: Kazakh when enough words use a Kazakh Latin letter (ä ö ü ğ ş ñ ı
/// ū; á ó ú ǵ ń ý) or an apostrophe letter ("bu'gin"), or Kazakh function
/// words ("jane", "turaly") outnumber English ones; English when at least two
/// and a tenth of its words are frequent English function words ("the",
/// "of"); otherwise as Cyrillic text (Russian when it has no Cyrillic word:
/// a name or an acronym says nothing). Never fails; looks at the first
/// `max_bytes` only.
Language detect_language(std::string_view utf8_text, std::size_t max_bytes = 16384);

/// True when one normalized (lower-case) word is Kazakh by its letters.
bool is_kazakh_word(std::string_view utf8_word);

}  // namespace izdeu::analyzers
