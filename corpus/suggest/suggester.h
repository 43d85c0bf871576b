#pragma once
// Completions for the search box as the user types: article titles, people,
// regions and frequent words, in both scripts, through a wrong keyboard layout.

#include <xapian.h>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/error.h"
#include "corpus/suggest/prefix_index.h"

namespace izdeu::corpus {

/// What a suggestion completes to. The order is the order of the list.
enum class SuggestionKind { kPerson, kRegion, kTerm, kTitle };
inline constexpr std::size_t kSuggestionKinds = 4;

/// "person", "region", "term", "title".
std::string_view suggestion_kind_name(SuggestionKind kind);

struct Suggestion {
  std::string text;  ///< what to show, and to search for when picked
  SuggestionKind kind = SuggestionKind::kTerm;
  /// The article id of a title, the person key of a person, the region id of
  /// a region; empty for a term.
  std::string id;

  friend bool operator==(const Suggestion&, const Suggestion&) = default;
};

struct Suggestions {
  /// The query retyped on the layout the user meant ("Fkvfns" -> "Алматы")
  /// when the suggestions are for that reading; nullopt when they are for the
  /// query as typed.
  std::optional<std::string> layout_fixed;
  std::vector<Suggestion> items;
};

/// Caps that bound a Suggester's memory whatever the size of the index.
/// About 60 MB at the defaults, whatever the index size (BENCHMARKS.md).
struct SuggesterLimits {
  /// Titles of the most recent articles (by date; undated ones only when
  /// there are fewer dated articles than this).
  std::size_t max_titles = 100'000;
  std::size_t max_people = 100'000;         ///< person keys mentioned by the most articles
  std::size_t max_regions = 10'000;         ///< region ids tagged on the most articles
  std::size_t max_terms = 100'000;          ///< most frequent words
  Xapian::doccount min_term_frequency = 3;  ///< a word must be in this many articles
};

/// Longest list suggest() returns.
inline constexpr std::size_t kMaxSuggestions = 50;

/// An immutable completion structure built from one revision of an index.
///
/// Matching: every text is normalized as the analyzer normalizes words (case,
/// ё/е, homoglyphs, punctuation between words) and keyed twice, by its exact
/// words and by their cross-script loose keys (analyzers::loose_key), so
/// «tok», «ток» and «тоқ» all complete to «Токаев». A query matches an entry
/// when it is a prefix of the entry's key at a word start: «путин» finds the
/// title «Токаев встретился с Путиным». A query that ends in a space or
/// punctuation completes only whole words («токаев » does not find
/// «Токаева»). Person queries also match through the person key of their
/// words («Тоқаевтың» -> «тоқаев»), as person: filters do.
///
/// Ranking, per kind: frequency (people, regions and words by the number of
/// articles; titles by views, then recency), an exact-spelling match counting
/// four times its frequency against a loose one. The list takes the best of
/// each kind in turn (person, region, term, title), skipping texts already
/// listed, and is then grouped by kind in that order, so a short list still
/// shows every kind that matched.
///
/// Wrong layout: when the query as typed completes to nothing, or its best
/// match is less than 1/100 as frequent as that of a reading from
/// analyzers::layout_fixes(), the suggestions are for the best such reading
/// and `layout_fixed` names it.
///
/// Thread-safe: any number of threads may call suggest() at once.
class Suggester {
 public:
  /// Reads the people (XPK terms), regions (XR), frequent words (unprefixed
  /// terms) and recent titles (stored articles) of `database`, one shard or
  /// several. Xapian errors are converted (kDataLoss, ...); kUnavailable
  /// when a writer committed twice during the build (reopen and retry), or
  /// when `cancel` (polled every few thousand steps) became true.
  static Result<std::shared_ptr<const Suggester>> build(const Xapian::Database& database,
                                                        const SuggesterLimits& limits = {},
                                                        const std::atomic<bool>* cancel = nullptr);

  /// Up to `limit` completions of `query` (limit is capped at kMaxSuggestions;
  /// 0 gives none). Never fails: a query with no words gives no suggestions.
  Suggestions suggest(std::string_view query, std::size_t limit) const;

  struct Stats {
    std::array<std::size_t, kSuggestionKinds> items{};  ///< per SuggestionKind
    std::size_t entries = 0;                            ///< prefix index entries, all kinds
    std::size_t memory_bytes = 0;                       ///< approximate
  };
  const Stats& stats() const { return stats_; }

 private:
  struct Item {
    std::string text;
    std::string id;
    SuggestionKind kind = SuggestionKind::kTerm;
    std::uint64_t score = 0;  // frequency: articles, or views + 1 for titles
  };
  struct Completion;
  Completion complete(std::string_view query, std::size_t limit) const;

  std::vector<Item> items_;
  std::array<PrefixIndex, kSuggestionKinds> exact_;  // by SuggestionKind
  std::array<PrefixIndex, kSuggestionKinds> loose_;
  std::uint64_t max_score_ = 0;  // of any item
  Stats stats_;

  friend class SuggesterBuilder;
};

/// How a person key is shown: each word and each part of a hyphenated word
/// capitalized ("токаев касым-жомарт кемелевич" -> "Токаев Касым-Жомарт Кемелевич").
std::string person_display_name(std::string_view key);

/// How a region is shown and found: its Russian name from the gazetteer
/// (analyzers/entities/region_gazetteer), and every ru/kk/Latin/English and
/// former name to match; an id the gazetteer does not know is its own name.
struct RegionNames {
  std::string display;
  std::vector<std::string> names;
};
RegionNames region_names(std::string_view id);

}  // namespace izdeu::corpus
