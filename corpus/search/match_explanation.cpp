#include "corpus/search/match_explanation.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "corpus/schema.h"

namespace izdeu::corpus {

std::vector<HitMatch> find_hit_matches(const Xapian::Database& database, Xapian::docid docid,
                                       const std::vector<WordExplanation>& words) {
  // Every term to look for, sorted, so one walk of the article's term list
  // (skip_to in order) answers them all.
  struct Wanted {
    std::size_t word;
    std::size_t reading;
    bool in_title;
  };
  std::multimap<std::string, Wanted> wanted;
  for (std::size_t w = 0; w < words.size(); ++w) {
    for (std::size_t r = 0; r < words[w].readings.size(); ++r) {
      const std::string& form = words[w].readings[r].form;
      const std::string_view text_prefix =
          words[w].acronym ? schema::kAcronymPrefix : std::string_view();
      wanted.emplace(std::string(text_prefix) + form, Wanted{w, r, false});
      wanted.emplace(std::string(schema::kTitlePrefix) + form, Wanted{w, r, true});
    }
  }
  std::map<std::pair<std::size_t, std::size_t>, std::pair<bool, bool>> found;  // text, title
  Xapian::TermIterator term = database.termlist_begin(docid);
  const Xapian::TermIterator end = database.termlist_end(docid);
  for (auto it = wanted.begin(); it != wanted.end() && term != end;) {
    term.skip_to(it->first);
    if (term == end) break;
    const std::string held = *term;
    // Every wanted term before `held` is absent; those equal to it are present.
    for (; it != wanted.end() && it->first <= held; ++it) {
      if (it->first != held) continue;
      auto& [text, title] = found[{it->second.word, it->second.reading}];
      (it->second.in_title ? title : text) = true;
    }
  }
  std::vector<HitMatch> matches;
  for (const auto& [at, where] : found) {
    const WordExplanation& word = words[at.first];
    const ReadingExplanation& reading = word.readings[at.second];
    if (where.second) matches.push_back({word.word, reading.form, reading.kind, true});
    if (where.first) matches.push_back({word.word, reading.form, reading.kind, false});
  }
  return matches;
}

std::vector<std::vector<std::string>> find_missing_words(
    const Xapian::Database& database, const std::vector<Xapian::docid>& docids,
    const std::vector<OptionalWord>& optional) {
  std::vector<std::vector<std::string>> missing(docids.size());
  if (docids.empty()) return missing;
  // The documents themselves, as a boolean filter over their id terms: a
  // word's own query filtered by it matches exactly the documents that hold
  // the word the way the search reads it.
  std::vector<Xapian::Query> ids;
  for (Xapian::docid docid : docids) {
    // Terms are lower case but for prefixes, and only the id's starts with Q.
    Xapian::TermIterator term = database.termlist_begin(docid);
    term.skip_to(std::string(schema::kIdPrefix));
    if (term != database.termlist_end(docid) && (*term).starts_with(schema::kIdPrefix)) {
      ids.emplace_back(*term);
    }
  }
  const Xapian::Query pages(Xapian::Query::OP_OR, ids.begin(), ids.end());
  Xapian::Enquire enquire(database);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  for (const OptionalWord& word : optional) {
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, word.query, pages));
    const Xapian::MSet held = enquire.get_mset(0, static_cast<Xapian::doccount>(docids.size()));
    for (std::size_t i = 0; i < docids.size(); ++i) {
      const bool holds = std::any_of(held.begin(), held.end(),
                                     [&](Xapian::docid docid) { return docid == docids[i]; });
      if (!holds) missing[i].push_back(word.text);
    }
  }
  return missing;
}

}  // namespace izdeu::corpus
