#include "analyzers/people/person_merger.h"

#include <algorithm>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "analyzers/people/surname_rules.h"

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

// The people found so far, indexed by surname base, first name, and first
// name with patronymic, so that merging stays linear in the mentions even
// for a huge text. A group's surname and first name never change once made.
class Groups {
 public:
  std::vector<PersonParts> parts;

  int add(const PersonParts& p) {
    const int g = static_cast<int>(parts.size());
    parts.push_back(p);
    if (!p.surname.empty()) by_surname_[surname_base(p.surname)].push_back(g);
    if (!p.first.empty()) {
      by_first_[p.first].push_back(g);
      by_first_patronymic_.emplace(p.first + '|' + p.patronymic, g);
    }
    return g;
  }

  // The group `p` joins, or -1 for a new one.
  int find(const PersonParts& p) const {
    std::vector<int> fits;
    switch (rank_of(p)) {
      case kFull:
        for (int g : with_surname(p)) {
          if (first_word(parts[g].first) == first_word(p.first) &&
              genders_agree(parts[g].gender, p.gender)) {
            return g;
          }
        }
        return -1;
      case kSurnameInitials:
        for (int g : with_surname(p)) {
          if (!parts[g].first.empty() && genders_agree(parts[g].gender, p.gender) &&
              initial_fits(p.first_initial, parts[g].first) &&
              initial_fits(p.patronymic_initial, parts[g].patronymic)) {
            fits.push_back(g);
          }
        }
        if (fits.size() == 1) return fits.front();
        for (int g : with_surname(p)) {
          if (parts[g].first_initial == p.first_initial) return g;
        }
        return -1;
      case kSurname:
        for (int g : with_surname(p)) {
          if (parts[g].gender == p.gender) return g;
          if (fits.empty() && genders_agree(parts[g].gender, p.gender)) fits.push_back(g);
        }
        return fits.empty() ? -1 : fits.front();
      case kFirstPatronymic:
        if (auto it = by_first_patronymic_.find(p.first + '|' + p.patronymic);
            it != by_first_patronymic_.end()) {
          return it->second;
        }
        [[fallthrough]];
      case kFirst:
        // Only the one person with that first name (and, for a first name
        // with patronymic, no other patronymic).
        for (int g : with_first(p)) {
          if (rank_of(p) == kFirstPatronymic && !parts[g].patronymic.empty()) continue;
          fits.push_back(g);
          if (fits.size() > 1) return -1;
        }
        return fits.size() == 1 ? fits.front() : -1;
    }
    return -1;
  }

 private:
  const std::vector<int>& with_surname(const PersonParts& p) const {
    const auto it = by_surname_.find(surname_base(p.surname));
    return it == by_surname_.end() ? kNone : it->second;
  }
  const std::vector<int>& with_first(const PersonParts& p) const {
    const auto it = by_first_.find(p.first);
    return it == by_first_.end() ? kNone : it->second;
  }

  static inline const std::vector<int> kNone;
  std::unordered_map<std::string, std::vector<int>> by_surname_;
  std::unordered_map<std::string, std::vector<int>> by_first_;
  std::unordered_map<std::string, int> by_first_patronymic_;
};

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
// Only a form of the candidate's own gender: «Ирина Турова» keeps her
// surname though «Турова» is also the genitive of «Максим Туров».
void unify_surnames(std::vector<PersonCandidate>& candidates) {
  struct Nominative {
    std::string surname;
    Gender gender;
  };
  std::unordered_map<std::string, Nominative> nominative_of;  // oblique form -> nominative
  for (const PersonCandidate& c : candidates) {
    if (c.person.surname.empty()) continue;
    for (Gender g : {Gender::kMale, Gender::kFemale}) {
      if (!genders_agree(g, c.person.gender)) continue;
      const auto forms = surname_forms(c.person.surname, g);
      for (auto it = forms.begin() + 1; it != forms.end(); ++it) {
        nominative_of.emplace(*it, Nominative{c.person.surname, g});
      }
    }
  }
  for (PersonCandidate& c : candidates) {
    const auto it = nominative_of.find(c.person.surname);
    if (it != nominative_of.end() && it->second.surname.size() < c.person.surname.size() &&
        genders_agree(it->second.gender, c.person.gender)) {
      c.person.surname = it->second.surname;
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
  Groups groups;
  std::vector<int> group_of(candidates.size(), -1);
  for (std::size_t index : order) {
    const PersonParts& p = candidates[index].person;
    int g = groups.find(p);
    if (g < 0) {
      g = groups.add(p);
    } else {
      fill(groups.parts[g], p);
    }
    group_of[index] = g;
  }
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    candidates[i].person = groups.parts[group_of[i]];
    // A first name (with or without a patronymic) that joined no one with
    // a surname names nobody an analyst can count: «Надя», «Александр
    // Сергеевич». The mention stays, with no key.
    candidates[i].key =
        candidates[i].person.surname.empty() ? std::string() : person_key(candidates[i].person);
  }
}

}  // namespace izdeu::analyzers
