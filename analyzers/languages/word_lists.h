#pragma once
// The hand-written word lists the language registry points at. They are
// defined next to their provenance and policy: stop words in stop_words.cpp,
// question words in question_words.cpp. Use is_stop_word()/is_question_word()
// or the registry rather than these.

#include <span>
#include <string_view>

namespace izdeu::analyzers::word_lists {

extern const std::span<const std::string_view> kKazakhStopWords;
extern const std::span<const std::string_view> kRussianStopWords;
extern const std::span<const std::string_view> kEnglishStopWords;

extern const std::span<const std::string_view> kKazakhQuestionWords;
extern const std::span<const std::string_view> kRussianQuestionWords;
extern const std::span<const std::string_view> kEnglishQuestionWords;

}  // namespace izdeu::analyzers::word_lists
