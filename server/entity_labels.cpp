#include "server/entity_labels.h"

#include "analyzers/gazetteers/region_gazetteer.h"
#include "analyzers/gazetteers/topic_taxonomy.h"
#include "corpus/suggest/suggester.h"

namespace izdeu::server {
namespace {

nlohmann::json labels(std::string_view ru, std::string_view kk, std::string_view fallback) {
  return {{"ru", std::string(ru.empty() ? fallback : ru)},
          {"kk", std::string(kk.empty() ? fallback : kk)}};
}

}  // namespace

// The built-in gazetteer and taxonomy name what they know; an id they do not
// know (an index made with another taxonomy file) is shown as itself.
nlohmann::json region_label(std::string_view id) {
  const analyzers::Region* region = analyzers::RegionGazetteer::builtin().region(id);
  return region ? labels(region->name.ru, region->name.kk, id) : labels({}, {}, id);
}

nlohmann::json topic_label(std::string_view id) {
  const analyzers::Topic* topic = analyzers::TopicTaxonomy::builtin().topic(id);
  return topic ? labels(topic->ru, topic->kk, id) : labels({}, {}, id);
}

std::string person_display_name(std::string_view key) { return corpus::person_display_name(key); }

}  // namespace izdeu::server
