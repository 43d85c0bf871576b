#pragma once
// Question words of each registered language with their case forms (кто,
// кого, кому…; кім, кімнің, кімге…; who, whom, whose…). A question typed into the search box
// carries them, articles rarely do, so the query builder never lets them decide whether an article
// matches (issue: natural-language questions).

#include <span>
#include <string_view>

#include "analyzers/language.h"

namespace izdeu::analyzers {

/// True when the normalized (lower-case, ё→е) word is a question word of
/// `language`. Russian «не» (not) is a negation, never a question word;
/// Kazakh «не» (what) is one.
bool is_question_word(std::string_view normalized_word, Language language);

/// The question words of `language`, sorted, without duplicates (for tests and tools).
std::span<const std::string_view> question_words(Language language);

}  // namespace izdeu::analyzers
