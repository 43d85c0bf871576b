#include "corpus/index/fnv1a.h"

namespace izdeu::corpus {

std::uint64_t fnv1a_64(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a 64-bit offset basis
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;  // FNV 64-bit prime
  }
  return hash;
}

std::string fnv1a_hex(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t hash = fnv1a_64(text);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
    hash >>= 4;
  }
  return out;
}

}  // namespace izdeu::corpus
