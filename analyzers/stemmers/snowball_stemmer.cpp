#include "analyzers/stemmers/snowball_stemmer.h"

#include <libstemmer.h>

#include <array>
#include <climits>
#include <memory>

namespace izdeu::analyzers {
namespace {

struct SbStemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};
using SbStemmerPtr = std::unique_ptr<sb_stemmer, SbStemmerDeleter>;

const char* algorithm_name(SnowballStemmer::Algorithm algorithm) {
  switch (algorithm) {
    case SnowballStemmer::Algorithm::kRussian:
      return "russian";
    case SnowballStemmer::Algorithm::kEnglish:
      return "english";
  }
  return "english";
}

// sb_stemmer keeps per-call state, so it may not be shared between threads.
// Creating one costs an allocation, so each thread keeps one per algorithm.
sb_stemmer* thread_stemmer(SnowballStemmer::Algorithm algorithm) {
  thread_local std::array<SbStemmerPtr, 2> stemmers;
  SbStemmerPtr& slot = stemmers[static_cast<std::size_t>(algorithm)];
  if (!slot) slot.reset(sb_stemmer_new(algorithm_name(algorithm), "UTF_8"));
  return slot.get();
}

}  // namespace

const SnowballStemmer& SnowballStemmer::russian() {
  static const SnowballStemmer instance(Algorithm::kRussian);
  return instance;
}

const SnowballStemmer& SnowballStemmer::english() {
  static const SnowballStemmer instance(Algorithm::kEnglish);
  return instance;
}

namespace {

// Snowball Russian splits nouns in -ея/-ей by case: it strips "я", "ей",
// "ем", "ям", "ях" after the stem's "е" but "и", "ю", "е", "й" together with
// it, so «ассамблея», «ассамблеей» -> "ассамбле" while «ассамблеи»,
// «ассамблею» -> "ассамбл"; likewise «музея» -> "музе" but «музей» -> "муз",
// «юбилея» -> "юбиле" but «юбилей» -> "юбил". Dropping a final U+0435
// CYRILLIC SMALL LETTER IE that is left after an ending was stripped gives
// every form one stem. (Genuine stems in "е" do not arise: Snowball removes
// a final "е" itself.) At least three letters stay.
void drop_stem_final_ie(std::string& stem, std::string_view word) {
  constexpr std::string_view kIe = "\xD0\xB5";  // U+0435 е
  constexpr std::size_t kMinKeptBytes = 6;      // three Cyrillic letters
  if (stem.size() < word.size() && stem.size() >= kMinKeptBytes + kIe.size() &&
      std::string_view(stem).ends_with(kIe)) {
    stem.resize(stem.size() - kIe.size());
  }
}

}  // namespace

std::string SnowballStemmer::stem(std::string_view word) const {
  sb_stemmer* stemmer = thread_stemmer(algorithm_);
  if (stemmer == nullptr || word.empty() || word.size() > INT_MAX) return std::string(word);
  const sb_symbol* result = sb_stemmer_stem(
      stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (result == nullptr) return std::string(word);  // out of memory inside libstemmer
  std::string stem(reinterpret_cast<const char*>(result),
                   static_cast<std::size_t>(sb_stemmer_length(stemmer)));
  if (algorithm_ == Algorithm::kRussian) drop_stem_final_ie(stem, word);
  return stem;
}

}  // namespace izdeu::analyzers
