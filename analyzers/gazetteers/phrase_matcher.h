#pragma once
// Finds known phrases — region names, topic words, synonym forms — in
// analyzed text, in every case form and spelling, by comparing the analyzer's
// own keys: exact normalized forms, stems, and cross-script loose keys.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/token.h"

namespace izdeu::analyzers {

/// The keys one word of a phrase is matched by.
struct PhraseWord {
  std::vector<std::string> exact;  ///< normalized forms (Token::text), first as written
  std::vector<std::string> stems;  ///< every stem reading, Russian and Kazakh (see PhraseMatcher)
  std::vector<std::string> loose;  ///< cross-script loose keys
  bool latin = false;  ///< written in Latin letters (loose keys compare within a script)
};

/// True when two stems count as one (see PhraseMatcher::Reach::kStems): equal,
/// or one of 7 or more letters is the other plus one letter at the end.
bool stems_agree(std::string_view a, std::string_view b);

/// A dictionary of phrases, each with a caller's value, and a matcher over
/// analyzed tokens. Build it once (add), then share it: find() is const and
/// thread-safe.
///
/// How a word of a phrase matches a token of the text (its Reach):
///   kExact  the same normalized form (case, ё/е, homoglyphs folded).
///   kStems  also the same stem: the phrase word is analyzed as Russian and as
///           Kazakh, as written and in lower case, and every reading of
///           Analyzer::query_stems() counts, so «Алматинская» matches
///           «Алматинской» and «облысы» matches «облысында». Stems of 7 and
///           more letters also match when one has a letter more at the end
///           (Snowball stems «ассамблея» ассамбле, «ассамблеи» ассамбл). In a one-word
///           phrase a stem shorter than 4 letters that is not the whole word
///           is not used (the stem «сем» of «Семей» is also that of «семья»,
///           «семь»): such words must list their forms and use kExact. In a
///           longer phrase stems of 2 letters and more are used («Кзыл-Орде»).
///   kLoose  for names. Stems as kStems, except that a one-word name's stem
///           must keep the name: the name itself or the name without one or
///           two final vowels, ь or й (Астана → астан, Рудный → рудн), not a
///           stem that cuts into it (Бейнеу → бейне is also "image"). And
///           also the same cross-script loose key, or that key followed by a
///           Kazakh case or derivation ending (-да, -дағы, -ның, -мен, -лық,
///           ... in loose spelling), compared only between words of the same
///           script: Latin «Oskemen» matches «Öskemen», «O'skemen»,
///           «Oskemende»; Cyrillic «Өскемен» matches «Оскемен» (typed without
///           Kazakh letters) and «Өскеменде» even when that word was stemmed
///           as Russian.
class PhraseMatcher {
 public:
  enum class Reach { kExact, kStems, kLoose };

  struct Match {
    std::size_t first = 0;  ///< index of the first token
    std::size_t count = 0;  ///< number of tokens, at least 1
    /// The values of every phrase that matches exactly this span, in the
    /// order the phrases were added, without repeats.
    std::vector<std::uint32_t> values;
  };

  struct FindOptions {
    /// A match must include a capitalized token: in running text names are
    /// capitalized, and a lower-case «семей» is "of families".
    bool capitalized = false;
    /// The tokens are query words, typed in any case: match every reading of
    /// Analyzer::query_stems(), not just Token::stem.
    bool query = false;
  };

  /// The words of `phrase` with their keys (see Reach). Empty when the
  /// phrase has no words.
  static std::vector<PhraseWord> analyze_phrase(std::string_view phrase, Reach reach);

  /// Adds a phrase with a value. False, and nothing added, when it has no words.
  bool add(std::string_view phrase, std::uint32_t value, Reach reach);
  /// The same for a phrase already analyzed with analyze_phrase().
  bool add(std::span<const PhraseWord> words, std::uint32_t value);

  /// The words' first exact forms joined by spaces: one key per spelling of
  /// a phrase, to tell whether two data-file names are the same name.
  static std::string key(std::span<const PhraseWord> words);

  /// The matches in `tokens` (consecutive tokens of one analyzed text),
  /// leftmost first, longest at each start, never overlapping.
  std::vector<Match> find(std::span<const Token> tokens, FindOptions options) const;

  std::size_t size() const { return phrases_.size(); }

 private:
  struct WordRef {
    std::uint32_t phrase = 0;
    std::uint32_t word = 0;
    friend auto operator<=>(const WordRef&, const WordRef&) = default;
  };
  struct Phrase {
    std::uint32_t value = 0;
    std::uint32_t words = 0;
  };
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
      return std::hash<std::string_view>{}(key);
    }
  };
  using KeyMap = std::unordered_map<std::string, std::vector<WordRef>, KeyHash, std::equal_to<>>;

  void collect(const Token& token, FindOptions options, std::vector<WordRef>& out) const;

  std::vector<Phrase> phrases_;
  std::size_t longest_ = 0;  ///< words in the longest phrase
  KeyMap exact_;
  KeyMap stems_;
  KeyMap clipped_stems_;  ///< stems of 6+ letters without their last letter
  KeyMap cyrillic_loose_;
  KeyMap latin_loose_;
};

}  // namespace izdeu::analyzers
