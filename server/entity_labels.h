#pragma once
// Display labels for entity ids in API responses: the one place that turns a
// region id, topic id or person key into what a reader sees. Regions and
// topics get {"ru","kk"} names; until the gazetteer and taxonomy are wired in
// here, the name is the id itself.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace izdeu::server {

/// {"ru": name, "kk": name} of a gazetteer region id.
nlohmann::json region_label(std::string_view id);

/// {"ru": name, "kk": name} of a taxonomy topic id.
nlohmann::json topic_label(std::string_view id);

/// A person key («токаев касым-жомарт кемелевич») as a name to display:
/// every word and every hyphenated part capitalized («Токаев Касым-Жомарт
/// Кемелевич»), Cyrillic (Kazakh letters included) and Latin alike.
std::string person_display_name(std::string_view key);

}  // namespace izdeu::server
