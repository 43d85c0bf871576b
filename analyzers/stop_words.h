#pragma once
// Stop words: frequent function words of Kazakh and Russian. They are indexed
// (phrases keep their positions) and dropped from unquoted queries. Negation
// words (не, ни, нет, без; емес, жоқ) are never stop words: "не" changes
// what a query means.

#include <span>
#include <string_view>

#include "analyzers/language.h"

namespace izdeu::analyzers {

/// True when the normalized (lower-case, ё→е) word is a stop word of `language`.
bool is_stop_word(std::string_view normalized_word, Language language);

/// The stop words of `language`, sorted, without duplicates (for tests and tools).
std::span<const std::string_view> stop_words(Language language);

}  // namespace izdeu::analyzers
