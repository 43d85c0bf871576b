#pragma once
// Text typed with the wrong keyboard layout active -> the text the user meant
// ("Fkvfns" -> "Алматы", "ghtpbltyn" -> "президент", "Ещлфум" -> "Tokaev").

#include <string>
#include <string_view>
#include <vector>

namespace izdeu::analyzers {

/// The three layouts a user in Kazakhstan switches between. All three share
/// the physical keys of a 101/102-key PC keyboard; keyboard_layout.cpp lists
/// what each key gives in each layout.
enum class KeyboardLayout {
  kLatin,    ///< US QWERTY
  kRussian,  ///< Russian ЙЦУКЕН (Windows "Russian", xkb "ru")
  /// Kazakh, RST KazSSR 903-90 (Windows "Kazakh", xkb "kz"): the ЙЦУКЕН letter
  /// rows, and ә і ң ғ ү ұ қ ө һ on the digit-row keys 2 3 4 5 8 9 0 - =.
  kKazakh,
};

/// `text` as it would have come out had the same keys been pressed with
/// `intended` active instead of `typed`. Shift is kept: "Fkvfns" (Latin) ->
/// "Алматы" (Russian); ")fpf0cnfy" (Latin) -> "Қазақстан" (Kazakh);
/// "Ещлфум" (Russian) -> "Tokaev" (Latin). A character is replaced only when
/// the replacement is a letter, or when it is a letter and `intended` is Latin
/// ("Ж" -> ":"); so spaces and punctuation stay as they are, and so do
/// digits except where the Kazakh layout has a letter on their key, and
/// anything the typed layout cannot produce. Invalid UTF-8 becomes U+FFFD.
std::string retype(std::string_view text, KeyboardLayout typed, KeyboardLayout intended);

/// One reading of a query typed on the wrong layout.
struct LayoutFix {
  KeyboardLayout typed = KeyboardLayout::kLatin;
  KeyboardLayout intended = KeyboardLayout::kRussian;
  std::string text;  ///< retype(query, typed, intended)
};

/// The plausible wrong-layout readings of `query`, most likely first:
///   * Latin letters (ASCII only) and no Cyrillic: Latin -> Russian, then
///     Latin -> Kazakh when that reading differs (the query uses a digit-row
///     key: "0fpf0cnfy" -> "қазақстан");
///   * Cyrillic letters and no Latin ones: Russian -> Latin ("Ещлфум" ->
///     "Tokaev"), and Russian -> Kazakh when a digit of a Kazakh-letter key
///     touches a Cyrillic letter ("0аза0стан" -> "қазақстан").
/// A reading with fewer letters than the query ("жез" -> ";tp": a letter
/// became punctuation) or with letters left in the typed script ("әдьфен" ->
/// "әlmaty": no Russian key gives ә) is left out: nobody meant to type it. Empty for queries with
/// no letters, with both scripts, with letters of other scripts (accented Latin such as "Öskemen"
/// is never a layout slip), or that no key changes. Deciding whether a reading is better than the
/// query as typed is the caller's job (the suggester compares matches).
std::vector<LayoutFix> layout_fixes(std::string_view query);

}  // namespace izdeu::analyzers
