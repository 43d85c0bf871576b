#include "analyzers/stemmers/russian_name_normalizer.h"

#include <array>
#include <utility>

namespace izdeu::analyzers {
namespace {

// All letters handled here are two-byte Cyrillic, so suffix tests can compare
// bytes; letters are counted as code points (lead bytes).
std::size_t letter_count(std::string_view word) {
  std::size_t count = 0;
  for (char c : word) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// First names whose oblique forms drop a vowel ("Лев" -> "Льва"); no suffix
// rule can restore it. Extend from petrovich-rules' firstname exceptions.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kFleetingVowelNames = {{
    {"льва", "лев"},
    {"льву", "лев"},
    {"львом", "лев"},
    {"льве", "лев"},
    {"павла", "павел"},
    {"павлу", "павел"},
    {"павлом", "павел"},
    {"павле", "павел"},
    {"петра", "петр"},
    {"петру", "петр"},
    {"петром", "петр"},
    {"петре", "петр"},
}};

// Adjectival endings after "ск"/"цк", longest first, mapped to "ий".
constexpr std::array<std::string_view, 11> kAdjectivalEndings = {
    "ими", "ого", "ому", "ий", "ая", "ой", "ую", "им", "ом", "ие", "их"};

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

std::string key_with_suffix(std::string_view word, const auto& endings, const auto& suffixes) {
  for (std::string_view ending : endings) {
    if (!word.ends_with(ending)) continue;
    const std::string_view base = word.substr(0, word.size() - ending.size());
    if (letter_count(base) < kMinKeyLetters) continue;
    for (std::string_view suffix : suffixes) {
      if (base.ends_with(suffix)) return std::string(base);
    }
  }
  return {};
}

}  // namespace

std::string RussianNameNormalizer::name_key(std::string_view word) {
  for (const auto& [form, name] : kFleetingVowelNames) {
    if (word == form) return std::string(name);
  }
  for (std::string_view ending : kAdjectivalEndings) {
    if (!word.ends_with(ending)) continue;
    const std::string_view base = word.substr(0, word.size() - ending.size());
    if ((base.ends_with("ск") || base.ends_with("цк")) && letter_count(base) >= 4) {
      return std::string(base) + "ий";
    }
  }
  std::string key = key_with_suffix(word, kSurnameEndings, kSurnameSuffixes);
  if (key.empty()) key = key_with_suffix(word, kAnEndings, kAnSuffixes);
  return key;
}

std::string RussianNameNormalizer::stem(std::string_view word) const {
  std::string key = name_key(word);
  return key.empty() ? fallback_.stem(word) : key;
}

}  // namespace izdeu::analyzers
