#include "analyzers/gazetteers/synonym_table.h"

#include <algorithm>

#include "analyzers/gazetteers/builtin_data.h"
#include "analyzers/gazetteers/entity_names.h"

namespace izdeu::analyzers {

const SynonymTable& SynonymTable::builtin() {
  static const std::shared_ptr<const SynonymTable> table = [] {
    SynonymTableLoad load = parse(builtin_synonyms_data());
    if (!load.table) abort_on_builtin_errors("analyzers/data/synonyms.txt", load.errors);
    return load.table;
  }();
  return *table;
}

SynonymTableLoad SynonymTable::parse(std::string_view text) {
  SynonymTableLoad load;
  auto table = std::shared_ptr<SynonymTable>(new SynonymTable());
  NameRegistry registry;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // U+FEFF as a byte order mark
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t end = text.find('\n');
    const std::string_view line = trim(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.empty() || line.front() == '#') continue;

    const std::vector<std::string> written = split_list(line);
    if (written.size() < 2) {
      load.errors.push_back({line_number, "a group needs two or more forms separated by ';'"});
      continue;
    }
    const std::string owner = "line " + std::to_string(line_number);
    SynonymGroup group;
    const std::size_t group_index = table->groups_.size();
    for (const std::string& form_text : written) {
      const auto words = PhraseMatcher::analyze_phrase(form_text, PhraseMatcher::Reach::kStems);
      if (words.empty()) {
        load.errors.push_back({line_number, "'" + form_text + "' has no words"});
        continue;
      }
      const std::string earlier = registry.claim(PhraseMatcher::key(words), owner);
      if (!earlier.empty()) {
        load.errors.push_back(
            {line_number, "'" + form_text + "' is already in the group on " + earlier});
        continue;
      }
      const auto value = static_cast<std::uint32_t>(table->form_index_.size());
      table->form_index_.emplace_back(group_index, group.forms.size());
      table->matcher_.add(words, value);
      SynonymForm form;
      form.written = form_text;
      for (const PhraseWord& word : words) form.words.push_back({word.exact.front(), word.stems});
      group.forms.push_back(std::move(form));
    }
    table->groups_.push_back(std::move(group));
  }
  if (!load.errors.empty()) return load;
  load.table = std::move(table);
  return load;
}

std::vector<SynonymSpan> SynonymTable::find(std::span<const Token> query_tokens) const {
  std::vector<SynonymSpan> spans;
  for (const PhraseMatcher::Match& match : matcher_.find(query_tokens, {.query = true})) {
    const auto [group, form] = form_index_[match.values.front()];
    spans.push_back({match.first, match.count, group, form});
  }
  return spans;
}

}  // namespace izdeu::analyzers
