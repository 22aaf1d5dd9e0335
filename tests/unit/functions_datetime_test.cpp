// Result types of the date and time functions, as Kusto's binder infers them (each case was
// checked against the official parser, @kusto/language-service-next 12.4.1).
#include "function_test_util.h"

namespace huntdb {
namespace {

using testing::scalar_entry;
using testing::scalar_rejects;
using testing::scalar_result;
using enum ScalarType;
using functions::ResultName;

TEST(DatetimeFunctions, AgoAndNowTakeATimespan) {
  EXPECT_EQ(scalar_result("ago", {TimeSpan}), DateTime);
  EXPECT_EQ(scalar_result("now", {}), DateTime);
  EXPECT_EQ(scalar_result("now", {TimeSpan}), DateTime);
  EXPECT_TRUE(scalar_rejects("ago", {Int}));
  EXPECT_TRUE(scalar_rejects("ago", {DateTime}));
  EXPECT_TRUE(scalar_rejects("ago", {}));
  EXPECT_TRUE(scalar_rejects("now", {Int}));
  EXPECT_EQ(scalar_entry("ago").result_name, ResultName::None);
}

TEST(DatetimeFunctions, BinOverDatetimesAndTimespans) {
  EXPECT_EQ(scalar_result("bin", {DateTime, TimeSpan}), DateTime);
  EXPECT_EQ(scalar_result("bin", {DateTime, DateTime}), DateTime);
  EXPECT_EQ(scalar_result("bin", {TimeSpan, TimeSpan}), TimeSpan);
  EXPECT_TRUE(scalar_rejects("bin", {DateTime, Long}));
  EXPECT_TRUE(scalar_rejects("bin", {DateTime, Int}));
  EXPECT_TRUE(scalar_rejects("bin", {Long, TimeSpan}));
  EXPECT_TRUE(scalar_rejects("bin", {String, Long}));
  EXPECT_TRUE(scalar_rejects("bin", {DateTime}));
  EXPECT_TRUE(scalar_rejects("bin", {DateTime, TimeSpan, Long}));
}

TEST(DatetimeFunctions, BinOverNumbersIsTheWidestNeverInt) {
  EXPECT_EQ(scalar_result("bin", {Int, Long}), Long);  // bin(i, 10)
  EXPECT_EQ(scalar_result("bin", {Int, Int}), Long);
  EXPECT_EQ(scalar_result("bin", {Int, Real}), Real);  // bin(i, 2.5)
  EXPECT_EQ(scalar_result("bin", {Real, Long}), Real);
  EXPECT_EQ(scalar_result("bin", {Int, Decimal}), Decimal);
  EXPECT_EQ(scalar_result("bin", {Decimal, Real}), Decimal);  // Kusto ranks decimal above real
  EXPECT_EQ(scalar_result("floor", {Real, Long}), Real);
  EXPECT_EQ(scalar_result("floor", {DateTime, TimeSpan}), DateTime);
  EXPECT_TRUE(scalar_rejects("floor", {Real}));
}

TEST(DatetimeFunctions, BinAtAndBinAuto) {
  EXPECT_EQ(scalar_result("bin_at", {DateTime, TimeSpan, DateTime}), DateTime);
  EXPECT_EQ(scalar_result("bin_at", {DateTime, Long, DateTime}), DateTime);
  EXPECT_EQ(scalar_result("bin_at", {TimeSpan, Long, TimeSpan}), TimeSpan);
  EXPECT_EQ(scalar_result("bin_at", {TimeSpan, TimeSpan, TimeSpan}), TimeSpan);
  EXPECT_EQ(scalar_result("bin_at", {Int, Long, Long}), Long);
  EXPECT_EQ(scalar_result("bin_at", {Int, Real, Long}), Real);
  EXPECT_TRUE(scalar_rejects("bin_at", {TimeSpan, TimeSpan, DateTime}));
  EXPECT_TRUE(scalar_rejects("bin_at", {DateTime, TimeSpan, TimeSpan}));
  EXPECT_EQ(scalar_result("bin_auto", {Int}), Long);
  EXPECT_EQ(scalar_result("bin_auto", {Decimal}), Decimal);
  EXPECT_EQ(scalar_result("bin_auto", {DateTime}), DateTime);
  EXPECT_EQ(scalar_result("bin_auto", {TimeSpan}), TimeSpan);
  EXPECT_TRUE(scalar_rejects("bin_auto", {String}));
  EXPECT_TRUE(scalar_entry("bin_auto").hidden);
}

TEST(DatetimeFunctions, BinningKeepsTheValuesColumnName) {
  // bin(TimeGenerated, 1h) is a column named TimeGenerated.
  EXPECT_EQ(scalar_entry("bin").result_name, ResultName::FirstArgument);
  EXPECT_EQ(scalar_entry("floor").result_name, ResultName::FirstArgument);
  EXPECT_EQ(scalar_entry("bin_at").result_name, ResultName::FirstArgument);
  EXPECT_EQ(scalar_entry("bin_auto").result_name, ResultName::FirstArgument);
}

TEST(DatetimeFunctions, StartAndEndOfPeriods) {
  for (std::string_view f : {"startofday", "startofweek", "startofmonth", "startofyear", "endofday", "endofweek",
                             "endofmonth", "endofyear"}) {
    EXPECT_EQ(scalar_result(f, {DateTime}), DateTime) << f;
    EXPECT_EQ(scalar_result(f, {DateTime, Long}), DateTime) << f;
    EXPECT_EQ(scalar_result(f, {DateTime, Int}), DateTime) << f;  // int widens to the long offset
    EXPECT_TRUE(scalar_rejects(f, {DateTime, Real})) << f;
    EXPECT_TRUE(scalar_rejects(f, {String})) << f;
    EXPECT_TRUE(scalar_rejects(f, {TimeSpan})) << f;
  }
  // Only startofday is named after its argument.
  EXPECT_EQ(scalar_entry("startofday").result_name, ResultName::FirstArgument);
  EXPECT_EQ(scalar_entry("startofweek").result_name, ResultName::None);
  EXPECT_EQ(scalar_entry("endofyear").result_name, ResultName::None);
}

TEST(DatetimeFunctions, DatetimeArithmetic) {
  EXPECT_EQ(scalar_result("datetime_diff", {String, DateTime, DateTime}), Long);
  EXPECT_TRUE(scalar_rejects("datetime_diff", {String, DateTime, String}));
  EXPECT_TRUE(scalar_rejects("datetime_diff", {String, DateTime}));
  EXPECT_EQ(scalar_result("datetime_add", {String, Long, DateTime}), DateTime);
  EXPECT_EQ(scalar_result("datetime_add", {String, Int, DateTime}), DateTime);
  EXPECT_TRUE(scalar_rejects("datetime_add", {String, Real, DateTime}));
  EXPECT_TRUE(scalar_rejects("datetime_add", {String, Long, String}));
  EXPECT_EQ(scalar_result("datetime_part", {String, DateTime}), Int);
  EXPECT_TRUE(scalar_rejects("datetime_part", {String, TimeSpan}));
  // The part name must be a literal.
  EXPECT_EQ(scalar_entry("datetime_diff").signatures.front().params.front().shape, functions::ArgShape::Constant);
}

TEST(DatetimeFunctions, CalendarParts) {
  EXPECT_EQ(scalar_result("dayofweek", {DateTime}), TimeSpan);
  EXPECT_EQ(scalar_result("hourofday", {DateTime}), Int);
  EXPECT_EQ(scalar_result("dayofmonth", {DateTime}), Int);
  EXPECT_EQ(scalar_result("dayofyear", {DateTime}), Int);
  EXPECT_EQ(scalar_result("getyear", {DateTime}), Int);
  EXPECT_EQ(scalar_result("getmonth", {DateTime}), Int);
  EXPECT_EQ(scalar_result("monthofyear", {DateTime}), Int);
  EXPECT_EQ(scalar_result("week_of_year", {DateTime}), Int);
  EXPECT_TRUE(scalar_rejects("dayofweek", {String}));
  EXPECT_TRUE(scalar_rejects("hourofday", {TimeSpan}));
  EXPECT_TRUE(scalar_rejects("getyear", {Long}));
}

TEST(DatetimeFunctions, ObsoleteNamesPointToTheirReplacements) {
  EXPECT_EQ(scalar_result("weekofyear", {DateTime}), Int);
  EXPECT_TRUE(scalar_entry("weekofyear").hidden);
  EXPECT_EQ(scalar_entry("weekofyear").replaced_by, "week_of_year");
  EXPECT_EQ(scalar_result("datepart", {String, DateTime}), Int);
  EXPECT_EQ(scalar_entry("datepart").replaced_by, "datetime_part");
  EXPECT_FALSE(scalar_entry("datetime_part").hidden);
}

TEST(DatetimeFunctions, Formatting) {
  EXPECT_EQ(scalar_result("format_datetime", {DateTime, String}), String);
  EXPECT_EQ(scalar_result("format_timespan", {TimeSpan, String}), String);
  EXPECT_TRUE(scalar_rejects("format_datetime", {String, String}));
  EXPECT_TRUE(scalar_rejects("format_timespan", {DateTime, String}));
  EXPECT_TRUE(scalar_rejects("format_datetime", {DateTime}));
  EXPECT_EQ(scalar_entry("format_datetime").result_name, ResultName::FirstArgument);
  EXPECT_EQ(scalar_entry("format_timespan").result_name, ResultName::FirstArgument);
}

TEST(DatetimeFunctions, MakeDatetimeAndTimespan) {
  EXPECT_EQ(scalar_result("make_datetime", {Long, Long, Long}), DateTime);
  EXPECT_EQ(scalar_result("make_datetime", {Int, Long, Real, Decimal, Long, Real}), DateTime);
  EXPECT_EQ(scalar_result("make_datetime", {String}), DateTime);
  EXPECT_TRUE(scalar_rejects("make_datetime", {Long, Long}));
  EXPECT_TRUE(scalar_rejects("make_datetime", {String, Long, Long}));
  EXPECT_EQ(scalar_result("make_timespan", {Long, Long, Long, Long}), TimeSpan);
  EXPECT_EQ(scalar_result("make_timespan", {Int, Long}), TimeSpan);
  EXPECT_EQ(scalar_result("make_timespan", {Long, Long, Long}), TimeSpan);
  EXPECT_EQ(scalar_result("make_timespan", {String}), TimeSpan);
  EXPECT_TRUE(scalar_rejects("make_timespan", {Real, Long}));
  EXPECT_TRUE(scalar_rejects("make_timespan", {Real, Long, Long, Long}));
  // make_datetime(Year, 3, Day) is Column1 in Kusto.
  EXPECT_EQ(scalar_entry("make_datetime").result_name, ResultName::None);
}

TEST(DatetimeFunctions, UnixTimeAndTimeZones) {
  for (std::string_view f : {"unixtime_seconds_todatetime", "unixtime_milliseconds_todatetime",
                             "unixtime_microseconds_todatetime", "unixtime_nanoseconds_todatetime"}) {
    EXPECT_EQ(scalar_result(f, {Long}), DateTime) << f;
    EXPECT_EQ(scalar_result(f, {Real}), DateTime) << f;
    EXPECT_EQ(scalar_result(f, {Decimal}), DateTime) << f;
    EXPECT_TRUE(scalar_rejects(f, {String})) << f;
  }
  EXPECT_EQ(scalar_result("datetime_local_to_utc", {DateTime, String}), DateTime);
  EXPECT_EQ(scalar_result("datetime_local_to_utc", {DateTime, Dynamic}), DateTime);
  EXPECT_EQ(scalar_result("datetime_utc_to_local", {DateTime, String}), DateTime);
  EXPECT_TRUE(scalar_rejects("datetime_local_to_utc", {String, String}));
  EXPECT_TRUE(scalar_rejects("datetime_utc_to_local", {DateTime}));
  EXPECT_EQ(scalar_result("datetime_list_timezones", {}), Dynamic);
}

}  // namespace
}  // namespace huntdb
