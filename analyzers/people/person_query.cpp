#include "analyzers/people/person_query.h"

#include <algorithm>
#include <cstdint>

#include "analyzers/people/latin_names.h"
#include "analyzers/people/name_lexicon.h"
#include "analyzers/people/name_tokenizer.h"
#include "analyzers/people/surname_rules.h"
#include "analyzers/stemmers/russian_name_normalizer.h"

namespace izdeu::analyzers {
namespace {

enum class Role { kSurname, kFirst, kPatronymic };

void add(std::vector<std::string>& words, std::string word) {
  if (!word.empty() && std::find(words.begin(), words.end(), word) == words.end()) {
    words.push_back(std::move(word));
  }
}

// Every surname key `word` (a whole typed word, or its base without a
// Kazakh case suffix) may stand for, most likely first.
void add_surname_readings(std::vector<std::string>& out, std::string_view word) {
  constexpr auto kOblique = static_cast<std::uint8_t>(kAnyCase & ~kNominative);
  Gender unknown = Gender::kUnknown;
  add(out, surname_nominative(word, unknown, kAnyCase));
  for (Gender g : {Gender::kMale, Gender::kFemale}) {
    Gender gender = g;
    add(out, surname_nominative(word, gender, kAnyCase));
    gender = g;
    add(out, surname_nominative(word, gender, kOblique));
  }
  // The bare masculine base, unless the form is only feminine («Назарбаевой»).
  Gender male = Gender::kMale;
  surname_nominative(word, male, kAnyCase);
  if (male == Gender::kFemale) return;
  const std::string key = RussianNameNormalizer::name_key(word);
  add(out, key);
  if (key.ends_with("ов") || key.ends_with("ев") || key.ends_with("ин") || key.ends_with("ын")) {
    add(out, key + "а");
  }
}

PersonQueryWord read_word(std::string_view word, Role& role) {
  const NameLexicon& lexicon = NameLexicon::instance();
  PersonQueryWord q;
  role = Role::kSurname;
  std::vector<std::string> firsts;
  for (const FirstNameForm& f : lexicon.first_name_readings(word)) add(firsts, f.nominative);
  const auto patronymic = patronymic_form(word, lexicon);
  // A Kazakh case suffix hides the base («Тоқаевтың», «Серікке»); the base
  // wins when it is a better name than the whole word.
  const SurnameShape whole_shape = surname_shape(word);
  std::vector<std::string> surnames;
  std::vector<std::string> base_surnames;
  for (std::string_view base : kazakh_bases(word)) {
    for (const FirstNameForm& f : lexicon.first_name_readings(base)) {
      if ((f.cases & kNominative) && firsts.empty()) add(firsts, f.nominative);
    }
    const SurnameShape shape = surname_shape(base);
    if (shape > whole_shape) add_surname_readings(base_surnames, base);
  }
  if (base_surnames.empty()) {
    add_surname_readings(surnames, word);
    add(surnames, std::string(word));
  }
  for (std::string& s : base_surnames) add(surnames, std::move(s));
  add(surnames, RussianNameNormalizer::kazakh_surname_key(word));

  if (!firsts.empty() && (firsts.front() == word || whole_shape == SurnameShape::kNone)) {
    role = Role::kFirst;
    q.alternatives = firsts;
  } else if (patronymic && !patronymic->kazakh && patronymic->from_first_name) {
    role = Role::kPatronymic;
    add(q.alternatives, patronymic->nominative);
  }
  for (std::string& s : surnames) add(q.alternatives, std::move(s));
  for (std::string& f : firsts) add(q.alternatives, std::move(f));
  if (patronymic) add(q.alternatives, patronymic->nominative);
  q.primary = q.alternatives.front();
  return q;
}

}  // namespace

std::vector<PersonQueryWord> person_query_words(std::string_view typed) {
  std::vector<std::pair<Role, PersonQueryWord>> read;
  for (const NameWord& w : name_words(typed)) {
    PersonQueryWord q;
    Role role = Role::kSurname;
    // A Latin word («Tokayev», «Toqaev», «Khan») is read as each Cyrillic
    // spelling it may stand for, the first one deciding its role.
    std::vector<std::string> spellings;
    if (!w.cyrillic) spellings = latin_name_readings(w.folded);
    if (spellings.empty()) spellings.push_back(w.folded);
    if (letter_count(spellings.front()) == 1) {
      q.primary = spellings.front() + ".";
      q.alternatives = {q.primary};
      q.initial = true;
      role = Role::kFirst;
    } else {
      q = read_word(spellings.front(), role);
      for (std::size_t k = 1; k < spellings.size(); ++k) {
        Role other = Role::kSurname;
        for (std::string& alternative : read_word(spellings[k], other).alternatives) {
          add(q.alternatives, std::move(alternative));
        }
      }
    }
    q.given = role != Role::kSurname && !q.initial;
    read.emplace_back(role, std::move(q));
  }
  std::vector<PersonQueryWord> words;
  for (Role role : {Role::kSurname, Role::kFirst, Role::kPatronymic}) {
    for (auto& [r, q] : read) {
      if (r == role) words.push_back(std::move(q));
    }
  }
  return words;
}

}  // namespace izdeu::analyzers
