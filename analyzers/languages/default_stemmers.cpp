#include <memory>

#include "analyzers/languages/languages.h"
#include "analyzers/stemmers/kazakh_stemmer.h"
#include "analyzers/stemmers/russian_name_normalizer.h"
#include "analyzers/stemmers/snowball_stemmer.h"

namespace izdeu::analyzers {

StemmerSet default_stemmers() {
  // The Snowball instances are program-lifetime statics, so the shared_ptrs
  // to them do not own (the aliasing constructor with an empty owner).
  const std::shared_ptr<const Stemmer> russian(std::shared_ptr<const Stemmer>(),
                                               &SnowballStemmer::russian());
  const std::shared_ptr<const Stemmer> english(std::shared_ptr<const Stemmer>(),
                                               &SnowballStemmer::english());
  return StemmerSet{
      .kazakh = std::make_shared<KazakhStemmer>(),
      .russian = russian,
      .russian_names = std::make_shared<RussianNameNormalizer>(SnowballStemmer::russian()),
      .latin = english,
  };
}

}  // namespace izdeu::analyzers
