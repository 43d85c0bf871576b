#include "corpus/query/synonym_expander.h"

#include <algorithm>

#include "analyzers/analyzer.h"
#include "analyzers/gazetteers/phrase_matcher.h"
#include "analyzers/script.h"
#include "corpus/index/lexicon.h"
#include "corpus/query/reading_rules.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

// At most this many inflected forms of one word of a synonym form.
constexpr std::size_t kMaxInflectedForms = 40;

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// The exact forms of `word`: as written, and its inflections the index's
// lexicon holds under any of its stems, read as Russian or as Kazakh.
std::vector<std::string> exact_forms(const analyzers::SynonymWord& word,
                                     const Xapian::Database* database) {
  std::vector<std::string> forms{word.text};
  if (database == nullptr) return forms;
  const bool short_word = is_short_word(word.text);
  for (const std::string& stem : word.stems) {
    for (const auto language : {analyzers::Language::kRussian, analyzers::Language::kKazakh}) {
      for (const std::string& form : lexicon_forms(*database, stem_key(language, stem))) {
        if (forms.size() >= kMaxInflectedForms) return forms;
        if (std::find(forms.begin(), forms.end(), form) != forms.end()) continue;
        if (!is_stem_reading(language, stem, word.text, form, short_word)) continue;
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
      // An acronym form («ООН», «ІІМ») matches where an article wrote it in
      // capitals (schema::kAcronymPrefix), never the lower-case word it spells.
      if (form.words.size() == 1 && analyzers::is_acronym(form.written)) {
        const std::string& text = form.words.front().text;
        forms.emplace_back(std::string(schema::kAcronymPrefix) + text);
        add_unique(expansion.exact_terms, text);
        continue;
      }
      std::vector<Xapian::Query> words;
      for (const analyzers::SynonymWord& word : form.words) {
        std::vector<Xapian::Query> terms;
        for (const std::string& exact : exact_forms(word, database)) {
          terms.emplace_back(exact);
          add_unique(expansion.exact_terms, exact);
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
