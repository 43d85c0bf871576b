#pragma once
// The document model. Deliberately not called Document, so it never gets
// confused with Xapian::Document in the files that convert between the two.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/language.h"
#include "corpus/date.h"

namespace izdeu::corpus {

/// A person recognized in an article (analyzers' person recognizer): the
/// canonical key, nominative and lower case with ё→е ("хан клара
/// александровна"), and how many times the article mentions that person.
struct PersonRef {
  std::string key;
  std::uint32_t mentions = 1;

  friend bool operator==(const PersonRef&, const PersonRef&) = default;
};

/// The article's main people: chips on a result card and the person facet
/// take at most this many of Article::people (most mentioned first), so a
/// list of forty names in one article fills neither. Filters and the people
/// API still see every person.
inline constexpr std::size_t kMaxMainPeople = 10;

struct Article {
  std::string id;       ///< stable unique id (see article_id.h); never empty once indexed
  std::string url;      ///< may be empty
  std::string source;   ///< publisher or archive name; may be empty
  std::string section;  ///< the portal's section heading; may be empty
  analyzers::Language language = analyzers::Language::kRussian;
  /// May be empty when the body is not: search results then show a title
  /// made from the body's first words (Hit::title_generated).
  std::string title;
  std::string body;  ///< paragraphs separated by "\n\n"; may be empty when the title is not
  std::optional<Date> date;
  std::optional<std::int64_t> views;  ///< page view count at the time of the dump

  // Entities, filled at index time by annotate_entities() (or set by a test);
  // stored with the article and indexed as filter terms and facet values.
  std::vector<PersonRef> people;     ///< distinct keys, most mentioned first
  std::vector<std::string> regions;  ///< gazetteer region ids, e.g. "almaty-region"
  std::vector<std::string> topics;   ///< taxonomy topic ids, e.g. "education"
};

/// An article as its source gives it (an archive reader, later a client of
/// the HTTP API), before corpus::prepare_document() (corpus/index/prepare.h)
/// decides what the source may leave open: the id, from whatever `id`, `url`
/// or the other fields say (article_id.h), and the language, when the source
/// named none. Entities are never given; they are found from the text.
struct RawArticle {
  std::string id;  ///< as given; may be empty or unsafe as a term (article_id() decides)
  std::string url;
  std::string source;
  std::string section;
  std::optional<analyzers::Language> language;  ///< as given; nullopt: detect from the text
  std::string title;
  std::string body;
  std::optional<Date> date;
  std::optional<std::int64_t> views;
};

}  // namespace izdeu::corpus
