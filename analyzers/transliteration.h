#pragma once
// The cross-script loose key: one lower-case ASCII spelling shared by a word's
// Kazakh Cyrillic, Russian Cyrillic and Latin (2017, 2018, 2021, BGN,
// informal, English-press) spellings. language.md §1, §7.2, Appendix A.2.

#include <string>
#include <string_view>

namespace izdeu::analyzers {

/// The loose key of one word: lower-case ASCII letters and digits, or empty
/// when the word has no letters to key (numbers, punctuation, other scripts).
///
///   Тоқаев Токаев Tokayev Toqaev Tokaiev Tokaev        -> "tokaev"
///   Өскемен Öskemen Óskemen O'skemen Oskemen           -> "oskemen"
///   Шымкент Shymkent Şymkent S'ymkent                  -> "shimkent"
///   Жезқазған Джезказган Zhezkazgan Jezqazğan          -> "jezkazgan"
///   Қазақстан Qazaqstan Kazakstan                      -> "kazakstan"
///   Казахстан Kazakhstan                               -> "kazahstan" (a different name)
///
/// It folds the Kazakh letters into their Russian look-alikes (қ=к, ң=н, ә=а,
/// ө=о, ұ=ү=у, і=и, ғ=г, һ=х), so minimal pairs merge (сөз = соз): it is meant
/// for a low-weight alternative term, never for the exact or stem term. The
/// rules are in transliteration.cpp; the same key comes out whatever the case
/// or Unicode normalization form of the input, but callers normally pass
/// Token::text (already NFKC case-folded).
///
/// Fast: words made only of ASCII and Russian/Kazakh Cyrillic letters (nearly
/// all words) are keyed by a table; the rest go through an ICU transliterator
/// (one per thread). Thread-safe.
std::string loose_key(std::string_view word);

/// loose_key() computed by the ICU rules alone, never by the table. Slow; it
/// exists so that tests can check that the table agrees with the rules.
std::string loose_key_icu(std::string_view word);

/// True when `normalized_word` (a Token::text) is written in Latin letters and
/// has no Cyrillic ones: "tokayev", "öskemen", "o'skemen", "covid19"; false
/// for "токаев", numbers and other scripts. The query side uses it to decide
/// that a Latin query word should also be matched through the loose keys,
/// since the text it looks for is most likely in Cyrillic.
bool is_latin_word(std::string_view normalized_word);

}  // namespace izdeu::analyzers
