#pragma once
// The languages izdeu analyzes, named by ISO 639-1 code.

#include <optional>
#include <string_view>

namespace izdeu::analyzers {

enum class Language { kKazakh, kRussian };

/// "kk" or "ru".
std::string_view to_code(Language language);
/// Accepts "kk"/"ru" in any case (also "kz", "kaz", "rus"); nullopt otherwise.
std::optional<Language> parse_language(std::string_view code);

}  // namespace izdeu::analyzers
