#pragma once
// A small per-thread memo for the per-word work of filters (internal header).

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace izdeu::analyzers {

/// A direct-mapped cache from a word (plus a few bits of context) to a value
/// of type V. News repeats its words: a few thousand distinct forms make up
/// most tokens, so a filter whose result depends only on the word saves its
/// work on most tokens. Fixed size and no eviction policy beyond "a new word
/// replaces the one in its slot": bounded memory and nothing to get wrong.
/// Not thread-safe: make one per thread (thread_local).
template <typename V, std::size_t kSlots = 16384>
class WordMemo {
  static_assert((kSlots & (kSlots - 1)) == 0, "kSlots must be a power of two");

 public:
  /// The value stored for (word, context), or null.
  const V* find(std::string_view word, std::uint32_t context) const {
    const Slot& slot = (*slots_)[index(word, context)];
    if (!slot.used || slot.context != context || slot.word != word) return nullptr;
    return &slot.value;
  }

  /// Stores `value` for (word, context), replacing what its slot held.
  /// Reuses the slot's string capacity, so a warm memo allocates rarely.
  V& store(std::string_view word, std::uint32_t context) {
    Slot& slot = (*slots_)[index(word, context)];
    slot.used = true;
    slot.context = context;
    slot.word.assign(word);
    return slot.value;
  }

 private:
  struct Slot {
    std::string word;
    V value{};
    std::uint32_t context = 0;
    bool used = false;
  };

  // FNV-1a over the bytes, then the context; words are short.
  static std::size_t index(std::string_view word, std::uint32_t context) {
    std::uint64_t h = 14695981039346656037ull ^ context;
    for (char c : word) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    return static_cast<std::size_t>(h ^ (h >> 32)) & (kSlots - 1);
  }

  // On the heap: a thread_local of this size would bloat every thread's TLS block.
  std::unique_ptr<std::array<Slot, kSlots>> slots_ = std::make_unique<std::array<Slot, kSlots>>();
};

}  // namespace izdeu::analyzers
