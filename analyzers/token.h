#pragma once

#include <cstdint>
#include <string>

#include "analyzers/language.h"

namespace izdeu::analyzers {

/// One word of analyzed text.
struct Token {
  std::string text;  ///< exact form: normalized (NFKC case fold, ё→е, ...), never empty
  std::string stem;  ///< stem for the Z terms; empty when the word has none (numbers)
  Language language = Language::kRussian;  ///< the language this word was analyzed as
  std::uint32_t position = 0;              ///< word position, increasing from 0
  std::uint32_t byte_begin = 0;            ///< offset of the word in the original UTF-8 input
  std::uint32_t byte_end = 0;              ///< one past its last byte
  bool capitalized = false;                ///< the word began with an upper-case letter
};

}  // namespace izdeu::analyzers
