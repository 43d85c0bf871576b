#pragma once
// Surname shapes and case forms for person recognition (folded words, see
// NameWord::folded).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/people/name_lexicon.h"

namespace izdeu::analyzers {

/// How sure the form of a word alone makes it a surname.
enum class SurnameShape : std::uint8_t {
  kNone,
  /// -ин/-ын and -ский/-цкий with a case ending: also common nouns
  /// («Причина», «Бүгін») and adjectives («Московский») at a sentence start.
  kWeak,
  /// -ов/-ев with a Russian case ending (not a frequent noun plural such as
  /// «Городов»), -енко, -швили, -дзе, -ян, -чук/-щук, -улы/-кызы.
  kStrong,
};
SurnameShape surname_shape(std::string_view folded);

/// The nominative of a surname seen as `folded`, given what the first name
/// or patronymic next to it tells: its gender and its case (kAnyCase when
/// nothing is known). «Лужкова» + genitive male -> "лужков"; «Назарбаевой»
/// -> "назарбаева"; «Каллена» + genitive male -> "каллен"; «Хан» + female ->
/// "хан"; «Обамы» + genitive male -> "обама". `gender` is updated when the
/// surname itself shows it (-ой, -ская, -ова in the nominative with a female
/// first name...).
std::string surname_nominative(std::string_view folded, Gender& gender, std::uint8_t cases);

/// The cases a surname form can be in, from its ending after a listed
/// surname pattern (-ов/-ев/-ин/-ын, -ский, -ян): «Илюмжинова» -> genitive
/// or accusative (male) ; «Ивановой» -> an oblique female case (and `gender`
/// set to female); kAnyCase when the form tells nothing.
std::uint8_t surname_cases(std::string_view folded, Gender& gender);

/// The nominative of an unlisted first name (or any name word) seen as
/// `folded` in the given gender and cases, by undoing the Russian case
/// ending: «Кирсана» (male, genitive) -> "кирсан"; «Наины» (female,
/// genitive) -> "наина". Unchanged when `cases` includes the nominative.
std::string name_nominative_guess(std::string_view folded, Gender gender, std::uint8_t cases);

/// The forms a surname (a key word) takes in Russian text, nominative first:
/// "лужков" -> лужков, лужкова, лужкову, лужковым, лужкове...; "обама" ->
/// обама, обамы, обаме...; used to find later bare mentions of a surname.
std::vector<std::string> surname_forms(std::string_view nominative, Gender gender);

}  // namespace izdeu::analyzers
