#include "corpus/query/date_filters.h"

#include <string>
#include <vector>

#include "corpus/schema.h"

namespace izdeu::corpus {
namespace {

constexpr Date kFirstDay{1800, 1, 1};
constexpr Date kLastDay{2200, 12, 31};

int days_in(int year, int month) {
  if (month == 12) return 31;
  return static_cast<int>(Date{year, month + 1, 1}.days_since_epoch() -
                          Date{year, month, 1}.days_since_epoch());
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string term(std::string_view prefix, std::string value) {
  std::string out(prefix);
  out += value;
  return out;
}

}  // namespace

Xapian::Query date_range_filter(std::optional<Date> from, std::optional<Date> to) {
  Date low = from.value_or(kFirstDay);
  Date high = to.value_or(kLastDay);
  if (low < kFirstDay) low = kFirstDay;
  if (kLastDay < high) high = kLastDay;
  if (high < low) return Xapian::Query();

  // Month by month from low to high: a whole year inside the range is one
  // Y term, a whole month one M term, the days of a partial month D terms.
  std::vector<Xapian::Query> parts;
  int year = low.year;
  int month = low.month;
  while (year < high.year || (year == high.year && month <= high.month)) {
    if (month == 1 && !(Date{year, 1, 1} < low) && !(high < Date{year, 12, 31})) {
      parts.emplace_back(term(schema::kYearPrefix, std::to_string(year)));
      ++year;
      continue;
    }
    const int first = year == low.year && month == low.month ? low.day : 1;
    const int last = year == high.year && month == high.month ? high.day : days_in(year, month);
    const std::string year_month = std::to_string(year) + two_digits(month);
    if (first == 1 && last == days_in(year, month)) {
      parts.emplace_back(term(schema::kMonthPrefix, year_month));
    } else {
      for (int day = first; day <= last; ++day) {
        parts.emplace_back(term(schema::kDayPrefix, year_month + two_digits(day)));
      }
    }
    if (++month == 13) month = 1, ++year;
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query undated_filter() {
  // Dates are digits, so every dated article has a value of at least "0".
  return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                       Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, "0"));
}

}  // namespace izdeu::corpus
