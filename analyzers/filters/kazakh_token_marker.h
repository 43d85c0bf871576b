#pragma once
// Decides, word by word, which language a token is read as.

#include <string_view>
#include <vector>

#include "analyzers/language.h"
#include "analyzers/token_filter.h"

namespace izdeu::analyzers {

/// Sets Token::language. A word with a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і)
/// is Kazakh in any document, so a Kazakh phrase quoted in Russian text is
/// never fed to the Russian stemmer. In a Kazakh document every Cyrillic word
/// is Kazakh (many Kazakh words use only letters Russian shares: "Алматы",
/// "бойынша"). In an English document the other Cyrillic words are Russian.
/// Everything else gets the document language. Runs after UnicodeNormalizer,
/// on lower-case text.
class KazakhTokenMarker : public TokenFilter {
 public:
  explicit KazakhTokenMarker(Language document_language) : document_language_(document_language) {}
  void apply(std::vector<Token>& tokens) const override;

  /// The language of one normalized word in a document of `document_language`.
  static Language language_of(std::string_view word, Language document_language);

 private:
  Language document_language_;
};

}  // namespace izdeu::analyzers
