#pragma once
// A person's name as a user types it (any case, either script, any order,
// lower case allowed) -> the words of canonical person keys it can match
// (see PersonMention::key in person_recognizer.h).

#include <string>
#include <string_view>
#include <vector>

namespace izdeu::analyzers {

/// One typed word of a person name.
struct PersonQueryWord {
  /// The most likely key word: «Токаева» -> "токаев", «Тоқаевтың» ->
  /// "токаев", «Клары» -> "клара", «Назарбаевой» -> "назарбаева",
  /// «Л.» -> "л.".
  std::string primary;
  /// Every key word it may stand for, `primary` first: «Токаева» ->
  /// "токаев", "токаева" (a masculine genitive or a feminine nominative);
  /// «Александра» -> "александра", "александр".
  std::vector<std::string> alternatives;
  /// A one-letter word («Л.», «Л»): an initial, which may also stand for any
  /// first name or patronymic starting with that letter.
  bool initial = false;
  /// Read as a first name or patronymic (not a surname): its initial
  /// («клара» -> "к.") may stand in a key where only the initial was seen.
  bool given = false;
};

/// A word in Latin letters is read through every Cyrillic spelling it may
/// stand for (latin_name_readings: «Tokayev», «Toqaev» -> "токаев"; «Klara
/// Khan» -> клара, хан), its readings merged.
/// The words of `typed`, in canonical key order: surname words, then first
/// name, then patronymic («Клары Хан» -> хан, клара). Empty when `typed` has
/// no letters.
std::vector<PersonQueryWord> person_query_words(std::string_view typed);

}  // namespace izdeu::analyzers
