#pragma once
// 64-bit FNV-1a: a fast, stable, non-cryptographic hash for values too long
// for a Xapian term (urls) and for derived article ids. Stable across
// platforms and releases: changing it changes ids already in indexes.

#include <cstdint>
#include <string>
#include <string_view>

namespace izdeu::corpus {

/// 64-bit FNV-1a of the bytes of `text`.
std::uint64_t fnv1a_64(std::string_view text);

/// fnv1a_64(text) as 16 lower-case hex digits.
std::string fnv1a_hex(std::string_view text);

}  // namespace izdeu::corpus
