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

struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int64_t fraction_ticks = 0;  // 0 .. 9,999,999
};

int64_t ticks_from_civil(const CivilTime& c);
CivilTime civil_from_ticks(int64_t ticks);

// The text inside datetime(...) or a string given to todatetime(): ISO 8601 (with T or a space,
// optional fraction, Z or an offset), RFC 822 / RFC 850 forms, dates alone, and the other forms
// the Kusto documentation lists. nullopt if it is not a datetime.
std::optional<int64_t> parse_datetime(std::string_view text);
// The text inside timespan(...) / time(...), a timespan literal such as 1.5h or 10ms, or a
// string given to totimespan(): [-][d.]hh:mm[:ss[.fffffff]], 2d, 30m, 1tick, ...
std::optional<int64_t> parse_timespan(std::string_view text);

// 2018-04-24T02:00:00Z, with a fraction only when there is one (2018-04-24T02:00:00.1234567Z).
std::string format_datetime_iso(int64_t ticks);
// [-][d.]hh:mm:ss[.fffffff]
std::string format_timespan(int64_t ticks);

}  // namespace huntdb
