#pragma once
// Kazakh or Russian? Decided from letters and frequent words.

#include <cstddef>
#include <string_view>

#include "analyzers/language.h"

namespace izdeu::analyzers {

/// Guesses the language of Cyrillic text: Kazakh when Kazakh-only letters
/// (ә ғ қ ң ө ұ ү һ і) or frequent Kazakh function words are common enough,
/// Russian otherwise. Never fails; looks at the first `max_bytes` only.
Language detect_language(std::string_view utf8_text, std::size_t max_bytes = 16384);

/// True when one normalized (lower-case) word is Kazakh by its letters.
bool is_kazakh_word(std::string_view utf8_word);

}  // namespace izdeu::analyzers
