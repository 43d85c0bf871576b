// Suggester::build: reads one revision of an index into a Suggester.

#include <algorithm>
#include <atomic>
#include <queue>
#include <unordered_set>

#include "analyzers/language.h"
#include "analyzers/script.h"
#include "analyzers/stop_words.h"
#include "corpus/index/article_codec.h"
#include "corpus/index/xapian_errors.h"
#include "corpus/schema.h"
#include "corpus/suggest/suggest_keys.h"
#include "corpus/suggest/suggester.h"

namespace izdeu::corpus {
namespace {

// Word starts indexed per text: enough for a title's words after the first
// dozen to be unlikely search handles, and a bound on the entries per text.
constexpr std::size_t kMaxTitleStarts = 12;
constexpr std::size_t kMaxNameStarts = 6;

// Thrown out of the loops below when the owner asks the build to stop.
struct Cancelled {};

// Polls the cancel flag every few thousand steps of a loop.
class Interrupt {
 public:
  explicit Interrupt(const std::atomic<bool>* cancel) : cancel_(cancel) {}
  void poll() {
    if (cancel_ != nullptr && (steps_++ & 4095) == 0 && cancel_->load(std::memory_order_relaxed)) {
      throw Cancelled{};
    }
  }

 private:
  const std::atomic<bool>* cancel_;
  std::size_t steps_ = 0;
};

// Something to suggest, before it is keyed.
struct Candidate {
  std::string text;
  std::string id;
  std::uint64_t score = 0;
  std::string tie;  // breaks score ties, larger first (a title's date)
};

bool better(const Candidate& a, const Candidate& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.tie != b.tie) return a.tie > b.tie;
  return a.text < b.text;
}

// Keeps the `max` best candidates offered, in O(log max) per offer.
class TopCandidates {
 public:
  explicit TopCandidates(std::size_t max) : max_(max) {}

  bool would_keep(std::uint64_t score) const {
    return max_ > 0 && (heap_.size() < max_ || score >= heap_.top().score);
  }
  void offer(Candidate candidate) {
    if (max_ == 0) return;
    if (heap_.size() < max_) {
      heap_.push(std::move(candidate));
    } else if (better(candidate, heap_.top())) {
      heap_.pop();
      heap_.push(std::move(candidate));
    }
  }
  /// Best first.
  std::vector<Candidate> take() && {
    std::vector<Candidate> out;
    out.reserve(heap_.size());
    while (!heap_.empty()) {
      out.push_back(heap_.top());
      heap_.pop();
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

 private:
  struct WorseFirst {
    bool operator()(const Candidate& a, const Candidate& b) const { return better(a, b); }
  };
  std::size_t max_;
  std::priority_queue<Candidate, std::vector<Candidate>, WorseFirst> heap_;
};

// Terms with `prefix`, the most frequent first, without the prefix.
std::vector<Candidate> top_prefixed_terms(const Xapian::Database& database, std::string_view prefix,
                                          std::size_t max, Interrupt& interrupt) {
  TopCandidates top(max);
  const std::string p(prefix);
  for (auto it = database.allterms_begin(p); it != database.allterms_end(p); ++it) {
    interrupt.poll();
    const Xapian::doccount frequency = it.get_termfreq();
    if (!top.would_keep(frequency)) continue;
    std::string value = (*it).substr(p.size());
    if (value.empty()) continue;
    top.offer({std::string(), std::move(value), frequency, {}});
  }
  return std::move(top).take();
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// A word worth completing to: letters, three or more characters, not a stop
// word of any registered language.
bool suggestible_word(std::string_view term) {
  const analyzers::WordScript script = analyzers::word_script(term);
  if (script != analyzers::WordScript::kCyrillic && script != analyzers::WordScript::kLatin) {
    return false;
  }
  return code_points(term) >= 3 && !analyzers::is_stop_word_of_any_language(term);
}

// The most frequent unprefixed (exact word) terms. Prefixed terms all start
// with an upper-case ASCII letter and sort together, so one skip passes them.
std::vector<Candidate> top_words(const Xapian::Database& database, const SuggesterLimits& limits,
                                 Interrupt& interrupt) {
  TopCandidates top(limits.max_terms);
  auto it = database.allterms_begin();
  const auto end = database.allterms_end();
  while (it != end) {
    interrupt.poll();
    const std::string term = *it;
    if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') {
      it.skip_to("[");  // '[' follows 'Z'
      continue;
    }
    const Xapian::doccount frequency = it.get_termfreq();
    if (frequency >= limits.min_term_frequency && top.would_keep(frequency) &&
        suggestible_word(term)) {
      top.offer({term, std::string(), frequency, {}});
    }
    ++it;
  }
  return std::move(top).take();
}

// The documents whose titles are suggested: all of them, or the most recent
// max_titles by date (schema::kDateSlot), topped up with undated ones.
std::vector<Xapian::docid> recent_documents(const Xapian::Database& database, std::size_t max,
                                            Interrupt& interrupt) {
  std::vector<Xapian::docid> docids;
  if (max == 0) return docids;
  if (database.get_doccount() <= max) {
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
      docids.push_back(*it);
    }
    return docids;
  }
  using Dated = std::pair<std::string, Xapian::docid>;  // date, docid: newer is larger
  std::priority_queue<Dated, std::vector<Dated>, std::greater<>> newest;
  for (auto it = database.valuestream_begin(schema::kDateSlot);
       it != database.valuestream_end(schema::kDateSlot); ++it) {
    interrupt.poll();
    Dated dated{*it, it.get_docid()};
    if (newest.size() < max) {
      newest.push(std::move(dated));
    } else if (newest.top() < dated) {
      newest.pop();
      newest.push(std::move(dated));
    }
  }
  while (!newest.empty()) {
    docids.push_back(newest.top().second);
    newest.pop();
  }
  if (docids.size() < max) {
    const std::unordered_set<Xapian::docid> dated(docids.begin(), docids.end());
    for (auto it = database.postlist_begin("");
         it != database.postlist_end("") && docids.size() < max; ++it) {
      if (dated.count(*it) == 0) docids.push_back(*it);
    }
  }
  std::sort(docids.begin(), docids.end());  // reading in docid order is sequential on disk
  return docids;
}

std::vector<Candidate> recent_titles(const Xapian::Database& database, std::size_t max,
                                     Interrupt& interrupt) {
  std::vector<Candidate> titles;
  for (const Xapian::docid docid : recent_documents(database, max, interrupt)) {
    interrupt.poll();
    auto article = decode_article(database.get_document(docid).get_data());
    // A bad document is reported by the searcher, not here; an untitled
    // article has no title to suggest (the searcher's generated one is a
    // cut of its text, no headline anyone types).
    if (!article || article->title.empty()) continue;
    const std::uint64_t views =
        static_cast<std::uint64_t>(std::max<std::int64_t>(0, article->views.value_or(0)));
    titles.push_back({std::move(article->title), std::move(article->id), views + 1,
                      article->date ? article->date->to_yyyymmdd() : std::string()});
  }
  std::sort(titles.begin(), titles.end(), better);
  return titles;
}

}  // namespace

// Keys candidates of one kind, best first, into a Suggester under
// construction. Items of a kind get consecutive numbers in rank order.
class SuggesterBuilder {
 public:
  SuggesterBuilder(Suggester& suggester, Interrupt& interrupt)
      : suggester_(suggester), interrupt_(interrupt) {}

  void add_kind(SuggestionKind kind, const std::vector<Candidate>& candidates) {
    const auto k = static_cast<std::size_t>(kind);
    PrefixIndex::Builder exact;
    PrefixIndex::Builder loose;
    std::unordered_set<std::string> seen;  // exact keys: syndicated copies of one title
    auto rank = static_cast<std::uint32_t>(candidates.size());
    for (const Candidate& candidate : candidates) {
      interrupt_.poll();
      std::vector<TextKeys> keys;
      std::string text = candidate.text;
      switch (kind) {
        case SuggestionKind::kPerson:
          text = person_display_name(candidate.id);
          keys.push_back(text_keys(candidate.id, kMaxNameStarts, false));
          break;
        case SuggestionKind::kRegion: {
          RegionNames names = region_names(candidate.id);
          text = std::move(names.display);
          for (const std::string& name : names.names) {
            keys.push_back(text_keys(name, kMaxNameStarts, false));
          }
          break;
        }
        case SuggestionKind::kTerm:
          keys.push_back(term_keys(candidate.text));
          break;
        case SuggestionKind::kTitle:
          keys.push_back(text_keys(candidate.text, kMaxTitleStarts, true));
          break;
      }
      if (keys.empty() || keys.front().exact.empty()) continue;
      if (kind == SuggestionKind::kTitle && !seen.insert(keys.front().exact).second) continue;
      const auto item = static_cast<std::uint32_t>(suggester_.items_.size());
      suggester_.items_.push_back({std::move(text), candidate.id, kind, candidate.score});
      for (const TextKeys& key : keys) {
        exact.add(key.exact, key.exact_starts, item, rank);
        loose.add(key.loose, key.loose_starts, item, rank);
      }
      --rank;
      ++suggester_.stats_.items[k];
    }
    suggester_.exact_[k] = std::move(exact).build();
    suggester_.loose_[k] = std::move(loose).build();
    suggester_.stats_.entries += suggester_.exact_[k].size() + suggester_.loose_[k].size();
    suggester_.stats_.memory_bytes +=
        suggester_.exact_[k].memory_bytes() + suggester_.loose_[k].memory_bytes();
  }

  void finish() {
    for (const auto& item : suggester_.items_) {
      suggester_.stats_.memory_bytes += sizeof(item) + item.text.capacity() + item.id.capacity();
      suggester_.max_score_ = std::max(suggester_.max_score_, item.score);
    }
  }

 private:
  Suggester& suggester_;
  Interrupt& interrupt_;
};

Result<std::shared_ptr<const Suggester>> Suggester::build(const Xapian::Database& database,
                                                          const SuggesterLimits& limits,
                                                          const std::atomic<bool>* cancel) {
  auto suggester = std::shared_ptr<Suggester>(new Suggester());
  Interrupt interrupt(cancel);
  SuggesterBuilder builder(*suggester, interrupt);
  try {
    builder.add_kind(SuggestionKind::kPerson, top_prefixed_terms(database, schema::kPersonPrefix,
                                                                 limits.max_people, interrupt));
    builder.add_kind(SuggestionKind::kRegion, top_prefixed_terms(database, schema::kRegionPrefix,
                                                                 limits.max_regions, interrupt));
    builder.add_kind(SuggestionKind::kTerm, top_words(database, limits, interrupt));
    builder.add_kind(SuggestionKind::kTitle, recent_titles(database, limits.max_titles, interrupt));
  } catch (const Cancelled&) {
    return unavailable("suggester build cancelled");
  } catch (const Xapian::Error& e) {
    return from_xapian(e);
  }
  builder.finish();
  return std::shared_ptr<const Suggester>(std::move(suggester));
}

}  // namespace izdeu::corpus
