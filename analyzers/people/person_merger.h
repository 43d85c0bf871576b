#pragma once
// Merges the person mentions of one text into people and gives each mention
// its person's canonical key (see PersonMention in person_recognizer.h).

#include <cstddef>
#include <string>
#include <vector>

#include "analyzers/people/name_lexicon.h"

namespace izdeu::analyzers {

/// What one mention says about its person; folded words, nominative.
struct PersonParts {
  std::string surname;             ///< "хан", "де голль"; empty when not named
  std::string first;               ///< "клара"; empty when not named
  std::string patronymic;          ///< "александровна"
  std::string first_initial;       ///< "к." when only the initial is given
  std::string patronymic_initial;  ///< "а."
  Gender gender = Gender::kUnknown;
};

/// A mention found in a text: word indexes (inclusive) and its parts.
struct PersonCandidate {
  std::size_t first_word = 0;
  std::size_t last_word = 0;
  PersonParts person;  ///< after merge_people(): the merged person's parts
  std::string key;     ///< set by merge_people()
};

/// Groups candidates that can be one person, fullest mentions first: a full
/// name (surname and first name) absorbs the same name with or without the
/// patronymic; surname and initials join the one full name they fit;
/// a bare surname joins the person with that surname (of its gender when
/// the form shows it); a first name with or without a patronymic joins the
/// only person with that first name. Then sets every candidate's key and
/// parts to its group's fullest ones; a group with no surname gets an empty
/// key (a first name alone is not a person key).
void merge_people(std::vector<PersonCandidate>& candidates);

/// The canonical key of `parts`: surname, first name (or initial),
/// patronymic (or initial), space separated, empty parts left out.
std::string person_key(const PersonParts& parts);

}  // namespace izdeu::analyzers
