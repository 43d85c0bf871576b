// Suffix allomorphs from language.md §2.2 (conditions), §2.4 (verb forms) and
// §2.8 (the table "suffix : harmony : allowed last letter"). Protected words:
// the place names of language.md §6, frequent names, function words and
// numerals. Elision: the closed list of language.md §2.1.
//
// Harmony classes: B = back (the stem's last vowel is а о ұ ы я ё), F = front
// (ә е ө ү і э), A = any (suffixes with one shape, such as -мен). Each
// back/front pair sits on adjacent lines.
#include "analyzers/stemmers/kazakh_suffixes.h"

#include <algorithm>
#include <array>
#include <utility>

namespace izdeu::analyzers::kazakh {
namespace {

constexpr Harmony B = Harmony::kBack;
constexpr Harmony F = Harmony::kFront;
constexpr Harmony A = Harmony::kAny;

constexpr std::uint8_t kGenitiveD = kGlide | kLateral | kSibilant;
constexpr std::uint8_t kAnyLetter = kVowel | kConsonant;

// Finite verb forms. Stems must keep 3 letters so that short nouns survive;
// "ды/ді" after a vowel is a past tense (an accusative after a vowel is -ны).
constexpr std::array kFiniteVerbSuffixes = std::to_array<Suffix>({
    // negative aorist 3rd person: бармайды, келмейді, жазбайды, айтпайды
    {U"майды", B, kVowel | kGlide | kLateral, 2},
    {U"мейді", F, kVowel | kGlide | kLateral, 2},
    {U"байды", B, kNasal | kSibilant, 2},
    {U"бейді", F, kNasal | kSibilant, 2},
    {U"пайды", B, kVoiceless, 2},
    {U"пейді", F, kVoiceless, 2},
    // imperfect participle, bare (болатын, келетін, жасайтын); here because
    // the accusative -н would otherwise cut it (болаты+н). After a consonant
    // only one-syllable stems: "үкіметін", "депутатын" are үкімет+і+н.
    {U"йтын", B, kVowel, 3},
    {U"йтін", F, kVowel, 3},
    {U"атын", B, kConsonant, 2, false, false, 1},
    {U"етін", F, kConsonant, 2, false, false, 1},
    // evidential past: барыпты, беріпті
    {U"ыпты", B, kConsonant, 2},
    {U"іпті", F, kConsonant, 2},
    // aorist 3rd person: болады, келеді; after a vowel -йды: жасайды, дейді
    {U"ады", B, kConsonant, 2},
    {U"еді", F, kConsonant, 2},
    {U"йды", B, kVowel, 2},
    {U"йді", F, kVowel, 2},
    // intention future: болмақ, өтпек (3 letters kept: "тамақ" is "food")
    {U"мақ", B, kVowel | kGlide | kLateral, 3},
    {U"мек", F, kVowel | kGlide | kLateral, 3},
    {U"пақ", B, kVoiceless, 3},
    {U"пек", F, kVoiceless, 3},
    // past after a vowel-final stem: мәлімдеді, жасады (after a consonant it
    // is the accusative's shape and the case layer strips it)
    {U"ды", B, kVowel, 3},
    {U"ді", F, kVowel, 3},
});

// 1sg and 1pl predicate endings; -сың/-сыз are left alone (-сыз is also the
// privative "without": тәуелсіз).
constexpr std::array kPredicateSuffixes = std::to_array<Suffix>({
    {U"мын", B, kVowel | kGlide | kLateral | kNasal, 3},
    {U"мін", F, kVowel | kGlide | kLateral | kNasal, 3},
    {U"бын", B, kNasal | kSibilant, 3},
    {U"бін", F, kNasal | kSibilant, 3},
    {U"пын", B, kVoiceless, 3},
    {U"пін", F, kVoiceless, 3},
    {U"быз", B, kNasal | kSibilant, 3},
    {U"біз", F, kNasal | kSibilant, 3},
    {U"пыз", B, kVoiceless, 3},
    {U"піз", F, kVoiceless, 3},
});

// Sorted by length (longest first) so that "ндағы" is tried before "дағы" and "ғы".
constexpr std::array kCaseSuffixes = std::to_array<Suffix>({
    // locative-attributive "that is in": Алматыдағы, мектептегі, облысындағы
    {U"ндағы", B, kPx3, 2, true},
    {U"ндегі", F, kPx3, 2, true},
    // instrumental, long form: адамменен
    {U"менен", A, kVowel | kGlide | kLateral | kNasal},
    {U"бенен", A, kSibilant},
    {U"пенен", A, kVoiceless},
    {U"дағы", B, kVowel | kAnyVoiced},
    {U"дегі", F, kVowel | kAnyVoiced},
    {U"тағы", B, kVoiceless},
    {U"тегі", F, kVoiceless},
    // genitive; after ы/і it may follow a possessive (президент+і+нің)
    {U"ның", B, kVowel | kNasal, 2, true},
    {U"нің", F, kVowel | kNasal, 2, true},
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
    {U"мен", A, kVowel | kGlide | kLateral | kNasal, 2, true},
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
    // 3 letters kept: "күні", "саны" are күн+і, сан+ы
    {U"ны", B, kVowel, 3, true},
    {U"ні", F, kVowel, 3, true},
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
    // accusative after a possessive: баласын, тілін (stems in -ын/-ін such as
    // "бүгін" are protected)
    {U"н", A, kPx3, 3, true},
});

// 1sg/2sg -м/-ң/-ым/-ың are left alone: they collide with stem-final м/ң
// (адам). After a vowel, three letters must remain so that "маңыз", "теңіз",
// "қымыз" survive.
constexpr std::array kPossessiveSuffixes = std::to_array<Suffix>({
    {U"ыңыздар", B, kConsonant},
    {U"іңіздер", F, kConsonant},
    {U"ңыздар", B, kVowel, 3},
    {U"ңіздер", F, kVowel, 3},
    {U"ымыз", B, kConsonant},
    {U"іміз", F, kConsonant},
    {U"ыңыз", B, kConsonant},
    {U"іңіз", F, kConsonant},
    {U"мыз", B, kVowel, 3},
    {U"міз", F, kVowel, 3},
    {U"ңыз", B, kVowel, 3},
    {U"ңіз", F, kVowel, 3},
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

// Participles and converbs, tried after the nominal layers.
constexpr std::array kParticipleSuffixes = std::to_array<Suffix>({
    // imperfect participle: болатын, келетін; after a vowel: жасайтын
    {U"йтын", B, kVowel, 3},
    {U"йтін", F, kVowel, 3},
    {U"атын", B, kConsonant, 2, false, false, 1},
    {U"етін", F, kConsonant, 2, false, false, 1},
    // past participle: болған, келген, айтқан, кеткен
    {U"ған", B, kVowel | kAnyVoiced, 2},
    {U"ген", F, kVowel | kAnyVoiced, 2},
    {U"қан", B, kVoiceless, 2},
    {U"кен", F, kVoiceless, 2},
    // converb: болып, келіп (bare -п after a vowel is left: "кітап")
    {U"ып", B, kConsonant, 2},
    {U"іп", F, kConsonant, 2},
});

// ---- Tables of readings(): deeper analyses that the vocabulary confirms ----

constexpr std::array kReadingPredicateSuffixes = std::to_array<Suffix>({
    {U"мын", B, kVowel | kGlide | kLateral | kNasal, 2},
    {U"мін", F, kVowel | kGlide | kLateral | kNasal, 2},
    {U"бын", B, kNasal | kSibilant, 2},
    {U"бін", F, kNasal | kSibilant, 2},
    {U"пын", B, kVoiceless, 2},
    {U"пін", F, kVoiceless, 2},
    {U"мыз", B, kVowel | kGlide | kLateral | kNasal, 2},
    {U"міз", F, kVowel | kGlide | kLateral | kNasal, 2},
    {U"быз", B, kNasal | kSibilant, 2},
    {U"біз", F, kNasal | kSibilant, 2},
    {U"пыз", B, kVoiceless, 2},
    {U"піз", F, kVoiceless, 2},
    // 2pl polite, mostly on aorist verbs (пайдаланасыз, қалайсыз)
    {U"сыз", B, kVowel, 3},
    {U"сіз", F, kVowel, 3},
});

constexpr std::array kReadingCaseSuffixes = std::to_array<Suffix>({
    {U"ндағы", B, kPx3, 2, true},
    {U"ндегі", F, kPx3, 2, true},
    {U"менен", A, kVowel | kGlide | kLateral | kNasal},
    {U"бенен", A, kSibilant},
    {U"пенен", A, kVoiceless},
    {U"дағы", B, kVowel | kAnyVoiced},
    {U"дегі", F, kVowel | kAnyVoiced},
    {U"тағы", B, kVoiceless},
    {U"тегі", F, kVoiceless},
    // similative "like" (баладай, хабарланғандай) and "according to" after a
    // possessive (пікірінше)
    {U"ндай", B, kPx3, 2, true},
    {U"ндей", F, kPx3, 2, true},
    {U"нша", B, kPx3, 2, true},
    {U"нше", F, kPx3, 2, true},
    {U"дай", B, kVowel | kAnyVoiced},
    {U"дей", F, kVowel | kAnyVoiced},
    {U"тай", B, kVoiceless},
    {U"тей", F, kVoiceless},
    {U"ның", B, kVowel | kNasal, 2, true},
    {U"нің", F, kVowel | kNasal, 2, true},
    {U"дың", B, kGenitiveD},
    {U"дің", F, kGenitiveD},
    {U"тың", B, kVoiceless},
    {U"тің", F, kVoiceless},
    {U"нда", B, kPx3, 2, true},
    {U"нде", F, kPx3, 2, true},
    {U"дан", B, kVowel | kGlide | kLateral | kSibilant},
    {U"ден", F, kVowel | kGlide | kLateral | kSibilant},
    {U"тан", B, kVoiceless},
    {U"тен", F, kVoiceless},
    {U"нан", B, kNasal | kPx3, 2, true},
    {U"нен", F, kNasal | kPx3, 2, true},
    {U"мен", A, kVowel | kGlide | kLateral | kNasal, 2, true},
    {U"бен", A, kSibilant},
    {U"пен", A, kVoiceless},
    {U"ға", B, kVowel | kAnyVoiced},
    {U"ге", F, kVowel | kAnyVoiced},
    {U"қа", B, kVoiceless},
    {U"ке", F, kVoiceless},
    {U"на", B, kPx3, 2, true},
    {U"не", F, kPx3, 2, true},
    {U"ны", B, kVowel, 2, true},
    {U"ні", F, kVowel, 2, true},
    {U"ды", B, kGlide | kLateral | kNasal | kSibilant},
    {U"ді", F, kGlide | kLateral | kNasal | kSibilant},
    {U"ты", B, kVoiceless},
    {U"ті", F, kVoiceless},
    {U"да", B, kVowel | kAnyVoiced},
    {U"де", F, kVowel | kAnyVoiced},
    {U"та", B, kVoiceless},
    {U"те", F, kVoiceless},
    {U"н", A, kPx3, 3, true},
});

constexpr std::array kReadingPossessiveSuffixes = std::to_array<Suffix>({
    {U"ыңыздар", B, kConsonant},
    {U"іңіздер", F, kConsonant},
    {U"ңыздар", B, kVowel, 3},
    {U"ңіздер", F, kVowel, 3},
    {U"ымыз", B, kConsonant},
    {U"іміз", F, kConsonant},
    {U"ыңыз", B, kConsonant},
    {U"іңіз", F, kConsonant},
    {U"мыз", B, kVowel, 3},
    {U"міз", F, kVowel, 3},
    {U"ңыз", B, kVowel, 3},
    {U"ңіз", F, kVowel, 3},
    {U"сы", B, kVowel, 2},
    {U"сі", F, kVowel, 2},
    {U"ы", B, kConsonant, 2},
    {U"і", F, kConsonant, 2},
});

constexpr std::array kReadingParticipleSuffixes = std::to_array<Suffix>({
    // participle + -дық, a fact noun that takes case (ұсынғандығын, бастағандықтан)
    {U"ғандық", B, kVowel | kAnyVoiced, 2},
    {U"гендік", F, kVowel | kAnyVoiced, 2},
    {U"қандық", B, kVoiceless, 2},
    {U"кендік", F, kVoiceless, 2},
    {U"йтын", B, kVowel, 2},
    {U"йтін", F, kVowel, 2},
    {U"атын", B, kConsonant, 2},
    {U"етін", F, kConsonant, 2},
    {U"ған", B, kVowel | kAnyVoiced, 2},
    {U"ген", F, kVowel | kAnyVoiced, 2},
    {U"қан", B, kVoiceless, 2},
    {U"кен", F, kVoiceless, 2},
});

constexpr std::array kReadingFiniteSuffixes = std::to_array<Suffix>({
    {U"ыпты", B, kConsonant, 2},
    {U"іпті", F, kConsonant, 2},
    {U"мақ", B, kVowel | kGlide | kLateral, 3},
    {U"мек", F, kVowel | kGlide | kLateral, 3},
    {U"бақ", B, kNasal | kSibilant, 3},
    {U"бек", F, kNasal | kSibilant, 3},
    {U"пақ", B, kVoiceless, 3},
    {U"пек", F, kVoiceless, 3},
    {U"пты", B, kVowel, 3},
    {U"пті", F, kVowel, 3},
    // aorist 3rd person and past with person endings
    {U"ады", B, kConsonant, 2},
    {U"еді", F, kConsonant, 2},
    {U"йды", B, kVowel, 2},
    {U"йді", F, kVowel, 2},
    {U"дым", B, kVowel | kAnyVoiced, 2},
    {U"дім", F, kVowel | kAnyVoiced, 2},
    {U"тым", B, kVoiceless, 2},
    {U"тім", F, kVoiceless, 2},
    {U"дық", B, kVowel | kAnyVoiced, 2},
    {U"дік", F, kVowel | kAnyVoiced, 2},
    {U"тық", B, kVoiceless, 2},
    {U"тік", F, kVoiceless, 2},
    // conditional with person (бастасақ, қарасаңыз is -са + -ңыз)
    {U"сақ", B, kAnyLetter, 2},
    {U"сек", F, kAnyLetter, 2},
    {U"сам", B, kAnyLetter, 2},
    {U"сем", F, kAnyLetter, 2},
    // past 3rd person: after a vowel or voiced consonant -ды, voiceless -ты
    {U"ды", B, kVowel | kAnyVoiced, 2},
    {U"ді", F, kVowel | kAnyVoiced, 2},
    {U"ты", B, kVoiceless, 2},
    {U"ті", F, kVoiceless, 2},
    {U"са", B, kAnyLetter, 2},
    {U"се", F, kAnyLetter, 2},
    // converb -ып/-іп, after a vowel -п (бастап, ойнап)
    {U"ып", B, kConsonant, 2},
    {U"іп", F, kConsonant, 2},
    {U"п", A, kVowel, 3},
    // converb / aorist stem -а/-е after a consonant, -й after a vowel
    // (ұсына, сақтай), also before predicate endings (пайдаланамын). Four
    // letters must remain after -а/-е: "қала", "көше", "жаза" are nouns,
    // not қал-, көш-, жаз- + converb.
    {U"а", B, kConsonant, 4},
    {U"е", F, kConsonant, 4},
    {U"й", A, kVowel, 3},
});

// The aorist -а/-е before a predicate ending, where a 3-letter verb stem is
// safe (біле+мін, келе+міз), unlike the bare converb above.
constexpr std::array kReadingAoristSuffixes = std::to_array<Suffix>({
    {U"а", B, kConsonant, 2},
    {U"е", F, kConsonant, 2},
});

constexpr std::array kReadingNegationSuffixes = std::to_array<Suffix>({
    {U"ма", B, kVowel | kGlide | kLateral, 2},
    {U"ме", F, kVowel | kGlide | kLateral, 2},
    {U"ба", B, kNasal | kSibilant, 2},
    {U"бе", F, kNasal | kSibilant, 2},
    {U"па", B, kVoiceless, 2},
    {U"пе", F, kVoiceless, 2},
});

// The stemmer takes the first suffix that fits, so longer ones must come first.
constexpr bool longest_first(std::span<const Suffix> table) {
  for (std::size_t i = 1; i < table.size(); ++i) {
    if (table[i].text.size() > table[i - 1].text.size()) return false;
  }
  return true;
}
static_assert(longest_first(kFiniteVerbSuffixes));
static_assert(longest_first(kPredicateSuffixes));
static_assert(longest_first(kCaseSuffixes));
static_assert(longest_first(kPossessiveSuffixes));
static_assert(longest_first(kPluralSuffixes));
static_assert(longest_first(kParticipleSuffixes));
static_assert(longest_first(kReadingPredicateSuffixes));
static_assert(longest_first(kReadingCaseSuffixes));
static_assert(longest_first(kReadingPossessiveSuffixes));
static_assert(longest_first(kReadingParticipleSuffixes));
static_assert(longest_first(kReadingFiniteSuffixes));
static_assert(longest_first(kReadingNegationSuffixes));

// Sorted for binary search, lower case.
constexpr auto kProtected = [] {
  auto words = std::to_array<std::u32string_view>({
      // place names whose endings look like suffixes (Қызылор+да, Қараған+ды,
      // Өске+мен, Павло+дар, Алмат+ы) and the largest cities
      U"абай",
      U"аудан",
      U"ақмола",
      U"ақсу",
      U"ақтау",
      U"ақтөбе",
      U"алматы",
      U"арал",
      U"астана",
      U"атырау",
      U"ауғанстан",
      U"байқоңыр",
      U"балқаш",
      U"башқұртстан",
      U"дағыстан",
      U"екібастұз",
      U"ертіс",
      U"есіл",
      U"жаңаөзен",
      U"жезқазған",
      U"жетісу",
      U"қазақстан",
      U"қарағанды",
      U"қонаев",
      U"қостанай",
      U"қызылорда",
      U"қырғызстан",
      U"қытай",
      U"көкшетау",
      U"маңғыстау",
      U"мәскеу",
      U"орал",
      U"өзбекстан",
      U"өскемен",
      U"павлодар",
      U"пәкістан",
      U"петропавл",
      U"ресей",
      U"семей",
      U"талдықорған",
      U"тараз",
      U"татарстан",
      U"тәжікстан",
      U"теміртау",
      U"түркістан",
      U"түрікменстан",
      U"ұлытау",
      U"үндістан",
      U"шымкент",
      // person names with suffix-like endings (Ер+мек, Ай+гүл+...)
      U"ермек",
      U"нұрсұлтан",
      // nouns in -ат/-ет that look like a one-syllable verb + -атын/-етін
      // (мақс+атын for мақсат+ы+н)
      U"мақсат",
      U"сағат",
      U"сенат",
      U"қуат",
      U"штат",
      // function words that look inflected (бас+қа, он+да, тө+мен, үш+і+н)
      U"алайда",
      U"арқылы",
      U"баға",
      U"басқа",
      U"бәрі",
      U"бұрын",
      U"деді",
      U"еді",
      U"әлі",
      U"әрі",
      U"ірі",
      U"міне",
      U"мына",
      U"осы",
      U"өйткені",
      U"елбасы",
      U"отбасы",
      U"теңге",
      U"бүтін",
      U"шағын",
      U"бері",
      U"бірге",
      U"дейін",
      U"енді",
      U"кейін",
      U"мүмкін",
      U"мұнда",
      U"онда",
      U"ондағы",
      U"оны",
      U"онымен",
      U"сияқты",
      U"сонда",
      U"тағы",
      U"тіпті",
      U"төмен",
      U"туралы",
      U"үшін",
      // numerals ending in -ы/-і
      U"алты",
      U"екі",
      U"жеті",
      // stems ending in -ын/-ін, which the accusative -н after a possessive
      // would cut (бүгі+н)
      U"ағын",
      U"ақын",
      U"алтын",
      U"бүгін",
      U"ерін",
      U"жақын",
      U"жиын",
      U"келін",
      U"қарын",
      U"қиын",
      U"қойын",
      U"мұрын",
      U"орын",
      U"отын",
      U"сайын",
      U"тегін",
      U"толқын",
      U"тұрғын",
      U"түйін",
      U"ұзын",
      U"шығын",
  });
  std::sort(words.begin(), words.end());
  return words;
}();

// A 256-bit filter over (length, first letter, last letter) of the protected
// words: most lookups (several per stemmed word) end here without a search.
constexpr std::size_t filter_bit(std::u32string_view word) {
  return (word.size() * 31 + static_cast<std::size_t>(word.front()) * 7 +
          static_cast<std::size_t>(word.back())) %
         256;
}
constexpr auto kProtectedFilter = [] {
  std::array<std::uint64_t, 4> bits{};
  for (std::u32string_view word : kProtected) {
    const std::size_t bit = filter_bit(word);
    bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  return bits;
}();

// Stems that drop their second-syllable vowel before a vowel-initial suffix
// (халық -> халқы), as (shortened, full). Sorted for binary search.
constexpr auto kElided = [] {
  auto pairs = std::to_array<std::pair<std::u32string_view, std::u32string_view>>({
      {U"ауз", U"ауыз"},
      {U"бөрк", U"бөрік"},
      {U"ерк", U"ерік"},
      {U"ерн", U"ерін"},
      {U"көрк", U"көрік"},
      {U"қарн", U"қарын"},
      {U"қойн", U"қойын"},
      {U"құлқ", U"құлық"},
      {U"мұрн", U"мұрын"},
      {U"нарқ", U"нарық"},
      {U"орн", U"орын"},
      {U"халқ", U"халық"},
      {U"ырқ", U"ырық"},
  });
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}();

}  // namespace

std::span<const Suffix> finite_verb_suffixes() { return kFiniteVerbSuffixes; }
std::span<const Suffix> predicate_suffixes() { return kPredicateSuffixes; }
std::span<const Suffix> case_suffixes() { return kCaseSuffixes; }
std::span<const Suffix> possessive_suffixes() { return kPossessiveSuffixes; }
std::span<const Suffix> plural_suffixes() { return kPluralSuffixes; }
std::span<const Suffix> participle_suffixes() { return kParticipleSuffixes; }
std::span<const Suffix> reading_predicate_suffixes() { return kReadingPredicateSuffixes; }
std::span<const Suffix> reading_case_suffixes() { return kReadingCaseSuffixes; }
std::span<const Suffix> reading_possessive_suffixes() { return kReadingPossessiveSuffixes; }
std::span<const Suffix> reading_participle_suffixes() { return kReadingParticipleSuffixes; }
std::span<const Suffix> reading_finite_suffixes() { return kReadingFiniteSuffixes; }
std::span<const Suffix> reading_negation_suffixes() { return kReadingNegationSuffixes; }
std::span<const Suffix> reading_aorist_suffixes() { return kReadingAoristSuffixes; }

bool is_protected(std::u32string_view word) {
  if (word.empty()) return false;
  const std::size_t bit = filter_bit(word);
  if ((kProtectedFilter[bit / 64] & (std::uint64_t{1} << (bit % 64))) == 0) return false;
  return std::binary_search(kProtected.begin(), kProtected.end(), word);
}

std::u32string_view restore_elided(std::u32string_view stem) {
  const auto it =
      std::lower_bound(kElided.begin(), kElided.end(), stem,
                       [](const auto& pair, std::u32string_view key) { return pair.first < key; });
  return it != kElided.end() && it->first == stem ? it->second : std::u32string_view();
}

}  // namespace izdeu::analyzers::kazakh
