#include "corpus/suggest/suggester.h"

#include <algorithm>

#include "analyzers/gazetteers/region_gazetteer.h"
#include "analyzers/keyboard_layout.h"
#include "analyzers/utf8.h"
#include "corpus/suggest/suggest_keys.h"

namespace izdeu::corpus {
namespace {

// An exact-spelling match counts this many times its frequency against a
// loose (cross-script) one: «ток» lists «токаев» before a rarer «тоқаев»,
// but the Latin «tok» still lists «Токаев» (a loose match, thousands of
// articles) before a Latin word seen in three.
constexpr std::uint64_t kExactWeight = 4;
constexpr std::uint64_t kLooseWeight = 1;

// A layout reading replaces a query that completes to something only when its
// best match is this many times more frequent.
constexpr std::uint64_t kLayoutFixDominance = 100;

constexpr std::size_t kind_index(SuggestionKind kind) { return static_cast<std::size_t>(kind); }

constexpr SuggestionKind kKindOrder[kSuggestionKinds] = {
    SuggestionKind::kPerson, SuggestionKind::kRegion, SuggestionKind::kTerm,
    SuggestionKind::kTitle};

// Upper case of the letters a person key can hold: ASCII, Russian and Kazakh
// Cyrillic. Other letters stay as they are.
char32_t to_upper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 'a' + 'A';
  // U+0430..U+044F CYRILLIC SMALL LETTER A..YA -> U+0410..U+042F.
  if (c >= 0x0430 && c <= 0x044F) return c - 0x20;
  // U+0450..U+045F (ё U+0451, і U+0456 BYELORUSSIAN-UKRAINIAN I, ...) -> U+0400..U+040F.
  if (c >= 0x0450 && c <= 0x045F) return c - 0x50;
  switch (c) {
    case 0x04D9:     // U+04D9 CYRILLIC SMALL LETTER SCHWA (ә)
    case 0x0493:     // U+0493 CYRILLIC SMALL LETTER GHE WITH STROKE (ғ)
    case 0x049B:     // U+049B CYRILLIC SMALL LETTER KA WITH DESCENDER (қ)
    case 0x04A3:     // U+04A3 CYRILLIC SMALL LETTER EN WITH DESCENDER (ң)
    case 0x04E9:     // U+04E9 CYRILLIC SMALL LETTER BARRED O (ө)
    case 0x04B1:     // U+04B1 CYRILLIC SMALL LETTER STRAIGHT U WITH STROKE (ұ)
    case 0x04AF:     // U+04AF CYRILLIC SMALL LETTER STRAIGHT U (ү)
    case 0x04BB:     // U+04BB CYRILLIC SMALL LETTER SHHA (һ)
      return c - 1;  // each capital is the code point before its small letter
    default:
      return c;
  }
}

struct Scored {
  std::uint32_t item;
  std::uint64_t weight;
};

}  // namespace

std::string_view suggestion_kind_name(SuggestionKind kind) {
  switch (kind) {
    case SuggestionKind::kPerson:
      return "person";
    case SuggestionKind::kRegion:
      return "region";
    case SuggestionKind::kTerm:
      return "term";
    case SuggestionKind::kTitle:
      return "title";
  }
  return "term";
}

std::string person_display_name(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  bool word_start = true;
  analyzers::for_each_code_point(key, [&](char32_t c, std::size_t, std::size_t) {
    analyzers::append_utf8(out, word_start ? to_upper(c) : c);
    word_start = c == ' ' || c == '-';
  });
  return out;
}

RegionNames region_names(std::string_view id) {
  const analyzers::Region* region = analyzers::RegionGazetteer::builtin().region(id);
  if (region == nullptr) return {std::string(id), {std::string(id)}};
  // Shown by its Russian name; found by every name it has (both languages,
  // Latin, English, former names, towns), the display names first.
  RegionNames names{region->name.ru, region->names};
  if (names.display.empty()) names.display = region->id;
  return names;
}

struct Suggester::Completion {
  std::vector<Suggestion> items;
  std::uint64_t best = 0;  // the highest weight of any candidate
};

Suggester::Completion Suggester::complete(std::string_view query, std::size_t limit) const {
  Completion completion;
  const QueryKeys keys = query_keys(query);
  if (keys.empty() || limit == 0) return completion;

  std::array<std::vector<Scored>, kSuggestionKinds> candidates;
  auto collect = [&](SuggestionKind kind, const PrefixIndex& index, std::string_view prefix,
                     std::uint64_t weight) {
    if (prefix.empty()) return;
    auto& list = candidates[kind_index(kind)];
    for (const std::uint32_t item : index.top(prefix, limit)) {
      const std::uint64_t w = items_[item].score * weight;
      auto it = std::find_if(list.begin(), list.end(),
                             [item](const Scored& s) { return s.item == item; });
      if (it == list.end()) {
        list.push_back({item, w});
      } else {
        it->weight = std::max(it->weight, w);
      }
    }
  };
  for (const SuggestionKind kind : kKindOrder) {
    const PrefixIndex& exact = exact_[kind_index(kind)];
    const PrefixIndex& loose = loose_[kind_index(kind)];
    if (kind == SuggestionKind::kTerm) {
      collect(kind, exact, keys.last_exact, kExactWeight);
      collect(kind, loose, keys.last_loose, kLooseWeight);
      continue;
    }
    collect(kind, exact, keys.exact, kExactWeight);
    collect(kind, loose, keys.loose, kLooseWeight);
    if (kind == SuggestionKind::kPerson) {
      collect(kind, exact, keys.person_exact, kExactWeight);
      collect(kind, loose, keys.person_loose, kLooseWeight);
    }
  }
  for (auto& list : candidates) {
    // Items of a kind are numbered best first, so the item breaks ties.
    std::sort(list.begin(), list.end(), [](const Scored& a, const Scored& b) {
      return a.weight != b.weight ? a.weight > b.weight : a.item < b.item;
    });
    if (!list.empty()) completion.best = std::max(completion.best, list.front().weight);
  }

  // Round robin over the kinds, skipping texts already listed, then grouped.
  std::array<std::size_t, kSuggestionKinds> next{};
  auto& out = completion.items;
  auto listed = [&out](const std::string& text) {
    return std::any_of(out.begin(), out.end(), [&](const Suggestion& s) { return s.text == text; });
  };
  bool progress = true;
  while (out.size() < limit && progress) {
    progress = false;
    for (const SuggestionKind kind : kKindOrder) {
      if (out.size() == limit) break;
      const auto& list = candidates[kind_index(kind)];
      std::size_t& i = next[kind_index(kind)];
      for (; i < list.size(); ++i) {
        const Item& item = items_[list[i].item];
        std::string text = kind == SuggestionKind::kTerm ? keys.head + item.text : item.text;
        if (listed(text)) continue;
        out.push_back({std::move(text), kind, item.id});
        ++i;
        progress = true;
        break;
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
    return kind_index(a.kind) < kind_index(b.kind);
  });
  return completion;
}

Suggestions Suggester::suggest(std::string_view query, std::size_t limit) const {
  limit = std::min(limit, kMaxSuggestions);
  Suggestions result;
  Completion typed = complete(query, limit);
  // No reading can beat a query whose best match is over 1/100 of the best
  // weight anything could have: most queries skip the layout readings.
  if (!typed.items.empty() && typed.best > max_score_ * kExactWeight / kLayoutFixDominance) {
    result.items = std::move(typed.items);
    return result;
  }
  std::optional<Completion> fixed;
  for (analyzers::LayoutFix& fix : analyzers::layout_fixes(query)) {
    Completion candidate = complete(fix.text, limit);
    if (candidate.items.empty()) continue;
    const bool beats_typed =
        typed.items.empty() || candidate.best / kLayoutFixDominance >= typed.best;
    const bool beats_other_fix = !fixed || candidate.best > fixed->best;
    if (beats_typed && beats_other_fix) {
      fixed = std::move(candidate);
      result.layout_fixed = std::move(fix.text);
    }
  }
  result.items = fixed ? std::move(fixed->items) : std::move(typed.items);
  return result;
}

}  // namespace izdeu::corpus
