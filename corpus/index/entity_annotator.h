#pragma once
// Index-time entity tagging: which people and regions an article names and
// which topics it is about, from the analyzers' person recognizer, gazetteer
// and topic taxonomy.

#include <span>

#include "analyzers/gazetteers/region_gazetteer.h"
#include "analyzers/gazetteers/topic_taxonomy.h"
#include "corpus/article.h"

namespace izdeu::corpus {

/// Replaces article.people, article.regions and article.topics with what the
/// title and body show: the person recognizer's canonical keys with their
/// mention counts, most mentioned first (find_people over title + "\n\n" +
/// body, the text the mentions export reads too); the gazetteer's region ids,
/// most mentioned first (a title mention counts three times; ties in order of
/// first mention); and the taxonomy's topic ids (TopicTaxonomy::tag). Analyzes
/// the text once, in article.language, for regions and topics.
void annotate_entities(
    Article& article,
    const analyzers::TopicTaxonomy& taxonomy = analyzers::TopicTaxonomy::builtin(),
    const analyzers::RegionGazetteer& gazetteer = analyzers::RegionGazetteer::builtin());

/// The same over the title and body already analyzed with
/// analyzer_for(article.language), for a caller that has the tokens anyway
/// (prepare_document() does): analysis is most of the cost.
void annotate_entities(Article& article, std::span<const analyzers::Token> title,
                       std::span<const analyzers::Token> body,
                       const analyzers::TopicTaxonomy& taxonomy,
                       const analyzers::RegionGazetteer& gazetteer);

}  // namespace izdeu::corpus
