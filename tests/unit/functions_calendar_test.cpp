// The calendar arithmetic the datetime kernels share (functions/kernels/calendar.h). Expected
// ISO weeks and weekdays were taken from Python's datetime.date.isocalendar().
#include "huntdb/functions/kernels/calendar.h"

#include <gtest/gtest.h>

namespace huntdb {
namespace {

namespace cal = functions::calendar;

int64_t day(int y, int m, int d) { return days_from_civil(y, m, d) * kTicksPerDay; }

TEST(Calendar, IsoWeekAtYearBoundaries) {
  struct Case {
    int y, m, d, week, weekday;
  };
  const Case cases[] = {
      {2004, 12, 31, 53, 5}, {2005, 1, 1, 53, 6},  {2005, 1, 2, 53, 0},   {2005, 1, 3, 1, 1},
      {2007, 12, 31, 1, 1},  {2008, 12, 29, 1, 1}, {2009, 12, 31, 53, 4}, {2010, 1, 3, 53, 0},
      {1969, 12, 29, 1, 1},  {1969, 12, 28, 52, 0}, {1, 1, 1, 1, 1},      {9999, 12, 31, 52, 5},
      {1900, 3, 1, 9, 4},
  };
  for (const auto& c : cases) {
    // Any time of the day belongs to the same week.
    int64_t t = day(c.y, c.m, c.d) + 23 * kTicksPerHour + 59 * kTicksPerMinute;
    EXPECT_EQ(cal::iso_week(t), c.week) << c.y << "-" << c.m << "-" << c.d;
    EXPECT_EQ(cal::weekday(t), c.weekday) << c.y << "-" << c.m << "-" << c.d;
  }
}

TEST(Calendar, PeriodStartsBeforeTheEpoch) {
  int64_t t = day(1969, 12, 31) + 5 * kTicksPerHour;
  EXPECT_EQ(cal::start_of_day(t), day(1969, 12, 31));
  EXPECT_EQ(cal::start_of_week(t), day(1969, 12, 28));  // a Sunday
  EXPECT_EQ(cal::start_of_month(t), day(1969, 12, 1));
  EXPECT_EQ(cal::start_of_month(t, 1), day(1970, 1, 1));
  EXPECT_EQ(cal::start_of_month(t, -12), day(1968, 12, 1));
  EXPECT_EQ(cal::start_of_year(t, -1), day(1968, 1, 1));
}

TEST(Calendar, AddMonthsClampsTheDay) {
  int64_t noon = 12 * kTicksPerHour;
  EXPECT_EQ(cal::add_months(day(2017, 1, 31) + noon, 1), day(2017, 2, 28) + noon);
  EXPECT_EQ(cal::add_months(day(2016, 1, 31), 1), day(2016, 2, 29));
  EXPECT_EQ(cal::add_months(day(2016, 3, 31), -1), day(2016, 2, 29));
  EXPECT_EQ(cal::add_months(day(2017, 5, 15), -17), day(2015, 12, 15));
  EXPECT_EQ(cal::add_months(day(2017, 5, 15), 12 * 100), day(2117, 5, 15));
  EXPECT_FALSE(cal::in_datetime_range(cal::add_months(day(9999, 12, 1), 1)));
}

}  // namespace
}  // namespace huntdb
