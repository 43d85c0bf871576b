#pragma once
// Text typed with the wrong keyboard layout: Latin keys pressed while meaning
// Cyrillic («cjdtn» for «совет»). Used by did-you-mean.

#include <optional>
#include <string>
#include <string_view>

namespace izdeu::corpus {

enum class CyrillicLayout {
  kRussian,  ///< ЙЦУКЕН as Windows and macOS ship it for Russian
  kKazakh,   ///< ЙЦУКЕН with ә і ң ғ ү ұ қ ө һ on the digit row (Windows "Kazakh")
};

/// What `text` reads as when its keys are pressed in `layout` (lower case).
/// nullopt unless `text` is typed on Latin keys only (ASCII letters and the
/// punctuation keys that carry Cyrillic letters, digits for kKazakh), with at
/// least one letter. Spaces are kept; digits stay digits for kRussian.
std::optional<std::string> from_latin_keys(std::string_view text, CyrillicLayout layout);

}  // namespace izdeu::corpus
