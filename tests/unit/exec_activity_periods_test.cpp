// Period arithmetic of the user-analytics plugins: fixed steps aligned to an origin (bin_at)
// and calendar weeks / months / years, with the indexes rows get.
#include <gtest/gtest.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/plugins/activity_periods.h"
#include "huntdb/types/datetime.h"

namespace huntdb::exec::activity {
namespace {

int64_t dt(const char* text) { return *parse_datetime(text); }

TEST(ActivityPeriods, FixedStepsAlignToTheOrigin) {
  int64_t origin = dt("2017-08-01 12:00");
  auto axis = PeriodAxis::make(Value::of_timespan(kTicksPerDay), origin, "test");
  EXPECT_EQ(axis.floor(dt("2017-08-02 11:59")), origin);
  EXPECT_EQ(axis.floor(dt("2017-08-02 12:00")), dt("2017-08-02 12:00"));
  // Before the origin the floor still rounds down (lookback rows).
  EXPECT_EQ(axis.floor(dt("2017-07-31 13:00")), dt("2017-07-31 12:00"));
  EXPECT_EQ(axis.previous(origin), dt("2017-07-31 12:00"));
  EXPECT_EQ(axis.periods_in(7 * kTicksPerDay), 7);
  EXPECT_EQ(axis.periods_in(kTicksPerDay / 2), 1);  // a window shorter than a step is one step

  PeriodList list(axis, origin, dt("2017-08-04 12:00"), "test");
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list.index_of(dt("2017-08-01 11:00")), -1);
  EXPECT_EQ(list.index_of(dt("2017-08-03 00:00")), 1);
  EXPECT_EQ(list.index_of(dt("2017-08-04 23:00")), 3);
  EXPECT_EQ(list.index_of(dt("2017-08-05 12:00")), -1);
}

TEST(ActivityPeriods, CalendarPeriods) {
  auto week = PeriodAxis::make(Value::of_string("week"), 0, "test");
  EXPECT_EQ(week.floor(dt("2017-08-01 10:00")), dt("2017-07-30"));  // a Tuesday -> Sunday
  EXPECT_EQ(week.floor(dt("2017-07-30")), dt("2017-07-30"));
  EXPECT_EQ(week.next(dt("2017-07-30")), dt("2017-08-06"));
  EXPECT_EQ(week.floor(dt("1969-12-31")), dt("1969-12-28"));  // before the Unix epoch

  auto month = PeriodAxis::make(Value::of_string("Month"), 0, "test");
  EXPECT_EQ(month.floor(dt("2016-02-29 23:00")), dt("2016-02-01"));
  EXPECT_EQ(month.next(dt("2016-12-01")), dt("2017-01-01"));
  EXPECT_EQ(month.previous(dt("2017-01-01")), dt("2016-12-01"));

  auto year = PeriodAxis::make(Value::of_string("year"), 0, "test");
  EXPECT_EQ(year.floor(dt("2017-08-01")), dt("2017-01-01"));
  EXPECT_EQ(year.next(dt("2017-01-01")), dt("2018-01-01"));

  PeriodList months(month, dt("2017-01-15"), dt("2017-03-01"), "test");
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months.index_of(dt("2017-01-01")), 0);
  EXPECT_EQ(months.index_of(dt("2017-02-28 23:59")), 1);
  EXPECT_EQ(months.index_of(dt("2017-03-31 23:59")), 2);
  EXPECT_EQ(months.index_of(dt("2017-04-01")), -1);
}

TEST(ActivityPeriods, BadSteps) {
  EXPECT_THROW(PeriodAxis::make(Value::of_string("fortnight"), 0, "test"), ExecError);
  EXPECT_THROW(PeriodAxis::make(Value::of_timespan(0), 0, "test"), ExecError);
  auto tiny = PeriodAxis::make(Value::of_timespan(1), 0, "test");
  EXPECT_THROW(PeriodList(tiny, 0, 365 * kTicksPerDay, "test"), ExecError);
}

}  // namespace
}  // namespace huntdb::exec::activity
