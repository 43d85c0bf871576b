#pragma once
// Reading query-string parameters, with errors that name the parameter.
// Shared by every endpoint so they all word their 400s alike.

#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corpus/date.h"
#include "corpus/error.h"
#include "corpus/query/query_parser.h"

namespace izdeu::server {

/// `text` without leading and trailing ASCII whitespace.
std::string trimmed(const std::string& text);

/// The trimmed value of `name`, or "" when absent.
std::string param(const httplib::Request& request, const char* name);

/// Most times any repeatable parameter (person, region, topic, facets) may
/// be given; the one limit every endpoint applies.
inline constexpr std::size_t kMaxParamValues = 20;
/// Longest value of a repeatable parameter, in bytes: as long as a query may be
/// (corpus::kMaxQueryChars characters of at most 4 bytes of UTF-8).
inline constexpr std::size_t kMaxParamValueBytes = 4 * corpus::kMaxQueryChars;

/// Every non-empty value of a repeatable parameter (?region=a&region=b),
/// trimmed, as valid UTF-8, in the order given. kInvalidArgument naming the
/// parameter when it is given more than kMaxParamValues times or a value is
/// longer than kMaxParamValueBytes. The one reader of repeated parameters.
corpus::Result<std::vector<std::string>> param_values(const httplib::Request& request,
                                                      const char* name);

/// An integer in [min, max], `fallback` when absent.
corpus::Result<std::uint32_t> parse_count(const httplib::Request& request, const char* name,
                                          std::uint32_t fallback, std::uint32_t min,
                                          std::uint32_t max);

/// A YYYY-MM-DD date, nullopt when absent or empty.
corpus::Result<std::optional<corpus::Date>> parse_date_param(const httplib::Request& request,
                                                             const char* name);

/// `from` and `to` as an inclusive range; kInvalidArgument when from > to.
struct DateRange {
  std::optional<corpus::Date> from;
  std::optional<corpus::Date> to;
};
corpus::Result<DateRange> parse_date_range(const httplib::Request& request);

}  // namespace izdeu::server
