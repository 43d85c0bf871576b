#include "analyzers/stemmers/kazakh_lexicon.h"

namespace izdeu::analyzers {

KazakhLexicon::KazakhLexicon(std::span<const std::string_view> words, const KazakhStemmer& stemmer)
    : stemmer_(stemmer) {
  // First pass: stem() of every word, and what each word attests (its stem,
  // and itself when that differs). chosen_ holds stem() until the second pass.
  chosen_.reserve(words.size());
  attestation_.reserve(words.size() * 2);
  for (std::string_view word : words) {
    if (chosen_.find(word) != chosen_.end()) continue;
    std::string plain = stemmer_.stem(word);
    ++attestation_[plain];
    chosen_.emplace(std::string(word), std::move(plain));
  }
  // Second pass: the deepest reading attested by enough other words. The
  // word itself attests only its stem() (readings()[0]), never a deeper one.
  for (auto& [word, chosen] : chosen_) {
    const std::vector<std::string> readings = stemmer_.readings(word);
    if (readings.size() < 2) continue;
    chosen = choose_confirmed_reading(readings, [&](std::string_view reading) {
      const std::size_t count = attestations(reading);
      return reading == readings.front() ? count - 1 : count;
    });
  }
}

std::size_t KazakhLexicon::attestations(std::string_view stem) const {
  const auto it = attestation_.find(stem);
  return it == attestation_.end() ? 0 : it->second;
}

std::string KazakhLexicon::stem(std::string_view word) const {
  if (const auto it = chosen_.find(word); it != chosen_.end()) return it->second;
  const std::vector<std::string> readings = stemmer_.readings(word);
  return choose_confirmed_reading(readings,
                                  [&](std::string_view reading) { return attestations(reading); });
}

}  // namespace izdeu::analyzers
