#include "corpus/query/query_builder.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/gazetteers/synonym_table.h"
#include "analyzers/language_detector.h"
#include "analyzers/language_registry.h"
#include "analyzers/script.h"
#include "analyzers/utf8.h"
#include "corpus/index/xapian_errors.h"
#include "corpus/query/entity_filters.h"
#include "corpus/query/match_strategy.h"
#include "corpus/query/query_parser.h"
#include "corpus/query/synonym_expander.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

using analyzers::Analyzer;
using analyzers::Language;
using Query = Xapian::Query;

std::string prefixed(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term += value;
  return term;
}

// YYYYMMDD strings sort like the dates they encode. Articles without a date
// have no value in the slot and never match a range.
Query date_range(const std::optional<Date>& from, const std::optional<Date>& to) {
  if (from && to) {
    return Query(Query::OP_VALUE_RANGE, schema::kDateSlot, from->to_yyyymmdd(), to->to_yyyymmdd());
  }
  if (from) return Query(Query::OP_VALUE_GE, schema::kDateSlot, from->to_yyyymmdd());
  return Query(Query::OP_VALUE_LE, schema::kDateSlot, to->to_yyyymmdd());
}

Query language_filter(Language language) {
  return Query(prefixed(schema::kLanguagePrefix, analyzers::to_code(language)));
}

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Turns the syntax tree into the clauses match_strategy.h combines.
class Builder {
 public:
  // `explanation`: null, or where each matched word's readings are listed (explain=true).
  Builder(const Xapian::Database* database, std::vector<const Analyzer*> analyzers,
          bool keep_function_words, MatchTerms& terms,
          std::vector<WordExplanation>* explanation = nullptr)
      : database_(database),
        analyzers_(std::move(analyzers)),
        keep_function_words_(keep_function_words),
        terms_(terms),
        explanation_(explanation) {}

  // Adds the children of an AND node. Top-level plain words become
  // PlainWords (which the match mode may relax); nested ones are required.
  void add_all(const QueryNode& node, MatchClauses& out, bool top_level) {
    std::string run;  // consecutive plain words, analyzed together («Л.Ю.», «Нур-Султан»)
    bool run_required = false;
    auto flush = [&] {
      if (run.empty()) return;
      for (PlainWord& word : plain_words(run, run_required, top_level)) {
        if (top_level) {
          out.words.push_back(std::move(word));
        } else {
          out.required.push_back(std::move(word.query));
        }
      }
      run.clear();
    };
    for (const QueryNode& child : node.children) {
      if (child.kind == QueryNode::Kind::kWord && !child.negated) {
        if (!run.empty() && run_required != child.required) flush();
        run_required = child.required;
        run += (run.empty() ? "" : " ") + child.text;
        continue;
      }
      flush();
      if (child.negated) {
        // Excluded text matches exactly or by stem, never by the loose key:
        // a fuzzy match must not hide an article.
        const bool was_excluding = excluding_;
        excluding_ = true;
        if (auto query = positive(child)) out.excluded.push_back(std::move(*query));
        excluding_ = was_excluding;
      } else if (child.kind == QueryNode::Kind::kField && child.field != QueryField::kTitle) {
        out.filters.push_back(field_filter(child));
      } else if (auto query = positive(child)) {
        out.required.push_back(std::move(*query));
      }
    }
    flush();
  }

  // Positional forms of the first top-level words, for the proximity bonus.
  void add_proximity_forms(MatchClauses& clauses) {
    if (clauses.words.size() < 2) return;
    for (std::size_t i = 0; i < clauses.words.size() && i <= kMaxProximityPairs; ++i) {
      clauses.words[i].head = positional(ends_[i].first);
      clauses.words[i].tail = positional(ends_[i].second);
    }
  }

 private:
  // What `node` matches, ignoring its own negation; nullopt when it has
  // nothing to search for (only function words).
  std::optional<Query> positive(const QueryNode& node) {
    switch (node.kind) {
      case QueryNode::Kind::kWord: {
        std::vector<Query> parts;
        for (PlainWord& word : plain_words(node.text, false, false)) {
          parts.push_back(std::move(word.query));
        }
        if (parts.empty()) return std::nullopt;
        return all_of(parts);
      }
      case QueryNode::Kind::kPhrase: {
        // Quoted text is verbatim: its exact forms only, no lexicon lookups.
        const std::vector<QueryWord> words = analyze_words(node.text, analyzers_);
        if (words.empty()) return std::nullopt;
        for (const QueryWord& word : words) add_exact(word.exact);
        return phrase_query(words);
      }
      case QueryNode::Kind::kField:
        if (node.field == QueryField::kTitle) return title_query(node);
        return field_filter(node);
      case QueryNode::Kind::kAny: {
        std::vector<Query> options;
        for (const QueryNode& child : node.children) {
          if (auto query = positive(child)) options.push_back(std::move(*query));
        }
        if (options.empty()) return std::nullopt;
        return either_of(options);
      }
      case QueryNode::Kind::kNear:
        return near_query(node);
      case QueryNode::Kind::kAll: {
        MatchClauses group;
        add_all(node, group, /*top_level=*/false);
        if (group.empty()) return std::nullopt;
        auto combined = combine_clauses(group, MatchMode::kAll, nullptr);
        if (!combined) return std::nullopt;  // kAll never counts, so never fails
        return std::move(combined->query);
      }
    }
    return std::nullopt;
  }

  std::vector<PlainWord> plain_words(std::string_view text, bool keep_required, bool top_level) {
    const std::vector<QueryWord> words = words_of(text);
    // Only top-level plain words take synonyms; quoted text stays verbatim.
    const std::map<std::size_t, Synonym> synonyms =
        top_level && !excluding_ ? find_synonyms(text, words) : std::map<std::size_t, Synonym>{};
    std::vector<PlainWord> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
      const QueryWord& word = words[i];
      if (const auto found = synonyms.find(i); found != synonyms.end()) {
        out.push_back(synonym_word(text, words, i, found->second, keep_required));
        i = found->second.last;
        continue;
      }
      if (word.function_word && !keep_function_words_) continue;
      std::size_t last = i;
      Query query = reading(word);
      // A compound ("Нур-Султан") matches its parts side by side in any
      // inflected form ("Нур-Султане"), or the joined word read as a word of
      // its own ("Нурсултан", "Нурсултане"), whichever the article wrote;
      // never one part alone («Алма-Ата» is not «ата»).
      if (!word.compounds.empty() && i + word.compounds.begin()->second <= words.size()) {
        query = compound_query(words, i);
        last = i + word.compounds.begin()->second - 1;
      }
      collect_word(word);
      PlainWord plain;
      plain.text =
          std::string(text.substr(word.byte_begin, words[last].byte_end - word.byte_begin));
      plain.query = std::move(query);
      plain.keep_required = keep_required;
      // A number is as precise as a Roman numeral, though it has no alias.
      const bool number =
          !word.surface.empty() && std::all_of(word.surface.begin(), word.surface.end(),
                                               [](char c) { return c >= '0' && c <= '9'; });
      plain.exact_only = (word.exact_only || number) && last == i;
      if (top_level) ends_.emplace_back(word, words[last]);
      out.push_back(std::move(plain));
      i = last;
    }
    return out;
  }

  // The compound starting at words[first]: its parts side by side, in any
  // form each, or its joined form read as a word.
  Query compound_query(const std::vector<QueryWord>& words, std::size_t first) {
    const auto& [joined, span] = *words[first].compounds.begin();
    std::vector<Query> parts;
    for (std::size_t k = first; k < first + span; ++k) {
      collect_word(words[k]);
      parts.push_back(positional(words[k]));
    }
    Query query(Query::OP_PHRASE, parts.begin(), parts.end(), parts.size());
    for (const QueryWord& whole : words_of(joined)) {
      collect_word(whole);
      query = Query(Query::OP_OR, query, reading(whole));
    }
    return query;
  }

  // A span of the query's words that names a synonym group (synonym_expander.h).
  struct Synonym {
    std::size_t last = 0;         // index of the span's last word
    Query query;                  // every form of the group
    std::set<std::string> forms;  // the exact forms it uses (explain=true)
  };

  // The synonym spans of `text` by the index of their first word. Each
  // analyzer reads the words its own way (stems), so each may find a span;
  // the longest span starting at a word wins, and the forms found for it by
  // every analyzer are ORed. Spans are found first and expanded once each,
  // since expanding walks the index's term list.
  std::map<std::size_t, Synonym> find_synonyms(std::string_view text,
                                               const std::vector<QueryWord>& words) {
    std::map<std::uint32_t, std::size_t> by_begin;
    std::map<std::uint32_t, std::size_t> by_end;
    for (std::size_t i = 0; i < words.size(); ++i) {
      by_begin.emplace(words[i].byte_begin, i);
      by_end.emplace(words[i].byte_end, i);
    }
    const analyzers::SynonymTable& table = analyzers::SynonymTable::builtin();
    std::map<std::size_t, Synonym> synonyms;
    std::set<std::tuple<std::size_t, std::size_t, std::size_t>> expanded;  // first, last, group
    for (const Analyzer* analyzer : analyzers_) {
      const std::vector<analyzers::Token> tokens = analyzer->analyze(text);
      for (const analyzers::SynonymSpan& span : table.find(tokens)) {
        const auto first = by_begin.find(tokens[span.first].byte_begin);
        const auto last = by_end.find(tokens[span.first + span.count - 1].byte_end);
        if (first == by_begin.end() || last == by_end.end() || last->second < first->second) {
          continue;
        }
        if (!expanded.emplace(first->second, last->second, span.group).second) continue;
        const std::span<const analyzers::Token> own(tokens.data() + span.first, span.count);
        for (SynonymExpansion& expansion : expand_synonyms(own, database_, table)) {
          if (expansion.first_token != 0 || expansion.token_count != span.count) continue;
          terms_.exact.insert(expansion.exact_terms.begin(), expansion.exact_terms.end());
          std::set<std::string> forms(expansion.exact_terms.begin(), expansion.exact_terms.end());
          auto [slot, added] =
              synonyms.try_emplace(first->second, Synonym{last->second, expansion.query, forms});
          if (added) continue;
          if (slot->second.last < last->second) {
            slot->second = Synonym{last->second, std::move(expansion.query), std::move(forms)};
          } else if (slot->second.last == last->second) {
            slot->second.query = Query(Query::OP_OR, slot->second.query, expansion.query);
            slot->second.forms.insert(forms.begin(), forms.end());
          }
        }
      }
    }
    return synonyms;
  }

  // Words [first, synonym.last] as one plain word: all of them (as a
  // required group, function words aside) or any form of their group.
  PlainWord synonym_word(std::string_view text, const std::vector<QueryWord>& words,
                         std::size_t first, const Synonym& synonym, bool keep_required) {
    // The typed words as plain words would read them; a hyphenated compound
    // («Алма-Ата») as a compound, never its parts apart.
    Query typed;
    if (!words[first].compounds.empty() &&
        words[first].compounds.begin()->second == synonym.last - first + 1) {
      typed = compound_query(words, first);
    } else {
      std::vector<Query> parts;
      for (std::size_t k = first; k <= synonym.last; ++k) {
        if (words[k].function_word && !keep_function_words_) continue;
        collect_word(words[k]);
        parts.push_back(reading(words[k]));
      }
      typed = parts.empty() ? synonym.query : all_of(parts);
    }
    PlainWord plain;
    plain.text = std::string(text.substr(words[first].byte_begin,
                                         words[synonym.last].byte_end - words[first].byte_begin));
    plain.query = Query(Query::OP_OR, typed, synonym.query);
    plain.keep_required = keep_required;
    if (explanation_ != nullptr && database_ != nullptr) {
      explanation_->push_back(explain_synonym(plain.text, synonym.forms, *database_));
    }
    ends_.emplace_back(words[first], words[synonym.last]);
    return plain;
  }

  // The query's words, their readings resolved against the index's lexicon
  // (without a database: exact forms only).
  std::vector<QueryWord> words_of(std::string_view text) const {
    std::vector<QueryWord> words = analyze_words(text, analyzers_);
    if (database_ != nullptr) {
      for (QueryWord& word : words) resolve_readings(word, *database_);
    }
    return words;
  }

  Query reading(const QueryWord& word) const {
    if (!excluding_) return word_query(word);
    // Excluded text matches exactly or by inflection, never by another
    // spelling: a fuzzy match must not hide an article.
    std::set<std::string> forms = forms_of(word, ReadingClass::kStem);
    forms.insert(word.exact.begin(), word.exact.end());
    return any_of(forms);
  }

  // Every form the word matches, as positional terms under `prefix` ("" for
  // the text, S for the title): NEAR, title:, compounds and proximity.
  Query positional(const QueryWord& word, std::string_view prefix = {}) {
    const std::set<std::string> forms = matched_forms(word);
    add_exact(forms);
    return any_of(forms, prefix);
  }

  // title:word matches the title's words in any form the index holds (title
  // terms have no stems of their own; see indexed_forms); title:"…" is a
  // phrase of the title's exact forms.
  std::optional<Query> title_query(const QueryNode& node) {
    const std::vector<QueryWord> words =
        node.quoted ? analyze_words(node.text, analyzers_) : words_of(node.text);
    if (words.empty()) return std::nullopt;
    if (node.quoted) {
      for (const QueryWord& word : words) add_exact(word.exact);
      return phrase_query(words, schema::kTitlePrefix);
    }
    bool all_function = true;
    for (const QueryWord& word : words) all_function = all_function && word.function_word;
    std::vector<Query> parts;
    for (const QueryWord& word : words) {
      if (word.function_word && !all_function) continue;
      collect_word(word);
      parts.push_back(positional(word, schema::kTitlePrefix));
    }
    return all_of(parts);
  }

  std::optional<Query> near_query(const QueryNode& node) {
    std::vector<Query> parts;
    for (const QueryNode& child : node.children) {
      for (const QueryWord& word : words_of(child.text)) {
        collect_word(word);
        parts.push_back(positional(word));
      }
    }
    if (parts.empty()) return std::nullopt;
    if (parts.size() == 1) return parts.front();
    // NEAR/n: each word at most n positions from the next, so all of them
    // fit in a window of n + (words - 1) positions.
    const auto window = static_cast<Xapian::termcount>(node.distance + parts.size() - 1);
    return Query(Query::OP_NEAR, parts.begin(), parts.end(), window);
  }

  static Query field_filter(const QueryNode& node) {
    switch (node.field) {
      case QueryField::kPerson:
        return person_filter(node.text);
      case QueryField::kRegion:
        return region_filter(node.text);
      case QueryField::kTopic:
        return topic_filter(node.text);
      case QueryField::kLanguage:
        return language_filter(*node.language);
      case QueryField::kDate:
        return date_range(node.from, node.to);
      case QueryField::kTitle:
        break;
    }
    return Query();
  }

  void collect_word(const QueryWord& word) {
    if (excluding_) return;
    collect(word, terms_);
    if (explanation_ == nullptr) return;
    WordExplanation explained = explain_word(word);
    // A word can be collected twice (a compound's first part, a word typed
    // twice); list it once.
    for (const WordExplanation& seen : *explanation_) {
      if (seen.word == explained.word) return;
    }
    explanation_->push_back(std::move(explained));
  }
  void add_exact(const std::set<std::string>& forms) {
    if (!excluding_) terms_.exact.insert(forms.begin(), forms.end());
  }

  const Xapian::Database* database_;
  std::vector<const Analyzer*> analyzers_;
  bool keep_function_words_;
  MatchTerms& terms_;
  std::vector<WordExplanation>* explanation_;
  bool excluding_ = false;
  std::vector<std::pair<QueryWord, QueryWord>> ends_;  // first/last position of each top-level word
};

// The request's language, else one lang: the query asks for, else every
// registered language with the query's own first.
std::vector<const Analyzer*> analyzers_for(const SearchRequest& request, const QueryNode& root) {
  std::optional<Language> language = request.language;
  bool conflicting = false;
  if (!language) {
    for (const QueryNode& child : root.children) {
      if (child.kind != QueryNode::Kind::kField || child.field != QueryField::kLanguage ||
          child.negated) {
        continue;
      }
      conflicting = conflicting || (language && *language != *child.language);
      language = child.language;
    }
  }
  if (language && !conflicting) return {&analyzers::analyzer_for(*language)};
  // The query's own language first (it decides which words are function
  // words); the other readings only add alternatives.
  const Language guess = analyzers::detect_language(request.query);
  std::vector<const Analyzer*> analyzers{&analyzers::analyzer_for(guess)};
  // A Cyrillic query reads in English exactly as in Russian: skip that pass.
  bool latin = false;
  analyzers::for_each_code_point(request.query, [&](char32_t c, std::size_t, std::size_t) {
    latin = latin || analyzers::is_latin_letter(c);
  });
  for (const analyzers::LanguageInfo& info : analyzers::languages()) {
    if (info.language == guess || (info.latin_script_only && !latin)) continue;
    analyzers.push_back(&analyzers::analyzer_for(info.language));
  }
  return analyzers;
}

void add_request_filters(const SearchRequest& request, MatchClauses& clauses) {
  if (request.language) clauses.filters.push_back(language_filter(*request.language));
  if (request.from || request.to) clauses.filters.push_back(date_range(request.from, request.to));
  for (const std::string& person : request.people) {
    if (!blank(person)) clauses.filters.push_back(person_filter(person));
  }
  for (const std::string& region : request.regions) {
    if (!blank(region)) clauses.filters.push_back(region_filter(region));
  }
  for (const std::string& topic : request.topics) {
    if (!blank(topic)) clauses.filters.push_back(topic_filter(topic));
  }
}

Result<BuiltQuery> build(const SearchRequest& request, const ParsedQuery& parsed,
                         const Xapian::Database* database) {
  const std::vector<const Analyzer*> analyzers = analyzers_for(request, parsed.root);
  // Function words are left out first; only a query with nothing else keeps them.
  for (const bool keep_function_words : {false, true}) {
    BuiltQuery built;
    MatchClauses clauses;
    Builder builder(database, analyzers, keep_function_words, built.match_terms,
                    request.explain ? &built.explanation : nullptr);
    builder.add_all(parsed.root, clauses, /*top_level=*/true);
    if (clauses.empty()) continue;
    if (parsed.explicit_and) {
      for (PlainWord& word : clauses.words) word.keep_required = true;
    }
    // With every word optional there is no pair of required words to reward.
    if (request.match != MatchMode::kAny) builder.add_proximity_forms(clauses);
    add_request_filters(request, clauses);
    const Xapian::doccount relax_below = request.sort == SortOrder::kRelevance
                                             ? request.relax_below
                                             : std::min<Xapian::doccount>(request.relax_below, 1);
    auto outcome = combine_clauses(clauses, request.match, database, relax_below);
    if (!outcome) return outcome.error();
    built.query = std::move(outcome->query);
    built.relaxed = outcome->relaxed;
    built.optional = std::move(outcome->optional);
    built.full_matches = outcome->full_matches;
    built.bonus_weight = outcome->bonus_weight;
    return built;
  }
  return invalid_argument("query has no words to search for");
}

}  // namespace

Result<BuiltQuery> build_query(const SearchRequest& request, const Xapian::Database* database) {
  if (request.from && request.to && *request.to < *request.from) {
    return invalid_argument("date range is reversed: 'from' is after 'to'");
  }
  auto parsed = parse_query(request.query);
  if (!parsed) return parsed.error();
  try {
    return build(request, *parsed, database);
  } catch (const Xapian::DatabaseModifiedError&) {
    // A commit took away the revision the term lists were read from: rather
    // than fail, this query does without the index's statistics (as with no
    // database). Searcher::search builds before it reopens, so a Searcher
    // left behind by two commits can meet this on its next search.
    return build(request, *parsed, nullptr);
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "index");
  }
}

}  // namespace izdeu::corpus
