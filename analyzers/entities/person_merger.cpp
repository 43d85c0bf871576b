#include "analyzers/entities/person_merger.h"

#include <algorithm>
#include <numeric>
#include <string_view>

#include "analyzers/entities/surname_rules.h"

namespace izdeu::analyzers {
namespace {

// A surname's masculine base, so that «Назарбаев» and «Назарбаева»,
// «Вертинский» and «Вертинская» compare equal where the gender is unsure.
std::string surname_base(std::string_view surname) {
  for (std::string_view suffix : {"ова", "ева", "ина", "ына"}) {
    if (surname.ends_with(suffix)) return std::string(surname.substr(0, surname.size() - 2));
  }
  for (std::string_view suffix : {"ская", "цкая"}) {
    if (surname.ends_with(suffix)) {
      return std::string(surname.substr(0, surname.size() - 4)) + "ий";
    }
  }
  return std::string(surname);
}

bool same_surname(const PersonParts& a, const PersonParts& b) {
  if (a.surname.empty() || b.surname.empty()) return false;
  if (a.surname == b.surname) return true;
  return surname_base(a.surname) == surname_base(b.surname);
}

bool genders_agree(Gender a, Gender b) {
  return a == Gender::kUnknown || b == Gender::kUnknown || a == b;
}

// The first letter (a whole UTF-8 sequence) of `word`.
std::string_view first_letter(std::string_view word) {
  std::size_t n = 1;
  while (n < word.size() && (static_cast<unsigned char>(word[n]) & 0xC0) == 0x80) ++n;
  return word.substr(0, std::min(n, word.size()));
}

bool initial_fits(std::string_view initial, std::string_view name) {
  if (initial.empty() || name.empty()) return true;
  return first_letter(initial) == first_letter(name);
}

// «андерс» of "андерс фог".
std::string_view first_word(std::string_view name) { return name.substr(0, name.find(' ')); }

enum Rank { kFull, kSurnameInitials, kSurname, kFirstPatronymic, kFirst };

Rank rank_of(const PersonParts& p) {
  if (!p.surname.empty() && !p.first.empty()) return kFull;
  if (!p.surname.empty() && !p.first_initial.empty()) return kSurnameInitials;
  if (!p.surname.empty()) return kSurname;
  if (!p.patronymic.empty()) return kFirstPatronymic;
  return kFirst;
}

void fill(PersonParts& group, const PersonParts& p) {
  if (group.patronymic.empty() && !p.patronymic.empty()) group.patronymic = p.patronymic;
  if (group.first.empty() && group.first_initial.empty() && !p.first_initial.empty()) {
    group.first_initial = p.first_initial;
  }
  if (group.patronymic.empty() && group.patronymic_initial.empty() &&
      !p.patronymic_initial.empty()) {
    group.patronymic_initial = p.patronymic_initial;
  }
  if (group.gender == Gender::kUnknown) group.gender = p.gender;
}

// The group `p` joins, or -1 for a new one.
int find_group(const std::vector<PersonParts>& groups, const PersonParts& p) {
  const auto size = static_cast<int>(groups.size());
  std::vector<int> fits;
  switch (rank_of(p)) {
    case kFull:
      for (int g = 0; g < size; ++g) {
        if (same_surname(groups[g], p) && first_word(groups[g].first) == first_word(p.first) &&
            genders_agree(groups[g].gender, p.gender)) {
          return g;
        }
      }
      return -1;
    case kSurnameInitials:
      for (int g = 0; g < size; ++g) {
        if (same_surname(groups[g], p) && !groups[g].first.empty() &&
            genders_agree(groups[g].gender, p.gender) &&
            initial_fits(p.first_initial, groups[g].first) &&
            initial_fits(p.patronymic_initial, groups[g].patronymic)) {
          fits.push_back(g);
        }
      }
      if (fits.size() == 1) return fits.front();
      for (int g = 0; g < size; ++g) {
        if (same_surname(groups[g], p) && groups[g].first_initial == p.first_initial) return g;
      }
      return -1;
    case kSurname:
      for (int g = 0; g < size; ++g) {
        if (same_surname(groups[g], p) && genders_agree(groups[g].gender, p.gender)) {
          fits.push_back(g);
        }
      }
      for (int g : fits) {
        if (groups[g].gender == p.gender) return g;
      }
      return fits.empty() ? -1 : fits.front();
    case kFirstPatronymic:
      for (int g = 0; g < size; ++g) {
        if (groups[g].first == p.first && groups[g].patronymic == p.patronymic) return g;
      }
      for (int g = 0; g < size; ++g) {
        if (groups[g].first == p.first && groups[g].patronymic.empty()) fits.push_back(g);
      }
      return fits.size() == 1 ? fits.front() : -1;
    case kFirst:
      for (int g = 0; g < size; ++g) {
        if (groups[g].first == p.first) fits.push_back(g);
      }
      return fits.size() == 1 ? fits.front() : -1;
  }
  return -1;
}

}  // namespace

std::string person_key(const PersonParts& parts) {
  std::string key;
  auto add = [&](const std::string& word) {
    if (word.empty()) return;
    if (!key.empty()) key += ' ';
    key += word;
  };
  add(parts.surname);
  add(parts.first.empty() ? parts.first_initial : parts.first);
  add(parts.patronymic.empty() ? parts.patronymic_initial : parts.patronymic);
  return key;
}

// A surname seen only in an oblique case where the case was unknown («В.А.
// Моцарта») takes the nominative the text uses elsewhere («Моцарт»).
void unify_surnames(std::vector<PersonCandidate>& candidates) {
  std::vector<std::string> surnames;
  for (const PersonCandidate& c : candidates) {
    if (!c.person.surname.empty() &&
        std::find(surnames.begin(), surnames.end(), c.person.surname) == surnames.end()) {
      surnames.push_back(c.person.surname);
    }
  }
  for (PersonCandidate& c : candidates) {
    for (const std::string& nominative : surnames) {
      if (nominative.size() >= c.person.surname.size()) continue;
      for (Gender g : {Gender::kMale, Gender::kFemale}) {
        const auto forms = surname_forms(nominative, g);
        if (std::find(forms.begin() + 1, forms.end(), c.person.surname) != forms.end()) {
          c.person.surname = nominative;
          break;
        }
      }
    }
  }
}

void merge_people(std::vector<PersonCandidate>& candidates) {
  unify_surnames(candidates);
  std::vector<std::size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return rank_of(candidates[a].person) < rank_of(candidates[b].person);
  });
  std::vector<PersonParts> groups;
  std::vector<int> group_of(candidates.size(), -1);
  for (std::size_t index : order) {
    const PersonParts& p = candidates[index].person;
    int g = find_group(groups, p);
    if (g < 0) {
      g = static_cast<int>(groups.size());
      groups.push_back(p);
    } else {
      fill(groups[g], p);
    }
    group_of[index] = g;
  }
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    candidates[i].person = groups[group_of[i]];
    candidates[i].key = person_key(candidates[i].person);
  }
}

}  // namespace izdeu::analyzers
