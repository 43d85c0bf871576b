#pragma once
// person:, region: and topic: values as users type them -> boolean filter
// queries over the entity terms of schema.h. Shared by the query language and
// the person/region/topic request parameters, so both resolve names alike.

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/gazetteers/topic_taxonomy.h"

namespace izdeu::corpus {

/// Articles that mention the person: every word of `value`, in any case form
/// and in either script, must be a word of one of the article's person keys
/// («Токаева», «Тоқаевтың», «Клара Хан» and «хан клара александровна» all
/// work). A typed word matches any key word it may stand for (analyzers::
/// person_query_words: «Токаева» is "токаев" or "токаева"); an initial
/// («Л.») also matches any key word starting with its letter, and a first
/// name or patronymic also matches its initial («Клара Хан» finds «хан к.
/// а.», which an article that gave only initials carries). The words may
/// be spread over several people of one article. Xapian::Query() (matches
/// nothing) when `value` has no words.
Xapian::Query person_filter(std::string_view value);

/// Articles tagged with the region `value` names: a region id or any of its
/// names, current or former, its centre, towns and districts, in any case
/// form, language or script («Семипалатинск», «Алматы облысында», «Oskemen»,
/// «ВКО»; analyzers::RegionGazetteer::resolve). A value the gazetteer does
/// not know is taken as an id (its words joined by '-'), so it matches
/// nothing unless an article was tagged with it.
Xapian::Query region_filter(std::string_view value);

/// Articles tagged with the topic `value` names: a topic id, or one of its
/// labels or aliases in any case form (analyzers::TopicTaxonomy::resolve over
/// `taxonomy`, which should be the one the index was tagged with). An unknown
/// value is taken as an id, like region_filter.
Xapian::Query topic_filter(std::string_view value, const analyzers::TopicTaxonomy& taxonomy);
/// topic_filter over the built-in taxonomy.
Xapian::Query topic_filter(std::string_view value);

/// The words of a person key (separated by single spaces), in order.
std::vector<std::string> split_key_words(std::string_view key);

/// The canonical key words of a person name as typed, most likely reading of
/// each word, in key order (surname, first name, patronymic): nominative,
/// lower case, ё→е, Kazakh letters folded like the keys («Клары Хан» -> "хан
/// клара"; «Тоқаевтың» -> "токаев"). Exposed for tests and for the people API.
std::string person_key_words(std::string_view value);

}  // namespace izdeu::corpus
