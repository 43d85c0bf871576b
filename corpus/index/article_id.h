#pragma once
// Stable article ids. The same article read twice, from any archive format,
// must get the same id, because IndexWriter replaces documents by id.

#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/article.h"

namespace izdeu::corpus {

/// Longest id taken over as given; longer ids are hashed.
inline constexpr std::size_t kMaxGivenIdBytes = 120;

/// The id an article is indexed under, decided by the first rule that applies:
///
/// 1. `article.id`, trimmed of ASCII white space, if it is non-empty:
///    kept as is when it has at most kMaxGivenIdBytes bytes, all of them in
///    [A-Za-z0-9._:-]; otherwise "i-" + fnv1a_hex(trimmed id).
/// 2. `article.url`, if non-empty: "u-" + fnv1a_hex(normalize_url(url)), so
///    "http://www.Site.kz/a/1/" and "https://site.kz/a/1" get the same id.
/// 3. Otherwise "h-" + fnv1a_hex(section + U+001F + date ("YYYY-MM-DD" or
///    empty) + U+001F + title), each field with white space collapsed; when
///    the title is empty or blank, + U+001F + body (collapsed) too, so that
///    untitled articles of one section and day get different ids.
///
/// Every result is 1..kMaxGivenIdBytes bytes of [A-Za-z0-9._:-], so it is
/// safe as a Xapian term (after the Q prefix) and as a URL path segment.
/// Derived ids are "<letter>-" + 16 lower-case hex digits.
std::string article_id(const Article& article);

/// True when `id` would be kept as given (rule 1 above, after trimming).
bool is_safe_article_id(std::string_view id);

/// The URL as used for ids: surrounding white space, the scheme ("http://",
/// "https://", any "scheme://"), user info, a leading "www.", a default port
/// (:80, :443) and the fragment removed; the host lower-cased; trailing
/// slashes of the path removed. Path and query keep their case.
std::string normalize_url(std::string_view url);

}  // namespace izdeu::corpus
