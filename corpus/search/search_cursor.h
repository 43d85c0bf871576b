#pragma once
// The `after` cursor of deep result walks: where the previous page ended,
// packed into an opaque URL-safe string (base64url of a short dotted text).

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/error.h"
#include "corpus/search_types.h"

namespace izdeu::corpus {

struct SearchCursor {
  SortOrder sort = SortOrder::kRelevance;
  /// request_fingerprint() of the request that produced the cursor: a cursor
  /// only continues the query, filters and sort it came from.
  std::uint32_t fingerprint = 0;
  /// Hits returned before the next page (all earlier pages together).
  std::uint64_t position = 0;
  /// The last hit returned. Its place in the ranking is looked for near
  /// `position`, so a walk continues after it even when commits since the
  /// previous page moved it a little.
  Xapian::docid last_docid = 0;
  /// sort=date: the last hit's date value ("YYYYMMDD", "" when undated) and
  /// how many hits of that day were returned. The next page reads only
  /// articles of that day or older, so a deep page costs no more than the
  /// first.
  std::string day;
  std::uint64_t day_offset = 0;

  friend bool operator==(const SearchCursor&, const SearchCursor&) = default;
};

std::string encode_cursor(const SearchCursor& cursor);

/// kInvalidArgument for anything encode_cursor() did not produce.
Result<SearchCursor> decode_cursor(std::string_view text);

/// Hash of everything that decides a request's result set and its order
/// (query, filters, sort, match mode, collapsing), but not the page size.
std::uint32_t request_fingerprint(const SearchRequest& request);

}  // namespace izdeu::corpus
