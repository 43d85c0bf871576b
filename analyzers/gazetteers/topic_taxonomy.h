#pragma once
// Topics of news articles (interethnic relations, mediation, charity, youth,
// education, health, ...): a taxonomy file maps each topic to words in both
// languages, and articles are tagged with the topics their words show.

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/gazetteers/data_file.h"
#include "analyzers/gazetteers/phrase_matcher.h"
#include "analyzers/language.h"
#include "analyzers/token.h"

namespace izdeu::analyzers {

struct Topic {
  std::string id;                    ///< ASCII slug: "education", "interethnic"
  std::string ru;                    ///< label: «Образование»
  std::string kk;                    ///< label: «Білім беру»
  std::string en;                    ///< label, may be empty
  std::vector<std::string> words;    ///< as written (braces expanded)
  std::vector<std::string> aliases;  ///< other names resolve() accepts
};

/// When an article gets a topic: its title holds at least `min_title_words`
/// different words of the topic, or its body at least `min_body_words`
/// (a word repeated counts once). At most `max_topics` are kept.
struct TopicThresholds {
  std::size_t min_title_words = 1;
  std::size_t min_body_words = 2;
  std::size_t max_topics = 5;
};

class TopicTaxonomy;

struct TopicTaxonomyLoad {
  std::shared_ptr<const TopicTaxonomy> taxonomy;  ///< null when there are errors
  std::vector<DataFileError> errors;              ///< sorted by line
};

/// Thread-safe once built. The file format is documented in README.md
/// ("Topics") and at the top of analyzers/data/topics.txt.
class TopicTaxonomy {
 public:
  /// The default taxonomy, compiled from analyzers/data/topics.txt.
  static const TopicTaxonomy& builtin();
  /// The same, shared (for holders that may also hold a loaded one).
  static std::shared_ptr<const TopicTaxonomy> builtin_shared();

  /// Builds a taxonomy from text in the topics.txt format; every mistake is
  /// reported with its line.
  static TopicTaxonomyLoad parse(std::string_view text);

  const std::vector<Topic>& topics() const { return topics_; }
  const TopicThresholds& thresholds() const { return thresholds_; }

  /// The topic with this id, or null.
  const Topic* topic(std::string_view id) const;

  /// The id of the topic `name` names: an id, or a label or alias in any
  /// case form («Образование», «образования», «білім беру», «EDUCATION»).
  std::optional<std::string> resolve(std::string_view name) const;

  /// The ids of the topics of an article, most evidence first (title words
  /// count three times), ties in file order. Words match in any inflection
  /// and in either language, whatever `language` (the article's) is.
  std::vector<std::string> tag(std::string_view title, std::string_view body,
                               Language language) const;
  /// The same over tokens already analyzed (avoids analyzing twice).
  std::vector<std::string> tag(std::span<const Token> title, std::span<const Token> body) const;

 private:
  TopicTaxonomy() = default;

  std::vector<Topic> topics_;
  TopicThresholds thresholds_;
  std::vector<std::uint32_t> entry_topics_;  ///< word entry -> topic index
  PhraseMatcher words_;                      ///< values: word entries
  PhraseMatcher labels_;                     ///< values: topic indexes
};

}  // namespace izdeu::analyzers
