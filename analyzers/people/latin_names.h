#pragma once
// Names written in Latin letters -> the folded Cyrillic spelling person keys
// use (NameWord::folded), so that «Qasym-Jomart Toqaev» in a Kazakh Latin
// article and «Tokayev» typed in a query reach the key "токаев".

#include <string>
#include <string_view>
#include <vector>

namespace izdeu::analyzers {

/// The folded Cyrillic spellings a folded Latin name word (lower case, as
/// NameWord::folded keeps it: «toqaev», «qaırat», «s'ymkent») may stand for,
/// most likely first; empty when the word has a letter that is neither
/// Latin nor a hyphen or apostrophe. Two readings are made and either may
/// come first; duplicates are dropped:
///   - English and informal romanization (the press: Tokayev, Nazarbayev,
///     Klara Khan, Yerlan, Kassym): digraphs shch sh ch zh kh ts, ye/ya/yu/yo
///     at a word start or after a vowel (е я ю е), y after a vowel -> й and
///     else ы, c -> к; plus the same with doubled consonants made single
///     («kassym» -> "касым");
///   - the Kazakh Latin alphabets of 2017 (apostrophes: s' -> ш, a' -> а),
///     2018 (acute accents, sh and ch) and 2021 (ş ç ğ ñ ä ö ü ū, ı/i):
///     y -> ы always, c -> ц.
/// In both, i and ı after a vowel and before a consonant or the end are й
/// (Qaırat, Abai -> "кайрат", "абай"), else и; q -> к, and the Kazakh
/// letters are folded as in NameWord::folded (ä -> а, ğ -> г, ñ -> н, ö ->
/// о, ū ü ý -> у, h -> х). language.md §1.2 has the alphabets.
std::vector<std::string> latin_name_readings(std::string_view folded_latin);

/// The Kazakh-alphabet reading alone (the second of the above): how a word
/// of an article written in Kazakh Latin is read.
std::string kazakh_latin_to_cyrillic(std::string_view folded_latin);

}  // namespace izdeu::analyzers
