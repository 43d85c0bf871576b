#include "analyzers/people/name_lexicon.h"

#include <array>
#include <functional>
#include <initializer_list>
#include <unordered_map>
#include <unordered_set>

#include "analyzers/people/first_names.h"
#include "analyzers/people/name_tokenizer.h"
#include "analyzers/people/person_name_lists.h"
#include "analyzers/people/russian_letters.h"
#include "analyzers/word_list.h"

namespace izdeu::analyzers {
namespace {

bool strip(std::string_view word, std::string_view ending, std::string_view& base) {
  if (!ends_with(word, ending)) return false;
  base = word.substr(0, word.size() - ending.size());
  return true;
}

// The letter before the last one («у» of «франсуа»), or empty.
std::string_view letter_before_last(std::string_view word) {
  const std::string_view last = last_letter(word);
  return last_letter(word.substr(0, word.size() - last.size()));
}

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, Hash, std::equal_to<>>;

std::string without_soft_sign(std::string_view word) {
  std::string out;
  for (std::size_t i = 0; i < word.size();) {
    if (word.substr(i, 2) == "ь") {
      i += 2;
    } else {
      out += word[i++];
    }
  }
  return out;
}

// Nominative endings the non-person stems take (see non_person_stems()).
constexpr std::array<std::string_view, 21> kNounEndings = {
    "ами", "ией", "ия", "ии", "ию", "ой", "ей", "ом", "ем", "ью", "ах",
    "ам",  "а",   "я",  "у",  "ю",  "е",  "и",  "ы",  "ь",  ""};

// Kazakh case suffixes, folded (ның -> нын, қа -> ка, ді -> ди...), and the
// locative with -ғы/-гі (-дағы: «Алматыдағы»), longest first. The dative/accusative forms after a
// possessive (-на, -н) are left out: they would eat the end of «Айдана», «Жанна».
constexpr std::array<std::string_view, 41> kKazakhCaseSuffixes = {
    "ндагы", "ндеги", "дагы", "деги", "тагы", "теги", "нын", "нин", "дын", "дин", "тын",
    "тин",   "дан",   "ден",  "тан",  "тен",  "нан",  "нен", "нда", "нде", "мен", "бен",
    "пен",   "дай",   "дей",  "тай",  "тей",  "га",   "ге",  "ка",  "ке",  "ны",  "ни",
    "ды",    "ди",    "ты",   "ти",   "да",   "де",   "та",  "те"};

}  // namespace

std::size_t letter_count(std::string_view word) {
  std::size_t count = 0;
  for (char c : word) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// ---- first names -------------------------------------------------------------

struct NameLexicon::Data {
  // form -> readings (a form can be two names: «Александра» is Александра
  // and the genitive of Александр), nominative readings first.
  std::unordered_map<std::string, std::vector<FirstNameForm>, Hash, std::equal_to<>> forms;
  StringSet titles;
  StringSet non_person;
  StringSet particles;
  StringSet latin_first_names;
  StringSet east_asian_surnames;

  void add(std::string form, std::string_view nominative, Gender gender, std::uint8_t cases) {
    auto& readings = forms[form];
    for (const FirstNameForm& r : readings) {
      if (r.nominative == nominative && r.gender == gender) return;
    }
    readings.push_back({std::string(nominative), gender, cases});
    const std::string soft = without_soft_sign(form);
    if (soft != form) forms[soft].push_back({std::string(nominative), gender, cases});
  }

  void add_male(std::string_view name) {
    std::string_view base;
    if (strip(name, "ий", base)) {  // Юрий -> юрия, юрию, юрием, юрии
      add_endings(name, base, Gender::kMale,
                  {{"ия", kGenitive | kAccusative},
                   {"ию", kDative},
                   {"ием", kInstrumental},
                   {"ии", kPrepositional}});
    } else if (strip(name, "й", base) || strip(name, "ь", base)) {  // Алексей, Игорь
      add_endings(name, base, Gender::kMale,
                  {{"я", kGenitive | kAccusative},
                   {"ю", kDative},
                   {"ем", kInstrumental},
                   {"е", kPrepositional}});
    } else if (strip(name, "а", base) && !is_vowel(last_letter(base))) {  // Никита, Кузьма
      add_a_endings(name, base, Gender::kMale);
    } else if (strip(name, "я", base)) {  // Илья
      add_endings(name, base, Gender::kMale,
                  {{"и", kGenitive},
                   {"е", kDative | kPrepositional},
                   {"ю", kAccusative},
                   {"ей", kInstrumental}});
    } else if (!is_vowel(last_letter(name))) {  // Марат, Майкл
      const bool soft = is_hushing(last_letter(name));
      add_endings(name, name, Gender::kMale,
                  {{"а", kGenitive | kAccusative},
                   {"у", kDative},
                   {soft ? "ем" : "ом", kInstrumental},
                   {"е", kPrepositional}});
    }
  }

  void add_female(std::string_view name) {
    std::string_view base;
    if (strip(name, "ия", base)) {  // Мария -> марии, марию, марией
      add_endings(name, base, Gender::kFemale,
                  {{"ии", kGenitive | kDative | kPrepositional},
                   {"ию", kAccusative},
                   {"ией", kInstrumental}});
    } else if (strip(name, "я", base)) {  // Майя, Ляйля
      add_endings(name, base, Gender::kFemale,
                  {{"и", kGenitive},
                   {"е", kDative | kPrepositional},
                   {"ю", kAccusative},
                   {"ей", kInstrumental}});
    } else if (strip(name, "а", base)) {  // Клара -> клары, кларе, клару, кларой
      add_a_endings(name, base, Gender::kFemale);
    } else if (strip(name, "ь", base)) {  // Асель -> асели, аселью
      add_endings(name, base, Gender::kFemale,
                  {{"и", kGenitive | kDative | kPrepositional}, {"ью", kInstrumental}});
    }
  }

  void add_a_endings(std::string_view name, std::string_view base, Gender gender) {
    const std::string_view last = last_letter(base);
    add_endings(name, base, gender,
                {{takes_i(last) ? "и" : "ы", kGenitive},
                 {"е", kDative | kPrepositional},
                 {"у", kAccusative},
                 {is_hushing(last) ? "ей" : "ой", kInstrumental}});
  }

  struct Ending {
    std::string_view text;
    std::uint8_t cases;
  };
  void add_endings(std::string_view name, std::string_view base, Gender gender,
                   std::initializer_list<Ending> endings) {
    for (const Ending& e : endings)
      add(std::string(base) + std::string(e.text), name, gender, e.cases);
  }
};

NameLexicon::NameLexicon() {
  auto* data = new Data;  // lives as long as the process (instance() is a static)
  // Nominatives first, so that a nominative reading comes before an oblique
  // one of another name.
  for_each_word(male_first_names(), [&](std::string_view n) {
    data->add(fold_name(n), fold_name(n), Gender::kMale, kNominative);
  });
  for_each_word(female_first_names(), [&](std::string_view n) {
    data->add(fold_name(n), fold_name(n), Gender::kFemale, kNominative);
  });
  // Indeclinable nominatives are all cases.
  for (auto& [form, readings] : data->forms) {
    for (FirstNameForm& r : readings) {
      const std::string_view last = last_letter(r.nominative);
      const bool declines = r.gender == Gender::kMale
                                ? !is_vowel(last) || ((last == "а" || last == "я") &&
                                                      !is_vowel(letter_before_last(r.nominative)))
                                : last == "а" || last == "я" || last == "ь";
      if (!declines) r.cases = kAnyCase;
    }
  }
  for_each_word(male_first_names(), [&](std::string_view n) { data->add_male(fold_name(n)); });
  for_each_word(female_first_names(), [&](std::string_view n) { data->add_female(fold_name(n)); });
  for (const auto& [nominative, oblique] : fleeting_vowel_names()) {
    const std::string base(oblique);
    data->add_endings(nominative, base, nominative == "любовь" ? Gender::kFemale : Gender::kMale,
                      {{"а", kGenitive | kAccusative},
                       {"у", kDative},
                       {"ом", kInstrumental},
                       {"е", kPrepositional},
                       {"и", kGenitive | kDative | kPrepositional}});
  }
  for_each_word(person_title_stems(),
                [&](std::string_view w) { data->titles.insert(fold_name(w)); });
  for_each_word(non_person_stems(),
                [&](std::string_view w) { data->non_person.insert(fold_name(w)); });
  for_each_word(name_particles(),
                [&](std::string_view w) { data->particles.insert(fold_name(w)); });
  for_each_word(latin_first_names(),
                [&](std::string_view w) { data->latin_first_names.insert(fold_name(w)); });
  for_each_word(east_asian_surnames(),
                [&](std::string_view w) { data->east_asian_surnames.insert(fold_name(w)); });
  data_ = data;
}

const NameLexicon& NameLexicon::instance() {
  static const NameLexicon lexicon;
  return lexicon;
}

std::vector<FirstNameForm> NameLexicon::first_name_readings(std::string_view folded) const {
  auto lookup = [&](std::string_view word) -> const std::vector<FirstNameForm>* {
    auto it = data_->forms.find(word);
    if (it == data_->forms.end()) it = data_->forms.find(without_soft_sign(word));
    return it == data_->forms.end() ? nullptr : &it->second;
  };
  if (const auto* readings = lookup(folded)) return *readings;
  const std::size_t hyphen = folded.find('-');
  if (hyphen != std::string_view::npos && hyphen > 0) {
    if (const auto* readings = lookup(folded.substr(0, hyphen))) {
      FirstNameForm whole = readings->front();
      whole.nominative = std::string(folded);
      whole.cases = kAnyCase;
      return {whole};
    }
  }
  return {};
}

std::optional<FirstNameForm> NameLexicon::first_name(std::string_view folded) const {
  std::vector<FirstNameForm> readings = first_name_readings(folded);
  if (readings.empty()) return std::nullopt;
  return std::move(readings.front());
}

bool NameLexicon::is_title(std::string_view folded) const {
  // A stem followed by at most four letters.
  std::size_t end = folded.size();
  for (int dropped = 0; dropped <= 4 && end > 0; ++dropped) {
    if (data_->titles.contains(folded.substr(0, end))) return true;
    --end;
    while (end > 0 && (static_cast<unsigned char>(folded[end]) & 0xC0) == 0x80) --end;
  }
  return false;
}

bool NameLexicon::is_non_person(std::string_view folded) const {
  auto check = [&](std::string_view word) {
    std::string_view base;
    for (std::string_view ending : kNounEndings) {
      if (strip(word, ending, base) && data_->non_person.contains(base)) return true;
    }
    return false;
  };
  if (check(folded)) return true;
  for (std::string_view base : kazakh_bases(folded)) {
    if (check(base)) return true;
  }
  return false;
}

bool NameLexicon::is_latin_first_name(std::string_view folded) const {
  return data_->latin_first_names.contains(folded);
}

bool NameLexicon::is_east_asian_surname(std::string_view folded) const {
  return data_->east_asian_surnames.contains(folded);
}

bool NameLexicon::is_particle(std::string_view folded) const {
  return data_->particles.contains(folded);
}

// ---- patronymics -------------------------------------------------------------

namespace {

// The first name a Russian patronymic base comes from: «Николаевич» ->
// "никола" + "й"; «Юрьевич» -> "юрь" -> "юрий"; «Игоревич» -> "игорь";
// «Павлович» -> "павел" (fleeting vowel); «Никитич» -> "никита".
bool base_is_first_name(std::string_view base, const NameLexicon& lexicon) {
  const std::string b(base);
  std::vector<std::string> candidates = {b, b + "й", b + "ь", b + "а", b + "я"};
  if (ends_with(b, "ь")) candidates.push_back(b.substr(0, b.size() - 2) + "ий");
  for (const auto& [nominative, oblique] : fleeting_vowel_names()) {
    if (b == oblique) candidates.emplace_back(nominative);
  }
  for (const std::string& c : candidates) {
    if (const auto form = lexicon.first_name(c); form && form->nominative == c) return true;
  }
  return false;
}

}  // namespace

std::optional<PatronymicForm> patronymic_form(std::string_view folded, const NameLexicon& lexicon) {
  // Kazakh -улы/-кызы, possibly with a case suffix. They end in the
  // possessive -ы, so the suffixes are the possessive ones: -ның, -на, -н,
  // -нда, -нан, -мен («Кемелұлының», «Темірғалиқызына»).
  for (std::string_view suffix : {"", "нын", "ны", "на", "н", "нда", "нан", "мен"}) {
    std::string_view word;
    if (!strip(folded, suffix, word)) continue;
    for (std::string_view ending : {"улы", "кызы"}) {
      std::string_view base;
      if (strip(word, ending, base) && letter_count(base) >= 3) {
        return PatronymicForm{std::string(word), ending == "улы" ? Gender::kMale : Gender::kFemale,
                              true, false, kAnyCase};
      }
    }
  }
  std::string_view base;
  struct Ending {
    std::string_view text;
    std::uint8_t cases;
  };
  static constexpr Ending kMale[] = {{"ем", kInstrumental},          {"ом", kInstrumental},
                                     {"а", kGenitive | kAccusative}, {"у", kDative},
                                     {"е", kPrepositional},          {"", kNominative}};
  static constexpr Ending kFemale[] = {
      {"ою", kInstrumental}, {"ой", kInstrumental},           {"а", kNominative},
      {"ы", kGenitive},      {"е", kDative | kPrepositional}, {"у", kAccusative}};
  for (const Ending& ending : kMale) {
    if (!strip(folded, ending.text, base) || letter_count(base) < 5) continue;
    for (std::string_view suffix : {"ович", "евич", "ич"}) {
      std::string_view name;
      if (strip(base, suffix, name)) {
        return PatronymicForm{std::string(base), Gender::kMale, false,
                              base_is_first_name(name, lexicon), ending.cases};
      }
    }
  }
  for (const Ending& ending : kFemale) {
    if (!strip(folded, ending.text, base) || letter_count(base) < 5) continue;
    for (std::string_view suffix : {"овн", "евн", "ичн"}) {
      std::string_view name;
      if (strip(base, suffix, name)) {
        return PatronymicForm{std::string(base) + "а", Gender::kFemale, false,
                              base_is_first_name(name, lexicon), ending.cases};
      }
    }
  }
  return std::nullopt;
}

// ---- Kazakh suffixes ---------------------------------------------------------

std::vector<std::string_view> kazakh_bases(std::string_view folded) {
  std::vector<std::string_view> bases;
  std::string_view base;
  for (std::string_view suffix : kKazakhCaseSuffixes) {
    if (strip(folded, suffix, base) && letter_count(base) >= 3) bases.push_back(base);
  }
  // The plural before a case suffix or alone: «Әбдірахмановтардың»,
  // «Таймановтар» (a family).
  const std::size_t with_case = bases.size();
  for (std::size_t k = 0; k <= with_case; ++k) {
    const std::string_view word = k < with_case ? bases[k] : folded;
    for (std::string_view plural : {"тар", "тер", "дар", "дер", "лар", "лер"}) {
      if (strip(word, plural, base) && letter_count(base) >= 4) bases.push_back(base);
    }
  }
  return bases;
}

}  // namespace izdeu::analyzers
