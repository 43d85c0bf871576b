#include "corpus/query_builder.h"

#include <map>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/language_detector.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

using analyzers::Analyzer;
using analyzers::Language;
using analyzers::Token;

// Everything the analyzers read into the word at one query position.
struct QueryWord {
  std::set<std::string> exact;  // texts and single-word aliases
  std::set<std::string> stems;
  std::set<std::string> loose;
  std::map<std::string, std::uint32_t> compounds;  // joined form -> parts it spans
  bool stop_word = false;  // as the query's own language (the first analyzer) reads it
  bool read = false;       // some analyzer produced this word
};

struct Segment {
  std::string_view text;
  bool quoted = false;
};

bool fits(const std::string& term, std::string_view prefix = {}) {
  return !term.empty() && term.size() + prefix.size() <= schema::kMaxTermBytes;
}

// Opening and closing quote marks: U+0022 QUOTATION MARK (both), and
// U+00AB/U+00BB LEFT/RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK («»), which
// Russian and Kazakh keyboards type.
constexpr std::string_view kGuillemetOpen = "\u00ab";
constexpr std::string_view kGuillemetClose = "\u00bb";

// Splits the query into plain and quoted segments. A quote that is never
// closed does not start a phrase: the rest of the query stays plain words.
std::vector<Segment> split_quotes(std::string_view query) {
  std::vector<Segment> segments;
  std::size_t plain_begin = 0;
  std::size_t i = 0;
  while (i < query.size()) {
    std::size_t open_length = 0;
    std::string_view close;
    if (query[i] == '"') {
      open_length = 1;
      close = "\"";
    } else if (query.substr(i, kGuillemetOpen.size()) == kGuillemetOpen) {
      open_length = kGuillemetOpen.size();
      close = kGuillemetClose;
    }
    if (open_length == 0) {
      ++i;
      continue;
    }
    const std::size_t end = query.find(close, i + open_length);
    if (end == std::string_view::npos) break;
    segments.push_back({query.substr(plain_begin, i - plain_begin), false});
    segments.push_back({query.substr(i + open_length, end - i - open_length), true});
    i = end + close.size();
    plain_begin = i;
  }
  segments.push_back({query.substr(plain_begin), false});
  return segments;
}

// The words of `text` by position, merged over every analyzer's reading.
std::vector<QueryWord> analyze_words(std::string_view text,
                                     const std::vector<const Analyzer*>& analyzers) {
  std::map<std::uint32_t, QueryWord> by_position;
  for (const Analyzer* analyzer : analyzers) {
    for (const Token& token : analyzer->analyze(text)) {
      if (!fits(token.text)) continue;
      QueryWord& word = by_position[token.position];
      word.exact.insert(token.text);
      // Stop words follow the query's detected language: Russian «не» is a
      // negation and must stay, Kazakh «не» ("what") is a question word.
      if (!word.read) word.stop_word = token.stop_word;
      word.read = true;
      for (const analyzers::Alias& alias : token.aliases) {
        if (!fits(alias.text)) continue;
        if (alias.span <= 1) {
          word.exact.insert(alias.text);
        } else {
          word.compounds.emplace(alias.text, alias.span);
        }
      }
      for (std::string& stem : analyzer->query_stems(token)) {
        if (fits(stem, schema::kStemPrefix)) word.stems.insert(std::move(stem));
      }
      for (const std::string* key : {&token.loose, &token.loose_stem}) {
        if (fits(*key, schema::kLoosePrefix)) word.loose.insert(*key);
      }
    }
  }
  std::vector<QueryWord> words;
  for (auto& [position, word] : by_position) words.push_back(std::move(word));
  return words;
}

Xapian::Query any_of(const std::set<std::string>& terms, std::string_view prefix = {},
                     Xapian::Query::op op = Xapian::Query::OP_OR) {
  std::vector<Xapian::Query> queries;
  for (const std::string& term : terms) queries.emplace_back(std::string(prefix) + term);
  return Xapian::Query(op, queries.begin(), queries.end());
}

Xapian::Query word_query(const QueryWord& word) {
  Xapian::Query query = any_of(word.exact);
  if (!word.stems.empty()) {
    query = Xapian::Query(
        Xapian::Query::OP_OR, query,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                      any_of(word.stems, schema::kStemPrefix, Xapian::Query::OP_SYNONYM),
                      kStemWeight));
  }
  if (!word.loose.empty()) {
    query = Xapian::Query(
        Xapian::Query::OP_OR, query,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                      any_of(word.loose, schema::kLoosePrefix, Xapian::Query::OP_SYNONYM),
                      kLooseWeight));
  }
  return query;
}

Xapian::Query phrase(std::vector<QueryWord>::const_iterator begin,
                     std::vector<QueryWord>::const_iterator end) {
  std::vector<Xapian::Query> parts;
  for (auto it = begin; it != end; ++it) parts.push_back(any_of(it->exact));
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), parts.size());
}

void collect(const QueryWord& word, MatchTerms& terms) {
  terms.exact.insert(word.exact.begin(), word.exact.end());
  terms.stems.insert(word.stems.begin(), word.stems.end());
  terms.loose.insert(word.loose.begin(), word.loose.end());
  for (const auto& [joined, span] : word.compounds) terms.exact.insert(joined);
}

// Required subqueries of plain words. Stop words are left out unless they
// are all there is.
void add_plain_words(const std::vector<QueryWord>& words,
                     const std::vector<const Analyzer*>& analyzers,
                     std::vector<Xapian::Query>& required, MatchTerms& terms) {
  bool all_stop = true;
  for (const QueryWord& word : words) all_stop = all_stop && word.stop_word;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const QueryWord& word = words[i];
    if (word.stop_word && !all_stop) continue;
    collect(word, terms);
    // A compound ("Нур-Султан") matches its parts in any inflected form
    // ("Нур-Султане"), or the joined word read as a word of its own
    // ("Нурсултан", "Нурсултане"), whichever the article wrote.
    if (!word.compounds.empty()) {
      const auto& [joined, span] = *word.compounds.begin();
      if (i + span <= words.size()) {
        std::vector<Xapian::Query> parts;
        for (std::size_t k = i; k < i + span; ++k) {
          collect(words[k], terms);
          parts.push_back(word_query(words[k]));
        }
        Xapian::Query compound(Xapian::Query::OP_AND, parts.begin(), parts.end());
        for (const QueryWord& whole : analyze_words(joined, analyzers)) {
          collect(whole, terms);
          compound = Xapian::Query(Xapian::Query::OP_OR, compound, word_query(whole));
        }
        required.push_back(compound);
        i += span - 1;
        continue;
      }
    }
    required.push_back(word_query(word));
  }
}

}  // namespace

Result<BuiltQuery> build_query(const SearchRequest& request, const Xapian::Database*) {
  if (request.from && request.to && *request.to < *request.from) {
    return invalid_argument("date range is reversed: 'from' is after 'to'");
  }
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

  BuiltQuery built;
  std::vector<Xapian::Query> required;
  for (const Segment& segment : split_quotes(request.query)) {
    const std::vector<QueryWord> words = analyze_words(segment.text, analyzers);
    if (words.empty()) continue;
    if (segment.quoted) {
      for (const QueryWord& word : words)
        built.match_terms.exact.insert(word.exact.begin(), word.exact.end());
      required.push_back(phrase(words.begin(), words.end()));
    } else {
      add_plain_words(words, analyzers, required, built.match_terms);
    }
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
