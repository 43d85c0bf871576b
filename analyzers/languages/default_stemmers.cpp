#include <memory>

#include "analyzers/language_registry.h"
#include "analyzers/languages/languages.h"
#include "analyzers/stemmers/russian_name_normalizer.h"
#include "analyzers/stemmers/snowball_stemmer.h"

namespace izdeu::analyzers {

StemmerSet default_stemmers() {
  // The registry's stemmers live for the whole program, so the shared_ptrs
  // to them do not own (the aliasing constructor with an empty owner).
  const auto unowned = [](Language language) {
    return std::shared_ptr<const Stemmer>(std::shared_ptr<const Stemmer>(),
                                          &language_info(language).stemmer());
  };
  return StemmerSet{
      .kazakh = unowned(Language::kKazakh),
      .russian = unowned(Language::kRussian),
      .russian_names = std::make_shared<RussianNameNormalizer>(SnowballStemmer::russian()),
      .latin = unowned(Language::kEnglish),
  };
}

}  // namespace izdeu::analyzers
