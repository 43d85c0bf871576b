#include "corpus/date.h"

#include <gtest/gtest.h>

namespace izdeu::corpus {
namespace {

struct IsoCase {
  const char* text;
  bool valid;
};

constexpr IsoCase kIsoCases[] = {
    {"2021-07-01", true},  {"2020-02-29", true},  {"2021-02-29", false}, {"2021-13-01", false},
    {"2021-00-10", false}, {"2021-7-1", false},   {"20210701", false},   {"2021-07-01x", false},
    {"", false},           {"1799-12-31", false}, {"2200-12-31", true},  {"abcd-ef-gh", false},
};

TEST(DateTest, ParsesIsoDatesStrictly) {
  for (const IsoCase& c : kIsoCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(parse_iso_date(c.text).has_value(), c.valid);
  }
}

TEST(DateTest, FormatsBothStoredForms) {
  const Date date{2019, 3, 14};
  EXPECT_EQ(date.to_iso(), "2019-03-14");
  EXPECT_EQ(date.to_yyyymmdd(), "20190314");
  EXPECT_EQ(parse_yyyymmdd("20190314"), date);
  EXPECT_FALSE(parse_yyyymmdd("20190230").has_value());
}

TEST(DateTest, CountsDaysSinceEpoch) {
  EXPECT_EQ((Date{1970, 1, 1}.days_since_epoch()), 0);
  EXPECT_EQ((Date{1970, 1, 2}.days_since_epoch()), 1);
  EXPECT_EQ((Date{2000, 3, 1}.days_since_epoch()), 11017);
  EXPECT_EQ((Date{1969, 12, 31}.days_since_epoch()), -1);
}

TEST(DateTest, DaysSinceEpochRoundTrips) {
  EXPECT_EQ(date_from_days(0), (Date{1970, 1, 1}));
  EXPECT_EQ(date_from_days(-1), (Date{1969, 12, 31}));
  EXPECT_EQ(date_from_days(11017), (Date{2000, 3, 1}));
  // Every day from 1800 to 2200, leap days and century years included.
  const std::int64_t first = Date{1800, 1, 1}.days_since_epoch();
  const std::int64_t last = Date{2200, 12, 31}.days_since_epoch();
  for (std::int64_t days = first; days <= last; ++days) {
    const Date date = date_from_days(days);
    ASSERT_TRUE(date.is_valid()) << days;
    ASSERT_EQ(date.days_since_epoch(), days);
  }
}

TEST(DateTest, OrdersChronologically) {
  EXPECT_LT((Date{2020, 12, 31}), (Date{2021, 1, 1}));
  EXPECT_LT((Date{2021, 1, 31}), (Date{2021, 2, 1}));
}

}  // namespace
}  // namespace izdeu::corpus
