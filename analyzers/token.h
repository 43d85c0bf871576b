#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyzers/language.h"

namespace izdeu::analyzers {

/// Another exact form that stands at a token's position and matches wherever
/// the token's own text would: the number of a Roman numeral ("xxvi" -> "26"),
/// the joined form of a compound ("нур" + "султан" -> "нурсултан"), the
/// initials joined ("л" + "ю" -> "лю").
struct Alias {
  std::string text;        ///< normalized like Token::text
  std::uint32_t span = 1;  ///< consecutive tokens it stands for, starting at this one
};

/// One word of analyzed text.
struct Token {
  std::string text;  ///< exact form: normalized (NFKC case fold, ё→е, ...), never empty
  std::string stem;  ///< stem for the Z terms; empty when the word has none (numbers)
  /// Cross-script loose key: lower-case ASCII that equates Cyrillic kk/ru and
  /// every Latin spelling of the word (Тоқаев, Токаев, Tokayev, Toqaev ->
  /// "tokaev"); empty when the word has no letters to key.
  std::string loose;
  /// The loose key of the stem, when it differs from `loose` (so that an
  /// inflected form is still found by a Latin spelling of its base).
  std::string loose_stem;
  std::vector<Alias> aliases;              ///< other exact forms at this position
  Language language = Language::kRussian;  ///< the language this word was analyzed as
  std::uint32_t position = 0;              ///< word position, non-decreasing from 0
  std::uint32_t byte_begin = 0;            ///< offset of the word in the original UTF-8 input
  std::uint32_t byte_end = 0;              ///< one past its last byte
  bool capitalized = false;                ///< the word began with an upper-case letter
  bool stop_word = false;  ///< a function word: indexed, but dropped from unquoted queries
};

}  // namespace izdeu::analyzers
