#include "analyzers/people/name_tokenizer.h"

#include <unicode/uchar.h>

#include "analyzers/script.h"
#include "analyzers/text_normalizer.h"
#include "analyzers/utf8.h"

namespace izdeu::analyzers {
namespace {

// Kazakh letters -> the Russian letters Russian text spells them with, and
// U+0451 CYRILLIC SMALL LETTER IO -> U+0435 е. Input is already lower case.
char32_t fold_letter(char32_t c) {
  switch (c) {
    case 0x0451:
      return 0x0435;  // ё -> е
    case 0x04D9:
      return 0x0430;  // U+04D9 CYRILLIC SMALL LETTER SCHWA ә -> а
    case 0x0493:
      return 0x0433;  // U+0493 CYRILLIC SMALL LETTER GHE WITH STROKE ғ -> г
    case 0x049B:
      return 0x043A;  // U+049B CYRILLIC SMALL LETTER KA WITH DESCENDER қ -> к
    case 0x04A3:
      return 0x043D;  // U+04A3 CYRILLIC SMALL LETTER EN WITH DESCENDER ң -> н
    case 0x04E9:
      return 0x043E;  // U+04E9 CYRILLIC SMALL LETTER BARRED O ө -> о
    case 0x04B1:
      return 0x0443;  // U+04B1 CYRILLIC SMALL LETTER STRAIGHT U WITH STROKE ұ -> у
    case 0x04AF:
      return 0x0443;  // U+04AF CYRILLIC SMALL LETTER STRAIGHT U ү -> у
    case 0x04BB:
      return 0x0445;  // U+04BB CYRILLIC SMALL LETTER SHHA һ -> х
    case 0x0456:
      return 0x0438;  // U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I і -> и
    default:
      return c;
  }
}

bool is_letter(char32_t c) {
  return c != kReplacementCharacter && u_isalpha(static_cast<UChar32>(c));
}

// Combining marks (the stress accent U+0301 COMBINING ACUTE ACCENT in
// dictionaries and some news) stay inside a word but are dropped from keys.
bool is_mark(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0; }

// Hyphens that join the halves of «Қасым-Жомарт»: U+002D HYPHEN-MINUS,
// U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN.
bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Apostrophes inside «О’Рейли», «д'Артаньян»: U+0027 APOSTROPHE, U+2019
// RIGHT SINGLE QUOTATION MARK, U+02BC MODIFIER LETTER APOSTROPHE.
bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

// Spaces that keep two words in one name: U+0020, tab, U+00A0 NO-BREAK
// SPACE, U+202F NARROW NO-BREAK SPACE (between initials in typeset text).
bool is_inline_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F; }

// Characters that end a sentence: . ! ? and U+2026 HORIZONTAL ELLIPSIS.
bool ends_sentence(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

// Opening quotes and brackets: ( [ " U+00AB «, U+201C “, U+201E „.
bool is_opening_quote(char32_t c) {
  return c == '(' || c == '[' || c == '"' || c == 0x00AB || c == 0x201C || c == 0x201E;
}

char32_t peek(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  return decode_utf8(text, i);
}

void append_folded(std::string& out, char32_t c) {
  if (is_mark(c)) return;
  if (is_hyphen(c)) {
    out += '-';
  } else if (is_apostrophe(c)) {
    out += '\'';
  } else {
    append_utf8(out, fold_letter(to_lower(c)));
  }
}

}  // namespace

std::string fold_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t c, std::size_t, std::size_t) {
    if (is_letter(c) || is_mark(c) || is_hyphen(c) || is_apostrophe(c)) {
      append_folded(out, c);
    } else {
      out += ' ';
    }
  });
  return out;
}

std::vector<NameWord> name_words(std::string_view text) {
  std::vector<NameWord> words;
  bool sentence_start = true;
  bool joined = false;  // only inline spaces since the previous word
  bool after_quote = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t begin = i;
    const char32_t c = decode_utf8(text, i);
    if (!is_letter(c)) {
      if (is_inline_space(c)) continue;
      joined = false;
      if (c == '\n') sentence_start = true;
      if (is_opening_quote(c)) after_quote = true;
      if (ends_sentence(c)) {
        // The dot after a one-letter word (an initial, «г.») or right
        // after an initial sequence does not end the sentence.
        const bool abbreviation = c == '.' && !words.empty() && words.back().end == begin &&
                                  words.back().folded.size() <= 2;
        if (!abbreviation) sentence_start = true;
      }
      continue;
    }
    NameWord word;
    word.begin = begin;
    word.sentence_start = sentence_start;
    word.joined = joined && !words.empty();
    word.after_quote = after_quote;
    word.cyrillic = is_cyrillic(c);
    word.capitalized = u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
    std::size_t letters = 1;
    std::size_t upper = word.capitalized ? 1 : 0;
    append_folded(word.folded, c);
    std::size_t end = i;
    while (i < text.size()) {
      std::size_t next = i;
      const char32_t d = decode_utf8(text, next);
      if (is_letter(d) || is_mark(d)) {
        if (is_letter(d)) {
          ++letters;
          upper += u_isupper(static_cast<UChar32>(d)) ? 1 : 0;
        }
        append_folded(word.folded, d);
        i = end = next;
        continue;
      }
      if ((is_hyphen(d) || is_apostrophe(d)) && is_letter(peek(text, next))) {
        if (is_hyphen(d) && u_islower(static_cast<UChar32>(peek(text, next)))) {
          word.lower_after_hyphen = true;
        }
        if (is_hyphen(d) && u_isupper(static_cast<UChar32>(peek(text, next)))) {
          word.upper_after_hyphen = true;
        }
        append_folded(word.folded, d);
        i = end = next;
        continue;
      }
      break;
    }
    word.end = end;
    word.all_caps = letters >= 2 && upper == letters;
    if (letters == 1 && word.capitalized && peek(text, end) == '.') {
      word.initial = true;
      word.end = end + 1;
      i = end + 1;
    }
    words.push_back(std::move(word));
    sentence_start = false;
    joined = true;
    after_quote = false;
  }
  return words;
}

}  // namespace izdeu::analyzers
