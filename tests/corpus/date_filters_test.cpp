// Date ranges as Y/M/D term filters: every range finds exactly the articles
// dated inside it, checked against the dates the test itself indexed.

#include "corpus/query/date_filters.h"

#include <gtest/gtest.h>

#include <set>

#include "corpus/index/index_writer.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_articles.h"

namespace izdeu::corpus {
namespace {

using testing::day;
using testing::make_article;
using testing::TempDir;

class DateFiltersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    dates_ = new std::vector<std::optional<Date>>();
    auto writer = IndexWriter::open(dir_->str());
    ASSERT_TRUE(writer);
    // Every 9th day over four years (leap day included), the edges of the
    // valid range, and two undated articles.
    for (std::int64_t d = Date{2019, 12, 25}.days_since_epoch();
         d <= Date{2023, 1, 10}.days_since_epoch(); d += 9) {
      dates_->push_back(date_from_days(d));
    }
    dates_->push_back(day(2020, 2, 29));
    dates_->push_back(day(1800, 1, 1));
    dates_->push_back(day(2200, 12, 31));
    dates_->push_back(std::nullopt);
    dates_->push_back(std::nullopt);
    for (std::size_t i = 0; i < dates_->size(); ++i) {
      ASSERT_TRUE(writer->add_or_replace(
          make_article("d" + std::to_string(i), "Заметка", "Текст.", (*dates_)[i])));
    }
    ASSERT_TRUE(writer->commit());
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete dates_;
  }

  static std::set<std::string> found(const Xapian::Query& filter) {
    Xapian::Database database(dir_->str());
    Xapian::Enquire enquire(database);
    enquire.set_query(filter);
    std::set<std::string> ids;
    const Xapian::MSet mset = enquire.get_mset(0, database.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const std::string data = it.get_document().get_data();
      ids.insert(data.substr(3, data.find('\n') - 3));  // "id=..." is the first line
    }
    return ids;
  }

  static std::set<std::string> expected(std::optional<Date> from, std::optional<Date> to) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < dates_->size(); ++i) {
      const auto& date = (*dates_)[i];
      if (!date || (from && *date < *from) || (to && *to < *date)) continue;
      ids.insert("d" + std::to_string(i));
    }
    return ids;
  }

  static TempDir* dir_;
  static std::vector<std::optional<Date>>* dates_;
};
TempDir* DateFiltersTest::dir_ = nullptr;
std::vector<std::optional<Date>>* DateFiltersTest::dates_ = nullptr;

TEST_F(DateFiltersTest, EveryRangeFindsExactlyItsDays) {
  const std::optional<Date> ends[] = {
      std::nullopt,    day(2019, 12, 31), day(2020, 1, 1),   day(2020, 2, 28), day(2020, 2, 29),
      day(2020, 3, 1), day(2020, 7, 15),  day(2020, 12, 31), day(2021, 1, 1),  day(2021, 6, 30),
      day(2022, 3, 9), day(2023, 1, 10),  day(1800, 1, 1),   day(2200, 12, 31)};
  for (const auto& from : ends) {
    for (const auto& to : ends) {
      SCOPED_TRACE((from ? from->to_iso() : "open") + " .. " + (to ? to->to_iso() : "open"));
      EXPECT_EQ(found(date_range_filter(from, to)), expected(from, to));
    }
  }
}

TEST_F(DateFiltersTest, UndatedFilterFindsOnlyUndated) {
  std::set<std::string> undated;
  for (std::size_t i = 0; i < dates_->size(); ++i) {
    if (!(*dates_)[i]) undated.insert("d" + std::to_string(i));
  }
  EXPECT_EQ(found(undated_filter()), undated);
}

}  // namespace
}  // namespace izdeu::corpus
