#pragma once
// Name handling shared by the entity data files: ids, "{a|b}" and "=" name
// syntax, interchangeable words, and names claimed by two entries.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace izdeu::analyzers {

/// Ids are lower-case ASCII letters, digits and inner '-': "almaty-region".
bool valid_entity_id(std::string_view id);

/// One name a data-file item stands for.
struct NameVariant {
  std::string text;
  bool exact = false;  ///< the item began with '=': match these spellings only
  bool equivalent = false;  ///< made by swapping an interchangeable word («обл» for «область»)
};

class NameRegistry {
 public:
  /// `equivalents`: groups of words that may stand for one another in any name.
  explicit NameRegistry(std::vector<std::vector<std::string>> equivalents = {});

  /// The names a list item stands for: "=" prefix, "{a|b}" groups, then
  /// every swap of interchangeable words. False, with `error`, on bad syntax.
  bool expand(std::string_view item, std::vector<NameVariant>& out, std::string& error) const;

  /// Records that the name with this key (PhraseMatcher::key) belongs to
  /// `owner`. Returns the earlier owner when another one already has it, else "".
  std::string claim(const std::string& key, std::string_view owner);

 private:
  std::vector<std::vector<std::string>> equivalents_;
  std::unordered_map<std::string, std::string> owners_;
};

}  // namespace izdeu::analyzers
