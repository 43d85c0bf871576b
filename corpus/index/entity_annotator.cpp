#include "corpus/index/entity_annotator.h"

#include <algorithm>

#include "analyzers/analyzer.h"
#include "analyzers/people/person_recognizer.h"

namespace izdeu::corpus {
namespace {

// A region named in the title outweighs one named in passing in the body.
constexpr std::size_t kTitleMentionWeight = 3;

// Counts mentions per canonical key; most mentioned first, ties in order of
// first mention.
void annotate_people(Article& article) {
  article.people.clear();
  for (const analyzers::PersonMention& mention :
       analyzers::find_people(article.title + "\n\n" + article.body, article.language)) {
    if (mention.key.empty()) continue;  // a first name alone is no person key
    const auto found = std::find_if(article.people.begin(), article.people.end(),
                                    [&](const PersonRef& p) { return p.key == mention.key; });
    if (found == article.people.end()) {
      article.people.push_back({mention.key, 1});
    } else {
      ++found->mentions;
    }
  }
  std::stable_sort(article.people.begin(), article.people.end(),
                   [](const PersonRef& a, const PersonRef& b) { return a.mentions > b.mentions; });
}

}  // namespace

void annotate_entities(Article& article, const analyzers::TopicTaxonomy& taxonomy,
                       const analyzers::RegionGazetteer& gazetteer) {
  const analyzers::Analyzer& analyzer = analyzers::analyzer_for(article.language);
  annotate_entities(article, analyzer.analyze(article.title), analyzer.analyze(article.body),
                    taxonomy, gazetteer);
}

void annotate_entities(Article& article, std::span<const analyzers::Token> title,
                       std::span<const analyzers::Token> body,
                       const analyzers::TopicTaxonomy& taxonomy,
                       const analyzers::RegionGazetteer& gazetteer) {
  struct Tally {
    std::string id;
    std::size_t weight = 0;
    std::size_t first = 0;  // order of first mention, title before body
  };
  std::vector<Tally> tallies;
  std::size_t order = 0;
  const auto count = [&](std::string_view text, std::span<const analyzers::Token> tokens,
                         std::size_t weight) {
    for (const analyzers::RegionMention& mention : gazetteer.find(text, tokens)) {
      const auto found = std::find_if(tallies.begin(), tallies.end(),
                                      [&](const Tally& t) { return t.id == mention.region->id; });
      if (found == tallies.end()) {
        tallies.push_back({mention.region->id, weight, order++});
      } else {
        found->weight += weight;
      }
    }
  };
  count(article.title, title, kTitleMentionWeight);
  count(article.body, body, 1);
  std::stable_sort(tallies.begin(), tallies.end(), [](const Tally& a, const Tally& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.first < b.first;
  });
  article.regions.clear();
  for (Tally& tally : tallies) article.regions.push_back(std::move(tally.id));

  article.topics = taxonomy.tag(title, body);
  annotate_people(article);
}

}  // namespace izdeu::corpus
