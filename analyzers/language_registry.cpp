// The language registry: the one table of what differs by language.
#include "analyzers/language_registry.h"

#include <array>
#include <cstddef>

#include "analyzers/languages/languages.h"
#include "analyzers/languages/word_lists.h"
#include "analyzers/stemmers/kazakh_stemmer.h"
#include "analyzers/stemmers/snowball_stemmer.h"

namespace izdeu::analyzers {
namespace {

// "kz" is the country code, but archives use it for the language often enough;
// "ru-kz" is Russian as written in Kazakhstan.
constexpr std::string_view kKazakhAliases[] = {"kz", "kaz", "kk-kz"};
constexpr std::string_view kRussianAliases[] = {"rus", "ru-ru", "ru-kz"};
constexpr std::string_view kEnglishAliases[] = {"eng", "en-us", "en-gb", "en-kz"};

const Stemmer& kazakh_stemmer() {
  static const KazakhStemmer stemmer;  // stateless; one instance serves every thread
  return stemmer;
}
const Stemmer& russian_stemmer() { return SnowballStemmer::russian(); }
const Stemmer& english_stemmer() { return SnowballStemmer::english(); }

using Table = std::array<LanguageInfo, kLanguageCount>;

// Built on first use: the word list spans are defined in other translation
// units, so the table cannot be a constant expression here.
const Table& table() {
  static const Table rows = {{
      {
          .language = Language::kKazakh,
          .code = "kk",
          .aliases = kKazakhAliases,
          .labels = {.kk = "қазақша", .ru = "казахский", .en = "Kazakh"},
          .make_analyzer = &make_kazakh_analyzer,
          .stop_words = word_lists::kKazakhStopWords,
          .question_words = word_lists::kKazakhQuestionWords,
          .stemmer = &kazakh_stemmer,
      },
      {
          .language = Language::kRussian,
          .code = "ru",
          .aliases = kRussianAliases,
          .labels = {.kk = "орысша", .ru = "русский", .en = "Russian"},
          .make_analyzer = &make_russian_analyzer,
          .stop_words = word_lists::kRussianStopWords,
          .question_words = word_lists::kRussianQuestionWords,
          .stemmer = &russian_stemmer,
      },
      {
          .language = Language::kEnglish,
          .code = "en",
          .aliases = kEnglishAliases,
          .labels = {.kk = "ағылшынша", .ru = "английский", .en = "English"},
          .make_analyzer = &make_english_analyzer,
          .stop_words = word_lists::kEnglishStopWords,
          .question_words = word_lists::kEnglishQuestionWords,
          .stemmer = &english_stemmer,
          .latin_script_only = true,
      },
  }};
  return rows;
}

// The enum indexes the table.
static_assert(static_cast<std::size_t>(Language::kEnglish) + 1 == kLanguageCount);

}  // namespace

std::span<const LanguageInfo> languages() { return table(); }

const LanguageInfo& language_info(Language language) {
  return table()[static_cast<std::size_t>(language)];
}

std::string code_list(std::string_view quote) {
  std::string out;
  const std::span<const LanguageInfo> rows = languages();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) out += i + 1 == rows.size() ? " or " : ", ";
    ((out += quote) += rows[i].code) += quote;
  }
  return out;
}

}  // namespace izdeu::analyzers
