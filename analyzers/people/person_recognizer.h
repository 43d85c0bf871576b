#pragma once
// Person-name recognition in Kazakh and Russian news text (rules and word
// lists only, no statistical model).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/language.h"

namespace izdeu::analyzers {

/// One mention of a person in a text.
///
/// The canonical key names the person, not the mention: every case form and
/// word order of a name folds to one key, so «Хан Клары Александровны», «Клара
/// Хан», «К. А. Хан» and a later bare «Хан» in the same article all carry
/// "хан клара александровна". The key is built as follows:
///   - word order: surname, first name, patronymic; missing parts are left
///     out ("путин" for a bare surname); a first name, or first name and
///     patronymic, with no surname anywhere in the article names no one an
///     analyst can count: its mention is returned with an empty key
///     (callers that count people skip it);
///   - an article in Kazakh Latin letters is read through the Cyrillic
///     spelling of its words, so «Qasym-Jomart Toqaev» -> "токаев
///     касым-жомарт" (latin_names.h);
///   - every word in the nominative: «Тоқаевтың» -> "токаев", «Назарбаевой» ->
///     "назарбаева" (feminine surnames stay feminine when the first name,
///     patronymic or ending shows the gender), «Юзефовича» -> "юзефович";
///   - lower case, ё -> е, and the Kazakh letters folded to the Russian
///     letters that spell them in Russian text (ә->а, ғ->г, қ->к, ң->н, ө->о,
///     ұ->у, ү->у, һ->х, і->и), so Kazakh and Russian articles about one person
///     share a key: «Қасым-Жомарт Тоқаев» and «Касым-Жомарт Токаев» ->
///     "токаев касым-жомарт";
///   - an initial standing for an unknown first name or patronymic is kept as
///     the letter and a dot: «Гирш Л. Ю.» with no full name in the article ->
///     "гирш л. ю.";
///   - words are separated by one space; a key never contains '|', ':' or
///     control characters.
/// Within one text, mentions that can be the same person are merged and all
/// take the fullest key: a surname (or surname and initials) attaches to the
/// full name with that surname, a bare first name or first name and
/// patronymic attaches to the only person with that first name.
struct PersonMention {
  std::string key;             ///< canonical key, see above; empty for a first name alone
  std::string surface;         ///< the mention as it appears in the text (title excluded)
  std::size_t byte_begin = 0;  ///< offset of the first byte of the mention in the input
  std::size_t byte_end = 0;    ///< offset one past its last byte
  /// The parts of `key` (each empty when unknown): surname, first name (or
  /// an initial "л."), patronymic (or an initial, or a Kazakh "-улы/-кызы").
  std::string surname;
  std::string first_name;
  std::string patronymic;
};

/// All person mentions in `text` (a whole article: title + "\n\n" + body), in
/// text order and never overlapping. What counts as a mention:
///   - first name and surname in either order, with an optional patronymic
///     between or after («Юрия Лужкова», «Гирш Леонида Юзефовича», «Нұрсұлтан
///     Әбішұлы Назарбаев»), in any Russian case or with Kazakh case endings;
///   - initials before or after a surname («Л.Ю. Гирш», «Гирш Л. Ю.»);
///   - a surname alone when its form says so (-ов/-ев/-ин/-ский..., with
///     Russian or Kazakh endings: «Тоқаевтың», «Назарбаевқа»), or when a
///     title or position stands before it (аким, депутат, председатель, әкім,
///     төраға, президент...), or when the article names the person in full
///     elsewhere;
///   - a first name with a patronymic («Борис Николаевич»), and a bare first
///     name that is not at the start of a sentence.
/// The title itself is not part of the mention. `language` selects the
/// suffix rules (Kazakh case endings for kKazakh); Russian names in Kazakh
/// text and the reverse are still found. Invalid UTF-8 never fails: the bad
/// bytes just end words. Thread-safe.
std::vector<PersonMention> find_people(std::string_view text, Language language);

}  // namespace izdeu::analyzers
