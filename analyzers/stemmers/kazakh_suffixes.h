#pragma once
// The data of the Kazakh stemmer: suffix tables, protected words, the
// vowel-elision table.

#include <cstdint>
#include <span>
#include <string_view>

namespace izdeu::analyzers::kazakh {

/// Classes of the last letter of a stem, as bits; the allomorph a suffix
/// takes depends on it (language.md §2.2).
enum LetterClass : std::uint8_t {
  kVowel = 1 << 0,     ///< а ә е ё о ө ұ ү ы і э ю я
  kGlide = 1 << 1,     ///< р й у и (у and и are glides for allomorphy, §2.6)
  kLateral = 1 << 2,   ///< л
  kNasal = 1 << 3,     ///< м н ң
  kSibilant = 1 << 4,  ///< з ж
  kVoiced = 1 << 5,    ///< ғ (other voiced consonants end no native stem)
  kVoiceless = 1 << 6,  ///< п ф к қ т с ш щ х ц ч һ, and б в г д (devoiced at the end of loans)
  kPx3 = 1 << 7,  ///< the stem ends in ы or і: a 3rd-person possessive precedes
};

inline constexpr std::uint8_t kAnyVoiced = kGlide | kLateral | kNasal | kSibilant | kVoiced;
inline constexpr std::uint8_t kConsonant = kAnyVoiced | kVoiceless;

/// Which vowels the suffix allows as the last vowel of the stem (harmony).
enum class Harmony : std::uint8_t { kAny, kBack, kFront };

/// One suffix allomorph and the conditions under which it may be stripped.
struct Suffix {
  std::u32string_view text;
  Harmony harmony;
  std::uint8_t after;                 ///< LetterClass bits the stem's last letter must match
  std::uint8_t min_stem_letters = 2;  ///< letters that must remain
  bool needs_px3 = false;  ///< if the stem then ends in ы/і, that is a possessive: strip it
  bool final = false;      ///< derivational: stop stripping after it
  std::uint8_t max_stem_vowels = 0;  ///< if not 0, the stem may have at most this many vowels
};

/// Finite verb endings that no noun takes (-майды, -ады, -йды, vowel + -ды,
/// -ыпты, -мақ), tried on the whole word before the nominal layers.
std::span<const Suffix> finite_verb_suffixes();
/// Predicate person endings (1sg -мын, 1pl -быз/-пыз; not -сыз, §2.2).
std::span<const Suffix> predicate_suffixes();
/// Case endings, longest first (one is stripped).
std::span<const Suffix> case_suffixes();
/// Possessive endings that are safe to strip on their own, longest first.
/// The bare 3rd-person -ы/-і and -сы/-сі are decided in code (kazakh_stemmer.cpp).
std::span<const Suffix> possessive_suffixes();
/// Plural endings, also fused with a 3rd-person possessive, longest first.
std::span<const Suffix> plural_suffixes();
/// Participle and converb endings (-ған, -атын, -ып), tried on what the
/// nominal layers leave ("болғанын" -> "болған" -> "бол").
std::span<const Suffix> participle_suffixes();

/// Tables of the deeper analyses of KazakhStemmer::readings(), which the
/// vocabulary confirms before use (kazakh_lexicon.h); they may therefore be
/// bolder than the tables above. Each is longest first.
/// Predicate endings, adding 1pl -мыз and 2pl polite -сыз to the above.
std::span<const Suffix> reading_predicate_suffixes();
/// Case endings without the temporal -ғы (derivational), plus the similative
/// -дай and "according to" -нша after a possessive.
std::span<const Suffix> reading_case_suffixes();
/// Possessives, also the bare 3rd person -ы/-сы; not 1sg/2sg -ым/-м/-ың/-ң,
/// which nouns in -ым/-ім end in (білім, шешім, өлім: not біл-, шеш-, өл-).
std::span<const Suffix> reading_possessive_suffixes();
/// Participles, which nominal endings may follow (-ған, -атын, -ғандық).
std::span<const Suffix> reading_participle_suffixes();
/// Finite verb endings and converbs, after which only negation may be
/// stripped (-ады, -ды, -са, -ып, -а, -й, -мақ).
std::span<const Suffix> reading_finite_suffixes();
/// The aorist -а/-е, stripped only before a predicate ending (білемін).
std::span<const Suffix> reading_aorist_suffixes();
/// Negation -ма/-ба/-па, stripped only after a verb ending.
std::span<const Suffix> reading_negation_suffixes();

/// Words returned as they are, also under inflection: place and person names
/// that look inflected ("Қызылорда" is not "Қызылор" + locative), function
/// words and numerals ("үшін", "екі"), stems ending in -ын/-ін that the
/// accusative -н would cut ("бүгін", "тұрғын").
bool is_protected(std::u32string_view word);

/// For a stem that lost a vowel before a vowel-initial suffix ("халқ" of
/// "халқы"), the full stem ("халық"); otherwise empty.
std::u32string_view restore_elided(std::u32string_view stem);

}  // namespace izdeu::analyzers::kazakh
