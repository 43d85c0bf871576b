#pragma once
// Stems for capitalized words: surnames, first names, patronymics, place names.

#include <string>
#include <string_view>

#include "analyzers/stemmers/stemmer.h"

namespace izdeu::analyzers {

/// Snowball Russian treats names as common nouns and verbs and splits their
/// forms apart: "токаев" -> "тока" but "токаева" -> "токаев", "казахстан" ->
/// "казахста" but "казахстане" -> "казахстан" (language.md §4.2). This stemmer
/// is meant for capitalized Russian words and gives each name one key
/// (language.md §4.5). name_key() tries, in this order:
///   1. first names from first_names.cpp in any case form, keyed by the
///      nominative: "клары", "кларой" -> "клара"; "марата" -> "марат";
///      "алексея" -> "алексей"; "марии" -> "мария"; fleeting vowels: "льва"
///      -> "лев", "павла" -> "павел";
///   2. indeclinable names kept whole: the list ("ли", "дюма", "шойгу"),
///      surnames in -ко ("шевченко", "кличко"), Georgian -швили/-дзе and
///      Kazakh -улы/-кызы patronymic surnames;
///   3. patronymics in every case, keyed by the nominative: "александровны"
///      -> "александровна"; "юзефовичем" -> "юзефович" (-ович/-евич/-ич,
///      -овна/-евна/-ична);
///   4. adjectival surnames and place adjectives: "-ский/-ская/-ского/..." ->
///      "...ский" ("-цкий" likewise);
///   5. surnames in -ов/-ев/-ин/-ын with a case ending: "токаева", "токаеву",
///      "токаевым", "токаевой" -> "токаев". A feminine nominative ("иванова")
///      and the masculine genitive fold to the same key, which search wants.
///      Not for genitive plurals of frequent common nouns ("городов",
///      "районов", "студентов"), which go to Snowball;
///   6. names and toponyms in -ан/-ян with a case ending: "казахстана",
///      "казахстане" -> "казахстан"; "ерлана", "ерланом" -> "ерлан";
///      "астаны" -> "астан";
///   7. otherwise no key: stem() falls back to Snowball Russian.
/// The surname rules keep at least two letters before the name suffix.
/// Surnames in -их/-ых (Черных) are left to Snowball: they never decline, so
/// the Snowball stem is consistent, while a whole-word rule would also catch
/// "Объединенных" (Наций) and split it from "объединенные".
///
/// Input is lower-case with "ё" folded. Thread-safe.
class RussianNameNormalizer : public Stemmer {
 public:
  /// `fallback` must outlive this object.
  explicit RussianNameNormalizer(const Stemmer& fallback) : fallback_(fallback) {}

  std::string stem(std::string_view word) const override;

  /// The name key of a Russian word if one of rules 1-6 applies, else empty.
  static std::string name_key(std::string_view word);

  /// The key of a Kazakh-language word that is a surname in -ов/-ев/-ин
  /// (feminine -ова/-ева/-ина) with an optional Kazakh plural and case suffix,
  /// else empty: "тоқаевтың", "тоқаевқа" -> "тоқаев"; "назарбаевқа" ->
  /// "назарбаев"; "абсеметованың" -> "абсеметов"; "путинге" -> "путин".
  /// The key is the Russian masculine nominative, so it meets the Russian
  /// forms ("Назарбаева" -> "назарбаев"). Kazakh letters are kept (the loose
  /// key equates "тоқаев" and "токаев").
  static std::string kazakh_surname_key(std::string_view word);

  /// The stemmer for words no name rule applies to.
  const Stemmer& fallback() const { return fallback_; }

 private:
  const Stemmer& fallback_;
};

}  // namespace izdeu::analyzers
