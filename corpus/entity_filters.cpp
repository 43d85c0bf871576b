#include "corpus/entity_filters.h"

#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/entities/region_gazetteer.h"
#include "analyzers/stemmers/russian_name_normalizer.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

std::string prefixed(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term += value;
  return term;
}

// The analyzer's normalized form (case, ё/е, homoglyphs) of every word.
std::vector<std::string> normalized_words(std::string_view value) {
  std::vector<std::string> words;
  for (const auto& token : analyzers::analyzer_for(analyzers::Language::kRussian).analyze(value)) {
    words.push_back(token.text);
  }
  return words;
}

std::string joined_id(std::string_view value) {
  std::string id;
  for (const std::string& word : normalized_words(value)) id += (id.empty() ? "" : "-") + word;
  return id;
}

}  // namespace

std::string person_key_words(std::string_view value) {
  std::string key;
  for (const std::string& word : normalized_words(value)) {
    std::string name = analyzers::RussianNameNormalizer::name_key(word);
    if (name.empty()) name = analyzers::RussianNameNormalizer::kazakh_surname_key(word);
    key += (key.empty() ? "" : " ") + (name.empty() ? word : name);
  }
  return key;
}

Xapian::Query person_filter(std::string_view value) {
  std::vector<Xapian::Query> words;
  const std::string key = person_key_words(value);
  std::size_t begin = 0;
  while (begin < key.size()) {
    std::size_t end = key.find(' ', begin);
    if (end == std::string::npos) end = key.size();
    words.emplace_back(prefixed(schema::kPersonWordPrefix, key.substr(begin, end - begin)));
    begin = end + 1;
  }
  if (words.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
}

Xapian::Query region_filter(std::string_view value) {
  const std::string id =
      analyzers::RegionGazetteer::builtin().resolve(value).value_or(joined_id(value));
  if (id.empty()) return Xapian::Query();
  return Xapian::Query(prefixed(schema::kRegionPrefix, id));
}

Xapian::Query topic_filter(std::string_view value, const analyzers::TopicTaxonomy& taxonomy) {
  const std::string id = taxonomy.resolve(value).value_or(joined_id(value));
  if (id.empty()) return Xapian::Query();
  return Xapian::Query(prefixed(schema::kTopicPrefix, id));
}

Xapian::Query topic_filter(std::string_view value) {
  return topic_filter(value, analyzers::TopicTaxonomy::builtin());
}

}  // namespace izdeu::corpus
