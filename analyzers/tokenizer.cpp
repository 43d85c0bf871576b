#include "analyzers/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/utf8.h"

namespace izdeu::analyzers {
namespace {

// The text as ICU wants it (UTF-16), with the original byte offset of every
// UTF-16 unit so that tokens can point back into the caller's bytes.
struct Utf16Text {
  std::u16string units;
  std::vector<std::uint32_t> byte_of_unit;
};

bool is_ascii_digit(unsigned char byte) { return byte >= '0' && byte <= '9'; }

// True when `text` at `i` holds exactly three ASCII digits not followed by a
// fourth: the next group of a number written "1 000 000".
bool digit_group_follows(std::string_view text, std::size_t i) {
  if (i + 3 > text.size()) return false;
  for (std::size_t k = i; k < i + 3; ++k) {
    if (!is_ascii_digit(static_cast<unsigned char>(text[k]))) return false;
  }
  return i + 3 == text.size() || !is_ascii_digit(static_cast<unsigned char>(text[i + 3]));
}

// Applies the pre-break repairs while converting to UTF-16.
Utf16Text prepare(std::string_view text) {
  Utf16Text out;
  // A code point of k bytes gives at most k units (4 bytes -> 2 units; a bad
  // byte -> 1 unit), so text.size() units are enough. Writing through indexes
  // into pre-sized buffers, instead of push_back, keeps this per-byte loop free
  // of capacity checks; the buffers are cut to size at the end.
  out.units.resize(text.size());
  out.byte_of_unit.resize(text.size());
  char16_t* units = out.units.data();
  std::uint32_t* offsets = out.byte_of_unit.data();
  std::size_t n = 0;  // units written
  std::size_t i = 0;
  while (i < text.size()) {
    const auto begin = static_cast<std::uint32_t>(i);
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && byte != 0x60) {  // ASCII fast path (0x60 is remapped below)
      units[n] = static_cast<char16_t>(byte);
      offsets[n++] = begin;
      ++i;
      continue;
    }
    char32_t c = decode_utf8(text, i);
    // U+0300..U+1FFF (Cyrillic and every other alphabet) has nothing to repair:
    // skip the switch for the characters of nearly every word.
    if (c >= 0x0300 && c < 0x2000) {
      units[n] = static_cast<char16_t>(c);
      offsets[n++] = begin;
      continue;
    }
    switch (c) {
      case 0x00AD:  // U+00AD SOFT HYPHEN: an invisible line-break hint, not a word boundary.
      case 0x200C:  // U+200C ZERO WIDTH NON-JOINER and
      case 0x200D:  // U+200D ZERO WIDTH JOINER: invisible, never stand for a space in
                    // Cyrillic or Latin text, so the word stays whole.
        continue;
      case 0x200B:  // U+200B ZERO WIDTH SPACE
      case 0x2060:  // U+2060 WORD JOINER (scraped text uses it where a space was meant)
      case 0xFEFF:  // U+FEFF ZERO WIDTH NO-BREAK SPACE (BOM); the break rules would glue words
        c = U' ';
        break;
      case 0x00A0:  // U+00A0 NO-BREAK SPACE
      case 0x202F:  // U+202F NARROW NO-BREAK SPACE (ICU would glue words around it)
        // Between digit groups it is a thousands separator: "1 000 000" is one
        // number, 1000000. Anywhere else it separates words.
        if (n > 0 && units[n - 1] < 0x80 &&
            is_ascii_digit(static_cast<unsigned char>(units[n - 1])) &&
            digit_group_follows(text, i)) {
          continue;
        }
        c = U' ';
        break;
      case 0x2019:  // U+2019 RIGHT SINGLE QUOTATION MARK
      case 0x2018:  // U+2018 LEFT SINGLE QUOTATION MARK
      case 0x02BC:  // U+02BC MODIFIER LETTER APOSTROPHE
      case 0x0060:  // U+0060 GRAVE ACCENT, typed as an apostrophe on some keyboards
      case 0x00B4:  // U+00B4 ACUTE ACCENT, likewise
        c = U'\'';  // U+0027 APOSTROPHE
        break;
      default:
        break;
    }
    if (c < 0x10000) {
      units[n] = static_cast<char16_t>(c);
      offsets[n++] = begin;
    } else {
      units[n] = static_cast<char16_t>(U16_LEAD(c));
      offsets[n++] = begin;
      units[n] = static_cast<char16_t>(U16_TRAIL(c));
      offsets[n++] = begin;
    }
  }
  out.units.resize(n);
  out.byte_of_unit.resize(n);
  return out;
}

// UTF-8 of units[begin, end); the units come from prepare(), so they are
// well-formed except possibly a lone surrogate at a break, which becomes U+FFFD.
std::string to_utf8(const std::u16string& units, std::size_t begin, std::size_t end) {
  // Size the string first: 1, 2 or 3 bytes per unit, exact except for a
  // surrogate pair (counted 6, written 4; a lone surrogate becomes the 3 bytes
  // of U+FFFD), so that short words stay in the string's inline buffer; then
  // write through a pointer instead of push_back.
  std::size_t bytes = 0;
  for (std::size_t k = begin; k < end; ++k) {
    const char16_t unit = units[k];
    bytes += unit < 0x80 ? 1 : (unit < 0x800 ? 2 : 3);
  }
  std::string out(bytes, '\0');
  char* dest = out.data();
  std::size_t i = begin;
  while (i < end) {
    const char16_t unit = units[i];
    if (unit < 0x80) {
      *dest++ = static_cast<char>(unit);
      ++i;
    } else if (unit < 0x800) {  // Cyrillic: the common case, two bytes
      *dest++ = static_cast<char>(0xC0 | (unit >> 6));
      *dest++ = static_cast<char>(0x80 | (unit & 0x3F));
      ++i;
    } else {
      UChar32 c = 0;
      U16_NEXT(units.data(), i, end, c);
      // A lone surrogate is not a scalar value: U+FFFD, as append_utf8 does.
      if (U_IS_SURROGATE(c)) c = kReplacementCharacter;
      if (c < 0x10000) {
        *dest++ = static_cast<char>(0xE0 | (c >> 12));
        *dest++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        *dest++ = static_cast<char>(0x80 | (c & 0x3F));
      } else {
        *dest++ = static_cast<char>(0xF0 | (c >> 18));
        *dest++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        *dest++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        *dest++ = static_cast<char>(0x80 | (c & 0x3F));
      }
    }
  }
  out.resize(static_cast<std::size_t>(dest - out.data()));  // shrinks only after surrogate pairs
  return out;
}

bool is_capital(const std::u16string& units, std::size_t begin, std::size_t end) {
  // Fast paths for the letters of nearly every word; the same answers as ICU's.
  const char16_t first = units[begin];
  if (first < 0x80) return first >= u'A' && first <= u'Z';
  if (first >= 0x0400 && first <= 0x042F) return true;   // Ѐ..Џ, А..Я
  if (first >= 0x0430 && first <= 0x045F) return false;  // а..я, ѐ..џ
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

// A word as the break rules found it: UTF-16 units [begin, end) of the prepared text.
struct Span {
  std::size_t begin;
  std::size_t end;
};

// U+002D HYPHEN-MINUS, U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN. Dashes
// (U+2013, U+2014) are not: they separate words, they do not join them.
bool is_hyphen(char16_t unit) { return unit == 0x002D || unit == 0x2010 || unit == 0x2011; }

// Longest compound that gets a joined alias ("Комсомольск-на-Амуре" has 3
// parts); longer hyphen chains are codes or ranges, not names.
constexpr std::size_t kMaxCompoundParts = 4;
// Longest joined alias, in UTF-16 units (longer would be dropped as junk anyway).
constexpr std::size_t kMaxCompoundUnits = 60;

struct Shape {
  std::size_t letters = 0;
  bool has_lower = false;
  bool has_digit = false;
};

Shape shape_of(const std::u16string& units, Span span) {
  Shape shape;
  for (std::size_t i = span.begin; i < span.end;) {
    UChar32 c = 0;
    U16_NEXT(units.data(), i, span.end, c);
    if (u_isalpha(c)) {
      ++shape.letters;
      shape.has_lower = shape.has_lower || u_islower(c);
    } else if (u_isdigit(c)) {
      shape.has_digit = true;
    }
  }
  return shape;
}

// "5", "2021", "1,5".
bool is_number(const Shape& shape) { return shape.has_digit && shape.letters == 0; }
// "ҚР", "АҚ", "ЖШС", "СССР": two or more letters, none lower case.
bool is_acronym(const Shape& shape) { return shape.letters >= 2 && !shape.has_lower; }

// Case endings and ordinal suffixes written after a hyphen behind an acronym
// or a number (language.md §7.4): "ҚР-да", "АҚ-ның", "5-ші", "2021-жылы",
// Russian "90-х", "5-го", "1-й". Lower case; compared after lower-casing.
constexpr std::u16string_view kHyphenSuffixes[] = {
    // Kazakh: locative, dative, accusative, genitive, ablative, instrumental.
    u"да", u"де", u"та", u"те", u"нда", u"нде", u"ға", u"ге", u"қа", u"ке", u"на", u"не", u"ны",
    u"ні", u"ды", u"ді", u"ты", u"ті", u"ның", u"нің", u"дың", u"дің", u"тың", u"тің", u"дан",
    u"ден", u"тан", u"тен", u"нан", u"нен", u"мен", u"бен", u"пен",
    // Kazakh: "that is in", plural, 3rd person possessive + case, ordinal.
    u"дағы", u"дегі", u"тағы", u"тегі", u"ндағы", u"ндегі", u"ғы", u"гі", u"қы", u"кі", u"лар",
    u"лер", u"дар", u"дер", u"тар", u"тер", u"ы", u"і", u"сы", u"сі", u"ына", u"іне", u"ын", u"ін",
    u"ында", u"інде", u"ынан", u"інен", u"ының", u"інің", u"ымен", u"імен", u"ші", u"шы", u"інші",
    u"ыншы", u"нші", u"ншы", u"жылы", u"жылғы",
    // Russian: endings of ordinals and numerals.
    u"х", u"го", u"й", u"м", u"е", u"я", u"ю", u"ми", u"ых", u"их", u"ий", u"ый", u"ой", u"ая",
    u"ое", u"ые", u"ие", u"ом", u"ем", u"му", u"ому", u"ему", u"ого", u"его", u"ей", u"им", u"ым",
    u"ыми", u"ими", u"ти"};

bool is_hyphen_suffix(const std::u16string& units, Span span) {
  constexpr std::size_t kLongest = 5;
  if (span.end - span.begin > kLongest) return false;
  char16_t lower[kLongest];
  std::size_t length = 0;
  for (std::size_t i = span.begin; i < span.end; ++i) {
    lower[length++] = static_cast<char16_t>(u_tolower(units[i]));
  }
  const std::u16string_view word(lower, length);
  for (std::u16string_view suffix : kHyphenSuffixes) {
    if (suffix == word) return true;
  }
  return false;
}

// Most initials a name has ("А.Б.В." at most in practice; 4 leaves room).
constexpr std::size_t kMaxInitials = 4;

// Splits "Л.Ю" (ICU keeps letters joined by full stops as one word) into its
// letters, and "Н.Назарбаев" into "Н" and "Назарбаев": every piece between
// full stops is one letter, except that the last may be a whole word. Returns
// false (and leaves `pieces` empty) when `span` is not such a word ("St.Petersburg",
// "01.07.2021", "www.tengrinews.kz").
bool split_initials(const std::u16string& units, Span span, std::vector<Span>& pieces) {
  pieces.clear();
  // Fast path: almost every word has no full stop.
  const std::u16string_view word(units.data() + span.begin, span.end - span.begin);
  if (word.find(u'.') == std::u16string_view::npos) return false;
  std::size_t i = span.begin;
  while (i < span.end) {
    const std::size_t begin = i;
    std::size_t letters = 0;
    while (i < span.end && units[i] != u'.') {
      UChar32 c = 0;
      U16_NEXT(units.data(), i, span.end, c);
      if (!u_isalpha(c)) {
        pieces.clear();
        return false;
      }
      ++letters;
    }
    const bool last = i == span.end;
    if (letters == 0 || (letters > 1 && !last)) {
      pieces.clear();
      return false;
    }
    pieces.push_back({begin, i});
    if (pieces.size() > kMaxInitials + 1) {  // "a.b.c.d.e.f...": not a person's initials
      pieces.clear();
      return false;
    }
    if (!last) ++i;  // the full stop
  }
  if (pieces.size() < 2) {
    pieces.clear();
    return false;
  }
  return true;
}

// Turns the words the break rules found into tokens: splits initials, joins
// hyphenated compounds into an alias and drops suffixes after a hyphen.
class Assembler {
 public:
  Assembler(std::string_view text, const Utf16Text& prepared, std::vector<Token>& tokens)
      : text_(text), prepared_(prepared), units_(prepared.units), tokens_(tokens) {}

  void run(const std::vector<Span>& words) {
    std::size_t i = 0;
    while (i < words.size()) {
      // words[i, j) are joined by single hyphens with no space around them.
      std::size_t j = i + 1;
      while (j < words.size() && words[j].begin == words[j - 1].end + 1 &&
             is_hyphen(units_[words[j - 1].end])) {
        ++j;
      }
      const std::size_t parts = j - i;
      if (parts == 1) {
        word(words[i]);
      } else if (parts == 2 && is_hyphen_suffix(units_, words[i + 1]) &&
                 (is_number(shape_of(units_, words[i])) ||
                  is_acronym(shape_of(units_, words[i])))) {
        make(words[i]);  // "ҚР-да" -> "ҚР": the ending is not a word
      } else {
        compound(words, i, j);
      }
      i = j;
    }
  }

 private:
  // "Нур-Султан" -> "Нур" (alias "НурСултан", span 2), "Султан".
  void compound(const std::vector<Span>& words, std::size_t i, std::size_t j) {
    const std::size_t first = tokens_.size();
    std::size_t total_units = 0;
    bool has_letter = false;
    for (std::size_t k = i; k < j; ++k) {
      make(words[k]);
      total_units += words[k].end - words[k].begin;
      has_letter = has_letter || shape_of(units_, words[k]).letters > 0;
    }
    // Number ranges and codes ("1941-1945", "8-701-...") get no alias.
    if (!has_letter || j - i > kMaxCompoundParts || total_units > kMaxCompoundUnits) return;
    std::string joined;
    for (std::size_t k = i; k < j; ++k) joined += tokens_[first + (k - i)].text;
    tokens_[first].aliases.push_back({std::move(joined), static_cast<std::uint32_t>(j - i)});
  }

  // A word outside a hyphen chain; initials are split.
  void word(Span span) {
    if (!split_initials(units_, span, pieces_)) {
      make(span);
      return;
    }
    const std::size_t first = tokens_.size();
    for (Span piece : pieces_) make(piece);
    // The initials joined ("Л.Ю" -> "ЛЮ", span 2); a surname after them is not part of it.
    std::size_t initials = pieces_.size();
    const Span last = pieces_.back();
    if (U16_LENGTH(units_[last.begin]) < last.end - last.begin) --initials;
    if (initials < 2) return;
    std::string joined;
    for (std::size_t k = 0; k < initials; ++k) joined += tokens_[first + k].text;
    tokens_[first].aliases.push_back({std::move(joined), static_cast<std::uint32_t>(initials)});
  }

  Token& make(Span span) {
    Token token;
    token.text = to_utf8(units_, span.begin, span.end);
    token.position = position_++;
    token.byte_begin = prepared_.byte_of_unit[span.begin];
    // The end is one past the last code point's original bytes: decode it
    // again from the input to learn its original length (an apostrophe
    // look-alike is 3 bytes there but one unit here).
    std::size_t last = prepared_.byte_of_unit[span.end - 1];
    decode_utf8(text_, last);
    token.byte_end = static_cast<std::uint32_t>(last);
    token.capitalized = is_capital(units_, span.begin, span.end);
    tokens_.push_back(std::move(token));
    return tokens_.back();
  }

  std::string_view text_;
  const Utf16Text& prepared_;
  const std::u16string& units_;
  std::vector<Token>& tokens_;
  std::vector<Span> pieces_;
  std::uint32_t position_ = 0;
};

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

  std::vector<Span> words;
  words.reserve(text.size() / 8);
  auto emit = [&](std::size_t begin, std::size_t end) { words.push_back({begin, end}); };

  icu::BreakIterator* iterator = word_break_iterator();
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;  // on the stack: no allocation per call
  if (iterator != nullptr) {
    utext_openUChars(&utext, reinterpret_cast<const UChar*>(units.data()),
                     static_cast<int64_t>(units.size()), &status);
    iterator->setText(&utext, status);
  }
  if (iterator == nullptr || U_FAILURE(status)) {
    fallback_breaks(units, emit);
  } else {
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
  }
  utext_close(&utext);
  Assembler(text, prepared, tokens).run(words);
  return tokens;
}

}  // namespace izdeu::analyzers
