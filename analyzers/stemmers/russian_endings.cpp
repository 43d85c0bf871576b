#include "analyzers/stemmers/russian_endings.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>

namespace izdeu::analyzers {
namespace {

// The endings Snowball's Russian stemmer removes, grouped by paradigm, as
// whole strings. The stemmer also drops a final "и" after any ending (its
// step 2), which is how «медиа» (an indeclinable loan) reaches the stem of
// «мёд»; here "и" + ending is an ending only where a real paradigm has it
// (the -ия/-ие/-ий nouns: «линия», «линии», «линией»).
constexpr std::array kNoun = {"",     "а",   "я",   "о",   "е",    "ы",   "и",   "у",  "ю",   "ь",
                              "й",    "ой",  "ей",  "ою",  "ею",   "ом",  "ем",  "ам", "ям",  "ами",
                              "ями",  "ах",  "ях",  "ов",  "ев",   "ью",  "ья",  "ьи", "ье",  "ьям",
                              "ьями", "ьях", "ьев", "ьей", "ьем",  "ия",  "ии",  "ию", "ией", "иею",
                              "ие",   "ий",  "ием", "иям", "иями", "иях", "иев", "ь"};
constexpr std::array kAdjective = {"ый", "ий",  "ой",  "ая",  "яя",  "ое", "ее", "ые",
                                   "ие", "ого", "его", "ому", "ему", "ым", "им", "ую",
                                   "юю", "ых",  "их",  "ыми", "ими", "ою", "ею", "ей",
                                   "ом", "ем",  "",    "а",   "о",   "ы",  "и"};
// Participle and superlative suffixes that come before an adjective ending.
constexpr std::array kBeforeAdjective = {"ем", "нн", "н",   "вш",  "ющ",  "ущ",  "ащ",
                                         "ящ", "щ",  "ивш", "ывш", "ующ", "ейш", "ейше"};
constexpr std::array kVerb = {
    "ть",  "ти", "чь",  "ю",   "у",   "ешь",  "ет",   "ем",   "ете", "ют",  "ут",  "ишь",
    "ит",  "им", "ите", "ят",  "ат",  "л",    "ла",   "ло",   "ли",  "й",   "йте", "н",
    "на",  "но", "ны",  "ила", "ыла", "ена",  "ейте", "уйте", "или", "ыли", "ей",  "уй",
    "ил",  "ыл", "ым",  "ен",  "ило", "ыло",  "ено",  "ует",  "уют", "ыт",  "ены", "ить",
    "ыть", "ую", "в",   "вши", "ив",  "ивши", "ыв",   "ывши", "ал",  "ала", "али", "ало"};
constexpr std::array kReflexive = {"", "ся", "сь"};
// Nouns in -ея/-ия/-ья/-ей/-ий (ассамблея, линия, семья, музей, гений): the
// stemmer may keep or drop the е/и/ь before the ending, so both readings
// count, with these endings only ("иа" is none of them).
constexpr std::array kAfterSoftVowel = {"я",  "и", "ю",  "ей", "ею", "е",  "ям", "ями",
                                        "ях", "й", "ев", "ем", "ий", "ие", "ию"};
constexpr std::array kSoftVowels = {"е", "и", "ь"};

std::set<std::string, std::less<>> build_endings() {
  std::set<std::string, std::less<>> endings;
  for (const char* ending : kNoun) endings.emplace(ending);
  for (const char* vowel : kSoftVowels) {
    for (const char* ending : kAfterSoftVowel) endings.emplace(std::string(vowel) + ending);
  }
  for (const char* ending : kAdjective) {
    endings.emplace(ending);
    for (const char* before : kBeforeAdjective) endings.emplace(std::string(before) + ending);
  }
  for (const char* ending : kVerb) {
    for (const char* reflexive : kReflexive) endings.emplace(std::string(ending) + reflexive);
  }
  return endings;
}

}  // namespace

bool is_russian_inflection(std::string_view stem, std::string_view form) {
  static const std::set<std::string, std::less<>> endings = build_endings();
  if (form.size() < stem.size() || form.substr(0, stem.size()) != stem) return false;
  return endings.count(form.substr(stem.size())) > 0;
}

}  // namespace izdeu::analyzers
