#pragma once
// Small UTF-8 text helpers shared by the archive readers and the analyzers: validation, case
// folding and whitespace clean-up. Archive text is messy (byte order marks,
// no-break spaces, tabs, CRLF); these functions make it comparable.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace izdeu::analyzers {

/// The byte offset of the first invalid UTF-8 sequence (bad lead byte,
/// truncated sequence, overlong form, surrogate, value above U+10FFFF), or
/// nullopt when `text` is entirely valid. A literal U+FFFD in the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// True when `text` is valid UTF-8.
inline bool is_valid_utf8(std::string_view text) { return !find_invalid_utf8(text).has_value(); }

/// One code point lower-cased with ICU's locale-independent simple case
/// mapping (one code point in, one out): the case folding every word list,
/// name key and archive field in izdeu uses. Token text goes further through
/// UnicodeNormalizer (NFKC_Casefold plus repairs), whose output is lower case
/// by this mapping too.
char32_t to_lower(char32_t c);

/// `text` with A-Z lowered and every other byte kept: for ASCII-only keys
/// (ids, URL hosts, data-file names) where Unicode case mapping is not wanted.
std::string ascii_lower(std::string_view text);

/// `text` lower-cased code point by code point with ICU's locale-independent
/// simple case mapping, so Kazakh capitals (Қ Ә Ө Ұ Ү Ғ Ң Һ І) lower like
/// Russian ones. Invalid sequences become U+FFFD.
std::string to_lower_utf8(std::string_view text);

/// True for code points that separate words on a line: every Unicode
/// White_Space character (space, tab, CR, LF, U+00A0 NO-BREAK SPACE, U+202F
/// NARROW NO-BREAK SPACE, ...).
bool is_space_code_point(char32_t c);

/// True for invisible code points that carry no text and are dropped by
/// collapse_whitespace(): U+FEFF ZERO WIDTH NO-BREAK SPACE (a byte order mark)
/// and U+200B ZERO WIDTH SPACE.
bool is_invisible_code_point(char32_t c);

/// `text` with invisible code points removed, every run of white space (see
/// is_space_code_point) replaced by one ASCII space, and no space at either
/// end. Invalid sequences become U+FFFD.
std::string collapse_whitespace(std::string_view text);

/// `text` without a leading UTF-8 byte order mark (EF BB BF).
std::string_view strip_bom(std::string_view text);

}  // namespace izdeu::analyzers
