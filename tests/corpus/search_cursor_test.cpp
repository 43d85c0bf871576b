// The `after` cursor's codec: what it writes it reads back, and nothing else.

#include "corpus/search/search_cursor.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using analyzers::Language;
using testing::day;

TEST(SearchCursorTest, RoundTrips) {
  const SearchCursor cursors[] = {
      {SortOrder::kRelevance, 0xdeadbeef, 100, 42, "", 0},
      {SortOrder::kDate, 1, 2500, 7, "20210701", 13},
      {SortOrder::kDate, 0, 12, 9, "", 3},
      {SortOrder::kRecency, 0xffffffff, 18'000'000'000ull, 4'000'000'000u, "", 0},
  };
  for (const SearchCursor& cursor : cursors) {
    const std::string text = encode_cursor(cursor);
    EXPECT_EQ(
        text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos)
        << text;
    auto decoded = decode_cursor(text);
    ASSERT_TRUE(decoded) << text;
    EXPECT_EQ(*decoded, cursor);
  }
}

TEST(SearchCursorTest, RejectsAnythingItDidNotWrite) {
  const std::string valid = encode_cursor({SortOrder::kDate, 5, 10, 3, "20200101", 2});
  std::string flipped = valid;
  flipped[3] = flipped[3] == 'A' ? 'B' : 'A';
  const std::string cases[] = {
      "",
      "abc",
      "!!!!",
      "YWJj",                  // "abc"
      "YzEuci4wMDAwMDAwMC4x",  // "c1.r.00000000.1": fields missing
      std::string(300, 'A'),
      valid + "A",
      valid.substr(0, valid.size() - 2),
      flipped,
      valid + "=",
      "c1.r.00000000.10.3.-.0",  // the plain text, not encoded
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE(text);
    auto decoded = decode_cursor(text);
    if (decoded) {
      // A flipped character may still decode to a well-formed cursor; it
      // must then be a different one.
      EXPECT_NE(encode_cursor(*decoded), valid);
      continue;
    }
    EXPECT_EQ(decoded.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(SearchCursorTest, FingerprintCoversFiltersAndSortButNotPageSize) {
  const SearchRequest base{.query = "выборы"};
  const std::uint32_t fingerprint = request_fingerprint(base);
  EXPECT_EQ(request_fingerprint({.query = "выборы", .per_page = 100}), fingerprint);
  EXPECT_EQ(request_fingerprint({.query = "выборы", .page = 7}), fingerprint);
  const SearchRequest others[] = {
      {.query = "выборы 2021"},
      {.query = "выборы", .language = Language::kKazakh},
      {.query = "выборы", .from = day(2020, 1, 1)},
      {.query = "выборы", .to = day(2020, 1, 1)},
      {.query = "выборы", .people = {"токаев"}},
      {.query = "выборы", .regions = {"almaty"}},
      {.query = "выборы", .topics = {"politics"}},
      {.query = "выборы", .sort = SortOrder::kDate},
      {.query = "выборы", .match = MatchMode::kAny},
      {.query = "выборы", .collapse_duplicates = false},
  };
  for (const SearchRequest& other : others) EXPECT_NE(request_fingerprint(other), fingerprint);
}

}  // namespace
}  // namespace izdeu::corpus
