#include "corpus/query/query_word.h"

#include <map>

#include "analyzers/question_words.h"
#include "corpus/query/query_builder.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

using analyzers::Analyzer;
using analyzers::Token;

// Terms of the index looked at per stem when gathering indexed forms. Stems
// are prefixes of their forms in both languages, so the forms come first.
constexpr std::size_t kMaxScannedTerms = 200;
// A stem this short (in characters) is the prefix of too many unrelated words.
constexpr std::size_t kMinExpandedStemChars = 3;

bool fits(const std::string& term, std::string_view prefix = {}) {
  return !term.empty() && term.size() + prefix.size() <= schema::kMaxTermBytes;
}

std::size_t count_chars(std::string_view text) {
  std::size_t chars = 0;
  for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars;
}

}  // namespace

std::vector<QueryWord> analyze_words(std::string_view text,
                                     const std::vector<const Analyzer*>& analyzers) {
  std::map<std::uint32_t, QueryWord> by_position;
  std::map<std::uint32_t, bool> read;
  for (const Analyzer* analyzer : analyzers) {
    for (const Token& token : analyzer->analyze(text)) {
      if (!fits(token.text)) continue;
      QueryWord& word = by_position[token.position];
      word.exact.insert(token.text);
      if (!read[token.position]) {
        // Function words follow the language the first analyzer read the word
        // as: Russian «не» is a negation and must stay, Kazakh «не» ("what")
        // is a question word.
        word.surface =
            std::string(text.substr(token.byte_begin, token.byte_end - token.byte_begin));
        word.byte_begin = token.byte_begin;
        word.byte_end = token.byte_end;
        word.function_word =
            token.stop_word || analyzers::is_question_word(token.text, token.language);
        read[token.position] = true;
      }
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

Xapian::Query any_of(const std::set<std::string>& terms, std::string_view prefix,
                     Xapian::Query::op op) {
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

Xapian::Query phrase_query(const std::vector<QueryWord>& words, std::string_view prefix) {
  std::vector<Xapian::Query> parts;
  for (const QueryWord& word : words) parts.push_back(any_of(word.exact, prefix));
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), parts.size());
}

std::set<std::string> indexed_forms(const Xapian::Database& database, std::string_view prefix,
                                    const QueryWord& word,
                                    const std::vector<const Analyzer*>& analyzers) {
  std::set<std::string> forms;
  for (const std::string& stem : word.stems) {
    if (count_chars(stem) < kMinExpandedStemChars) continue;
    const std::string start = std::string(prefix) + stem;
    std::size_t scanned = 0;
    for (auto it = database.allterms_begin(start);
         it != database.allterms_end(start) && scanned < kMaxScannedTerms; ++it, ++scanned) {
      const std::string term = *it;
      const std::string form = term.substr(prefix.size());
      if (word.exact.count(form) > 0 || forms.count(form) > 0) continue;
      // Keep the form only if some analyzer stems it to one of the word's stems
      // («токаевская» starts with «токаев» but is another word).
      bool same_word = false;
      for (const Analyzer* analyzer : analyzers) {
        const std::vector<Token> tokens = analyzer->analyze(form);
        if (tokens.size() != 1) continue;
        for (const std::string& form_stem : analyzer->query_stems(tokens.front())) {
          same_word = same_word || word.stems.count(form_stem) > 0;
        }
        if (same_word) break;
      }
      if (!same_word) continue;
      forms.insert(form);
      if (forms.size() >= kMaxIndexedForms) return forms;
    }
  }
  return forms;
}

void collect(const QueryWord& word, MatchTerms& terms) {
  terms.exact.insert(word.exact.begin(), word.exact.end());
  terms.stems.insert(word.stems.begin(), word.stems.end());
  terms.loose.insert(word.loose.begin(), word.loose.end());
  for (const auto& [joined, span] : word.compounds) terms.exact.insert(joined);
}

}  // namespace izdeu::corpus
