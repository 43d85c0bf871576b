#pragma once
// Date ranges as boolean filters over the Y/M/D terms (schema.h) instead of
// value ranges. A value range reads the date value of every document in the
// database to find the ones in range; a few posting lists (whole years, then
// months, then days at the edges) are skipped along like any other term, so
// filtering costs a step per match, not a pass over the archive.

#include <xapian.h>

#include <optional>

#include "corpus/date.h"

namespace izdeu::corpus {

/// Articles dated from `from` to `to`, both inclusive; an open end reaches
/// the first (or last) day Date::is_valid() allows. Undated articles never
/// match. Xapian::Query() (matches nothing) for an empty range.
Xapian::Query date_range_filter(std::optional<Date> from, std::optional<Date> to);

/// Articles without a date. Undated articles carry no date term, so this
/// one reads the date value stream; use it only where undated articles are
/// actually wanted.
Xapian::Query undated_filter();

}  // namespace izdeu::corpus
