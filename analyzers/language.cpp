#include "analyzers/language.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "analyzers/language_registry.h"

namespace izdeu::analyzers {

std::string_view to_code(Language language) { return language_info(language).code; }

std::optional<Language> parse_language(std::string_view code) {
  std::string lower(code);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const LanguageInfo& info : languages()) {
    if (lower == info.code ||
        std::find(info.aliases.begin(), info.aliases.end(), lower) != info.aliases.end()) {
      return info.language;
    }
  }
  return std::nullopt;
}

}  // namespace izdeu::analyzers
