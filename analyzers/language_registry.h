#pragma once
// The language registry: one row per language izdeu analyzes, holding
// everything that differs by language. Code that must treat every language
// ("read the query in every language", "a stop word of any language") loops
// over languages() instead of naming Kazakh and Russian.

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "analyzers/language.h"

namespace izdeu::analyzers {

class PipelineAnalyzer;
class Stemmer;

/// The name of a language in each interface language of the search page.
struct LanguageLabels {
  std::string_view kk;  ///< in Kazakh: "орысша"
  std::string_view ru;  ///< in Russian: "русский"
  std::string_view en;  ///< in English: "Russian"
};

/// One row of the registry.
struct LanguageInfo {
  Language language;
  std::string_view code;                      ///< ISO 639-1, lower case: "kk"
  std::span<const std::string_view> aliases;  ///< other lower-case spellings parse_language accepts
  LanguageLabels labels;
  /// The analysis recipe (analyzers/languages/); analyzer_for() calls it once.
  std::unique_ptr<PipelineAnalyzer> (*make_analyzer)();
  std::span<const std::string_view> stop_words;      ///< as written: unsorted, normalized
  std::span<const std::string_view> question_words;  ///< as written: unsorted, normalized
  /// The stemmer of the language's common words (names have their own rules,
  /// see StemFilter). Program-lifetime, thread-safe.
  const Stemmer& (*stemmer)();
  /// The language's own words are written in Latin letters only: a text with
  /// no Latin letter reads in it exactly as in the other languages (its
  /// Cyrillic words are taken as Kazakh or Russian), so a caller reading a
  /// query in every language may skip it.
  bool latin_script_only = false;
};

/// Every registered language, in enum order: languages()[i].language is
/// Language(i). The rows live for the whole program.
std::span<const LanguageInfo> languages();

/// The row of `language`.
const LanguageInfo& language_info(Language language);

/// The registered codes for an error message, each in `quote`, the last
/// after "or": "kk, ru or en"; with quote "'": "'kk', 'ru' or 'en'".
std::string code_list(std::string_view quote = {});

}  // namespace izdeu::analyzers
