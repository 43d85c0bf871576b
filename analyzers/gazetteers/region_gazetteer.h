#pragma once
// Regions of Kazakhstan in text and in search filters: the 17 regions and the
// 3 cities of republican significance (2024), found under any of their names
// — Russian, Kazakh, Latin, English, current and former, in any case form —
// and under the names of their centres, towns and districts.

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

enum class RegionKind { kRegion, kCity };

/// One place's name in the four spellings the API shows.
struct PlaceNames {
  std::string ru;     ///< «Алматинская область»
  std::string kk;     ///< «Алматы облысы»
  std::string en;     ///< «Almaty Region»
  std::string latin;  ///< Kazakh Latin (2021 alphabet): «Almaty oblysy»
};

struct Region {
  std::string id;  ///< stable ASCII slug: "almaty-region", "almaty", "east-kazakhstan-region"
  RegionKind kind = RegionKind::kRegion;
  PlaceNames name;
  PlaceNames centre;       ///< the administrative centre; a city's is itself
  std::string since;       ///< "YYYY-MM-DD" it took its present form, or empty
  std::string split_from;  ///< id of the region it was carved out of, or empty
  /// Former names of the unit itself (the data file's `former`: «Нур-Султан»
  /// for astana); former names of towns are among `names`.
  std::vector<std::string> former_names;
  /// Every name it is found by, braces expanded: the display names first,
  /// then names, former names, towns and districts in file order.
  std::vector<std::string> names;
};

/// A region named in a text.
struct RegionMention {
  const Region* region = nullptr;
  std::string surface;  ///< the words as they stand in the text
  std::size_t byte_begin = 0;
  std::size_t byte_end = 0;  ///< one past the last byte
};

class RegionGazetteer;

struct RegionGazetteerLoad {
  std::shared_ptr<const RegionGazetteer> gazetteer;  ///< null when there are errors
  std::vector<DataFileError> errors;
};

/// Thread-safe once built; builtin() is built on first use.
///
/// Membership is current: a town maps to the region it belongs to in 2024
/// whatever the article's date (Semey → abai-region, also in 2016), and a
/// former region to its successor (ЮКО → turkistan-region).
///
/// Ambiguity: the longest name wins («Алматы облысы» is almaty-region,
/// «Алматы» alone the city almaty; «Ақмола облысы» akmola-region, «Ақмола»
/// alone the capital's former name). Names that are also common words or
/// people (Абай, Жамбыл, Қонаев) are found only in an unambiguous form
/// («Абай облысы», «Қонаев қаласы») and accepted by resolve().
class RegionGazetteer {
 public:
  /// The gazetteer compiled from analyzers/data/regions.txt.
  static const RegionGazetteer& builtin();

  /// Builds a gazetteer from text in the regions.txt format; every mistake
  /// is reported with its line.
  static RegionGazetteerLoad parse(std::string_view text);

  const std::vector<Region>& regions() const { return regions_; }

  /// The region with this id, or null.
  const Region* region(std::string_view id) const;

  /// Regions named in `text`, in order. A name must include a capitalized
  /// word (names are capitalized in running text).
  std::vector<RegionMention> find(std::string_view text, Language language) const;
  /// The same over tokens already analyzed from `text` (avoids analyzing twice).
  std::vector<RegionMention> find(std::string_view text, std::span<const Token> tokens) const;

  /// The id of the region `name` names, as a user types it: an id, or any
  /// name, alias, centre, town or former name in any case form, language,
  /// script or letter case («Семипалатинск», «алматы облысында», «Oskemen»,
  /// «ВКО», «almaty-region»). The whole of `name` must be one name
  /// («город»/«қаласы»/«г.» around it are allowed). nullopt otherwise.
  std::optional<std::string> resolve(std::string_view name) const;

 private:
  RegionGazetteer() = default;

  std::vector<Region> regions_;
  PhraseMatcher matcher_;          ///< values: region index, or kExcluded
  PhraseMatcher resolve_matcher_;  ///< matcher_'s names plus aliases and filler words
};

}  // namespace izdeu::analyzers
