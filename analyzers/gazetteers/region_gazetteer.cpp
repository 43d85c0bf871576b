#include "analyzers/gazetteers/region_gazetteer.h"

#include <algorithm>
#include <limits>
#include <map>

#include "analyzers/analyzer.h"
#include "analyzers/gazetteers/builtin_data.h"
#include "analyzers/gazetteers/entity_names.h"
#include "analyzers/text_normalizer.h"

namespace izdeu::analyzers {
namespace {

constexpr std::uint32_t kExcluded = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kFiller = kExcluded - 1;

// Words a user may put around a place name in a filter: «город Алматы»,
// «г. Алматы», «Алматы қаласы», «Almaty city».
constexpr std::string_view kFillerWords[] = {"город", "г", "қаласы", "қ", "city"};

// Fields of a region entry that hold names, in the order Region::names lists them.
constexpr std::string_view kNameLists[] = {"names", "former", "towns", "districts"};

bool valid_date(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  const int month = (date[5] - '0') * 10 + (date[6] - '0');
  const int day = (date[8] - '0') * 10 + (date[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

struct PendingRegion {
  Region region;
  std::size_t line = 0;
  std::size_t split_from_line = 0;
  // (line, name list item) of every name, alias and former name, in order.
  std::vector<std::pair<std::size_t, std::string>> names;
  std::vector<std::pair<std::size_t, std::string>> aliases;
};

}  // namespace

const RegionGazetteer& RegionGazetteer::builtin() {
  static const std::shared_ptr<const RegionGazetteer> gazetteer = [] {
    RegionGazetteerLoad load = parse(builtin_regions_data());
    if (!load.gazetteer) abort_on_builtin_errors("analyzers/data/regions.txt", load.errors);
    return load.gazetteer;
  }();
  return *gazetteer;
}

RegionGazetteerLoad RegionGazetteer::parse(std::string_view text) {
  RegionGazetteerLoad load;
  DataFile file = read_data_file(text);
  std::vector<DataFileError>& errors = load.errors;
  errors = std::move(file.errors);

  std::vector<std::vector<std::string>> equivalents;
  for (const DataFileField& field : file.sections.front().fields) {
    if (field.key == "equivalent") {
      std::vector<std::string> words = split_list(field.value);
      if (words.size() < 2) {
        errors.push_back({field.line, "'equivalent' needs two or more words separated by ';'"});
      } else {
        equivalents.push_back(std::move(words));
      }
    } else {
      errors.push_back({field.line, "unknown setting '" + field.key +
                                        "' before the first entry (expected 'equivalent')"});
    }
  }

  std::vector<std::pair<std::size_t, std::string>> excluded;
  std::vector<PendingRegion> pending;
  std::map<std::string, std::size_t, std::less<>> id_lines;
  for (std::size_t s = 1; s < file.sections.size(); ++s) {
    const DataFileSection& section = file.sections[s];
    if (section.name == "exclude") {
      for (const DataFileField& field : section.fields) {
        if (field.key != "names") {
          errors.push_back({field.line, "[exclude] takes only 'names', not '" + field.key + "'"});
          continue;
        }
        for (std::string& name : split_list(field.value)) excluded.emplace_back(field.line, name);
      }
      continue;
    }
    if (!valid_entity_id(section.name)) {
      errors.push_back({section.line, "bad region id '" + section.name +
                                          "': use lower-case ASCII letters, digits and '-'"});
      continue;
    }
    if (const auto [it, added] = id_lines.emplace(section.name, section.line); !added) {
      errors.push_back({section.line, "region '" + section.name +
                                          "' is defined twice (first at line " +
                                          std::to_string(it->second) + ")"});
      continue;
    }
    PendingRegion entry;
    entry.line = section.line;
    Region& region = entry.region;
    region.id = section.name;
    bool has_kind = false;
    for (const DataFileField& field : section.fields) {
      const std::string& key = field.key;
      const std::string& value = field.value;
      if (key == "kind") {
        has_kind = true;
        if (value == "region") {
          region.kind = RegionKind::kRegion;
        } else if (value == "city") {
          region.kind = RegionKind::kCity;
        } else {
          errors.push_back({field.line, "kind must be 'region' or 'city', not '" + value + "'"});
        }
      } else if (key == "ru" || key == "kk" || key == "en" || key == "latin") {
        std::string& slot = key == "ru"   ? region.name.ru
                            : key == "kk" ? region.name.kk
                            : key == "en" ? region.name.en
                                          : region.name.latin;
        slot = value;
      } else if (key == "centre_ru" || key == "centre_kk" || key == "centre_en" ||
                 key == "centre_latin") {
        std::string& slot = key == "centre_ru"   ? region.centre.ru
                            : key == "centre_kk" ? region.centre.kk
                            : key == "centre_en" ? region.centre.en
                                                 : region.centre.latin;
        slot = value;
      } else if (key == "since") {
        if (!valid_date(value)) {
          errors.push_back({field.line, "since must be a date YYYY-MM-DD, not '" + value + "'"});
        }
        region.since = value;
      } else if (key == "split_from") {
        region.split_from = value;
        entry.split_from_line = field.line;
      } else if (std::find(std::begin(kNameLists), std::end(kNameLists), key) !=
                 std::end(kNameLists)) {
        for (std::string& name : split_list(value)) {
          if (key == "former") region.former_names.push_back(name);
          entry.names.emplace_back(field.line, std::move(name));
        }
      } else if (key == "aliases") {
        for (std::string& name : split_list(value)) entry.aliases.emplace_back(field.line, name);
      } else {
        errors.push_back({field.line, "unknown field '" + key + "' in region '" + region.id + "'"});
      }
    }
    if (!has_kind) errors.push_back({section.line, "region '" + region.id + "' has no kind"});
    for (const auto& [label, value] : {std::pair{"ru", &region.name.ru},
                                       {"kk", &region.name.kk},
                                       {"en", &region.name.en},
                                       {"latin", &region.name.latin}}) {
      if (value->empty()) {
        errors.push_back({section.line, "region '" + region.id + "' has no '" + label + "' name"});
      }
    }
    if (region.kind == RegionKind::kCity) {
      if (region.centre.ru.empty()) region.centre = region.name;
    } else if (region.centre.ru.empty() || region.centre.kk.empty() || region.centre.en.empty() ||
               region.centre.latin.empty()) {
      errors.push_back(
          {section.line,
           "region '" + region.id + "' needs centre_ru, centre_kk, centre_en and centre_latin"});
    }
    pending.push_back(std::move(entry));
  }
  for (const PendingRegion& entry : pending) {
    if (!entry.region.split_from.empty() && !id_lines.contains(entry.region.split_from)) {
      errors.push_back({entry.split_from_line,
                        "split_from names an unknown region '" + entry.region.split_from + "'"});
    }
  }

  auto gazetteer = std::shared_ptr<RegionGazetteer>(new RegionGazetteer());
  NameRegistry registry(equivalents);
  const auto add_names = [&](std::uint32_t value, const std::string& owner,
                             const std::vector<std::pair<std::size_t, std::string>>& names,
                             bool matched_in_text, std::vector<std::string>* expanded_out) {
    for (const auto& [line, item] : names) {
      std::vector<NameVariant> variants;
      std::string error;
      if (!registry.expand(item, variants, error)) {
        errors.push_back({line, "in '" + item + "': " + error});
        continue;
      }
      for (const NameVariant& variant : variants) {
        const auto words = PhraseMatcher::analyze_phrase(
            variant.text,
            variant.exact ? PhraseMatcher::Reach::kExact : PhraseMatcher::Reach::kLoose);
        if (words.empty()) {
          errors.push_back({line, "'" + variant.text + "' has no words"});
          continue;
        }
        const std::string conflict = registry.claim(PhraseMatcher::key(words), owner);
        if (!conflict.empty()) {
          errors.push_back({line, "'" + variant.text + "' already names '" + conflict + "'"});
          continue;
        }
        gazetteer->resolve_matcher_.add(words, value);
        if (matched_in_text) gazetteer->matcher_.add(words, value);
        if (expanded_out != nullptr && !variant.equivalent &&
            std::find(expanded_out->begin(), expanded_out->end(), variant.text) ==
                expanded_out->end()) {
          expanded_out->push_back(variant.text);
        }
      }
    }
  };

  add_names(kExcluded, "[exclude]", excluded, true, nullptr);
  for (std::size_t r = 0; r < pending.size(); ++r) {
    PendingRegion& entry = pending[r];
    Region& region = entry.region;
    std::vector<std::pair<std::size_t, std::string>> names;
    for (const std::string* display :
         {&region.name.ru, &region.name.kk, &region.name.en, &region.name.latin}) {
      if (!display->empty()) names.emplace_back(entry.line, *display);
    }
    names.insert(names.end(), entry.names.begin(), entry.names.end());
    const auto value = static_cast<std::uint32_t>(r);
    add_names(value, region.id, names, true, &region.names);
    add_names(value, region.id, entry.aliases, false, nullptr);
    gazetteer->regions_.push_back(std::move(region));
  }
  for (std::string_view filler : kFillerWords) {
    gazetteer->resolve_matcher_.add(filler, kFiller, PhraseMatcher::Reach::kExact);
  }

  if (!errors.empty()) {
    std::stable_sort(
        errors.begin(), errors.end(),
        [](const DataFileError& a, const DataFileError& b) { return a.line < b.line; });
    return load;
  }
  load.gazetteer = std::move(gazetteer);
  return load;
}

const Region* RegionGazetteer::region(std::string_view id) const {
  const auto found = std::find_if(regions_.begin(), regions_.end(),
                                  [id](const Region& region) { return region.id == id; });
  return found == regions_.end() ? nullptr : &*found;
}

std::vector<RegionMention> RegionGazetteer::find(std::string_view text, Language language) const {
  const std::vector<Token> tokens = analyzer_for(language).analyze(text);
  return find(text, tokens);
}

std::vector<RegionMention> RegionGazetteer::find(std::string_view text,
                                                 std::span<const Token> tokens) const {
  std::vector<RegionMention> mentions;
  for (const PhraseMatcher::Match& match : matcher_.find(tokens, {.capitalized = true})) {
    // Several regions for one span would be a data mistake parse() rejects;
    // the first is taken all the same.
    const std::uint32_t value = match.values.front();
    if (value == kExcluded) continue;
    RegionMention mention;
    mention.region = &regions_[value];
    mention.byte_begin = tokens[match.first].byte_begin;
    mention.byte_end = tokens[match.first + match.count - 1].byte_end;
    if (mention.byte_end <= text.size() && mention.byte_begin <= mention.byte_end) {
      mention.surface =
          std::string(text.substr(mention.byte_begin, mention.byte_end - mention.byte_begin));
    }
    mentions.push_back(std::move(mention));
  }
  return mentions;
}

std::optional<std::string> RegionGazetteer::resolve(std::string_view name) const {
  const std::string id = ascii_lower(trim(name));
  if (region(id) != nullptr) return id;

  const std::vector<Token> tokens = analyzer_for(Language::kRussian).analyze(name);
  if (tokens.empty()) return std::nullopt;
  std::optional<std::uint32_t> found;
  std::size_t covered = 0;
  for (const PhraseMatcher::Match& match : resolve_matcher_.find(tokens, {.query = true})) {
    if (match.first != covered) return std::nullopt;  // a word that is no name
    covered += match.count;
    const std::uint32_t value = match.values.front();
    if (value == kFiller) continue;
    if (value == kExcluded || (found && *found != value)) return std::nullopt;
    found = value;
  }
  if (covered != tokens.size() || !found) return std::nullopt;
  return regions_[*found].id;
}

}  // namespace izdeu::analyzers
