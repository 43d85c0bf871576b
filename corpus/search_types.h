#pragma once
// Plain request/response structs of the search library: no JSON, no HTTP.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/language.h"
#include "corpus/date.h"

namespace izdeu::corpus {

enum class SortOrder {
  kRelevance,  ///< BM25, title matches weighted above body matches
  kDate,       ///< newest first, relevance breaks ties
};

inline constexpr std::uint32_t kMaxPerPage = 1000;

struct SearchRequest {
  std::string query;                            ///< free text; every word is required
  std::optional<analyzers::Language> language;  ///< filter; nullopt: both languages
  std::optional<Date> from;                     ///< inclusive
  std::optional<Date> to;                       ///< inclusive
  SortOrder sort = SortOrder::kRelevance;
  std::uint32_t page = 1;       ///< 1-based
  std::uint32_t per_page = 10;  ///< 1..kMaxPerPage
  std::uint32_t snippet_chars = 240;
};

struct Hit {
  std::string id;
  std::string title;
  std::string url;
  std::string source;
  std::optional<Date> date;
  analyzers::Language language = analyzers::Language::kRussian;
  std::optional<std::int64_t> views;
  double score = 0;     ///< BM25 weight; comparable within one result only
  std::string snippet;  ///< HTML: escaped text with matched words in <mark>
};

struct SearchResult {
  std::uint64_t total = 0;  ///< number of matching articles
  bool total_exact = true;  ///< false when `total` is Xapian's estimate
  std::vector<Hit> hits;
};

}  // namespace izdeu::corpus
