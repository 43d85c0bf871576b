#include "corpus/search/snippet_generator.h"

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/text_normalizer.h"
#include "analyzers/utf8.h"

namespace izdeu::corpus {
namespace {

using analyzers::Token;

// Passages are at least this many characters: shorter ones read as noise.
constexpr std::size_t kMinPassageChars = 60;

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offset `chars` code points after `from` (or the end of text).
std::size_t advance_chars(std::string_view text, std::size_t from, std::size_t chars) {
  std::size_t i = from;
  while (i < text.size() && chars > 0) {
    ++i;
    while (i < text.size() && is_continuation_byte(text[i])) ++i;
    --chars;
  }
  return i;
}

// Byte offset `chars` code points before `from` (or 0).
std::size_t retreat_chars(std::string_view text, std::size_t from, std::size_t chars) {
  std::size_t i = from;
  while (i > 0 && chars > 0) {
    --i;
    while (i > 0 && is_continuation_byte(text[i])) --i;
    --chars;
  }
  return i;
}

// The readings the index matches on (article_codec.cpp writes them, the
// query builder asks for them): the exact form or an alias of it, the stem,
// and the loose keys of the word and of its stem.
bool matches(const Token& token, const MatchTerms& terms) {
  if (terms.exact.count(token.text) > 0) return true;
  if (!token.stem.empty() && terms.stems.count(token.stem) > 0) return true;
  for (const analyzers::Alias& alias : token.aliases) {
    if (terms.exact.count(alias.text) > 0) return true;
  }
  if (!token.loose.empty() && terms.loose.count(token.loose) > 0) return true;
  return !token.loose_stem.empty() && terms.loose.count(token.loose_stem) > 0;
}

struct Match {
  std::size_t begin;
  std::size_t end;
  std::size_t key;  // index of the distinct word (query word, else stem, else text) it is a form of
};

// Which word a matched token is a form of: the query word it reads, when the
// query knows (MatchTerms::word_of); else its stem, else its text.
std::string word_key(const Token& token, const MatchTerms& terms) {
  auto word = terms.word_of.find(token.text);
  for (std::size_t i = 0; word == terms.word_of.end() && i < token.aliases.size(); ++i) {
    word = terms.word_of.find(token.aliases[i].text);
  }
  if (word != terms.word_of.end()) return "#" + std::to_string(word->second);
  return "=" + (token.stem.empty() ? token.text : token.stem);
}

std::vector<Match> find_matches(const std::vector<Token>& tokens, const MatchTerms& terms,
                                std::size_t& distinct) {
  std::vector<std::string> keys;
  std::vector<Match> found;
  for (const Token& token : tokens) {
    if (!matches(token, terms)) continue;
    const std::string key = word_key(token, terms);
    auto it = std::find(keys.begin(), keys.end(), key);
    if (it == keys.end()) it = keys.insert(keys.end(), key);
    found.push_back(
        {token.byte_begin, token.byte_end, static_cast<std::size_t>(it - keys.begin())});
  }
  distinct = keys.size();
  return found;
}

struct Passage {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The window of `chars` characters that covers the most words not yet in
// `covered` (then the most matches), starting a little before a match for
// context and not overlapping `taken`. nullopt when no window adds a word.
std::optional<Passage> best_window(std::string_view text, const std::vector<Match>& found,
                                   const std::vector<bool>& covered,
                                   const std::vector<Passage>& taken, std::size_t chars) {
  const std::size_t lead_chars = std::min<std::size_t>(chars / 5, 40);
  std::optional<Passage> best;
  std::size_t best_new = 0;
  std::size_t best_count = 0;
  std::vector<bool> seen(covered.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    Passage window;
    window.begin = std::max(retreat_chars(text, found[i].begin, lead_chars),
                            i > 0 ? found[i - 1].end : std::size_t{0});
    window.end = advance_chars(text, window.begin, chars);
    bool overlaps = false;
    for (const Passage& other : taken) {
      if (window.begin < other.end && other.begin < window.end) overlaps = true;
    }
    if (overlaps) continue;
    std::fill(seen.begin(), seen.end(), false);
    std::size_t fresh = 0;
    std::size_t count = 0;
    for (std::size_t j = i; j < found.size() && found[j].end <= window.end; ++j) {
      if (!covered[found[j].key] && !seen[found[j].key]) ++fresh;
      seen[found[j].key] = true;
      ++count;
    }
    if (fresh > best_new || (fresh == best_new && fresh > 0 && count > best_count)) {
      best = window;
      best_new = fresh;
      best_count = count;
    }
  }
  return best;
}

// Moves the cuts of `passage` to word boundaries so no word shows in halves.
Passage snapped(Passage passage, std::string_view text, const std::vector<Token>& tokens,
                std::size_t chars) {
  for (const Token& token : tokens) {
    if (token.byte_begin < passage.begin && token.byte_end > passage.begin) {
      passage.begin = token.byte_begin;
    }
    if (token.byte_begin < passage.end && token.byte_end > passage.end) {
      passage.end = token.byte_begin;
    }
  }
  if (passage.end <= passage.begin) passage.end = advance_chars(text, passage.begin, chars);
  return passage;
}

// HTML of text[begin, end) with every match inside wrapped in <mark>, on one
// line: a paragraph break ("\n\n") reads as one space.
std::string render(std::string_view text, Passage passage, const std::vector<Match>& found) {
  std::string out;
  std::size_t cursor = passage.begin;
  for (const Match& match : found) {
    if (match.begin < passage.begin || match.end > passage.end) continue;
    out += html_escape(text.substr(cursor, match.begin - cursor));
    out += "<mark>";
    out += html_escape(text.substr(match.begin, match.end - match.begin));
    out += "</mark>";
    cursor = match.end;
  }
  out += html_escape(text.substr(cursor, passage.end - cursor));
  std::string line;
  line.reserve(out.size());
  for (char c : out) {
    if (c == '\n' || c == '\r') c = ' ';
    if (c == ' ' && !line.empty() && line.back() == ' ') continue;
    line += c;
  }
  return line;
}

// The text's tokens, with their readings only when `terms` matches by
// reading (a query without the lexicon): with it, every matched form is in
// `terms.exact`, and the stems and loose keys are work for nothing.
std::vector<Token> tokens_of(std::string_view text, analyzers::Language language,
                             const MatchTerms& terms) {
  const analyzers::Analyzer& analyzer = analyzers::analyzer_for(language);
  if (terms.stems.empty() && terms.loose.empty()) return analyzer.analyze_forms(text);
  return analyzer.analyze(text);
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string highlight(std::string_view text, analyzers::Language language,
                      const MatchTerms& terms) {
  const std::vector<Token> tokens = tokens_of(text, language, terms);
  std::size_t distinct = 0;
  return render(text, {0, text.size()}, find_matches(tokens, terms, distinct));
}

std::string make_snippet(std::string_view text, analyzers::Language language,
                         const MatchTerms& terms, std::size_t max_chars, std::size_t max_passages) {
  if (text.empty() || max_chars == 0) return {};
  const std::vector<Token> tokens = tokens_of(text, language, terms);
  std::size_t distinct = 0;
  const std::vector<Match> found = find_matches(tokens, terms, distinct);

  // One passage when it can show every matched word; otherwise the fewest
  // passages (each an equal share of max_chars) that show the most words.
  std::vector<Passage> passages;
  std::size_t shown = 0;
  const std::size_t most = std::max<std::size_t>(1, max_passages);
  for (std::size_t k = 1; k <= most; ++k) {
    if (k > 1 && max_chars / k < kMinPassageChars) break;
    std::vector<Passage> chosen;
    std::vector<bool> covered(distinct, false);
    std::size_t covers = 0;
    for (std::size_t n = 0; n < k; ++n) {
      auto window = best_window(text, found, covered, chosen, max_chars / k);
      if (!window) break;
      for (const Match& match : found) {
        if (match.begin >= window->begin && match.end <= window->end && !covered[match.key]) {
          covered[match.key] = true;
          ++covers;
        }
      }
      chosen.push_back(*window);
    }
    if (k == 1 || covers > shown) {
      passages = std::move(chosen);
      shown = covers;
    }
    if (shown == distinct) break;
  }
  if (passages.empty()) passages.push_back({0, advance_chars(text, 0, max_chars)});
  const std::size_t chars = max_chars / passages.size();
  for (Passage& passage : passages) passage = snapped(passage, text, tokens, chars);
  std::sort(passages.begin(), passages.end(),
            [](const Passage& a, const Passage& b) { return a.begin < b.begin; });

  std::string out;
  if (passages.front().begin > 0) out += "…";
  for (std::size_t i = 0; i < passages.size(); ++i) {
    if (i > 0) out += " … ";
    std::string line = render(text, passages[i], found);
    // Trim the spaces a cut leaves, so joins read "word … word".
    const std::size_t first = line.find_first_not_of(' ');
    const std::size_t last = line.find_last_not_of(' ');
    out += first == std::string::npos ? std::string() : line.substr(first, last - first + 1);
  }
  if (passages.back().end < text.size()) out += "…";
  return out;
}

std::string generated_title(std::string_view body) {
  // Only the start is read: ten words fit in far fewer bytes than this even
  // when the body opens with runs of white space. Cut at a code point.
  constexpr std::size_t kReadBytes = 2048;
  bool more = false;
  if (body.size() > kReadBytes) {
    std::size_t end = kReadBytes;
    while (end > 0 && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) --end;
    body = body.substr(0, end);
    more = true;
  }
  const std::string text = analyzers::collapse_whitespace(body);
  std::string title;
  std::size_t title_chars = 0;
  std::size_t words = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t space = std::min(text.find(' ', at), text.size());
    const std::string_view word = std::string_view(text).substr(at, space - at);
    const std::size_t word_chars = analyzers::count_code_points(word);
    const std::size_t needed = title_chars + (words > 0 ? 1 : 0) + word_chars;
    if (words == kGeneratedTitleWords || needed > kGeneratedTitleChars) {
      if (words == 0) {
        // One word longer than a title: its first characters.
        std::size_t cut = 0;
        std::size_t taken = 0;
        analyzers::for_each_code_point(word, [&](char32_t, std::size_t, std::size_t end) {
          if (taken < kGeneratedTitleChars) {
            cut = end;
            ++taken;
          }
        });
        title.assign(word.substr(0, cut));
      }
      more = true;
      break;
    }
    if (words > 0) title.push_back(' ');
    title.append(word);
    title_chars = needed;
    ++words;
    at = space + 1;
  }
  if (!more) return title;
  // "Астана, 1 июля —…" reads as a cut; "Астана, 1 июля…" as a pause.
  while (!title.empty()) {
    const std::string_view view = title;
    if (view.ends_with(",") || view.ends_with(":") || view.ends_with(";") || view.ends_with("-") ||
        view.ends_with(" ")) {
      title.pop_back();
    } else if (view.ends_with("\u2014") || view.ends_with("\u2013")) {  // EM DASH, EN DASH
      title.resize(title.size() - 3);
    } else {
      break;
    }
  }
  return title.empty() ? title : title + "\u2026";  // HORIZONTAL ELLIPSIS
}

}  // namespace izdeu::corpus
