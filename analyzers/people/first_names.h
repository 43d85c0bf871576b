#pragma once
// Name lists the Russian name normalizer consults (data in first_names.cpp).

#include <span>
#include <string_view>

namespace izdeu::analyzers {

/// The most frequent Kazakh and Russian first names as written in Russian text
/// (common_male_first_names() and common_female_first_names() of
/// person_name_lists.h, read once), in the nominative, lower case, "ё" folded. Their case forms are
/// generated from the ending (Клара -> клары, кларе, клару, кларой; Марат -> марата, маратом;
/// Алексей -> алексея; Мария -> марии). Female names ending in a consonant
/// (Айгерим, Жанар) do not decline; the generated forms are harmless.
std::span<const std::string_view> first_names();

/// Names with a fleeting vowel: {nominative, oblique base}. Лев -> льва,
/// льву...; Павел -> павла...; Любовь -> любви.
struct FleetingVowelName {
  std::string_view nominative;
  std::string_view oblique_base;
};
std::span<const FleetingVowelName> fleeting_vowel_names();

/// Indeclinable names and surnames that end like a declined Russian word
/// (Ли, Дюма, Гюго, Шойгу, Назерке): kept whole, never stripped.
std::span<const std::string_view> indeclinable_names();

}  // namespace izdeu::analyzers
