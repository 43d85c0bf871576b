#include "analyzers/stemmers/russian_name_normalizer.h"

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "analyzers/people/first_names.h"

namespace izdeu::analyzers {
namespace {

// All letters handled here are two-byte Cyrillic, so suffix tests can compare
// bytes; letters are counted as code points (lead bytes).
std::size_t letter_count(std::string_view word) {
  std::size_t count = 0;
  for (char c : word) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// std::string_view::ends_with as an inline byte loop, last byte first: the
// endings are a few bytes and usually differ from the word in their last byte
// (their lead bytes are mostly the shared 0xD0/0xD1 of Cyrillic), while the
// library version calls memcmp, and name_key() makes dozens of such tests.
inline bool ends_with(std::string_view word, std::string_view ending) {
  if (ending.size() > word.size()) return false;
  const char* tail = word.data() + (word.size() - ending.size());
  for (std::size_t k = ending.size(); k-- > 0;) {
    if (tail[k] != ending[k]) return false;
  }
  return true;
}

// word == other, by the same byte loop.
inline bool equals(std::string_view word, std::string_view other) {
  return word.size() == other.size() && ends_with(word, other);
}

// True, with `base` set to the rest, when `word` ends with `ending`.
bool strip(std::string_view word, std::string_view ending, std::string_view& base) {
  if (!ends_with(word, ending)) return false;
  base = word.substr(0, word.size() - ending.size());
  return true;
}

// ---- rule 1: first names ---------------------------------------------------

// Transparent hashing, so that name_key() looks a std::string_view up without
// building a std::string (an allocation per capitalized word).
struct NameHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using NameForms = std::unordered_map<std::string, std::string, NameHash, std::equal_to<>>;

void add_forms(NameForms& forms, std::string_view nominative, std::string_view base,
               std::initializer_list<std::string_view> endings) {
  for (std::string_view ending : endings) {
    forms.emplace(std::string(base) + std::string(ending), std::string(nominative));
  }
}

// Every case form of every listed first name -> its nominative. Nominatives
// are inserted first, so a nominative never becomes another name's case form
// ("валентина" stays Валентина, not Валентин's genitive).
NameForms build_name_forms() {
  NameForms forms;
  for (std::string_view name : first_names()) forms.emplace(name, name);
  for (const auto& [nominative, oblique] : fleeting_vowel_names()) {
    forms.emplace(nominative, nominative);
    add_forms(forms, nominative, oblique, {"а", "у", "ом", "е", "и"});
  }
  for (std::string_view name : first_names()) {
    std::string_view base;
    if (strip(name, "я", base)) {  // Мария -> марии; Илья -> ильи
      add_forms(forms, name, base, {"и", "ю", "ей", "ею", "е"});
    } else if (strip(name, "а", base)) {  // Клара -> клары, кларе, клару, кларой
      add_forms(forms, name, base, {"ы", "и", "е", "у", "ой", "ою", "ей"});
    } else if (strip(name, "й", base)) {  // Алексей -> алексея, алексеем
      add_forms(forms, name, base, {"я", "ю", "ем", "е", "и"});
    } else if (strip(name, "ь", base)) {  // Игорь -> игоря; Асель -> асели
      add_forms(forms, name, base, {"я", "ю", "ем", "е", "и", "ью"});
    } else if (!ends_with(name, "и") && !ends_with(name, "у") && !ends_with(name, "е") &&
               !ends_with(name, "о")) {  // Марат -> марата, маратом
      add_forms(forms, name, name, {"а", "у", "ом", "ем", "е"});
    }
  }
  return forms;
}

const NameForms& name_forms() {
  static const NameForms forms = build_name_forms();
  return forms;
}

// ---- rule 2: indeclinable --------------------------------------------------

bool is_vowel_before(std::string_view word, std::size_t suffix_bytes) {
  static constexpr std::array<std::string_view, 10> kVowels = {"а", "е", "и", "о", "у",
                                                               "ы", "э", "ю", "я", "ё"};
  if (word.size() < suffix_bytes + 2) return false;
  const std::string_view letter = word.substr(word.size() - suffix_bytes - 2, 2);
  for (std::string_view vowel : kVowels) {
    if (equals(letter, vowel)) return true;
  }
  return false;
}

bool is_indeclinable(std::string_view word) {
  for (std::string_view name : indeclinable_names()) {
    if (equals(word, name)) return true;
  }
  // Ukrainian -ко surnames: Шевченко, Бондаренко, Кличко, Бойко (not "облако").
  if (ends_with(word, "ко") && letter_count(word) >= 5 && !is_vowel_before(word, 4)) return true;
  // Georgian surnames and Kazakh patronymic surnames, undeclined in Russian text.
  for (std::string_view ending : {"швили", "дзе", "улы", "кызы"}) {
    if (ends_with(word, ending) && letter_count(word) > letter_count(ending) + 1) return true;
  }
  return false;
}

// ---- rule 3: patronymics ---------------------------------------------------

std::string patronymic_key(std::string_view word) {
  std::string_view base;
  for (std::string_view ending : {"ем", "ом", "а", "у", "е", ""}) {
    if (!strip(word, ending, base) || letter_count(base) < 5) continue;
    if (ends_with(base, "ович") || ends_with(base, "евич") || ends_with(base, "ич")) {
      return std::string(base);
    }
  }
  for (std::string_view ending : {"ою", "ой", "а", "ы", "е", "у"}) {
    if (!strip(word, ending, base) || letter_count(base) < 5) continue;
    if (ends_with(base, "овн") || ends_with(base, "евн") || ends_with(base, "ичн")) {
      return std::string(base) + "а";
    }
  }
  return {};
}

// ---- rule 4: adjectival ----------------------------------------------------

// Adjectival endings after "ск"/"цк", longest first, mapped to "ий".
constexpr std::array<std::string_view, 11> kAdjectivalEndings = {
    "ими", "ого", "ому", "ий", "ая", "ой", "ую", "им", "ом", "ие", "их"};

std::string adjectival_key(std::string_view word) {
  std::string_view base;
  for (std::string_view ending : kAdjectivalEndings) {
    if (!strip(word, ending, base)) continue;
    if ((ends_with(base, "ск") || ends_with(base, "цк")) && letter_count(base) >= 4) {
      return std::string(base) + "ий";
    }
  }
  return {};
}

// ---- rules 5 and 6: surnames in -ов/-ев/-ин/-ын, names in -ан/-ян -------------

// Case endings of -ов/-ев/-ин/-ын surnames (masculine, feminine and plural;
// petrovich-rules), longest first. The empty ending is the nominative.
constexpr std::array<std::string_view, 11> kSurnameEndings = {"ыми", "ым", "ом", "ой", "ою", "ых",
                                                              "а",   "у",  "е",  "ы",  ""};
constexpr std::array<std::string_view, 4> kSurnameSuffixes = {"ов", "ев", "ин", "ын"};

// Case endings of masculine names and feminine toponyms in -ан/-ян
// ("Ерлан", "Казахстан", "Астана"), longest first.
constexpr std::array<std::string_view, 8> kAnEndings = {"ом", "ой", "ою", "а", "у", "е", "ы", ""};
constexpr std::array<std::string_view, 2> kAnSuffixes = {"ан", "ян"};

// A base of at least two letters plus the two-letter name suffix.
constexpr std::size_t kMinKeyLetters = 4;

// Genitive plurals in -ов/-ев that start sentences as often as surnames do
// ("Городов-миллионников в стране 16"): they keep the Snowball stem, so that
// they meet "город", "города". Loanword noun suffixes (-ент, -ант, -ист, ...)
// never form surnames; the listed bases are frequent news nouns.
constexpr std::array<std::string_view, 7> kLoanNounPluralEndings = {
    "ентов", "антов", "истов", "ектов", "ессов", "ардов", "ертов"};
constexpr std::array<std::string_view, 40> kCommonPluralBases = {
    "город", "район",   "регион",   "вопрос",    "товар",    "дом",      "год",       "член",
    "вид",   "тип",     "факт",     "шаг",       "итог",     "срок",     "риск",      "налог",
    "закон", "банк",    "суд",      "завод",     "рынк",     "орган",    "ресурс",    "курс",
    "план",  "депутат", "кандидат", "результат", "министр",  "аэропорт", "миллион",   "доллар",
    "случа", "музе",    "участник", "сотрудник", "работник", "чиновник", "сторонник", "автобус"};

bool is_common_noun_plural(std::string_view word) {
  for (std::string_view ending : kLoanNounPluralEndings) {
    if (ends_with(word, ending)) return true;
  }
  std::string_view base;
  if (!strip(word, "ов", base) && !strip(word, "ев", base)) return false;
  for (std::string_view common : kCommonPluralBases) {
    if (equals(base, common)) return true;
  }
  return false;
}

std::string key_with_suffix(std::string_view word, const auto& endings, const auto& suffixes) {
  std::string_view base;
  for (std::string_view ending : endings) {
    if (!strip(word, ending, base) || letter_count(base) < kMinKeyLetters) continue;
    for (std::string_view suffix : suffixes) {
      if (ends_with(base, suffix)) return std::string(base);
    }
  }
  return {};
}

// ---- Kazakh suffixes on surnames ---------------------------------------------

// Kazakh case suffixes a surname in -ов/-ев/-ин (or feminine -ова...) takes,
// every harmony and assimilation variant, longest first; "" = nominative.
// Includes the spellings typed without Kazakh letters (-тын, -ка, -га).
constexpr std::array<std::string_view, 42> kKazakhCaseSuffixes = {
    "ның", "нің", "тың", "тің", "дың", "дің", "нын", "нин", "тын", "тин", "дын",
    "дин", "нан", "нен", "тан", "тен", "дан", "ден", "пен", "бен", "мен", "тай",
    "тей", "дай", "дей", "қа",  "ке",  "ға",  "ге",  "ка",  "га",  "ны",  "ні",
    "ты",  "ті",  "ды",  "ді",  "та",  "те",  "да",  "де",  ""};
constexpr std::array<std::string_view, 7> kKazakhPluralSuffixes = {"тар", "тер", "дар", "дер",
                                                                   "лар", "лер", ""};
constexpr std::array<std::string_view, 3> kKazakhSurnameSuffixes = {"ов", "ев", "ин"};

}  // namespace

std::string RussianNameNormalizer::name_key(std::string_view word) {
  if (const auto it = name_forms().find(word); it != name_forms().end()) {
    return it->second;
  }
  if (is_indeclinable(word)) return std::string(word);
  std::string key = patronymic_key(word);
  if (key.empty()) key = adjectival_key(word);
  if (key.empty() && !is_common_noun_plural(word)) {
    key = key_with_suffix(word, kSurnameEndings, kSurnameSuffixes);
  }
  if (key.empty()) key = key_with_suffix(word, kAnEndings, kAnSuffixes);
  return key;
}

std::string RussianNameNormalizer::kazakh_surname_key(std::string_view word) {
  std::string_view after_case;
  std::string_view after_plural;
  std::string_view base;
  for (std::string_view case_suffix : kKazakhCaseSuffixes) {
    if (!strip(word, case_suffix, after_case)) continue;
    for (std::string_view plural : kKazakhPluralSuffixes) {
      if (!strip(after_case, plural, after_plural)) continue;
      for (std::string_view feminine : {"а", ""}) {
        if (!strip(after_plural, feminine, base) || letter_count(base) < kMinKeyLetters) continue;
        for (std::string_view suffix : kKazakhSurnameSuffixes) {
          if (ends_with(base, suffix)) return std::string(base);
        }
      }
    }
  }
  return {};
}

std::string RussianNameNormalizer::stem(std::string_view word) const {
  std::string key = name_key(word);
  return key.empty() ? fallback_.stem(word) : key;
}

}  // namespace izdeu::analyzers
