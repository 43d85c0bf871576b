#include "corpus/search/match_explanation.h"

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

}  // namespace izdeu::corpus
