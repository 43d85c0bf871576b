#include "analyzers/people/name_word_info.h"

#include <initializer_list>

namespace izdeu::analyzers {
namespace {

WordInfo classify(const std::vector<NameWord>& words, std::size_t i, Language language,
                  const NameLexicon& lexicon) {
  const NameWord& w = words[i];
  WordInfo info;
  info.base = w.folded;
  info.initial = w.initial;
  info.particle = lexicon.is_particle(w.folded);
  if (!w.capitalized && w.upper_after_hyphen && w.folded.find('-') != std::string::npos &&
      lexicon.is_particle(w.folded.substr(0, w.folded.find('-')))) {
    // «аль-Барадеи», «эль-Масри»: a particle joined to a capitalized name.
    info.particle = false;
    info.cap = true;
    return info;
  }
  if (!w.capitalized || w.all_caps || w.initial) {
    // A title matters only right before a capitalized word (titled()).
    const bool before_capital = i + 1 < words.size() && words[i + 1].capitalized;
    info.title = before_capital && lexicon.is_title(w.folded);
    return info;
  }
  // Names are Cyrillic here, and both halves of a hyphenated name are
  // capitalized («Қасым-Жомарт», «Римский-Корсаков»).
  if (w.lower_after_hyphen) return info;
  if (!w.cyrillic) {
    // Names quoted in Latin script: a listed given name and the
    // capitalized word after it («Jürgen Klinsmann»).
    if (lexicon.is_latin_first_name(w.folded)) {
      info.first.push_back({w.folded, Gender::kUnknown, kAnyCase});
    }
    info.cap = true;
    return info;
  }
  const bool kazakh = language == Language::kKazakh;
  info.first = lexicon.first_name_readings(w.folded);
  if (kazakh) {
    // Kazakh does not decline names the Russian way («Жаңа» is not the
    // genitive of Жан): only nominatives, then a Kazakh case suffix.
    std::erase_if(info.first, [](const FirstNameForm& f) { return !(f.cases & kNominative); });
  }
  std::vector<std::string_view> bases;
  if (kazakh) bases = kazakh_bases(w.folded);
  if (info.first.empty() && !lexicon.is_non_person(w.folded)) {
    for (std::string_view base : bases) {
      info.first = lexicon.first_name_readings(base);
      std::erase_if(info.first, [](const FirstNameForm& f) { return !(f.cases & kNominative); });
      if (!info.first.empty()) {
        for (FirstNameForm& f : info.first) f.cases = kNominative;
        info.base = std::string(base);
        info.first_from_base = true;
        break;
      }
    }
  }
  info.patronymic = patronymic_form(w.folded, lexicon);
  if (info.first.empty() && !info.patronymic) {
    // In Kazakh text a word that takes a case suffix is judged by its
    // base: «Республикасының» ends in -ын only because of the suffix.
    info.shape = surname_shape(w.folded);
    if (kazakh && !bases.empty() && info.shape != SurnameShape::kStrong) {
      info.shape = SurnameShape::kNone;
    }
    for (std::string_view base : bases) {
      if (info.shape == SurnameShape::kStrong) break;
      const SurnameShape shape = surname_shape(base);
      if (shape > info.shape) {
        info.shape = shape;
        info.base = std::string(base);
      }
    }
    if (kazakh && info.base == w.folded && !bases.empty() && info.shape != SurnameShape::kStrong) {
      // Any other surname in Kazakh text: «Трамптың» -> "трамп". Kept
      // aside; used only when the word ends a name.
      info.kazakh_stripped = std::string(bases.front());
    }
  }
  info.non_person = info.first.empty() && lexicon.is_non_person(w.folded);
  info.title =
      info.first.empty() && info.shape != SurnameShape::kStrong && lexicon.is_title(w.folded);
  info.cap = !info.non_person && !info.title;
  return info;
}

}  // namespace

std::vector<WordInfo> classify_name_words(const std::vector<NameWord>& words, Language language) {
  const NameLexicon& lexicon = NameLexicon::instance();
  std::vector<WordInfo> info;
  info.reserve(words.size());
  for (std::size_t i = 0; i < words.size(); ++i)
    info.push_back(classify(words, i, language, lexicon));
  return info;
}

bool nominative_reading(const std::vector<FirstNameForm>& readings) {
  for (const FirstNameForm& r : readings) {
    if (r.cases & kNominative) return true;
  }
  return false;
}

bool case_agrees(std::string_view first, std::uint8_t cases, Gender gender) {
  auto ends = [&](std::initializer_list<std::string_view> endings) {
    for (std::string_view e : endings) {
      if (first.ends_with(e)) return true;
    }
    return false;
  };
  if (cases == kAnyCase) return true;
  if (gender == Gender::kFemale) return ends({"ы", "и", "е", "у", "ю", "ой", "ей"});
  if (cases == kNominative) return !ends({"ы", "ом", "ем", "ой", "ей"});
  if (cases & (kGenitive | kAccusative)) return ends({"а", "я"});
  if (cases & kDative) return ends({"у", "ю"});
  if (cases & kInstrumental) return ends({"ом", "ем"});
  if (cases & kPrepositional) return ends({"е"});
  return true;
}

bool adjectival_ending(std::string_view folded) {
  for (std::string_view e : {"ого", "его", "ому", "ему", "ой", "ый", "ий", "ая", "яя", "ое", "ее",
                             "ые", "ие", "ых", "их", "ым", "им", "ую", "юю"}) {
    if (folded.ends_with(e)) return true;
  }
  return false;
}

Gender surname_gender_hint(std::string_view folded) {
  for (std::string_view e : {"ого", "ому", "ым", "ом"}) {
    if (folded.ends_with(e)) return Gender::kMale;
  }
  for (std::string_view e : {"ой", "ую", "ая", "ою"}) {
    if (folded.ends_with(e)) return Gender::kFemale;
  }
  return Gender::kUnknown;
}

}  // namespace izdeu::analyzers
