// Calendar arithmetic, datetime and timespan parsing and formatting (src/huntdb/types/datetime*.cpp,
// timespan_parse.cpp). Expectations marked "docs" come from the Kusto reference pages "The
// datetime data type", "The timespan data type", "todatetime()", "totimespan()" and
// "make_timespan()", and from the outputs shown in ../shared/conformance/docs-examples.jsonl.
#include <gtest/gtest.h>

#include <random>

#include "huntdb/types/datetime.h"

namespace huntdb {
namespace {

int64_t at(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int64_t frac = 0) {
  return ticks_from_civil(CivilTime{y, mo, d, h, mi, s, frac});
}

std::string iso(std::optional<int64_t> ticks) { return ticks ? format_datetime_round_trip(*ticks) : "null"; }

// ---------------------------------------------------------------- calendar

TEST(TypesDateTimeCalendar, EpochAndRangeEnds) {
  EXPECT_EQ(at(1970, 1, 1), 0);
  EXPECT_EQ(at(1, 1, 1), kMinDateTimeTicks);
  EXPECT_EQ(at(9999, 12, 31, 23, 59, 59, 9'999'999), kMaxDateTimeTicks);
  // docs: ".NET ticks 31241376000000000 represent Friday, January 01, 0100".
  EXPECT_EQ(at(100, 1, 1) + kDotNetTicksAtUnixEpoch, 31241376000000000LL);
}

TEST(TypesDateTimeCalendar, NegativeTicksAreBeforeTheEpoch) {
  CivilTime c = civil_from_ticks(-1);
  EXPECT_EQ(c.year, 1969);
  EXPECT_EQ(c.month, 12);
  EXPECT_EQ(c.day, 31);
  EXPECT_EQ(c.hour, 23);
  EXPECT_EQ(c.minute, 59);
  EXPECT_EQ(c.second, 59);
  EXPECT_EQ(c.fraction_ticks, 9'999'999);
  EXPECT_EQ(format_datetime_iso(-kTicksPerDay), "1969-12-31T00:00:00Z");
}

TEST(TypesDateTimeCalendar, LeapYears) {
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2023));
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(at(2000, 3, 1) - at(2000, 2, 28), 2 * kTicksPerDay);
  EXPECT_EQ(at(1900, 3, 1) - at(1900, 2, 28), kTicksPerDay);
  EXPECT_EQ(at(2001, 1, 1) - at(2000, 1, 1), 366 * kTicksPerDay);
}

TEST(TypesDateTimeCalendar, CivilRoundTripsAcrossTheWholeRange) {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<int64_t> dist(kMinDateTimeTicks, kMaxDateTimeTicks);
  for (int i = 0; i < 20000; ++i) {
    int64_t t = dist(rng);
    CivilTime c = civil_from_ticks(t);
    ASSERT_GE(c.year, 1);
    ASSERT_LE(c.year, 9999);
    ASSERT_EQ(ticks_from_civil(c), t) << t;
  }
  // Every day of a 400-year cycle, through the leap-day rules.
  for (int64_t d = days_from_civil(1600, 1, 1); d < days_from_civil(2001, 1, 1); ++d) {
    int y, m, day;
    civil_from_days(d, y, m, day);
    ASSERT_EQ(days_from_civil(y, m, day), d);
    ASSERT_LE(day, days_in_month(y, m));
  }
}

// ---------------------------------------------------------------- datetime text

TEST(TypesDateTimeFormat, WholeSecondsHaveNoFraction) {
  // docs outputs: 2007-01-27T11:15:00Z, 2017-05-14T12:00:00Z
  EXPECT_EQ(format_datetime_iso(at(2007, 1, 27, 11, 15)), "2007-01-27T11:15:00Z");
  EXPECT_EQ(format_datetime_iso(at(1, 1, 1)), "0001-01-01T00:00:00Z");
  EXPECT_EQ(format_datetime_iso(kMaxDateTimeTicks), "9999-12-31T23:59:59.9999999Z");
}

TEST(TypesDateTimeFormat, FractionDropsTrailingZeros) {
  // docs (next(), prev() outputs): 2022-04-13T01:07:09.63713Z, 2022-04-13T00:58:53.048506Z
  EXPECT_EQ(format_datetime_iso(at(2022, 4, 13, 1, 7, 9, 6'371'300)), "2022-04-13T01:07:09.63713Z");
  EXPECT_EQ(format_datetime_iso(at(2022, 4, 13, 0, 58, 53, 485'060)), "2022-04-13T00:58:53.048506Z");
  EXPECT_EQ(format_datetime_iso(at(2014, 3, 8, 12, 24, 55, 5'464'757)), "2014-03-08T12:24:55.5464757Z");
}

TEST(TypesDateTimeFormat, RoundTripFormHasSevenDigits) {
  // docs (range(), make-series outputs inside dynamic arrays): "2007-01-01T00:00:00.0000000Z"
  EXPECT_EQ(format_datetime_round_trip(at(2007, 1, 1)), "2007-01-01T00:00:00.0000000Z");
  EXPECT_EQ(format_datetime_round_trip(at(2015, 12, 31, 23, 59, 59, 9'000'000)), "2015-12-31T23:59:59.9000000Z");
}

TEST(TypesDateTimeParse, Iso8601FormsFromTheDocs) {
  EXPECT_EQ(iso(parse_datetime("2014-05-25T08:20:03.123456Z")), "2014-05-25T08:20:03.1234560Z");
  EXPECT_EQ(iso(parse_datetime("2014-05-25T08:20:03.123456")), "2014-05-25T08:20:03.1234560Z");
  EXPECT_EQ(iso(parse_datetime("2014-05-25T08:20")), "2014-05-25T08:20:00.0000000Z");
  EXPECT_EQ(iso(parse_datetime("2014-11-08 15:55:55.123456Z")), "2014-11-08T15:55:55.1234560Z");
  EXPECT_EQ(iso(parse_datetime("2014-11-08 15:55:55")), "2014-11-08T15:55:55.0000000Z");
  EXPECT_EQ(iso(parse_datetime("2014-11-08 15:55")), "2014-11-08T15:55:00.0000000Z");
  EXPECT_EQ(iso(parse_datetime("2014-11-08")), "2014-11-08T00:00:00.0000000Z");
  // docs: datetime(2015-12-31 23:59:59.9), todatetime("2015-12-31 23:59:59.9")
  EXPECT_EQ(iso(parse_datetime("2015-12-31 23:59:59.9")), "2015-12-31T23:59:59.9000000Z");
}

TEST(TypesDateTimeParse, Rfc822AndRfc850FormsFromTheDocs) {
  const std::string want = "2014-11-08T15:05:02.0000000Z";
  EXPECT_EQ(iso(parse_datetime("Sat, 8 Nov 14 15:05:02 GMT")), want);
  EXPECT_EQ(iso(parse_datetime("Sat, 8 Nov 14 15:05:02")), want);
  EXPECT_EQ(iso(parse_datetime("8 Nov 14 15:05:02 GMT")), want);
  EXPECT_EQ(iso(parse_datetime("8 Nov 14 15:05:02")), want);
  EXPECT_EQ(iso(parse_datetime("Sat, 8 Nov 14 15:05")), "2014-11-08T15:05:00.0000000Z");
  EXPECT_EQ(iso(parse_datetime("8 Nov 14 15:05 GMT")), "2014-11-08T15:05:00.0000000Z");
  EXPECT_EQ(iso(parse_datetime("Saturday, 08-Nov-14 15:05:02 GMT")), want);
  EXPECT_EQ(iso(parse_datetime("Saturday, 08-Nov-14 15:05")), "2014-11-08T15:05:00.0000000Z");
  EXPECT_EQ(iso(parse_datetime("08-Nov-14 15:05:02")), want);
  // The HTTP date form: four-digit year.
  EXPECT_EQ(iso(parse_datetime("Sat, 08 Nov 2014 15:05:02 GMT")), want);
}

TEST(TypesDateTimeParse, SortableFormsFromTheDocs) {
  EXPECT_EQ(iso(parse_datetime("2014-11-08 15:05:25")), "2014-11-08T15:05:25.0000000Z");
  EXPECT_EQ(iso(parse_datetime("2014-11-08 15:05:25 GMT")), "2014-11-08T15:05:25.0000000Z");
  EXPECT_EQ(iso(parse_datetime("2014-11-08T15:05 GMT")), "2014-11-08T15:05:00.0000000Z");
  EXPECT_EQ(iso(parse_datetime("2014-11-8T15:05:25")), "2014-11-08T15:05:25.0000000Z");
}

TEST(TypesDateTimeParse, InvariantCultureNumericOrder) {
  // docs (todatetime page): todatetime('12-02-2022') == datetime('12-02-2022') is true.
  EXPECT_EQ(iso(parse_datetime("12-02-2022")), "2022-12-02T00:00:00.0000000Z");
  EXPECT_EQ(iso(parse_datetime("12/02/2022 10:30 PM")), "2022-12-02T22:30:00.0000000Z");
  EXPECT_EQ(iso(parse_datetime("2022/12/02")), "2022-12-02T00:00:00.0000000Z");
  EXPECT_EQ(iso(parse_datetime("Nov 8, 2014")), "2014-11-08T00:00:00.0000000Z");
}

TEST(TypesDateTimeParse, OffsetsAndZonesConvertToUtc) {
  EXPECT_EQ(iso(parse_datetime("2014-11-08T15:55:55+02:00")), "2014-11-08T13:55:55.0000000Z");
  EXPECT_EQ(iso(parse_datetime("2014-11-08T15:55:55-05:30")), "2014-11-08T21:25:55.0000000Z");
  EXPECT_EQ(iso(parse_datetime("2014-11-08T23:00:00-0200")), "2014-11-09T01:00:00.0000000Z");
  EXPECT_EQ(iso(parse_datetime("2014-11-08 15:05:02 PST")), "2014-11-08T23:05:02.0000000Z");
  EXPECT_EQ(iso(parse_datetime("8 Nov 14 15:05:02 +0100")), "2014-11-08T14:05:02.0000000Z");
  EXPECT_EQ(iso(parse_datetime("2014-11-08T15:55:55z")), "2014-11-08T15:55:55.0000000Z");
}

TEST(TypesDateTimeParse, FractionDigitsBeyondSevenAreDropped) {
  EXPECT_EQ(iso(parse_datetime("2014-05-25T08:20:03.1")), "2014-05-25T08:20:03.1000000Z");
  EXPECT_EQ(iso(parse_datetime("2014-05-25T08:20:03.1234567")), "2014-05-25T08:20:03.1234567Z");
  EXPECT_EQ(iso(parse_datetime("2014-05-25T08:20:03.123456789Z")), "2014-05-25T08:20:03.1234567Z");
}

TEST(TypesDateTimeParse, RangeEndsAndLeapDays) {
  EXPECT_EQ(parse_datetime("0001-01-01"), kMinDateTimeTicks);
  EXPECT_EQ(parse_datetime("9999-12-31T23:59:59.9999999Z"), kMaxDateTimeTicks);
  EXPECT_TRUE(parse_datetime("2000-02-29"));
  EXPECT_TRUE(parse_datetime("2024-02-29"));
  EXPECT_FALSE(parse_datetime("1900-02-29"));
  EXPECT_FALSE(parse_datetime("2023-02-29"));
  // An offset must not carry the value out of range.
  EXPECT_FALSE(parse_datetime("0001-01-01T00:00:00+01:00"));
  EXPECT_FALSE(parse_datetime("9999-12-31T23:59:59-01:00"));
}

TEST(TypesDateTimeParse, MalformedTextIsNotADatetime) {
  for (const char* bad : {"", "   ", "abc", "2014", "2014-13-01", "2014-00-10", "2014-11-31", "2014-11-08T",
                          "2014-11-08 25:00", "2014-11-08 10:60", "2014-11-08 10:00:61", "0000-01-01",
                          "10000-01-01", "2014-11-08 15:05:02 XYZ", "2014-11-08T15:05:02+15:00",
                          "2014-11-08T15:05:02.", "2014-11-08x", "Sat, 8 Foo 14 15:05", "Funday, 8 Nov 14",
                          "13/40/2020", "2014-11/08", "1:2:3", "2014-11-08T13:00 PM"}) {
    EXPECT_FALSE(parse_datetime(bad)) << bad;
  }
}

TEST(TypesDateTimeParse, SurroundingWhitespaceIsIgnored) {
  EXPECT_EQ(iso(parse_datetime("  2014-11-08 15:55 \t")), "2014-11-08T15:55:00.0000000Z");
}

TEST(TypesDateTimeParse, FormattedTextParsesBack) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int64_t> dist(kMinDateTimeTicks, kMaxDateTimeTicks);
  for (int i = 0; i < 5000; ++i) {
    int64_t t = dist(rng);
    ASSERT_EQ(parse_datetime(format_datetime_round_trip(t)), t);
    ASSERT_EQ(parse_datetime(format_datetime_iso(t)), t);
  }
}

// ---------------------------------------------------------------- timespan text

TEST(TypesTimeSpanFormat, DocsOutputs) {
  // docs (totimespan example): 00:03:00, 4.00:00:00, 05:00:00, 00:10:00, 00:00:20, 00:25:00
  EXPECT_EQ(format_timespan(3 * kTicksPerMinute), "00:03:00");
  EXPECT_EQ(format_timespan(4 * kTicksPerDay), "4.00:00:00");
  EXPECT_EQ(format_timespan(5 * kTicksPerHour), "05:00:00");
  EXPECT_EQ(format_timespan(20 * kTicksPerSecond), "00:00:20");
  // docs (make_timespan): 1.12:30:55.1230000; (now() example) 365.00:00:00
  EXPECT_EQ(format_timespan(kTicksPerDay + 12 * kTicksPerHour + 30 * kTicksPerMinute + 55 * kTicksPerSecond +
                            1'230'000),
            "1.12:30:55.1230000");
  EXPECT_EQ(format_timespan(365 * kTicksPerDay), "365.00:00:00");
  EXPECT_EQ(format_timespan(0), "00:00:00");
  EXPECT_EQ(format_timespan(1), "00:00:00.0000001");
}

TEST(TypesTimeSpanFormat, Negative) {
  EXPECT_EQ(format_timespan(-kTicksPerSecond), "-00:00:01");
  EXPECT_EQ(format_timespan(-(kTicksPerDay + 2 * kTicksPerHour + 3 * kTicksPerMinute + 4 * kTicksPerSecond + 5'000'000)),
            "-1.02:03:04.5000000");
  // The most negative tick count has no positive twin; it must still print.
  EXPECT_EQ(format_timespan(std::numeric_limits<int64_t>::min()), "-10675199.02:48:05.4775808");
  EXPECT_EQ(format_timespan(std::numeric_limits<int64_t>::max()), "10675199.02:48:05.4775807");
}

TEST(TypesTimeSpanParse, LiteralFormsFromTheDocs) {
  EXPECT_EQ(parse_timespan("2d"), 2 * kTicksPerDay);
  EXPECT_EQ(parse_timespan("1.5h"), 90 * kTicksPerMinute);
  EXPECT_EQ(parse_timespan("30m"), 30 * kTicksPerMinute);
  EXPECT_EQ(parse_timespan("10s"), 10 * kTicksPerSecond);
  EXPECT_EQ(parse_timespan("0.1s"), kTicksPerSecond / 10);
  EXPECT_EQ(parse_timespan("100ms"), 100 * kTicksPerMillisecond);
  EXPECT_EQ(parse_timespan("10microsecond"), 100);
  EXPECT_EQ(parse_timespan("1tick"), 1);
  EXPECT_EQ(parse_timespan("15 seconds"), 15 * kTicksPerSecond);
  EXPECT_EQ(parse_timespan("2"), 2 * kTicksPerDay);
  EXPECT_EQ(parse_timespan("0.12:34:56.7"),
            12 * kTicksPerHour + 34 * kTicksPerMinute + 56 * kTicksPerSecond + 7'000'000);
  // docs (totimespan): totimespan("0.00:03:00") is 00:03:00; timespan(25min) is 00:25:00.
  EXPECT_EQ(parse_timespan("0.00:03:00"), 3 * kTicksPerMinute);
  EXPECT_EQ(parse_timespan("00:01:00"), kTicksPerMinute);
  EXPECT_EQ(parse_timespan("25min"), 25 * kTicksPerMinute);
}

TEST(TypesTimeSpanParse, OtherUnitsAndForms) {
  EXPECT_EQ(parse_timespan("1hr"), kTicksPerHour);
  EXPECT_EQ(parse_timespan("3days"), 3 * kTicksPerDay);
  EXPECT_EQ(parse_timespan("2 minutes"), 2 * kTicksPerMinute);
  EXPECT_EQ(parse_timespan("100nanoseconds"), 1);
  EXPECT_EQ(parse_timespan("5micros"), 50);
  EXPECT_EQ(parse_timespan("-1d"), -kTicksPerDay);
  EXPECT_EQ(parse_timespan("-00:00:01"), -kTicksPerSecond);
  EXPECT_EQ(parse_timespan("12:30"), 12 * kTicksPerHour + 30 * kTicksPerMinute);
  EXPECT_EQ(parse_timespan("14.02:03:04.12345"),
            14 * kTicksPerDay + 2 * kTicksPerHour + 3 * kTicksPerMinute + 4 * kTicksPerSecond + 1'234'500);
  EXPECT_EQ(parse_timespan("00:00:00.123456789"), 1'234'567);
  // Single-digit parts, as in time(1.2:3:4.5).
  EXPECT_EQ(parse_timespan("1.2:3:4.5"),
            kTicksPerDay + 2 * kTicksPerHour + 3 * kTicksPerMinute + 4 * kTicksPerSecond + 5'000'000);
  EXPECT_EQ(parse_timespan("5microsecond"), 50);
  EXPECT_EQ(parse_timespan(" 1h "), kTicksPerHour);
}

TEST(TypesTimeSpanParse, MalformedTextIsNotATimespan) {
  // docs: weeks are not a timespan unit.
  for (const char* bad : {"", "-", "abc", "1w", "d", "1x", "1.h", "24:00:00", "1:60", "1:00:60", "1.2.3",
                          "--1d", "1e3s", "1:", ":30", "1.24:00", "00:00:00.", "99999999999999999999d",
                          "1 d x", "1,5h"}) {
    EXPECT_FALSE(parse_timespan(bad)) << bad;
  }
}

TEST(TypesTimeSpanParse, OverflowIsRejected) {
  EXPECT_FALSE(parse_timespan("999999999999999999d"));
  EXPECT_TRUE(parse_timespan("10675199d"));
  EXPECT_FALSE(parse_timespan("10675200d"));
}

TEST(TypesTimeSpanParse, FormattedTextParsesBack) {
  std::mt19937_64 rng(9);
  std::uniform_int_distribution<int64_t> dist(-kTicksPerDay * 10'000'000, kTicksPerDay * 10'000'000);
  for (int i = 0; i < 5000; ++i) {
    int64_t t = dist(rng);
    ASSERT_EQ(parse_timespan(format_timespan(t)), t) << format_timespan(t);
  }
}

}  // namespace
}  // namespace huntdb
