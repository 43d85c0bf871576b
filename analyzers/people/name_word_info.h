#pragma once
// What each word of a text can be in a person name (first name, patronymic,
// surname shape, title, never-a-name word), and small tests on word endings
// the person recognizer shares.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/language.h"
#include "analyzers/people/name_lexicon.h"
#include "analyzers/people/name_tokenizer.h"
#include "analyzers/people/surname_rules.h"

namespace izdeu::analyzers {

/// What one word can be in a name.
struct WordInfo {
  bool cap = false;       ///< a capitalized word that may be part of a name
  bool initial = false;   ///< «Л.»
  bool title = false;     ///< аким, президент... (any case), before a capitalized word
  bool particle = false;  ///< «де», «ван», «бин»...
  bool non_person = false;
  std::vector<FirstNameForm> first;  ///< first-name readings
  bool first_from_base = false;      ///< read without a Kazakh case suffix («Серікке»)
  std::optional<PatronymicForm> patronymic;
  SurnameShape shape = SurnameShape::kNone;
  /// The word without a Kazakh case suffix when that shows a name, else folded.
  std::string base;
  /// Kazakh text: the word without its case suffix, for an unshaped surname
  /// that ends a name («Трамптың» -> "трамп"); else empty.
  std::string kazakh_stripped;
};

/// The WordInfo of every word, in order. In Kazakh text first names are
/// read in the nominative only (Kazakh does not decline them the Russian
/// way) and words are also read without a Kazakh case suffix.
std::vector<WordInfo> classify_name_words(const std::vector<NameWord>& words, Language language);

/// Whether a first-name reading is nominative (official lists name people
/// in the nominative: «Хан Клара Александровна»).
bool nominative_reading(const std::vector<FirstNameForm>& readings);

/// Whether an unlisted first name's ending fits the case its surname shows:
/// «Кирсана Илюмжинова» fits; «Оптимизм Чилингарова», «Театре Вахтангова»,
/// «Советом Директоров» do not.
bool case_agrees(std::string_view first, std::uint8_t cases, Gender gender);

/// Adjective and plural endings a first name or bare surname never has.
bool adjectival_ending(std::string_view folded);

/// Gender a surname's ending shows on its own («-ого» male, «-ой» female).
Gender surname_gender_hint(std::string_view folded);

}  // namespace izdeu::analyzers
