#include "analyzers/language.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace izdeu::analyzers {

std::string_view to_code(Language language) {
  switch (language) {
    case Language::kKazakh:
      return "kk";
    case Language::kRussian:
      return "ru";
  }
  return "ru";
}

std::optional<Language> parse_language(std::string_view code) {
  std::string lower(code);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // "kz" is the country code, but archives use it for the language often enough.
  if (lower == "kk" || lower == "kz" || lower == "kaz" || lower == "kk-kz") {
    return Language::kKazakh;
  }
  if (lower == "ru" || lower == "rus" || lower == "ru-ru" || lower == "ru-kz") {
    return Language::kRussian;
  }
  return std::nullopt;
}

}  // namespace izdeu::analyzers
