#pragma once
// The languages izdeu analyzes, named by ISO 639-1 code. Everything that
// differs by language is one row of the language registry
// (analyzers/language_registry.h).

#include <cstddef>
#include <optional>
#include <string_view>

namespace izdeu::analyzers {

/// One value per row of the language registry, in the registry's order.
enum class Language { kKazakh, kRussian, kEnglish };
/// The number of Language values (rows of the registry).
inline constexpr std::size_t kLanguageCount = 3;

/// The registry's code: "kk", "ru" or "en".
std::string_view to_code(Language language);
/// Accepts a registry code or one of its aliases ("kz", "kaz", "rus", "eng",
/// "en-us"...) in any case; nullopt otherwise.
std::optional<Language> parse_language(std::string_view code);

}  // namespace izdeu::analyzers
