#include "corpus/query/entity_filters.h"

#include <algorithm>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/gazetteers/region_gazetteer.h"
#include "analyzers/people/person_query.h"
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

// "к." of "клара": the first letter (a whole UTF-8 sequence) and a dot.
std::string initial_of(std::string_view word) {
  std::size_t n = 1;
  while (n < word.size() && (static_cast<unsigned char>(word[n]) & 0xC0) == 0x80) ++n;
  return std::string(word.substr(0, std::min(n, word.size()))) + ".";
}

std::string joined_id(std::string_view value) {
  std::string id;
  for (const std::string& word : normalized_words(value)) id += (id.empty() ? "" : "-") + word;
  return id;
}

}  // namespace

std::vector<std::string> split_key_words(std::string_view key) {
  std::vector<std::string> words;
  std::size_t begin = 0;
  while (begin < key.size()) {
    std::size_t end = key.find(' ', begin);
    if (end == std::string_view::npos) end = key.size();
    if (end > begin) words.emplace_back(key.substr(begin, end - begin));
    begin = end + 1;
  }
  return words;
}

std::string person_key_words(std::string_view value) {
  std::string key;
  for (const auto& word : analyzers::person_query_words(value)) {
    if (!key.empty()) key += ' ';
    key += word.primary;
  }
  return key;
}

Xapian::Query person_filter(std::string_view value) {
  std::vector<Xapian::Query> words;
  for (const auto& word : analyzers::person_query_words(value)) {
    std::vector<Xapian::Query> readings;
    for (const std::string& alternative : word.alternatives) {
      readings.emplace_back(prefixed(schema::kPersonWordPrefix, alternative));
    }
    if (word.given) {
      // «Клара» also finds «хан к. а.»: an article that gave only initials.
      readings.emplace_back(prefixed(schema::kPersonWordPrefix, initial_of(word.primary)));
    }
    if (word.initial) {
      // «Л.» also stands for Леонид: any key word starting with the letter.
      const std::string letter = word.primary.substr(0, word.primary.size() - 1);
      readings.emplace_back(Xapian::Query::OP_WILDCARD,
                            prefixed(schema::kPersonWordPrefix, letter));
    }
    words.emplace_back(Xapian::Query::OP_OR, readings.begin(), readings.end());
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
