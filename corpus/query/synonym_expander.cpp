#include "corpus/query/synonym_expander.h"

#include <algorithm>

#include "analyzers/analyzer.h"
#include "analyzers/gazetteers/phrase_matcher.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

// Limits on looking up a word's inflected forms in the term list.
constexpr std::size_t kMaxScannedTerms = 500;
constexpr std::size_t kMaxInflectedForms = 40;
// A shorter common prefix of word and stem would scan too much of the term list.
constexpr std::size_t kMinPrefixLetters = 3;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t letters(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return !is_continuation(c); }));
}

// The common prefix of two UTF-8 strings, cut back to a code point boundary.
std::string_view common_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  while (n > 0 && n < a.size() && is_continuation(a[n])) --n;
  return a.substr(0, n);
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// True when `term` (an exact form from the index) shares a stem with `word`,
// read as Russian or as Kazakh.
bool shares_stem(const std::string& term, const analyzers::SynonymWord& word) {
  for (const auto language : {analyzers::Language::kRussian, analyzers::Language::kKazakh}) {
    const analyzers::Analyzer& analyzer = analyzers::analyzer_for(language);
    const std::vector<analyzers::Token> tokens = analyzer.analyze(term);
    if (tokens.size() != 1) return false;
    for (const std::string& stem : analyzer.query_stems(tokens.front())) {
      for (const std::string& own : word.stems) {
        if (analyzers::stems_agree(stem, own)) return true;
      }
    }
  }
  return false;
}

// The exact forms of `word`: as written, and its inflections in the database.
std::vector<std::string> exact_forms(const analyzers::SynonymWord& word,
                                     const Xapian::Database* database) {
  std::vector<std::string> forms{word.text};
  if (database == nullptr) return forms;
  std::vector<std::string> prefixes;
  for (const std::string& stem : word.stems) {
    const std::string prefix(common_prefix(word.text, stem));
    if (letters(prefix) >= kMinPrefixLetters) add_unique(prefixes, prefix);
  }
  for (const std::string& prefix : prefixes) {
    std::size_t scanned = 0;
    for (auto term = database->allterms_begin(prefix);
         term != database->allterms_end(prefix) && scanned < kMaxScannedTerms &&
         forms.size() <= kMaxInflectedForms;
         ++term, ++scanned) {
      const std::string form = *term;
      if (std::find(forms.begin(), forms.end(), form) == forms.end() && shares_stem(form, word)) {
        forms.push_back(form);
      }
    }
  }
  return forms;
}

Xapian::Query any_of(const std::vector<Xapian::Query>& queries) {
  if (queries.size() == 1) return queries.front();
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

}  // namespace

std::vector<SynonymExpansion> expand_synonyms(std::span<const analyzers::Token> tokens,
                                              const Xapian::Database* database,
                                              const analyzers::SynonymTable& table) {
  std::vector<SynonymExpansion> expansions;
  for (const analyzers::SynonymSpan& span : table.find(tokens)) {
    SynonymExpansion expansion;
    expansion.first_token = span.first;
    expansion.token_count = span.count;
    std::vector<Xapian::Query> forms;
    for (const analyzers::SynonymForm& form : table.groups()[span.group].forms) {
      std::vector<Xapian::Query> words;
      for (const analyzers::SynonymWord& word : form.words) {
        std::vector<Xapian::Query> terms;
        for (const std::string& exact : exact_forms(word, database)) {
          terms.emplace_back(exact);
          add_unique(expansion.exact_terms, exact);
        }
        // A one-word form may match by stem too; the stems of a phrase's
        // words have no positions, so a phrase matches exact forms only.
        if (form.words.size() == 1) {
          for (const std::string& stem : word.stems) {
            terms.emplace_back(std::string(schema::kStemPrefix) + stem);
            add_unique(expansion.stems, stem);
          }
        }
        words.push_back(any_of(terms));
      }
      forms.push_back(words.size() == 1 ? words.front()
                                        : Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(),
                                                        words.end(), words.size()));
    }
    expansion.query = any_of(forms);
    expansions.push_back(std::move(expansion));
  }
  return expansions;
}

}  // namespace izdeu::corpus
