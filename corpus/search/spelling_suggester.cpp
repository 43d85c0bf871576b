#include "corpus/search/spelling_suggester.h"

#include <algorithm>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/keyboard_layout.h"
#include "analyzers/language_detector.h"
#include "analyzers/script.h"
#include "analyzers/text_normalizer.h"
#include "analyzers/utf8.h"
#include "corpus/index/lexicon.h"
#include "corpus/query/query_builder.h"
#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

using analyzers::Token;

// A word the index holds at least this often (as typed or by its stem) is
// taken as meant and never corrected.
constexpr Xapian::doccount kKnownFrom = 3;
// A correction of a word the index does hold must be this many times more
// frequent than the word.
constexpr Xapian::doccount kRarerBy = 10;
// Words shorter than this (in code points) are left alone: at one edit from
// almost anything.
constexpr std::size_t kMinWordChars = 3;
// Vocabulary entries looked at per word, at most: bounds the cost on a huge
// index (entries are visited in order, sharing the word's first letters).
constexpr std::size_t kMaxScannedTerms = 100'000;

std::u32string code_points(std::string_view text) {
  std::u32string out;
  std::size_t i = 0;
  while (i < text.size()) out += analyzers::decode_utf8(text, i);
  return out;
}

bool is_latin_word(std::u32string_view word) {
  return std::all_of(word.begin(), word.end(), [](char32_t c) {
    return analyzers::is_latin_letter(c) || (c >= '0' && c <= '9');
  });
}

bool has_letter(std::u32string_view word) {
  return std::any_of(word.begin(), word.end(), [](char32_t c) {
    return analyzers::is_latin_letter(c) || analyzers::is_cyrillic(c);
  });
}

struct Candidate {
  std::string term;
  std::size_t distance = 0;
  Xapian::doccount frequency = 0;
};

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// Looks through the vocabulary entries under `start` (an index prefix plus
// the word's first letters) for the best correction of `target`; entries
// under `skip` (non-empty) were looked at already.
// Loose keys are lexicon keys (lexicon.h), not terms: their entries are the
// synonym table's keys, and a key is as frequent as its most frequent form.
void scan(const Xapian::Database& database, std::size_t prefix_size, const std::string& start,
          const std::string& skip, const std::u32string& target, std::size_t limit,
          std::size_t& scanned, std::optional<Candidate>& best) {
  const bool lexicon = prefix_size > 0;
  // Returns false once the scan has looked at enough entries.
  auto consider = [&](const std::string& term, auto frequency_of) {
    if (++scanned > kMaxScannedTerms) return false;
    if (!skip.empty() && term.compare(0, skip.size(), skip) == 0) return true;
    const std::string_view body = std::string_view(term).substr(prefix_size);
    // Most entries differ too much in length; counting code points needs no decoding.
    const std::size_t length = count_code_points(body);
    if ((length > target.size() ? length - target.size() : target.size() - length) > limit)
      return true;
    const std::size_t distance = edit_distance(target, code_points(body), limit);
    if (distance == 0 || distance > limit) return true;
    const Xapian::doccount frequency = frequency_of();
    if (!best || distance < best->distance ||
        (distance == best->distance && frequency > best->frequency)) {
      best = Candidate{std::string(body), distance, frequency};
    }
    return true;
  };
  if (lexicon) {
    // Through lexicon.h, which also reads remote shards' mirrors.
    for (const std::string& key : lexicon_keys_from(database, start, kMaxScannedTerms + 1)) {
      if (!consider(key, [&] { return lexicon_frequency(database, key); })) return;
    }
    return;
  }
  for (auto it = database.allterms_begin(start); it != database.allterms_end(start); ++it) {
    if (!consider(*it, [&] { return it.get_termfreq(); })) return;
  }
}

// The most frequent vocabulary entry under `prefix` ("" for exact forms,
// "XL" for the lexicon's loose keys) at the smallest edit distance from
// `word`, sharing its first letter. Entries sharing the first two letters are
// looked at first (a small part of the vocabulary); the rest of the first
// letter's only when they hold nothing within one edit.
std::optional<Candidate> nearest(const Xapian::Database& database, std::string_view prefix,
                                 std::string_view word) {
  const std::u32string target = code_points(word);
  if (target.size() < kMinWordChars) return std::nullopt;
  const std::size_t limit = target.size() <= 4 ? 1 : 2;
  std::string first_letter(prefix);
  analyzers::append_utf8(first_letter, target[0]);
  std::string first_two = first_letter;
  analyzers::append_utf8(first_two, target[1]);

  std::optional<Candidate> best;
  std::size_t scanned = 0;
  scan(database, prefix.size(), first_two, "", target, limit, scanned, best);
  if (!best || best->distance > 1) {
    scan(database, prefix.size(), first_letter, first_two, target, limit, scanned, best);
  }
  return best;
}

// Whether a field name ("person" in «person:Токаев») ends at `end`.
bool is_field_name(std::string_view query, std::size_t end) {
  return end < query.size() && query[end] == ':';
}

// Articles `text` finds with the request's filters, counted up to `enough`.
Xapian::doccount count_matches(const Xapian::Database& database, const SearchRequest& request,
                               const std::string& text, Xapian::doccount enough) {
  SearchRequest probe = request;
  probe.query = text;
  probe.after.clear();
  auto built = build_query(probe, &database);
  if (!built) return 0;
  Xapian::Enquire enquire(database);
  enquire.set_query(built->query);
  return enquire.get_mset(0, 0, enough).get_matches_lower_bound();
}

// The query's words, normalized and joined: two texts that read the same.
std::string normalized(std::string_view text, const analyzers::Analyzer& analyzer) {
  std::string out;
  for (const Token& token : analyzer.analyze(text)) out += token.text + ' ';
  return out;
}

// The Cyrillic reading of a query typed on Latin keys, when the index knows
// every word of it. The readings come from the analyzers' one keyboard map
// (Russian first, then Kazakh where a digit-row key carries a Kazakh letter).
std::optional<std::string> layout_reading(const Xapian::Database& database,
                                          std::string_view query) {
  for (const analyzers::LayoutFix& fix : analyzers::layout_fixes(query)) {
    if (fix.typed != analyzers::KeyboardLayout::kLatin) continue;
    std::string reading = analyzers::to_lower_utf8(fix.text);
    const analyzers::Language language = analyzers::detect_language(reading);
    const std::vector<Token> tokens = analyzers::analyzer_for(language).analyze(reading);
    const bool known = !tokens.empty() && std::all_of(tokens.begin(), tokens.end(), [&](auto& t) {
      return database.get_termfreq(t.text) > 0 ||
             (!t.stem.empty() && lexicon_frequency(database, stem_key(t.language, t.stem)) > 0);
    });
    if (known) return reading;
  }
  return std::nullopt;
}

// The query with every unknown or suspiciously rare word corrected; nullopt
// when no word needed or found a correction.
std::optional<std::string> corrected_words(const Xapian::Database& database, std::string_view query,
                                           const analyzers::Analyzer& analyzer) {
  std::string out;
  std::size_t copied = 0;
  bool changed = false;
  for (const Token& token : analyzer.analyze(query)) {
    if (token.stop_word || is_field_name(query, token.byte_end)) continue;
    const std::u32string word = code_points(token.text);
    if (word.size() < kMinWordChars || !has_letter(word)) continue;
    const bool latin = is_latin_word(word);
    // How often the index holds the word the way the query builder would
    // match it: as typed, by stem, or (Latin) by its loose key.
    Xapian::doccount frequency = database.get_termfreq(token.text);
    if (!token.stem.empty()) {
      frequency =
          std::max(frequency, lexicon_frequency(database, stem_key(token.language, token.stem)));
    }
    if (latin && !token.loose.empty()) {
      frequency = std::max(frequency, lexicon_frequency(database, loose_key(token.loose)));
    }
    if (frequency >= kKnownFrom) continue;
    const std::optional<Candidate> candidate =
        latin ? nearest(database, schema::kLoosePrefix,
                        token.loose.empty() ? token.text : token.loose)
              : nearest(database, "", token.text);
    if (!candidate || candidate->frequency < std::max<Xapian::doccount>(1, frequency * kRarerBy)) {
      continue;
    }
    out.append(query.substr(copied, token.byte_begin - copied));
    out += candidate->term;
    copied = token.byte_end;
    changed = true;
  }
  if (!changed) return std::nullopt;
  out.append(query.substr(copied));
  return out;
}

}  // namespace

std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows of the optimal-string-alignment table (Damerau-Levenshtein
  // without repeated edits of one substring).
  std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        value = std::min(value, before[j - 2] + 1);
      }
      current[j] = value;
      row_min = std::min(row_min, value);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

std::optional<std::string> suggest_correction(const Xapian::Database& database,
                                              const SearchRequest& request, std::uint64_t total) {
  const std::string& query = request.query;
  const analyzers::Language language = request.language.value_or(analyzers::detect_language(query));
  const analyzers::Analyzer& analyzer = analyzers::analyzer_for(language);

  std::vector<std::string> readings;
  if (auto reading = layout_reading(database, query)) readings.push_back(std::move(*reading));
  if (auto reading = corrected_words(database, query, analyzer)) {
    readings.push_back(std::move(*reading));
  }
  const std::string typed = normalized(query, analyzer);
  const Xapian::doccount enough =
      static_cast<Xapian::doccount>(std::min<std::uint64_t>(total, kExactCountsUpTo)) + 1;
  for (const std::string& reading : readings) {
    if (normalized(reading, analyzer) == typed) continue;
    if (count_matches(database, request, reading, enough) > total) return reading;
  }
  return std::nullopt;
}

}  // namespace izdeu::corpus
