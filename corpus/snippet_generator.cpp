#include "corpus/snippet_generator.h"

#include <algorithm>
#include <set>
#include <vector>

#include "analyzers/analyzer.h"

namespace izdeu::corpus {
namespace {

using analyzers::Token;

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

bool matches(const Token& token, const MatchTerms& terms) {
  if (terms.exact.count(token.text) > 0) return true;
  if (!token.stem.empty() && terms.stems.count(token.stem) > 0) return true;
  for (const analyzers::Alias& alias : token.aliases) {
    if (terms.exact.count(alias.text) > 0) return true;
  }
  return !token.loose.empty() && terms.loose.count(token.loose) > 0;
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

std::string make_snippet(std::string_view text, analyzers::Language language,
                         const MatchTerms& terms, std::size_t max_chars) {
  if (text.empty() || max_chars == 0) return {};
  const std::vector<Token> tokens = analyzers::analyzer_for(language).analyze(text);
  std::vector<const Token*> matched;
  for (const Token& token : tokens) {
    if (matches(token, terms)) matched.push_back(&token);
  }

  // Pick the window that covers the most distinct matched words (then the most
  // matches); a window starts a little before a matched word for context.
  const std::size_t lead_chars = std::min<std::size_t>(max_chars / 5, 40);
  std::size_t best_begin = 0;
  std::size_t best_distinct = 0;
  std::size_t best_count = 0;
  for (std::size_t i = 0; i < matched.size(); ++i) {
    const std::size_t begin = retreat_chars(text, matched[i]->byte_begin, lead_chars);
    const std::size_t end = advance_chars(text, begin, max_chars);
    std::set<std::string_view> distinct;
    std::size_t count = 0;
    for (std::size_t j = i; j < matched.size() && matched[j]->byte_end <= end; ++j) {
      distinct.insert(matched[j]->stem.empty() ? matched[j]->text : matched[j]->stem);
      ++count;
    }
    if (distinct.size() > best_distinct ||
        (distinct.size() == best_distinct && count > best_count)) {
      best_begin = begin;
      best_distinct = distinct.size();
      best_count = count;
    }
  }
  std::size_t begin = best_begin;
  std::size_t end = advance_chars(text, begin, max_chars);

  // Snap the cuts to word boundaries so no word is shown in halves.
  for (const Token& token : tokens) {
    if (token.byte_begin < begin && token.byte_end > begin) begin = token.byte_begin;
    if (token.byte_begin < end && token.byte_end > end) end = token.byte_begin;
  }
  if (end <= begin) end = advance_chars(text, begin, max_chars);

  std::string out;
  if (begin > 0) out += "…";
  std::size_t cursor = begin;
  for (const Token* token : matched) {
    if (token->byte_begin < begin || token->byte_end > end) continue;
    out += html_escape(text.substr(cursor, token->byte_begin - cursor));
    out += "<mark>";
    out += html_escape(text.substr(token->byte_begin, token->byte_end - token->byte_begin));
    out += "</mark>";
    cursor = token->byte_end;
  }
  out += html_escape(text.substr(cursor, end - cursor));
  // A snippet is one line: a paragraph break ("\n\n") reads as one space.
  std::string line;
  line.reserve(out.size());
  for (char c : out) {
    if (c == '\n' || c == '\r') c = ' ';
    if (c == ' ' && !line.empty() && line.back() == ' ') continue;
    line += c;
  }
  out = std::move(line);
  if (end < text.size()) out += "…";
  return out;
}

}  // namespace izdeu::corpus
