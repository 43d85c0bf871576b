#include "corpus/query_builder.h"

#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/language_detector.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

using analyzers::Analyzer;
using analyzers::Language;
using analyzers::Token;

// Stems match with half the weight of an exact form: both terms match a
// document that has the exact form, so it ranks above one with another form.
constexpr double kStemWeight = 0.5;

struct WordReadings {
  std::set<std::string> exact;
  std::set<std::string> stems;
};

// The readings of each query word under each analyzer. Every analyzer shares
// the tokenizer, so word i is the same span of the query for all of them.
std::vector<WordReadings> analyze_query(const std::string& text,
                                        const std::vector<const Analyzer*>& analyzers) {
  std::vector<WordReadings> words;
  for (const Analyzer* analyzer : analyzers) {
    const std::vector<Token> tokens = analyzer->analyze(text);
    if (words.empty()) words.resize(tokens.size());
    if (tokens.size() != words.size()) continue;  // defensive: keep the first reading
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].text.size() > schema::kMaxTermBytes) continue;
      words[i].exact.insert(tokens[i].text);
      for (std::string& stem : analyzer->query_stems(tokens[i])) {
        if (!stem.empty() && stem.size() <= schema::kMaxTermBytes) {
          words[i].stems.insert(std::move(stem));
        }
      }
    }
  }
  return words;
}

Xapian::Query word_query(const WordReadings& word) {
  std::vector<Xapian::Query> exact(word.exact.begin(), word.exact.end());
  Xapian::Query query(Xapian::Query::OP_OR, exact.begin(), exact.end());
  if (word.stems.empty()) return query;
  std::vector<Xapian::Query> stems;
  for (const std::string& stem : word.stems) {
    stems.emplace_back(std::string(schema::kStemPrefix) + stem);
  }
  Xapian::Query stem_query(Xapian::Query::OP_SYNONYM, stems.begin(), stems.end());
  return Xapian::Query(Xapian::Query::OP_OR, query,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, stem_query, kStemWeight));
}

}  // namespace

Result<BuiltQuery> build_query(const SearchRequest& request) {
  std::vector<const Analyzer*> analyzers;
  if (request.language) {
    analyzers.push_back(&analyzers::analyzer_for(*request.language));
  } else {
    // The query's own language first; the other reading only adds alternatives.
    const Language guess = analyzers::detect_language(request.query);
    const Language other = guess == Language::kKazakh ? Language::kRussian : Language::kKazakh;
    analyzers.push_back(&analyzers::analyzer_for(guess));
    analyzers.push_back(&analyzers::analyzer_for(other));
  }
  const std::vector<WordReadings> words = analyze_query(request.query, analyzers);
  if (words.empty()) return invalid_argument("query has no words to search for");
  if (request.from && request.to && *request.to < *request.from) {
    return invalid_argument("date range is reversed: 'from' is after 'to'");
  }

  BuiltQuery built;
  std::vector<Xapian::Query> required;
  for (const WordReadings& word : words) {
    if (word.exact.empty()) continue;
    required.push_back(word_query(word));
    built.match_terms.exact.insert(word.exact.begin(), word.exact.end());
    built.match_terms.stems.insert(word.stems.begin(), word.stems.end());
  }
  if (required.empty()) return invalid_argument("query has no words to search for");
  Xapian::Query query(Xapian::Query::OP_AND, required.begin(), required.end());

  if (request.language) {
    const std::string term =
        std::string(schema::kLanguagePrefix) + std::string(analyzers::to_code(*request.language));
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(term));
  }
  if (request.from || request.to) {
    // YYYYMMDD strings sort like the dates they encode.
    const std::string low = request.from ? request.from->to_yyyymmdd() : "00000000";
    const std::string high = request.to ? request.to->to_yyyymmdd() : "99999999";
    query =
        Xapian::Query(Xapian::Query::OP_FILTER, query,
                      Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, low, high));
  }
  built.query = std::move(query);
  return built;
}

}  // namespace izdeu::corpus
