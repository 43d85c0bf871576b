#include "corpus/query/query_word.h"

#include <algorithm>
#include <map>
#include <optional>

#include "analyzers/question_words.h"
#include "analyzers/script.h"
#include "corpus/index/lexicon.h"
#include "corpus/query/query_builder.h"
#include "corpus/query/reading_rules.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

using analyzers::Analyzer;
using analyzers::Token;

bool fits(const std::string& term, std::string_view prefix = {}) {
  return !term.empty() && term.size() + prefix.size() <= schema::kMaxTermBytes;
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
        word.acronym = analyzers::is_acronym(word.surface);
        word.exact_only = word.acronym;
        word.short_word = is_short_word(token.text);
        read[token.position] = true;
      }
      for (const analyzers::Alias& alias : token.aliases) {
        if (!fits(alias.text)) continue;
        if (alias.span <= 1) {
          // A Roman numeral's value or joined initials: matched as written.
          word.exact.insert(alias.text);
          word.exact_only = true;
          word.acronym = false;
        } else {
          word.compounds.emplace(alias.text, alias.span);
        }
      }
      for (std::string& stem : analyzer->query_stems(token)) {
        if (!fits(stem, schema::kStemPrefix)) continue;
        word.language_stems.emplace(token.language, stem);
        word.stems.insert(std::move(stem));
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
  if (word.acronym) return any_of(word.exact, schema::kAcronymPrefix);
  Xapian::Query query = any_of(word.exact);
  const std::pair<ReadingClass, double> classes[] = {{ReadingClass::kStem, kStemWeight},
                                                     {ReadingClass::kCrossScript, kLooseWeight}};
  for (const auto& [kind, weight] : classes) {
    const std::set<std::string> forms = forms_of(word, kind);
    if (forms.empty()) continue;
    query = Xapian::Query(Xapian::Query::OP_OR, query,
                          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                        any_of(forms, {}, Xapian::Query::OP_SYNONYM), weight));
  }
  return query;
}

Xapian::Query phrase_query(const std::vector<QueryWord>& words, std::string_view prefix) {
  std::vector<Xapian::Query> parts;
  for (const QueryWord& word : words) parts.push_back(any_of(word.exact, prefix));
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), parts.size());
}

void resolve_readings(QueryWord& word, const Xapian::Database& database) {
  word.readings.clear();
  std::set<std::string> taken;
  for (const std::string& form : word.exact) {
    taken.insert(form);
    // An acronym matches where written in capitals: its own terms count.
    const std::string term = word.acronym ? std::string(schema::kAcronymPrefix) + form : form;
    word.readings.push_back({form, ReadingClass::kExact, {}, database.get_termfreq(term)});
  }
  word.resolved = true;
  if (word.exact_only) return;
  // The typed form each rule compares with: the first normalized text.
  const std::string& typed = *word.exact.begin();
  std::vector<Reading> found;
  auto consider_forms = [&](std::vector<std::string> forms, const std::string& key,
                            ReadingClass kind, auto&& allowed) {
    for (std::string& form : forms) {
      if (taken.count(form) > 0 || !allowed(form)) continue;
      const Xapian::doccount frequency = database.get_termfreq(form);
      if (frequency == 0) continue;  // left by deleted articles
      taken.insert(form);
      found.push_back({std::move(form), kind, key, frequency});
    }
  };
  auto consider = [&](const std::string& key, ReadingClass kind, auto&& allowed) {
    consider_forms(lexicon_forms(database, key), key, kind, allowed);
  };
  std::optional<KazakhConfirmation> kazakh;
  for (const auto& language_stem : word.language_stems) {
    // Named variables, not a structured binding: clang 14 cannot capture
    // those in the lambdas below.
    const analyzers::Language language = language_stem.first;
    const std::string& stem = language_stem.second;
    auto allowed = [&](const std::string& form) {
      return is_stem_reading(language, stem, typed, form, word.short_word);
    };
    if (language == analyzers::Language::kKazakh) {
      // The Kazakh stem of the word itself (not a surname key): read through
      // the vocabulary-confirmed stem instead (lexicon.h).
      const std::vector<std::string> readings = kazakh_readings(typed);
      if (!readings.empty() && readings.front() == stem) {
        if (!kazakh) kazakh.emplace(database);
        const std::string confirmed = kazakh->confirmed(typed, readings);
        auto confirmed_allowed = [&](const std::string& form) {
          return is_stem_reading(language, confirmed, typed, form, word.short_word);
        };
        consider(stem_key(language, confirmed), ReadingClass::kStem, confirmed_allowed);
        consider_forms(kazakh->confirmed_forms(confirmed), kazakh_reading_key(confirmed),
                       ReadingClass::kStem, confirmed_allowed);
        continue;
      }
    }
    consider(stem_key(language, stem), ReadingClass::kStem, allowed);
  }
  if (!word.short_word) {
    for (const std::string& loose : word.loose) {
      consider(loose_key(loose), ReadingClass::kCrossScript,
               [&](const std::string& form) { return is_cross_script_spelling(typed, form); });
    }
  }
  // The most frequent forms of each class, up to the cap: a word's rare
  // misspellings and typos are the ones left out.
  std::stable_sort(found.begin(), found.end(), [](const Reading& a, const Reading& b) {
    return a.kind != b.kind ? a.kind < b.kind : a.articles > b.articles;
  });
  std::map<ReadingClass, std::size_t> per_class;
  for (Reading& reading : found) {
    if (++per_class[reading.kind] <= kMaxFormsPerClass) word.readings.push_back(std::move(reading));
  }
}

std::set<std::string> forms_of(const QueryWord& word, ReadingClass kind) {
  std::set<std::string> forms;
  for (const Reading& reading : word.readings) {
    if (reading.kind == kind) forms.insert(reading.form);
  }
  return forms;
}

std::set<std::string> matched_forms(const QueryWord& word) {
  std::set<std::string> forms = word.exact;
  for (const Reading& reading : word.readings) forms.insert(reading.form);
  return forms;
}

WordExplanation explain_word(const QueryWord& word) {
  WordExplanation out;
  out.word = word.surface;
  out.acronym = word.acronym;
  out.exact_only = word.exact_only;
  out.short_word = word.short_word;
  if (!word.resolved) {
    for (const std::string& form : word.exact) out.readings.push_back({form});
    return out;
  }
  // As resolved: an exact form no article holds stays listed (with 0
  // articles), so the reader sees the word was looked for.
  out.readings = word.readings;
  return out;
}

WordExplanation explain_synonym(std::string_view text, const std::set<std::string>& forms,
                                const Xapian::Database& database) {
  WordExplanation out;
  out.word = std::string(text);
  for (const std::string& form : forms) {
    const Xapian::doccount articles = database.get_termfreq(form);
    if (articles > 0) out.readings.push_back({form, ReadingClass::kSynonym, {}, articles});
  }
  std::stable_sort(out.readings.begin(), out.readings.end(),
                   [](const auto& a, const auto& b) { return a.articles > b.articles; });
  return out;
}

void collect(const QueryWord& word, MatchTerms& terms) {
  const std::set<std::string> forms = matched_forms(word);
  terms.exact.insert(forms.begin(), forms.end());
  const std::uint32_t id = terms.words++;
  for (const std::string& form : forms) terms.word_of.emplace(form, id);
  // Without the lexicon the forms are unknown: highlight by stem and loose
  // key instead, as near as text alone can tell.
  if (!word.resolved && !word.exact_only) {
    terms.stems.insert(word.stems.begin(), word.stems.end());
    terms.loose.insert(word.loose.begin(), word.loose.end());
  }
  for (const auto& [joined, span] : word.compounds) terms.exact.insert(joined);
}

}  // namespace izdeu::corpus
