#pragma once
// Kazakh or Russian? Decided from letters and frequent words.

#include <cstddef>
#include <string_view>

#include "analyzers/language.h"

namespace izdeu::analyzers {

/// Guesses the language of Cyrillic text: Kazakh when enough words contain a
/// Kazakh-only letter (ә ғ қ ң ө ұ ү һ і), with frequent Kazakh and Russian
/// function words deciding unclear cases (a Russian text quoting «Мәңгілік ел»
/// stays Russian), Russian otherwise. Never fails; looks at the first
/// `max_bytes` only.
Language detect_language(std::string_view utf8_text, std::size_t max_bytes = 16384);

/// True when one normalized (lower-case) word is Kazakh by its letters.
bool is_kazakh_word(std::string_view utf8_word);

}  // namespace izdeu::analyzers
