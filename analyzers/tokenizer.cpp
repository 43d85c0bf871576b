#include "analyzers/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>

#include "analyzers/utf8.h"

namespace izdeu::analyzers {
namespace {

// The text as ICU wants it (UTF-16), with the original byte offset of every
// UTF-16 unit so that tokens can point back into the caller's bytes.
struct Utf16Text {
  std::u16string units;
  std::vector<std::uint32_t> byte_of_unit;
};

// Applies the pre-break repairs while converting to UTF-16.
Utf16Text prepare(std::string_view text) {
  Utf16Text out;
  out.units.reserve(text.size());
  out.byte_of_unit.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto begin = static_cast<std::uint32_t>(i);
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && byte != 0x60) {  // ASCII fast path (0x60 is remapped below)
      out.units.push_back(static_cast<char16_t>(byte));
      out.byte_of_unit.push_back(begin);
      ++i;
      continue;
    }
    char32_t c = decode_utf8(text, i);
    switch (c) {
      case 0x00AD:  // U+00AD SOFT HYPHEN: an invisible line-break hint, not a word boundary.
        continue;
      case 0x200B:  // U+200B ZERO WIDTH SPACE
      case 0x2060:  // U+2060 WORD JOINER (scraped text uses it where a space was meant)
      case 0xFEFF:  // U+FEFF ZERO WIDTH NO-BREAK SPACE (BOM); the break rules would glue words
        c = U' ';
        break;
      case 0x2019:  // U+2019 RIGHT SINGLE QUOTATION MARK
      case 0x2018:  // U+2018 LEFT SINGLE QUOTATION MARK
      case 0x02BC:  // U+02BC MODIFIER LETTER APOSTROPHE
      case 0x0060:  // U+0060 GRAVE ACCENT, typed as an apostrophe on some keyboards
        c = U'\'';
        break;
      default:
        break;
    }
    if (c < 0x10000) {
      out.units.push_back(static_cast<char16_t>(c));
      out.byte_of_unit.push_back(begin);
    } else {
      out.units.push_back(static_cast<char16_t>(U16_LEAD(c)));
      out.units.push_back(static_cast<char16_t>(U16_TRAIL(c)));
      out.byte_of_unit.push_back(begin);
      out.byte_of_unit.push_back(begin);
    }
  }
  return out;
}

// UTF-8 of units[begin, end); the units come from prepare(), so they are
// well-formed except possibly a lone surrogate at a break, which becomes U+FFFD.
std::string to_utf8(const std::u16string& units, std::size_t begin, std::size_t end) {
  std::string out;
  out.reserve((end - begin) * 2);
  std::size_t i = begin;
  while (i < end) {
    const char16_t unit = units[i];
    if (unit < 0x80) {
      out.push_back(static_cast<char>(unit));
      ++i;
    } else if (unit < 0x800) {  // Cyrillic: the common case, two bytes
      out.push_back(static_cast<char>(0xC0 | (unit >> 6)));
      out.push_back(static_cast<char>(0x80 | (unit & 0x3F)));
      ++i;
    } else {
      UChar32 c = 0;
      U16_NEXT(units.data(), i, end, c);
      append_utf8(out, static_cast<char32_t>(c));
    }
  }
  return out;
}

bool is_capital(const std::u16string& units, std::size_t begin, std::size_t end) {
  UChar32 c = 0;
  U16_NEXT(units.data(), begin, end, c);
  return u_isupper(c) || u_istitle(c);
}

// BreakIterator objects are not thread-safe and expensive to create (they load
// the rule tables), so each thread creates one and reuses it for every call.
icu::BreakIterator* word_break_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> created(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  return iterator.get();
}

bool is_word_char(UChar32 c) { return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

// Used only when ICU's break rules cannot be loaded (missing ICU data): runs of
// letters, digits and marks are words. Keeps the "never fails" promise.
template <typename Emit>
void fallback_breaks(const std::u16string& units, Emit&& emit) {
  std::size_t i = 0;
  while (i < units.size()) {
    const std::size_t begin = i;
    UChar32 c = 0;
    U16_NEXT(units.data(), i, units.size(), c);
    if (!is_word_char(c)) continue;
    std::size_t end = i;
    while (end < units.size()) {
      std::size_t next = end;
      U16_NEXT(units.data(), next, units.size(), c);
      if (!is_word_char(c)) break;
      end = next;
    }
    emit(begin, end);
    i = end;
  }
}

}  // namespace

std::vector<Token> Tokenizer::tokenize(std::string_view text) const {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 8);  // news text averages 10-14 bytes per word and separator
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    text = text.substr(0, std::numeric_limits<std::uint32_t>::max());
  }
  const Utf16Text prepared = prepare(text);
  const std::u16string& units = prepared.units;
  if (units.empty()) return tokens;

  auto emit = [&](std::size_t begin, std::size_t end) {
    Token token;
    token.text = to_utf8(units, begin, end);
    token.position = static_cast<std::uint32_t>(tokens.size());
    token.byte_begin = prepared.byte_of_unit[begin];
    // The end is one past the last code point's original bytes: decode it
    // again from the input to learn its original length (an apostrophe
    // look-alike is 3 bytes there but one unit here).
    std::size_t last = prepared.byte_of_unit[end - 1];
    decode_utf8(text, last);
    token.byte_end = static_cast<std::uint32_t>(last);
    token.capitalized = is_capital(units, begin, end);
    tokens.push_back(std::move(token));
  };

  icu::BreakIterator* iterator = word_break_iterator();
  if (iterator == nullptr) {
    fallback_breaks(units, emit);
    return tokens;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;  // on the stack: no allocation per call
  utext_openUChars(&utext, reinterpret_cast<const UChar*>(units.data()),
                   static_cast<int64_t>(units.size()), &status);
  iterator->setText(&utext, status);
  if (U_FAILURE(status)) {
    utext_close(&utext);
    fallback_breaks(units, emit);
    return tokens;
  }
  std::int32_t begin = iterator->first();
  for (std::int32_t end = iterator->next(); end != icu::BreakIterator::DONE;
       begin = end, end = iterator->next()) {
    // Statuses below UBRK_WORD_NONE_LIMIT are spaces, punctuation and symbols.
    if (iterator->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    emit(static_cast<std::size_t>(begin), static_cast<std::size_t>(end));
  }
  // The iterator keeps a shallow clone of `utext`, which points into `units`;
  // point it at a program-lifetime empty string so nothing dangles after return.
  static const icu::UnicodeString kEmpty;
  iterator->setText(kEmpty);
  utext_close(&utext);
  return tokens;
}

}  // namespace izdeu::analyzers
