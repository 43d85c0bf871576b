#pragma once
// UTF-8 text -> words, by ICU's word BreakIterator (Unicode UAX #29 rules).

#include <string_view>
#include <vector>

#include "analyzers/token.h"

namespace izdeu::analyzers {

/// Splits text into letter and number words, the same for every language
/// (ICU's root, ru and kk word-break rules are identical).
///
/// Before breaking, the text is repaired as language.md §7.5 suggests:
///   * U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER and U+FEFF BOM separate words;
///   * U+00AD SOFT HYPHEN, U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH
///     JOINER are deleted (the word stays whole);
///   * U+00A0 NO-BREAK SPACE and U+202F NARROW NO-BREAK SPACE between a digit
///     and a group of exactly three digits are deleted ("1 000 000" is the one
///     number 1000000); anywhere else they separate words;
///   * the apostrophe look-alikes U+2019, U+2018, U+02BC, U+0060 and U+00B4
///     become U+0027, so "O’skemen" is one word as "O'skemen" is.
///
/// After breaking, words are shaped for search (language.md §7.4):
///   * hyphens (U+002D, U+2010, U+2011 with no space around them) split words,
///     and the first part of a compound of 2-4 parts gets the joined form as
///     an alias: "Нур-Султан" -> "Нур" {alias "НурСултан", span 2}, "Султан";
///     "COVID-19" -> "COVID" {"COVID19", 2}, "19". Number ranges ("1941-1945")
///     get no alias; dashes (U+2013, U+2014) never join;
///   * a case ending or ordinal suffix after a hyphen behind an acronym or a
///     number is dropped: "ҚР-да" -> "ҚР", "5-ші" -> "5", "2021-жылы" -> "2021",
///     "90-х" -> "90", "5-го" -> "5";
///   * initials, which ICU keeps as one word, are split: "Л.Ю" -> "Л" {alias
///     "ЛЮ", span 2}, "Ю"; "Н.Назарбаев" -> "Н", "Назарбаев".
/// Aliases are in the original case; UnicodeNormalizer normalizes them.
///
/// Each Token gets `text` (the word after these repairs, not yet case-folded),
/// `position` (0, 1, 2, ... in order, no gaps; a dropped suffix takes none),
/// `byte_begin`/`byte_end` (the word's bytes in the ORIGINAL input, including any soft hyphen
/// inside it) and `capitalized` (its first letter is upper or title case). `stem` is empty and
/// `language` is left at its default; filters fill them.
///
/// Invalid UTF-8 never fails: each bad byte is read as U+FFFD, which is not a
/// letter, so it separates words; offsets still point into the original bytes.
/// Inputs longer than 4 GiB are analyzed up to the first 4 GiB (offsets are 32-bit).
///
/// Thread-safe: uses one ICU BreakIterator per thread.
class Tokenizer {
 public:
  std::vector<Token> tokenize(std::string_view text) const;
};

}  // namespace izdeu::analyzers
