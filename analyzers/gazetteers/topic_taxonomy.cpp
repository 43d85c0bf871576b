#include "analyzers/gazetteers/topic_taxonomy.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "analyzers/analyzer.h"
#include "analyzers/gazetteers/builtin_data.h"
#include "analyzers/gazetteers/entity_names.h"
#include "analyzers/text_normalizer.h"

namespace izdeu::analyzers {
namespace {

// Title words weigh this much more than body words when topics are ranked.
constexpr std::size_t kTitleWeight = 3;
constexpr std::size_t kMaxThreshold = 1000;

bool parse_count(std::string_view text, std::size_t& out) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1 ||
      value > kMaxThreshold) {
    return false;
  }
  out = value;
  return true;
}

}  // namespace

std::shared_ptr<const TopicTaxonomy> TopicTaxonomy::builtin_shared() {
  static const std::shared_ptr<const TopicTaxonomy> taxonomy = [] {
    TopicTaxonomyLoad load = parse(builtin_topics_data());
    if (!load.taxonomy) abort_on_builtin_errors("analyzers/data/topics.txt", load.errors);
    return load.taxonomy;
  }();
  return taxonomy;
}

const TopicTaxonomy& TopicTaxonomy::builtin() { return *builtin_shared(); }

TopicTaxonomyLoad TopicTaxonomy::parse(std::string_view text) {
  TopicTaxonomyLoad load;
  DataFile file = read_data_file(text);
  std::vector<DataFileError>& errors = load.errors;
  errors = std::move(file.errors);
  auto taxonomy = std::shared_ptr<TopicTaxonomy>(new TopicTaxonomy());

  for (const DataFileField& field : file.sections.front().fields) {
    std::size_t* slot = field.key == "min_title_words"  ? &taxonomy->thresholds_.min_title_words
                        : field.key == "min_body_words" ? &taxonomy->thresholds_.min_body_words
                        : field.key == "max_topics"     ? &taxonomy->thresholds_.max_topics
                                                        : nullptr;
    if (slot == nullptr) {
      errors.push_back({field.line, "unknown setting '" + field.key +
                                        "' (expected min_title_words, min_body_words or "
                                        "max_topics)"});
    } else if (!parse_count(field.value, *slot)) {
      errors.push_back({field.line, field.key + " must be a whole number from 1 to 1000, not '" +
                                        field.value + "'"});
    }
  }

  std::map<std::string, std::size_t, std::less<>> id_lines;
  NameRegistry labels;
  for (std::size_t s = 1; s < file.sections.size(); ++s) {
    const DataFileSection& section = file.sections[s];
    if (!valid_entity_id(section.name)) {
      errors.push_back({section.line, "bad topic id '" + section.name +
                                          "': use lower-case ASCII letters, digits and '-'"});
      continue;
    }
    if (const auto [it, added] = id_lines.emplace(section.name, section.line); !added) {
      errors.push_back({section.line, "topic '" + section.name +
                                          "' is defined twice (first at line " +
                                          std::to_string(it->second) + ")"});
      continue;
    }
    const auto index = static_cast<std::uint32_t>(taxonomy->topics_.size());
    Topic topic;
    topic.id = section.name;
    std::vector<std::pair<std::size_t, std::string>> names;  // labels and aliases, with lines
    for (const DataFileField& field : section.fields) {
      if (field.key == "ru" || field.key == "kk" || field.key == "en") {
        std::string& label = field.key == "ru" ? topic.ru : field.key == "kk" ? topic.kk : topic.en;
        label = field.value;
        if (!label.empty()) names.emplace_back(field.line, label);
      } else if (field.key == "aliases") {
        for (std::string& alias : split_list(field.value)) {
          topic.aliases.push_back(alias);
          names.emplace_back(field.line, std::move(alias));
        }
      } else if (field.key == "words") {
        for (const std::string& item : split_list(field.value)) {
          std::vector<NameVariant> variants;
          std::string error;
          if (!labels.expand(item, variants, error)) {
            errors.push_back({field.line, "in '" + item + "': " + error});
            continue;
          }
          // One entry per item: its spellings are one word of evidence.
          const auto entry = static_cast<std::uint32_t>(taxonomy->entry_topics_.size());
          taxonomy->entry_topics_.push_back(index);
          for (const NameVariant& variant : variants) {
            const auto reach =
                variant.exact ? PhraseMatcher::Reach::kExact : PhraseMatcher::Reach::kStems;
            if (!taxonomy->words_.add(variant.text, entry, reach)) {
              errors.push_back({field.line, "'" + variant.text + "' has no words"});
              continue;
            }
            topic.words.push_back(variant.text);
          }
        }
      } else {
        errors.push_back({field.line, "unknown field '" + field.key + "' in topic '" + topic.id +
                                          "' (expected ru, kk, en, words or aliases)"});
      }
    }
    if (topic.ru.empty() || topic.kk.empty()) {
      errors.push_back({section.line, "topic '" + topic.id + "' needs both 'ru' and 'kk' labels"});
    }
    if (topic.words.empty()) {
      errors.push_back({section.line, "topic '" + topic.id + "' has no words"});
    }
    names.emplace_back(section.line, topic.id);
    for (const auto& [line, name] : names) {
      const auto words = PhraseMatcher::analyze_phrase(name, PhraseMatcher::Reach::kStems);
      if (words.empty()) {
        errors.push_back({line, "'" + name + "' has no words"});
        continue;
      }
      const std::string owner = labels.claim(PhraseMatcher::key(words), topic.id);
      if (!owner.empty()) {
        errors.push_back({line, "'" + name + "' already names topic '" + owner + "'"});
        continue;
      }
      taxonomy->labels_.add(words, index);
    }
    taxonomy->topics_.push_back(std::move(topic));
  }

  if (!errors.empty()) {
    std::stable_sort(
        errors.begin(), errors.end(),
        [](const DataFileError& a, const DataFileError& b) { return a.line < b.line; });
    return load;
  }
  load.taxonomy = std::move(taxonomy);
  return load;
}

const Topic* TopicTaxonomy::topic(std::string_view id) const {
  const auto found = std::find_if(topics_.begin(), topics_.end(),
                                  [id](const Topic& topic) { return topic.id == id; });
  return found == topics_.end() ? nullptr : &*found;
}

std::optional<std::string> TopicTaxonomy::resolve(std::string_view name) const {
  const std::string id = ascii_lower(trim(name));
  if (topic(id) != nullptr) return id;
  const std::vector<Token> tokens = analyzer_for(Language::kRussian).analyze(name);
  if (tokens.empty()) return std::nullopt;
  const auto matches = labels_.find(tokens, {.query = true});
  if (matches.size() != 1 || matches.front().count != tokens.size()) return std::nullopt;
  return topics_[matches.front().values.front()].id;
}

std::vector<std::string> TopicTaxonomy::tag(std::string_view title, std::string_view body,
                                            Language language) const {
  const Analyzer& analyzer = analyzer_for(language);
  return tag(analyzer.analyze(title), analyzer.analyze(body));
}

std::vector<std::string> TopicTaxonomy::tag(std::span<const Token> title,
                                            std::span<const Token> body) const {
  std::vector<std::set<std::uint32_t>> title_entries(topics_.size());
  std::vector<std::set<std::uint32_t>> body_entries(topics_.size());
  for (const auto& [tokens, entries] : {std::pair{title, &title_entries}, {body, &body_entries}}) {
    for (const PhraseMatcher::Match& match : words_.find(tokens, {})) {
      // One piece of evidence per topic per span, even when several of its
      // entries match it («волонтёр» listed among Russian and Kazakh words).
      std::set<std::uint32_t> topics_here;
      for (const std::uint32_t entry : match.values) {
        const std::uint32_t topic = entry_topics_[entry];
        if (topics_here.insert(topic).second) (*entries)[topic].insert(entry);
      }
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> scored;  // (score, topic index)
  for (std::size_t t = 0; t < topics_.size(); ++t) {
    const std::size_t in_title = title_entries[t].size();
    const std::size_t in_body = body_entries[t].size();
    if (in_title >= thresholds_.min_title_words || in_body >= thresholds_.min_body_words) {
      scored.emplace_back(in_title * kTitleWeight + in_body, t);
    }
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  if (scored.size() > thresholds_.max_topics) scored.resize(thresholds_.max_topics);
  std::vector<std::string> ids;
  for (const auto& [score, t] : scored) ids.push_back(topics_[t].id);
  return ids;
}

}  // namespace izdeu::analyzers
