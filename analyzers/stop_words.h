#pragma once
// Stop words: frequent function words of each registered language (Kazakh,
// Russian, English). They are indexed (phrases keep their positions) and
// dropped from unquoted queries. Negation words (не, ни, нет, без; емес, жоқ;
// not, no, without) are never stop words: "не" changes what a query means.

#include <span>
#include <string_view>

#include "analyzers/language.h"

namespace izdeu::analyzers {

/// True when the normalized (lower-case, ё→е) word is a stop word of `language`.
bool is_stop_word(std::string_view normalized_word, Language language);

/// True when the word is a stop word of some registered language.
bool is_stop_word_of_any_language(std::string_view normalized_word);

/// The stop words of `language`, sorted, without duplicates (for tests and tools).
std::span<const std::string_view> stop_words(Language language);

}  // namespace izdeu::analyzers
