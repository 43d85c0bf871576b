#pragma once
// The document model. Deliberately not called Document, so it never gets
// confused with Xapian::Document in the files that convert between the two.

#include <cstdint>
#include <optional>
#include <string>

#include "analyzers/language.h"
#include "corpus/date.h"

namespace izdeu::corpus {

struct Article {
  std::string id;       ///< stable unique id (see article_id.h); never empty once indexed
  std::string url;      ///< may be empty
  std::string source;   ///< publisher or archive name; may be empty
  std::string section;  ///< the portal's section heading; may be empty
  analyzers::Language language = analyzers::Language::kRussian;
  std::string title;  ///< required, non-empty
  std::string body;   ///< paragraphs separated by "\n\n"
  std::optional<Date> date;
  std::optional<std::int64_t> views;  ///< page view count at the time of the dump
};

}  // namespace izdeu::corpus
