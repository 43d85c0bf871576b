// Name lists for the Russian name normalizer. The first names themselves are
// the person recognizer's most frequent ones (person_name_lists.cpp), so each
// name is written once; this file adds what declension alone needs.
//
// Provenance: written by hand for izdeu. Lower case, "ё" folded to "е",
// nominative.
#include "analyzers/people/first_names.h"

#include <vector>

#include "analyzers/people/person_name_lists.h"
#include "analyzers/word_list.h"

namespace izdeu::analyzers {
namespace {

constexpr FleetingVowelName kFleetingVowelNames[] = {
    {"лев", "льв"},
    {"павел", "павл"},
    {"любовь", "любв"},
};

constexpr std::string_view kIndeclinableNames[] = {
    "ли",      "дюма",  "гюго", "золя", "шойгу", "гарсия",
    "назерке", "сауле", "абэ",  "моне", "гете",  "верди",
};

}  // namespace

std::span<const std::string_view> first_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (std::string_view list : {common_male_first_names(), common_female_first_names()}) {
      for_each_word(list, [&](std::string_view name) { out.push_back(name); });
    }
    return out;
  }();
  return names;
}
std::span<const FleetingVowelName> fleeting_vowel_names() { return kFleetingVowelNames; }
std::span<const std::string_view> indeclinable_names() { return kIndeclinableNames; }

}  // namespace izdeu::analyzers
