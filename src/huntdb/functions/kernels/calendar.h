// Calendar arithmetic on datetime ticks that several datetime kernels share: period starts
// (day, week, month, year), adding calendar units, and the ISO 8601 week number. Ticks are
// 100 ns from the Unix epoch (types/datetime.h); results outside Kusto's datetime range
// (0001-01-01 .. 9999-12-31) are reported so the kernels can return null for them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "huntdb/types/datetime.h"

namespace huntdb::functions::calendar {

// Division rounding toward negative infinity (dates before 1970 have negative ticks).
inline int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

inline bool in_datetime_range(int64_t ticks) { return ticks >= kMinDateTimeTicks && ticks <= kMaxDateTimeTicks; }

inline int64_t day_number(int64_t ticks) { return floor_div(ticks, kTicksPerDay); }

// 0 = Sunday .. 6 = Saturday. 1970-01-01 was a Thursday.
inline int weekday(int64_t ticks) {
  int64_t d = (day_number(ticks) + 4) % 7;
  return static_cast<int>(d < 0 ? d + 7 : d);
}

inline int64_t start_of_day(int64_t ticks) { return day_number(ticks) * kTicksPerDay; }

// Weeks start on Sunday, as Kusto's startofweek() says.
inline int64_t start_of_week(int64_t ticks) { return start_of_day(ticks) - weekday(ticks) * kTicksPerDay; }

// The first day of the month `months` months after the month of `ticks`.
inline int64_t start_of_month(int64_t ticks, int64_t months = 0) {
  int year, month, day;
  civil_from_days(day_number(ticks), year, month, day);
  int64_t index = int64_t{year} * 12 + (month - 1) + months;
  int64_t y = floor_div(index, 12);
  int m = static_cast<int>(index - y * 12) + 1;
  return days_from_civil(static_cast<int>(y), m, 1) * kTicksPerDay;
}

inline int64_t start_of_year(int64_t ticks, int64_t years = 0) {
  int year, month, day;
  civil_from_days(day_number(ticks), year, month, day);
  return days_from_civil(static_cast<int>(year + years), 1, 1) * kTicksPerDay;
}

// `ticks` plus `months` calendar months; a day past the end of the target month becomes its
// last day (2017-01-31 plus one month is 2017-02-28), as .NET's DateTime.AddMonths does.
inline int64_t add_months(int64_t ticks, int64_t months) {
  int64_t day0 = day_number(ticks);
  int64_t in_day = ticks - day0 * kTicksPerDay;
  int year, month, day;
  civil_from_days(day0, year, month, day);
  int64_t index = int64_t{year} * 12 + (month - 1) + months;
  int64_t y = floor_div(index, 12);
  int m = static_cast<int>(index - y * 12) + 1;
  // Years far outside the datetime range only need to stay out of it, not to be exact.
  if (y < -1'000'000 || y > 1'000'000) return y < 0 ? INT64_MIN : INT64_MAX;
  int last = days_in_month(static_cast<int>(y), m);
  return days_from_civil(static_cast<int>(y), m, day < last ? day : last) * kTicksPerDay + in_day;
}

// The ISO 8601 week number (1..53): weeks start on Monday and week 1 holds the year's first
// Thursday.
inline int iso_week(int64_t ticks) {
  int64_t days = day_number(ticks);
  int iso_weekday = (weekday(ticks) + 6) % 7;  // Monday = 0
  int64_t thursday = days - iso_weekday + 3;   // the Thursday of this ISO week names its year
  int year, month, day;
  civil_from_days(thursday, year, month, day);
  int64_t first = days_from_civil(year, 1, 1);
  return static_cast<int>((thursday - first) / 7 + 1);
}

// The calendar units datetime_add, datetime_diff and datetime_part name.
enum class Unit { Year, Quarter, Month, Week, Day, Hour, Minute, Second, Millisecond, Microsecond, Nanosecond, DayOfYear, WeekOfYear };

}  // namespace huntdb::functions::calendar
