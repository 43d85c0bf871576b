#pragma once
// Stems for capitalized Russian words: surnames, first names, place names.

#include <string>
#include <string_view>

#include "analyzers/stemmers/stemmer.h"

namespace izdeu::analyzers {

/// Snowball Russian treats names as common nouns and verbs and splits their
/// forms apart: "токаев" -> "тока" but "токаева" -> "токаев", "казахстан" ->
/// "казахста" but "казахстане" -> "казахстан" (language.md §4.2). This stemmer
/// is meant for capitalized Russian words and gives each name one key
/// (language.md §4.5), in this order:
///   1. fleeting-vowel first names: "льва", "льву" -> "лев"; "павла" -> "павел";
///   2. adjectival surnames and place adjectives: "-ский/-ская/-ского/..." ->
///      "...ский" ("-цкий" likewise);
///   3. surnames in -ов/-ев/-ин/-ын with a case ending: "токаева", "токаеву",
///      "токаевым", "токаевой" -> "токаев". A feminine nominative ("иванова")
///      and the masculine genitive fold to the same key, which search wants;
///   4. names and toponyms in -ан/-ян with a case ending: "казахстана",
///      "казахстане" -> "казахстан"; "ерлана", "ерланом" -> "ерлан";
///      "астаны" -> "астан";
///   5. otherwise the fallback stemmer (Snowball Russian).
/// The key keeps at least two letters before the name suffix ("ов", "ан"...).
/// Input is lower-case with "ё" folded. Thread-safe.
class RussianNameNormalizer : public Stemmer {
 public:
  /// `fallback` must outlive this object.
  explicit RussianNameNormalizer(const Stemmer& fallback) : fallback_(fallback) {}

  std::string stem(std::string_view word) const override;

  /// The name key if one of rules 1-4 applies, empty otherwise.
  static std::string name_key(std::string_view word);

 private:
  const Stemmer& fallback_;
};

}  // namespace izdeu::analyzers
