// datetime and timespan values: 100 ns ticks. Parsing of every literal and string form Kusto
// accepts, and Kusto's text forms.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace huntdb {

inline constexpr int64_t kTicksPerMicrosecond = 10;
inline constexpr int64_t kTicksPerMillisecond = 10'000;
inline constexpr int64_t kTicksPerSecond = 10'000'000;
inline constexpr int64_t kTicksPerMinute = 60 * kTicksPerSecond;
inline constexpr int64_t kTicksPerHour = 60 * kTicksPerMinute;
inline constexpr int64_t kTicksPerDay = 24 * kTicksPerHour;
// datetime ticks count from the Unix epoch; Kusto's range is 0001-01-01 .. 9999-12-31.
inline constexpr int64_t kMinDateTimeTicks = -62135596800LL * kTicksPerSecond;
inline constexpr int64_t kMaxDateTimeTicks = 253402300799LL * kTicksPerSecond + 9'999'999;
// .NET counts datetime ticks from 0001-01-01; Kusto shows that count where a datetime becomes a
// number (tolong(datetime)). Our ticks plus this offset give it.
inline constexpr int64_t kDotNetTicksAtUnixEpoch = 621'355'968'000'000'000LL;

struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int64_t fraction_ticks = 0;  // 0 .. 9,999,999
};

// Proleptic Gregorian calendar. ticks_from_civil does not validate its input (month 13 rolls
// into the next year); civil_from_ticks accepts any tick count.
int64_t ticks_from_civil(const CivilTime& c);
CivilTime civil_from_ticks(int64_t ticks);
bool is_leap_year(int year);
int days_in_month(int year, int month);
// Days since 1970-01-01 of a civil date, and back.
int64_t days_from_civil(int year, int month, int day);
void civil_from_days(int64_t days, int& year, int& month, int& day);

// The text inside datetime(...) or a string given to todatetime(): ISO 8601 (with T or a space,
// optional fraction, Z or an offset), RFC 822 / RFC 850 forms, dates alone, and the other forms
// the Kusto documentation lists. nullopt if it is not a datetime.
std::optional<int64_t> parse_datetime(std::string_view text);
// The text inside timespan(...) / time(...), a timespan literal such as 1.5h or 10ms, or a
// string given to totimespan(): [-][d.]hh:mm[:ss[.fffffff]], 2d, 30m, 1tick, ...
std::optional<int64_t> parse_timespan(std::string_view text);

// How Kusto writes a datetime as a scalar (tostring(), query results): 2018-04-24T02:00:00Z,
// with a fraction only when there is one and without its trailing zeros
// (2022-04-13T01:07:09.63713Z).
std::string format_datetime_iso(int64_t ticks);
// How Kusto writes a datetime inside dynamic values and in datetime literals: always seven
// fraction digits (2007-01-01T00:00:00.0000000Z), as .NET's round-trip format does.
std::string format_datetime_round_trip(int64_t ticks);
// [-][d.]hh:mm:ss[.fffffff]: 00:03:00, 4.00:00:00, 1.12:30:55.1230000, -00:00:01.
std::string format_timespan(int64_t ticks);

}  // namespace huntdb
