#pragma once
// A calendar date without time or zone: news archives give the day only.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace izdeu::corpus {

struct Date {
  int year = 0;
  int month = 0;  ///< 1..12
  int day = 0;    ///< 1..31, checked against the month and leap years

  /// True when the fields form a real day of the Gregorian calendar between 1800 and 2200.
  bool is_valid() const;
  /// "2021-07-01"
  std::string to_iso() const;
  /// "20210701", the form Omega's D prefix uses; also sorts as a string.
  std::string to_yyyymmdd() const;
  /// Days since 1970-01-01 (negative before); used for recency decay.
  std::int64_t days_since_epoch() const;

  auto operator<=>(const Date&) const = default;
};

/// The day `days` days after 1970-01-01 (the inverse of days_since_epoch()).
Date date_from_days(std::int64_t days);

/// Builds a date if the fields are valid.
std::optional<Date> make_date(int year, int month, int day);
/// Parses "YYYY-MM-DD" strictly; nullopt on any other shape or an impossible day.
std::optional<Date> parse_iso_date(std::string_view text);
/// Parses "YYYYMMDD" strictly (the stored form).
std::optional<Date> parse_yyyymmdd(std::string_view text);

}  // namespace izdeu::corpus
