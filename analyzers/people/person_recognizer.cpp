#include "analyzers/people/person_recognizer.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "analyzers/people/latin_names.h"
#include "analyzers/people/name_lexicon.h"
#include "analyzers/people/name_tokenizer.h"
#include "analyzers/people/name_word_info.h"
#include "analyzers/people/person_merger.h"
#include "analyzers/people/surname_rules.h"
#include "analyzers/stop_words.h"

namespace izdeu::analyzers {
namespace {

class Recognizer {
 public:
  Recognizer(std::string_view text, Language language)
      : text_(text),
        language_(language),
        lexicon_(NameLexicon::instance()),
        words_(name_words(text)),
        info_() {
    read_kazakh_latin();
    info_ = classify_name_words(words_, language);
    for (const NameWord& w : words_) {
      if (!w.capitalized) lowercase_words_.insert(std::string_view(w.folded));
    }
  }

  // An article in Kazakh Latin letters (2017, 2018 or 2021 alphabet) is
  // read through the Cyrillic spelling of its words, so its people get the
  // keys Cyrillic articles give them («Qasym-Jomart Toqaev» -> "токаев
  // касым-жомарт"). Only when most words are Latin: a Cyrillic article
  // quoting «Donald Trump» keeps the Latin first-name rules.
  void read_kazakh_latin() {
    if (language_ != Language::kKazakh) return;
    std::size_t latin = 0;
    for (const NameWord& w : words_) latin += !w.cyrillic;
    if (latin * 2 <= words_.size()) return;
    for (NameWord& w : words_) {
      if (w.cyrillic) continue;
      std::string cyrillic = kazakh_latin_to_cyrillic(w.folded);
      if (cyrillic.empty()) continue;
      w.folded = std::move(cyrillic);
      w.cyrillic = true;
    }
  }

  std::vector<PersonMention> run() {
    std::vector<PersonCandidate> candidates;
    std::vector<bool> used(words_.size(), false);
    for (std::size_t i = 0; i < words_.size();) {
      if (auto candidate = parse_at(i)) {
        for (std::size_t k = candidate->first_word; k <= candidate->last_word; ++k) used[k] = true;
        i = candidate->last_word + 1;
        candidates.push_back(std::move(*candidate));
      } else {
        ++i;
      }
    }
    propagate(candidates, used);
    std::sort(candidates.begin(), candidates.end(),
              [](const auto& a, const auto& b) { return a.first_word < b.first_word; });
    merge_people(candidates);
    std::vector<PersonMention> mentions;
    mentions.reserve(candidates.size());
    for (const PersonCandidate& c : candidates) {
      PersonMention m;
      m.byte_begin = words_[c.first_word].begin;
      m.byte_end = words_[c.last_word].end;
      m.surface = std::string(text_.substr(m.byte_begin, m.byte_end - m.byte_begin));
      m.key = c.key;
      m.surname = c.person.surname;
      m.first_name = c.person.first.empty() ? c.person.first_initial : c.person.first;
      m.patronymic =
          c.person.patronymic.empty() ? c.person.patronymic_initial : c.person.patronymic;
      mentions.push_back(std::move(m));
    }
    return mentions;
  }

 private:
  // «Романа Абрамовича» is a first name and patronymic by form, but when the
  // text also writes «Абрамович» with no first name before it, the word is
  // a surname (a patronymic never stands alone).
  bool stands_alone_elsewhere(std::size_t j) const {
    if (!standalone_patronymics_) {
      // Built once, on first use: patronymic-shaped words with no first name
      // right before them.
      standalone_patronymics_.emplace();
      for (std::size_t k = 0; k < words_.size(); ++k) {
        if (info_[k].patronymic && !(words_[k].joined && k > 0 && is_first(k - 1))) {
          standalone_patronymics_->insert(info_[k].patronymic->nominative);
        }
      }
    }
    return standalone_patronymics_->contains(info_[j].patronymic->nominative);
  }

  // «Путин заявил»: a sentence-initial word in -ин in the nominative, not
  // written in lower case anywhere in the text and followed by a lower-case
  // word, is taken for a surname (the common nouns in -ин that start
  // sentences are in the non-person list).
  bool subject_surname(std::size_t i) const {
    const std::string_view f = words_[i].folded;
    return (f.ends_with("ин") || f.ends_with("ын")) && !common_word(i) && linked(i + 1) &&
           !words_[i + 1].capitalized;
  }

  // A word that can follow an East Asian surname as a given name.
  bool east_asian_given(std::size_t k) const {
    const WordInfo& info = info_[k];
    return is_cap(k) && words_[k].cyrillic &&
           (info.first.empty() || letter_count(words_[k].folded) <= 3) && !info.patronymic &&
           info.shape != SurnameShape::kStrong && !info.initial &&
           letter_count(words_[k].folded) <= 9;
  }

  // «Приехал Александр Сергеевич»: a Russian past-tense verb (-ал, -ял,
  // -ел, -ил, -ыл, -ол, -ул and their -ла/-ли forms) starting a sentence
  // before a name is not a surname.
  bool past_tense_verb(std::size_t i) const {
    const std::string_view f = words_[i].folded;
    if (letter_count(f) < 5) return false;
    for (std::string_view e : {"ал", "ял", "ел", "ил", "ыл", "ол", "ул", "ала", "яла", "ела", "ила",
                               "али", "яли", "ели", "или"}) {
      if (f.ends_with(e)) return true;
    }
    return false;
  }

  // A word the text also writes in lower case («Вчера», «Однако») is a
  // common word capitalized by the sentence start.
  bool common_word(std::size_t i) const { return lowercase_words_.contains(words_[i].folded); }

  // An unlisted capitalized word that may be a first name before a surname.
  bool unknown_first_name(std::size_t i) const {
    const NameWord& w = words_[i];
    const WordInfo& info = info_[i];
    if (!info.cap || info.initial || info.patronymic || !info.first.empty() || w.after_quote) {
      return false;
    }
    if (info.shape == SurnameShape::kStrong || adjectival_ending(w.folded)) return false;
    // «Инициатива Токаева»: abstract-noun suffixes no first name has.
    for (std::string_view e :
         {"ция", "ции", "цию", "ние", "ния", "нию", "тие", "тия", "ство", "ства", "ость", "ости",
          "изм", "ика", "ики", "ива", "ивы", "тура", "туры"}) {
      if (w.folded.ends_with(e)) return false;
    }
    // «Путин Медведев» in Kazakh text: no case ending tells the two apart.
    if (info.shape == SurnameShape::kWeak && language_ == Language::kKazakh) return false;
    if (is_stop_word(w.folded, Language::kRussian) || is_stop_word(w.folded, Language::kKazakh)) {
      return false;
    }
    return !(w.sentence_start && common_word(i));
  }

  // A surname-shaped word used as a place: «в Курчатове», «Гурьевте»
  // (towns named after people). A person is rarely in the locative.
  bool place_form(std::size_t i) const {
    const NameWord& w = words_[i];
    if (language_ == Language::kKazakh) {
      const std::string_view suffix = std::string_view(w.folded).substr(info_[i].base.size());
      for (std::string_view locative : {"да", "де", "та", "те", "нда", "нде", "дагы", "деги",
                                        "тагы", "теги", "ндагы", "ндеги"}) {
        if (suffix == locative) return true;
      }
      return false;
    }
    if (i == 0 || !w.joined || !w.folded.ends_with("е")) return false;
    const std::string_view prev = words_[i - 1].folded;
    return prev == "в" || prev == "во";
  }

  // «российской Кремниевой долины», «Второй Мировой»: a lower-case word in
  // the same adjectival case ending stands before the word.
  bool adjective_phrase(std::size_t i) const {
    if (i == 0 || !words_[i].joined || info_[i - 1].title) return false;
    const std::string_view prev = words_[i - 1].folded;
    const std::string_view word = words_[i].folded;
    for (std::string_view e : {"ой", "ым", "ом", "ого", "ому", "ых"}) {
      if (word.ends_with(e) && prev.ends_with(e)) return true;
    }
    return false;
  }

  // An unlisted word after a title is a surname when it looks like a
  // nominative or an indeclinable name («президент Обама» is caught by the
  // first name elsewhere; «канцлер Меркель», «премьер Берлускони»), not like
  // the genitive of an institution or country («председатель Совета»,
  // «посол Малайзии»).
  bool titled_surname(std::size_t i) const {
    const std::string_view f = words_[i].folded;
    // Kazakh puts capitalized bodies and places after titles too («Елбасы
    // Үкімет пен...»), and its nominative has no ending to tell them apart.
    if (language_ == Language::kKazakh) return false;
    if (!titled(i) || adjectival_ending(f) || words_[i].after_quote) return false;
    // -и after a vowel: «председатель Ассамблеи».
    for (std::string_view e : {"а", "я", "ы", "ии", "ия", "еи", "аи", "уи", "ои"}) {
      if (f.ends_with(e)) return false;
    }
    return !(linked(i + 1) && words_[i + 1].capitalized);
  }

  // A capitalized word a reporting verb introduces, or, in Kazakh, one that
  // «мырза» (Mr) or «ханым» (Mrs) follows: «— говорит Кокер.», «деді Ри»,
  // «Гендон мырза». The word is a surname in the nominative (Russian) or
  // with a Kazakh case suffix; a name that goes on («говорит Саймон Хедер»)
  // is read from its first name instead.
  bool reported_surname(std::size_t i) const {
    const NameWord& w = words_[i];
    if (w.sentence_start || w.after_quote || w.all_caps || info_[i].non_person || info_[i].title ||
        adjectival_ending(w.folded) || (linked(i + 1) && is_cap(i + 1))) {
      return false;
    }
    if (language_ == Language::kKazakh) {
      if (linked(i + 1)) {
        const std::string_view next = words_[i + 1].folded;
        if (next.starts_with("мырза") || next.starts_with("ханым")) return true;
      }
      return w.joined && i > 0 &&
             (words_[i - 1].folded == "деди" || words_[i - 1].folded == "дейди");
    }
    // The name ends the clause («— говорит Кокер.»): «отметил День
    // единства» is a holiday, not a person.
    if (!w.joined || i == 0 || words_[i - 1].capitalized || linked(i + 1)) return false;
    // «сообщила Лента.ру», «сообщил Викиновостям»: a site, or a dative.
    if (w.end + 1 < text_.size() && text_[w.end] == '.' &&
        static_cast<unsigned char>(text_[w.end + 1]) > ' ') {
      return false;
    }
    for (std::string_view e : {"ам", "ям", "ому", "ему"}) {
      if (w.folded.ends_with(e)) return false;
    }
    static const std::unordered_set<std::string_view> kVerbs = {
        "сказал",     "сказала",    "говорит",      "заявил",    "заявила",    "ответил",
        "ответила",   "добавил",    "добавила",     "пишет",     "сообщил",    "сообщила",
        "рассказал",  "рассказала", "рассказывает", "объясняет", "поясняет",   "утверждает",
        "вспоминает", "подчеркнул", "подчеркнула",  "признался", "призналась", "уточнил",
        "уточнила",   "написал",    "написала"};
    return kVerbs.contains(words_[i - 1].folded);
  }

  bool linked(std::size_t j) const { return j < words_.size() && words_[j].joined; }
  bool is_first(std::size_t j) const {
    return j < words_.size() && info_[j].cap && !info_[j].first.empty();
  }
  bool is_cap(std::size_t j) const { return j < words_.size() && info_[j].cap; }

  // A word that can be a surname after a first name: Latin only after a
  // Latin first name.
  bool surname_word(std::size_t j, bool latin = false) const {
    return is_cap(j) && !info_[j].patronymic.has_value() && words_[j].cyrillic != latin;
  }

  // A title (possibly followed by place names: «президент России») before word i.
  bool titled(std::size_t i) const {
    std::size_t j = i;
    for (int skipped = 0; skipped <= 3 && j > 0 && words_[j].joined; ++skipped) {
      --j;
      if (info_[j].title) return true;
      if (!info_[j].non_person && !words_[j].all_caps) return false;
    }
    return false;
  }

  // The surname's base form in this text: without a Kazakh case suffix when
  // it ends the name.
  std::string surname_base(std::size_t j, bool ends_name) const {
    if (ends_name) {
      if (!info_[j].kazakh_stripped.empty()) return info_[j].kazakh_stripped;
    }
    return info_[j].base;
  }

  PersonCandidate make(std::size_t first_word, std::size_t last_word) const {
    PersonCandidate c;
    c.first_word = first_word;
    c.last_word = last_word;
    return c;
  }

  // The reading of a first name to use: the one of the gender the
  // patronymic or surname shows; else, for a form that is both a female
  // nominative and a male oblique case («Александра», «Евгения»), the male
  // one unless a feminine past-tense verb follows the name («Александра
  // Белова заявила»): news name men in the genitive more often.
  const FirstNameForm& pick_reading(const std::vector<FirstNameForm>& readings, Gender hint,
                                    std::size_t last_word) const {
    if (hint == Gender::kUnknown && readings.size() > 1) {
      if (subject_position(first_word_of(last_word), last_word)) return readings.front();
      hint = Gender::kMale;
    }
    if (hint != Gender::kUnknown) {
      for (const FirstNameForm& r : readings) {
        if (r.gender == hint) return r;
      }
    }
    return readings.front();
  }

  // Whether a name from `first` to `last` stands where a nominative does: at
  // the start of a sentence or before a feminine past-tense verb («Хава
  // Мусаева прочитала»).
  bool subject_position(std::size_t first, std::size_t last) const {
    return words_[first].sentence_start || feminine_verb_after(last);
  }

  // The first word of the name that `last_word` ends (back over linked
  // capitalized words).
  std::size_t first_word_of(std::size_t last_word) const {
    std::size_t k = last_word;
    while (k > 0 && words_[k].joined && (info_[k - 1].cap || info_[k - 1].initial)) --k;
    return k;
  }

  bool feminine_verb_after(std::size_t last_word) const {
    const std::size_t next = last_word + 1;
    if (next >= words_.size() || words_[next].capitalized) return false;
    const std::string_view verb = words_[next].folded;
    return verb.ends_with("ла") || verb.ends_with("лась");
  }

  // The cases a first name's form leaves open for the surname after it. A
  // Russian text declines the surname even when the first name cannot show
  // the case («Франсуа Олланда», «Джо Байдена»), so an indeclinable male
  // first name leaves every oblique case open.
  std::uint8_t cases_for_surname(const FirstNameForm& f) const {
    if (language_ == Language::kRussian && f.gender == Gender::kMale && f.cases == kAnyCase) {
      return kAnyCase & ~kNominative;
    }
    return f.cases;
  }

  static bool feminine_form(std::string_view base) {
    for (std::string_view e : {"ова", "ева", "ина", "ына"}) {
      if (base.ends_with(e)) return true;
    }
    return false;
  }

  void set_surname(PersonCandidate& c, std::size_t j, Gender gender, std::uint8_t cases,
                   bool ends_name) const {
    const std::string base = surname_base(j, ends_name);
    if (language_ == Language::kKazakh && gender == Gender::kUnknown && feminine_form(base)) {
      // Kazakh declines a surname with suffixes («Алиеваның»), so the word
      // before them is a nominative: «Айым Алиева» is a woman, "алиева".
      gender = Gender::kFemale;
      cases = kNominative;
    }
    c.person.gender = gender;
    c.person.surname = surname_nominative(base, c.person.gender, cases);
  }

  std::optional<PersonCandidate> parse_at(std::size_t i) const {
    const WordInfo& info = info_[i];
    const NameWord& word = words_[i];
    if (!word.cyrillic) return is_first(i) ? parse_from_first_name(i) : std::nullopt;
    // Initials first: «Л.Ю. Гирш», «Л. Ю. Гирш».
    if (info.initial) {
      std::size_t j = i + 1;
      while (j < words_.size() && j < i + 3 && linked(j) && info_[j].initial) ++j;
      if (linked(j) && surname_word(j) && !info_[j].initial) {
        PersonCandidate c = make(i, j);
        c.person.first_initial = words_[i].folded + ".";
        if (j > i + 1) c.person.patronymic_initial = words_[i + 1].folded + ".";
        set_surname(c, j, surname_gender_hint(words_[j].folded), kAnyCase, true);
        return c;
      }
      return std::nullopt;
    }
    if (!info.cap) return std::nullopt;
    // Surname, first name, patronymic: «Гирш Леонида Юзефовича».
    if (linked(i + 1) && is_first(i + 1) && linked(i + 2) && is_cap(i + 2) &&
        info_[i + 2].patronymic && !info_[i + 2].patronymic->kazakh && !info.patronymic &&
        !(word.sentence_start && info.shape == SurnameShape::kNone &&
          (common_word(i) || past_tense_verb(i) || !nominative_reading(info_[i + 1].first)))) {
      const PatronymicForm& p = *info_[i + 2].patronymic;
      const FirstNameForm& f = pick_reading(info_[i + 1].first, p.gender, i + 2);
      PersonCandidate c = make(i, i + 2);
      c.person.first = f.nominative;
      c.person.patronymic = p.nominative;
      set_surname(c, i, f.gender, f.cases, false);
      return c;
    }
    // The same with a first name missing from our lists, when the first word
    // is shaped like a surname: «Айсаева Ризайдина Сеитовича».
    if (info.shape != SurnameShape::kNone && !info.patronymic && linked(i + 1) &&
        !is_first(i + 1) && unknown_first_name(i + 1) && linked(i + 2) && is_cap(i + 2) &&
        info_[i + 2].patronymic && !info_[i + 2].patronymic->kazakh &&
        !(word.sentence_start && common_word(i))) {
      const PatronymicForm& p = *info_[i + 2].patronymic;
      PersonCandidate c = make(i, i + 2);
      c.person.first = language_ == Language::kKazakh
                           ? words_[i + 1].folded
                           : name_nominative_guess(words_[i + 1].folded, p.gender, p.cases);
      c.person.patronymic = p.nominative;
      set_surname(c, i, p.gender, p.cases, false);
      return c;
    }
    if (words_[i].cyrillic && lexicon_.is_east_asian_surname(word.folded) && linked(i + 1) &&
        east_asian_given(i + 1)) {
      // «Си Цзиньпин», «Пак Кын Хе»: the surname first, then one or two
      // short given-name syllables.
      std::size_t last = i + 1;
      if (linked(i + 2) && east_asian_given(i + 2)) ++last;
      PersonCandidate c = make(i, last);
      c.person.surname = word.folded;
      for (std::size_t k = i + 1; k <= last; ++k) {
        c.person.first += (k > i + 1 ? " " : "") + words_[k].folded;
      }
      return c;
    }
    if (is_first(i)) {
      if (auto c = parse_from_first_name(i)) return c;
    }
    // Surname, first name: «Аманғалиев Серік», «Иванов Иван».
    if (info.shape != SurnameShape::kNone && linked(i + 1) && is_first(i + 1) &&
        !(linked(i + 2) && surname_word(i + 2))) {
      const FirstNameForm& f = pick_reading(info_[i + 1].first, Gender::kUnknown, i + 1);
      PersonCandidate c = make(i, i + 1);
      c.person.first = f.nominative;
      set_surname(c, i, f.gender, f.cases, false);
      return c;
    }
    // Surname and initials: «Гирш Л. Ю.».
    if (linked(i + 1) && info_[i + 1].initial && !info.patronymic) {
      std::size_t j = i + 1;
      while (linked(j + 1) && info_[j + 1].initial && j < i + 2) ++j;
      // «Позже Л.Ю. Гирш»: the initials belong to the name after them.
      if (linked(j + 1) && surname_word(j + 1)) return std::nullopt;
      PersonCandidate c = make(i, j);
      c.person.first_initial = words_[i + 1].folded + ".";
      if (j > i + 1) c.person.patronymic_initial = words_[i + 2].folded + ".";
      set_surname(c, i, surname_gender_hint(words_[i].folded), kAnyCase, false);
      return c;
    }
    if (!is_first(i) && unknown_first_name(i)) {
      if (auto c = parse_from_unknown_first_name(i)) return c;
    }
    // A surname alone, by its form or after a title.
    if (word.after_quote || (info.patronymic && !info.patronymic->kazakh)) return std::nullopt;
    const bool strong = info.shape == SurnameShape::kStrong;
    const bool weak = info.shape == SurnameShape::kWeak && language_ != Language::kKazakh &&
                      !adjectival_ending(word.folded) && !word.folded.ends_with("ом") &&
                      (!word.sentence_start || subject_surname(i));
    if ((strong || weak) && (common_word(i) || adjective_phrase(i) || place_form(i))) {
      return std::nullopt;
    }
    if (strong || weak || (info.first.empty() && (titled_surname(i) || reported_surname(i)))) {
      PersonCandidate c = make(i, i);
      Gender gender = surname_gender_hint(words_[i].folded);
      std::uint8_t cases = kAnyCase;
      if (gender == Gender::kUnknown && language_ == Language::kRussian &&
          feminine_form(words_[i].folded) && feminine_verb_after(i)) {
        // «Толоконникова заявила»: a woman in the nominative.
        gender = Gender::kFemale;
        cases = kNominative;
      }
      set_surname(c, i, gender, cases, true);
      return c;
    }
    return std::nullopt;
  }

  // An unlisted first name before a patronymic or before a word shaped
  // like a surname: «Роальд Зиннурович Сагдеев», «Кирсана Илюмжинова».
  std::optional<PersonCandidate> parse_from_unknown_first_name(std::size_t i) const {
    const bool kazakh = language_ == Language::kKazakh;
    if (linked(i + 1) && is_cap(i + 1) && info_[i + 1].patronymic &&
        !info_[i + 1].patronymic->kazakh) {
      const PatronymicForm& p = *info_[i + 1].patronymic;
      const bool with_surname = linked(i + 2) && surname_word(i + 2) && !is_first(i + 2);
      if (!with_surname && !p.from_first_name) return std::nullopt;
      PersonCandidate c = make(i, with_surname ? i + 2 : i + 1);
      c.person.first =
          kazakh ? words_[i].folded : name_nominative_guess(words_[i].folded, p.gender, p.cases);
      c.person.patronymic = p.nominative;
      c.person.gender = p.gender;
      if (with_surname) set_surname(c, i + 2, p.gender, p.cases, true);
      return c;
    }
    // Not when a first name follows: «Сот Аманғалиев Серікті».
    if (linked(i + 1) && is_cap(i + 1) && info_[i + 1].shape == SurnameShape::kStrong &&
        info_[i + 1].first.empty() && !(linked(i + 2) && is_first(i + 2))) {
      Gender gender = Gender::kMale;
      const std::uint8_t cases = kazakh ? static_cast<std::uint8_t>(kNominative)
                                        : surname_cases(surname_base(i + 1, true), gender);
      if (kazakh) {
        // Kazakh keeps surnames in the nominative: -ова/-ева/-ина is female.
        const std::string base = surname_base(i + 1, true);
        for (std::string_view e : {"ова", "ева", "ина", "ына"}) {
          if (base.ends_with(e)) gender = Gender::kFemale;
        }
      }
      const bool ambiguous = !kazakh && cases == (kGenitive | kAccusative) &&
                             case_agrees(words_[i].folded, cases, gender);
      if (ambiguous && subject_position(i, i + 1)) {
        // «Фарида Хабибуллина.»: a female name in the nominative.
        PersonCandidate c = make(i, i + 1);
        c.person.first = words_[i].folded;
        Gender female = Gender::kFemale;
        set_surname(c, i + 1, female, kNominative, true);
        return c;
      }
      if (!kazakh && !case_agrees(words_[i].folded, cases, gender)) {
        // «Джахан Поллыева»: -ова is also a female nominative, and a female
        // first name may end in a consonant.
        const bool female_nominative = cases == (kGenitive | kAccusative) &&
                                       !words_[i].sentence_start &&
                                       case_agrees(words_[i].folded, kNominative, Gender::kMale);
        if (!female_nominative) return std::nullopt;
        gender = Gender::kFemale;
        PersonCandidate c = make(i, i + 1);
        c.person.first = words_[i].folded;
        set_surname(c, i + 1, gender, kNominative, true);
        return c;
      }
      // «Встреча Порошенко»: with an indeclinable surname nothing shows that
      // a sentence-initial word is a name.
      if (cases == kAnyCase && words_[i].sentence_start) return std::nullopt;
      PersonCandidate c = make(i, i + 1);
      c.person.first = name_nominative_guess(words_[i].folded, gender, cases);
      set_surname(c, i + 1, gender, cases, true);
      return c;
    }
    return std::nullopt;
  }

  std::optional<PersonCandidate> parse_from_first_name(std::size_t i) const {
    const bool latin = !words_[i].cyrillic;
    auto surname_word = [&](std::size_t k) { return this->surname_word(k, latin); };
    // A Kazakh case suffix goes on the last word of a name: «Серікке» ends
    // it («Ерікті Татьяна Зуева» is "volunteer Tatyana Zuyeva").
    std::size_t j = info_[i].first_from_base ? words_.size() : i + 1;
    std::optional<PatronymicForm> patronymic;
    if (linked(j) && is_cap(j) && info_[j].patronymic) {
      patronymic = info_[j].patronymic;
      ++j;
    }
    // A middle initial: «Джордж Х. Кинг».
    std::string middle_initial;
    if (!patronymic && linked(j) && info_[j].initial && linked(j + 1) && surname_word(j + 1)) {
      middle_initial = words_[j++].folded + ".";
    }
    // A second given name before the surname: «Реджеп Тайип Эрдоган»,
    // «Андерс Фог Расмуссен».
    std::size_t second = 0;
    // Not in Kazakh text, where a name is often followed by a capitalized
    // place or body («Қасым-Жомарт Тоқаев Біріккен...»).
    if (!patronymic && middle_initial.empty() && linked(j) && surname_word(j) &&
        !info_[j].particle && words_[j].cyrillic &&
        (is_first(j) || (language_ == Language::kRussian && info_[j].shape == SurnameShape::kNone &&
                         !info_[j].patronymic)) &&
        linked(j + 1) && surname_word(j + 1) && !is_first(j + 1) &&
        !adjectival_ending(words_[j + 1].folded) && !(linked(j + 2) && is_first(j + 2))) {
      second = j++;
    }
    std::size_t surname = 0;
    std::size_t k = j;
    while (linked(k) && info_[k].particle && linked(k + 1) && is_cap(k + 1)) ++k;
    // After a Kazakh patronymic in Kazakh text only a surname-shaped word is
    // a surname: «Бірлік Берікұлы Сараптамалық...» is not a name.
    const bool needs_shape = patronymic && patronymic->kazakh && language_ == Language::kKazakh;
    if (linked(k) && surname_word(k) && !(k == j && is_first(k) && patronymic) &&
        !(needs_shape && info_[k].shape == SurnameShape::kNone)) {
      surname = k;
    }

    Gender hint = patronymic ? patronymic->gender : Gender::kUnknown;
    if (surname) {
      const Gender g = surname_gender_hint(words_[surname].folded);
      if (hint == Gender::kUnknown) hint = g;
    }
    const FirstNameForm& f = pick_reading(info_[i].first, hint, surname ? surname : j - 1);
    if (surname) {
      PersonCandidate c = make(i, surname);
      c.person.first = f.nominative;
      if (second) {
        c.person.first += " ";
        c.person.first += info_[second].first.empty() ? words_[second].folded
                                                      : info_[second].first.front().nominative;
      }
      if (patronymic) c.person.patronymic = patronymic->nominative;
      if (!middle_initial.empty()) c.person.patronymic_initial = middle_initial;
      Gender gender = patronymic ? patronymic->gender : f.gender;
      std::string particles;
      for (std::size_t p = j; p < surname; ++p) particles += words_[p].folded + " ";
      set_surname(c, surname, gender, cases_for_surname(f), true);
      if (!particles.empty()) c.person.surname = particles + c.person.surname;
      return c;
    }
    if (patronymic) {
      PersonCandidate c = make(i, j - 1);
      c.person.first = f.nominative;
      c.person.gender = patronymic->gender;
      // A female -овна is never a surname.
      const bool as_surname =
          patronymic->kazakh || (patronymic->gender == Gender::kMale &&
                                 (!patronymic->from_first_name || stands_alone_elsewhere(j - 1)));
      if (as_surname) {
        // «Бірлік Берікұлы»: a Kazakh patronymic with no surname after it is
        // the surname; so is an -ович with no first name behind it («Виктор
        // Янукович»).
        Gender gender = patronymic->gender;
        c.person.surname = patronymic->kazakh
                               ? patronymic->nominative
                               : surname_nominative(words_[j - 1].folded, gender, f.cases);
      } else {
        c.person.patronymic = patronymic->nominative;
      }
      return c;
    }
    if (words_[i].sentence_start || words_[i].after_quote) return std::nullopt;
    PersonCandidate c = make(i, i);
    c.person.first = f.nominative;
    c.person.gender = f.gender;
    return c;
  }

  // Second pass: a capitalized word that is a form of a surname (or first
  // name) found by the first pass is a mention of that person too.
  void propagate(std::vector<PersonCandidate>& candidates, std::vector<bool>& used) const {
    struct Known {
      std::string surname;
      Gender gender;
    };
    std::unordered_map<std::string, Known> surname_forms_seen;
    std::unordered_map<std::string, Gender> first_names_seen;
    for (const PersonCandidate& c : candidates) {
      if (!c.person.surname.empty() && c.person.surname.find(' ') == std::string::npos) {
        for (std::string& form : surname_forms(c.person.surname, c.person.gender)) {
          surname_forms_seen.emplace(std::move(form), Known{c.person.surname, c.person.gender});
        }
      }
      if (!c.person.first.empty() && !c.person.surname.empty()) {
        first_names_seen.emplace(c.person.first, c.person.gender);
      }
    }
    if (surname_forms_seen.empty()) return;
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if (used[i] || !info_[i].cap) continue;
      const NameWord& w = words_[i];
      const Known* known = nullptr;
      if (auto it = surname_forms_seen.find(w.folded); it != surname_forms_seen.end()) {
        known = &it->second;
      } else if (language_ == Language::kKazakh) {
        for (std::string_view base : kazakh_bases(w.folded)) {
          if (auto b = surname_forms_seen.find(std::string(base)); b != surname_forms_seen.end()) {
            known = &b->second;
            break;
          }
        }
      }
      if (known) {
        PersonCandidate c = make(i, i);
        c.person.surname = known->surname;
        c.person.gender = known->gender;
        candidates.push_back(std::move(c));
        used[i] = true;
        continue;
      }
      if (!info_[i].first.empty()) {
        for (const FirstNameForm& f : info_[i].first) {
          if (first_names_seen.contains(f.nominative)) {
            PersonCandidate c = make(i, i);
            c.person.first = f.nominative;
            c.person.gender = f.gender;
            candidates.push_back(std::move(c));
            used[i] = true;
            break;
          }
        }
      }
    }
  }

  std::string_view text_;
  Language language_;
  const NameLexicon& lexicon_;
  std::vector<NameWord> words_;
  std::vector<WordInfo> info_;
  std::unordered_set<std::string_view> lowercase_words_;  // views into words_
  mutable std::optional<std::unordered_set<std::string>> standalone_patronymics_;
};

}  // namespace

std::vector<PersonMention> find_people(std::string_view text, Language language) {
  return Recognizer(text, language).run();
}

}  // namespace izdeu::analyzers
