#include "analyzers/people/surname_rules.h"

#include <initializer_list>

#include "analyzers/people/russian_letters.h"
#include "analyzers/stemmers/russian_name_normalizer.h"

namespace izdeu::analyzers {
namespace {

bool ends_with_any(std::string_view word, std::initializer_list<std::string_view> endings) {
  for (std::string_view e : endings) {
    if (ends_with(word, e)) return true;
  }
  return false;
}

std::string drop(std::string_view word, std::string_view ending) {
  return std::string(word.substr(0, word.size() - ending.size()));
}

// The nominative of an adjectival surname in an oblique case, when the
// gender is known: «Толстого» -> "толстый" (the spelling -ой of Толстой
// cannot be told from the oblique forms), «Навальному» -> "навальный",
// «Стреляной» -> "стреляная"; empty when the form is not adjectival.
std::string adjectival_nominative(std::string_view word, Gender gender) {
  if (letter_count(word) < 5) return {};
  if (gender == Gender::kMale) {
    for (std::string_view e : {"ого", "ому", "ым"}) {
      if (ends_with(word, e)) {
        const std::string stem = drop(word, e);
        return stem + (takes_i(last_letter(stem)) ? "ий" : "ый");
      }
    }
    for (std::string_view e : {"его", "ему"}) {
      if (ends_with(word, e)) return drop(word, e) + "ий";
    }
  } else if (gender == Gender::kFemale) {
    if (ends_with(word, "ую")) return drop(word, "ую") + "ая";
    if (ends_with(word, "ой")) {
      const std::string stem = drop(word, "ой");
      const std::string_view last = last_letter(stem);
      if (last == "н" || takes_i(last)) return stem + "ая";
    }
  }
  return {};
}

// A base the name suffix rules recognise: -ов/-ев/-ин/-ын (rule 5 of
// RussianNameNormalizer).
bool is_possessive_surname(std::string_view key) {
  return letter_count(key) >= 4 && ends_with_any(key, {"ов", "ев", "ин", "ын"});
}

bool is_adjectival_surname(std::string_view key) { return ends_with_any(key, {"ский", "цкий"}); }

// A consonant-final masculine stem from an oblique form that dropped a soft
// ending: «Гоголя» -> "гоголь", «Гайдая» -> "гайдай".
std::string soft_stem(std::string_view base) {
  return std::string(base) + (is_vowel(last_letter(base)) ? "й" : "ь");
}

// Undoes a Russian case ending when the first name's case is known and the
// surname follows no listed pattern (foreign and Kazakh surnames).
std::string generic_nominative(std::string_view word, Gender gender, std::uint8_t cases) {
  if ((cases & kNominative) != 0 || letter_count(word) < 4) return std::string(word);
  const std::string_view last = last_letter(word);
  const std::string_view base = word.substr(0, word.size() - last.size());
  if (gender == Gender::kFemale) {
    // Female surnames in a consonant do not decline; those in -а do.
    if ((cases & kGenitive) && (last == "ы" || last == "и")) return std::string(base) + "а";
    if ((cases & (kDative | kPrepositional)) && last == "е") return std::string(base) + "а";
    if ((cases & kAccusative) && last == "у") return std::string(base) + "а";
    if ((cases & kInstrumental) && ends_with(word, "ой")) return drop(word, "ой") + "а";
    if ((cases & kInstrumental) && ends_with(word, "ей")) return drop(word, "ей") + "я";
    return std::string(word);
  }
  if (cases & (kGenitive | kAccusative)) {
    if (last == "а" && !is_vowel(last_letter(base))) return std::string(base);
    if (last == "я") return soft_stem(base);
    // «Обамы» -> "обама"; but «Керри», «Саакашвили» end in -и undeclined.
    if ((cases & kGenitive) && last == "ы") return std::string(base) + "а";
    if ((cases & kGenitive) && last == "и" && takes_i(last_letter(base))) {
      return std::string(base) + "а";
    }
    if ((cases & kAccusative) && last == "у") return std::string(base) + "а";
  }
  if (cases & kDative) {
    if (last == "у" && !is_vowel(last_letter(base))) return std::string(base);
    if (last == "ю") return soft_stem(base);
    if (last == "е") return std::string(base) + "а";
  }
  if (cases & kInstrumental) {
    if (ends_with(word, "ом")) return drop(word, "ом");
    if (ends_with(word, "ой")) return drop(word, "ой") + "а";
    if (ends_with(word, "ем")) {
      const std::string stem = drop(word, "ем");
      return is_hushing(last_letter(stem)) ? stem : soft_stem(stem);
    }
  }
  if ((cases & kPrepositional) && last == "е" && !is_vowel(last_letter(base))) {
    return std::string(base);
  }
  return std::string(word);
}

}  // namespace

SurnameShape surname_shape(std::string_view folded) {
  if (ends_with_any(folded, {"улы", "кызы"}) && letter_count(folded) >= 6) {
    return SurnameShape::kStrong;
  }
  if (ends_with_any(folded, {"енко", "швили", "дзе", "чук", "щук"}) && letter_count(folded) >= 5) {
    return SurnameShape::kStrong;
  }
  const std::string key = RussianNameNormalizer::name_key(folded);
  if (key.empty()) return SurnameShape::kNone;
  if (letter_count(key) >= 4 && ends_with_any(key, {"ов", "ев"})) return SurnameShape::kStrong;
  if (letter_count(key) >= 5 && ends_with(key, "ян")) return SurnameShape::kStrong;
  if (is_possessive_surname(key) || is_adjectival_surname(key)) return SurnameShape::kWeak;
  return SurnameShape::kNone;
}

std::string surname_nominative(std::string_view folded, Gender& gender, std::uint8_t cases) {
  if (ends_with_any(folded, {"улы", "кызы"})) {
    gender = ends_with(folded, "улы") ? Gender::kMale : Gender::kFemale;
    return std::string(folded);
  }
  std::string key = RussianNameNormalizer::name_key(folded);
  // Rule 1 of name_key reads first names; a surname that looks like a first
  // name's case form («Кирилла») is left to the generic rule below.
  if (is_possessive_surname(key)) {
    if (ends_with_any(folded, {"ой", "ою"}) && folded != key) {
      gender = Gender::kFemale;
    } else if (ends_with_any(folded, {"ым", "ом"}) && folded != key) {
      gender = Gender::kMale;
    } else if (folded == key) {
      gender = gender == Gender::kFemale ? Gender::kFemale : Gender::kMale;
    }
    return gender == Gender::kFemale ? key + "а" : key;
  }
  if (is_adjectival_surname(key)) {
    if (ends_with_any(folded, {"ая", "ую", "ою"})) {
      gender = Gender::kFemale;
    } else if (ends_with_any(folded, {"ий", "ого", "ому", "им", "ом"})) {
      gender = Gender::kMale;
    } else if (ends_with(folded, "ой") && gender == Gender::kMale) {
      return std::string(folded);  // Донской, Трубецкой
    } else if (ends_with(folded, "ой") && gender == Gender::kUnknown) {
      gender = Gender::kFemale;
    }
    return gender == Gender::kFemale ? drop(key, "ий") + "ая" : key;
  }
  if ((cases & kNominative) == 0) {
    if (std::string adjective = adjectival_nominative(folded, gender); !adjective.empty()) {
      return adjective;
    }
  }
  if (!key.empty() && ends_with_any(key, {"ович", "евич", "ич", "ян", "ан"}) && key != folded) {
    return key;  // «Януковича» -> "янукович", «Пашиняну» -> "пашинян"
  }
  return generic_nominative(folded, gender, cases);
}

std::uint8_t surname_cases(std::string_view folded, Gender& gender) {
  const std::string key = RussianNameNormalizer::name_key(folded);
  if (key.empty() || !folded.starts_with(key)) return kAnyCase;
  if (!is_possessive_surname(key) && !ends_with(key, "ян")) return kAnyCase;
  const std::string_view ending = folded.substr(key.size());
  if (ending.empty()) return kNominative;
  if (ending == "ой" || ending == "ою") {
    gender = Gender::kFemale;
    return kGenitive | kDative | kInstrumental | kPrepositional;
  }
  if (ending == "а") return kGenitive | kAccusative;
  if (ending == "у") return kDative;
  if (ending == "ым" || ending == "ом") return kInstrumental;
  if (ending == "е") return kPrepositional;
  return kAnyCase;
}

std::string name_nominative_guess(std::string_view folded, Gender gender, std::uint8_t cases) {
  return generic_nominative(folded, gender, cases);
}

std::vector<std::string> surname_forms(std::string_view nominative, Gender gender) {
  const std::string n(nominative);
  std::vector<std::string> forms = {n};
  auto add = [&](std::string_view base, std::initializer_list<std::string_view> endings) {
    for (std::string_view e : endings) forms.push_back(std::string(base) + std::string(e));
  };
  const std::string_view last = last_letter(n);
  if (gender != Gender::kFemale && is_possessive_surname(n)) {
    add(n, {"а", "у", "ым", "е"});
  } else if (gender == Gender::kFemale && ends_with_any(n, {"ова", "ева", "ина", "ына"})) {
    add(drop(n, "а"), {"ой", "у", "ою"});
  } else if (ends_with_any(n, {"ский", "цкий"})) {
    add(drop(n, "ий"), {"ого", "ому", "им", "ом"});
  } else if (ends_with_any(n, {"ская", "цкая"})) {
    add(drop(n, "ая"), {"ой", "ую", "ою"});
  } else if (ends_with_any(n, {"ый", "ий", "ой"}) && letter_count(n) >= 5) {
    add(n.substr(0, n.size() - 4), {"ого", "ому", "ым", "ом"});
  } else if (ends_with(n, "ая") && letter_count(n) >= 5) {
    add(drop(n, "ая"), {"ой", "ую"});
  } else if (last == "а" || last == "я") {
    const std::string base = drop(n, last);
    add(base, {"ы", "и", "е", "у", "ю", "ой", "ей"});
  } else if (gender != Gender::kFemale && (last == "ь" || last == "й")) {
    add(drop(n, last), {"я", "ю", "ем", "е"});
  } else if (gender != Gender::kFemale && !is_vowel(last)) {
    add(n, {"а", "у", "ом", "ем", "е"});
  }
  return forms;
}

}  // namespace izdeu::analyzers
