// Suffix allomorphs from language.md §2.2 (conditions) and §2.8 (the table
// "suffix : harmony : allowed last letter"), cut down to the nominal endings of
// the light stemmer. Protected words: the place names of language.md §6.
#include "analyzers/stemmers/kazakh_suffixes.h"

#include <algorithm>
#include <array>

namespace izdeu::analyzers::kazakh {
namespace {

constexpr Harmony B = Harmony::kBack;
constexpr Harmony F = Harmony::kFront;
constexpr Harmony A = Harmony::kAny;

constexpr std::uint8_t kGenitiveD = kGlide | kLateral | kSibilant;

// Sorted by length (longest first) so that "ндағы" is tried before "дағы" and "ғы".
constexpr std::array kCaseSuffixes = std::to_array<Suffix>({
    // locative-attributive "that is in": Алматыдағы, мектептегі, облысындағы
    {U"ндағы", B, kPx3, 2, true},
    {U"ндегі", F, kPx3, 2, true},
    {U"дағы", B, kVowel | kAnyVoiced},
    {U"дегі", F, kVowel | kAnyVoiced},
    {U"тағы", B, kVoiceless},
    {U"тегі", F, kVoiceless},
    // genitive
    {U"ның", B, kVowel | kNasal},
    {U"нің", F, kVowel | kNasal},
    {U"дың", B, kGenitiveD},
    {U"дің", F, kGenitiveD},
    {U"тың", B, kVoiceless},
    {U"тің", F, kVoiceless},
    // locative after a possessive
    {U"нда", B, kPx3, 2, true},
    {U"нде", F, kPx3, 2, true},
    // ablative
    {U"дан", B, kVowel | kGlide | kLateral | kSibilant},
    {U"ден", F, kVowel | kGlide | kLateral | kSibilant},
    {U"тан", B, kVoiceless},
    {U"тен", F, kVoiceless},
    {U"нан", B, kNasal | kPx3, 2, true},
    {U"нен", F, kNasal | kPx3, 2, true},
    // instrumental (no harmony: one vowel е for both)
    {U"мен", A, kVowel | kGlide | kLateral | kNasal},
    {U"бен", A, kSibilant},
    {U"пен", A, kVoiceless},
    // dative
    {U"ға", B, kVowel | kAnyVoiced},
    {U"ге", F, kVowel | kAnyVoiced},
    {U"қа", B, kVoiceless},
    {U"ке", F, kVoiceless},
    {U"на", B, kPx3, 2, true},
    {U"не", F, kPx3, 2, true},
    // accusative
    {U"ны", B, kVowel},
    {U"ні", F, kVowel},
    {U"ды", B, kGlide | kLateral | kNasal | kSibilant},
    {U"ді", F, kGlide | kLateral | kNasal | kSibilant},
    {U"ты", B, kVoiceless},
    {U"ті", F, kVoiceless},
    // locative
    {U"да", B, kVowel | kAnyVoiced},
    {U"де", F, kVowel | kAnyVoiced},
    {U"та", B, kVoiceless},
    {U"те", F, kVoiceless},
    // temporal adjective after a consonant (жылғы, бүгінгі, кешкі): derivational
    {U"ғы", B, kAnyVoiced, 2, false, true},
    {U"гі", F, kAnyVoiced, 2, false, true},
    {U"қы", B, kVoiceless, 2, false, true},
    {U"кі", F, kVoiceless, 2, false, true},
});

// 1sg/2sg -м/-ң/-ым/-ың are left alone: they collide with stem-final м/ң
// (адам). Bare 3rd-person -ы/-і is only stripped after a px3 case ending or
// fused with a plural (below): "Алматы" must not lose its -ы. After a vowel,
// three letters must remain so that "маңыз", "теңіз", "қымыз" survive.
constexpr std::array kPossessiveSuffixes = std::to_array<Suffix>({
    {U"ымыз", B, kGlide | kLateral | kNasal | kSibilant | kVoiced | kVoiceless},
    {U"іміз", F, kGlide | kLateral | kNasal | kSibilant | kVoiced | kVoiceless},
    {U"ыңыз", B, kGlide | kLateral | kNasal | kSibilant | kVoiced | kVoiceless},
    {U"іңіз", F, kGlide | kLateral | kNasal | kSibilant | kVoiced | kVoiceless},
    {U"мыз", B, kVowel, 3},
    {U"міз", F, kVowel, 3},
    {U"ңыз", B, kVowel, 3},
    {U"ңіз", F, kVowel, 3},
    {U"сы", B, kVowel, 3},
    {U"сі", F, kVowel, 3},
});

constexpr std::array kPluralSuffixes = std::to_array<Suffix>({
    // plural + 3rd-person possessive: шешімдері, облыстары
    {U"лары", B, kVowel | kGlide},
    {U"лері", F, kVowel | kGlide},
    {U"дары", B, kLateral | kNasal | kSibilant},
    {U"дері", F, kLateral | kNasal | kSibilant},
    {U"тары", B, kVoiceless},
    {U"тері", F, kVoiceless},
    {U"лар", B, kVowel | kGlide},
    {U"лер", F, kVowel | kGlide},
    {U"дар", B, kLateral | kNasal | kSibilant},
    {U"дер", F, kLateral | kNasal | kSibilant},
    {U"тар", B, kVoiceless},
    {U"тер", F, kVoiceless},
});

// The stemmer takes the first suffix that fits, so longer ones must come first.
constexpr bool longest_first(std::span<const Suffix> table) {
  for (std::size_t i = 1; i < table.size(); ++i) {
    if (table[i].text.size() > table[i - 1].text.size()) return false;
  }
  return true;
}
static_assert(longest_first(kCaseSuffixes));
static_assert(longest_first(kPossessiveSuffixes));
static_assert(longest_first(kPluralSuffixes));

// Sorted for binary search. Place names whose endings look like suffixes
// (Қызылор+да, Қараған+ды, Өске+мен, Павло+дар, Қазақс+тан) and the largest
// cities, lower case.
constexpr auto kProtected = [] {
  auto words = std::to_array<std::u32string_view>({
      U"абай",      U"ақмола",     U"ақтау",     U"ақтөбе",      U"алматы",    U"астана",
      U"атырау",    U"ауғанстан",  U"байқоңыр",  U"башқұртстан", U"дағыстан",  U"екібастұз",
      U"жезқазған", U"жетісу",     U"қазақстан", U"қарағанды",   U"қонаев",    U"қостанай",
      U"қызылорда", U"қырғызстан", U"көкшетау",  U"маңғыстау",   U"орал",      U"өзбекстан",
      U"өскемен",   U"павлодар",   U"пәкістан",  U"петропавл",   U"семей",     U"талдықорған",
      U"тараз",     U"татарстан",  U"тәжікстан", U"теміртау",    U"түркістан", U"түрікменстан",
      U"ұлытау",    U"үндістан",   U"шымкент",
  });
  std::sort(words.begin(), words.end());
  return words;
}();

}  // namespace

std::span<const Suffix> case_suffixes() { return kCaseSuffixes; }
std::span<const Suffix> possessive_suffixes() { return kPossessiveSuffixes; }
std::span<const Suffix> plural_suffixes() { return kPluralSuffixes; }

bool is_protected(std::u32string_view word) {
  return std::binary_search(kProtected.begin(), kProtected.end(), word);
}

}  // namespace izdeu::analyzers::kazakh
