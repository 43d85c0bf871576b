#pragma once
// Word lists for person recognition (data in person_name_lists.cpp and
// person_context_words.cpp). Every list is lower case, "ё" folded to "е",
// Kazakh letters folded as in NameWord::folded, words separated by white space.

#include <string_view>

namespace izdeu::analyzers {

/// Male first names in the nominative: Russian, Kazakh (as Russian text
/// spells them, which is also their folded Kazakh spelling: «Нұрсұлтан» ->
/// "нурсултан"), other peoples of the region and frequent foreign names.
std::string_view male_first_names();

/// Female first names in the nominative, same sources.
std::string_view female_first_names();

/// The most frequent of those (the lists above begin with them): the names
/// whose case forms the Russian name normalizer generates (first_names.h).
std::string_view common_male_first_names();
std::string_view common_female_first_names();

/// Frequent given names in Latin script, lower case (English, German,
/// French, Spanish, Italian...), for names quoted in the original spelling.
std::string_view latin_first_names();

/// Chinese and Korean surnames in their Russian spelling («Си Цзиньпин»,
/// «Пак Кын Хе»): the surname comes first and the given name follows as one
/// or two short capitalized words.
std::string_view east_asian_surnames();

/// Words for a position, rank or role that stand right before a name
/// («аким Есимов», «президент Обама», «әкім Сәдуақасов»), as stems: a word
/// matches when it starts with the stem and at most four letters follow
/// (case endings: «акима», «әкімі», «төрағасы», «председателя»).
std::string_view person_title_stems();

/// Capitalized words that are never part of a person name: countries,
/// cities, institutions, months, weekdays, pronouns... as stems: a word
/// matches when the rest after the stem is empty or a Russian noun ending
/// (а я у ю е и ы ь ой ей ом ем ия ии ию ией ью ах ам ами), after any Kazakh case
/// suffix is stripped.
std::string_view non_person_stems();

/// Lower-case particles inside foreign names («Людвиг ван Бетховен», «Шарль
/// де Голль», «Усама бин Ладен»).
std::string_view name_particles();

}  // namespace izdeu::analyzers
