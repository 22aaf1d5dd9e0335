// Calendar arithmetic and the text forms Kusto writes for datetime and timespan values. Parsing
// lives in datetime_parse.cpp and timespan_parse.cpp.
#include "huntdb/types/datetime.h"

#include <cstdio>

namespace huntdb {
namespace {

// Floor division: civil arithmetic must round toward the past for dates before 1970.
int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// The Gregorian calendar repeats every 400 years (146097 days). Counting years from March 1st
// puts the leap day last, so a day-of-year maps to a month without a table.
constexpr int64_t kDaysPer400Years = 146097;
// Days from 0000-03-01 to 1970-01-01.
constexpr int64_t kDaysFromEra0ToUnixEpoch = 719468;

void append_2(std::string& out, int v) {
  out.push_back(static_cast<char>('0' + v / 10));
  out.push_back(static_cast<char>('0' + v % 10));
}

// How the seven fraction digits of a second are written.
enum class Fraction {
  Always,      // .0000000 even when zero
  IfNonZero,   // all seven digits, or nothing when zero
  Trimmed,     // without trailing zeros, nothing when zero
};

void append_fraction(std::string& out, int64_t fraction, Fraction style) {
  if (fraction == 0 && style != Fraction::Always) return;
  char digits[8];
  std::snprintf(digits, sizeof digits, "%07lld", static_cast<long long>(fraction));
  size_t n = 7;
  if (style == Fraction::Trimmed)
    while (n > 0 && digits[n - 1] == '0') --n;
  out.push_back('.');
  out.append(digits, n);
}

std::string format_datetime(int64_t ticks, Fraction fraction_style) {
  CivilTime c = civil_from_ticks(ticks);
  std::string out;
  out.reserve(28);
  char year[16];
  std::snprintf(year, sizeof year, "%04d", c.year);
  out.append(year);
  out.push_back('-');
  append_2(out, c.month);
  out.push_back('-');
  append_2(out, c.day);
  out.push_back('T');
  append_2(out, c.hour);
  out.push_back(':');
  append_2(out, c.minute);
  out.push_back(':');
  append_2(out, c.second);
  append_fraction(out, c.fraction_ticks, fraction_style);
  out.push_back('Z');
  return out;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

int64_t days_from_civil(int year, int month, int day) {
  int64_t y = year + floor_div(month - 1, 12);
  int64_t m = month - 12 * floor_div(month - 1, 12);  // 1..12
  if (m <= 2) --y;                                     // January and February end the March year
  const int64_t era = floor_div(y, 400);
  const int64_t year_of_era = y - era * 400;                              // 0..399
  const int64_t month_from_march = (m + 9) % 12;                          // March = 0
  const int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;  // 0..365
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * kDaysPer400Years + day_of_era - kDaysFromEra0ToUnixEpoch;
}

void civil_from_days(int64_t days, int& year, int& month, int& day) {
  const int64_t z = days + kDaysFromEra0ToUnixEpoch;
  const int64_t era = floor_div(z, kDaysPer400Years);
  const int64_t day_of_era = z - era * kDaysPer400Years;  // 0..146096
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / (kDaysPer400Years - 1)) / 365;
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t month_from_march = (5 * day_of_year + 2) / 153;
  day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  month = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
}

int64_t ticks_from_civil(const CivilTime& c) {
  const int64_t days = days_from_civil(c.year, c.month, c.day);
  return days * kTicksPerDay + c.hour * kTicksPerHour + c.minute * kTicksPerMinute + c.second * kTicksPerSecond +
         c.fraction_ticks;
}

CivilTime civil_from_ticks(int64_t ticks) {
  CivilTime c;
  const int64_t days = floor_div(ticks, kTicksPerDay);
  int64_t in_day = ticks - days * kTicksPerDay;
  civil_from_days(days, c.year, c.month, c.day);
  c.hour = static_cast<int>(in_day / kTicksPerHour);
  in_day %= kTicksPerHour;
  c.minute = static_cast<int>(in_day / kTicksPerMinute);
  in_day %= kTicksPerMinute;
  c.second = static_cast<int>(in_day / kTicksPerSecond);
  c.fraction_ticks = in_day % kTicksPerSecond;
  return c;
}

std::string format_datetime_iso(int64_t ticks) { return format_datetime(ticks, Fraction::Trimmed); }

std::string format_datetime_round_trip(int64_t ticks) { return format_datetime(ticks, Fraction::Always); }

std::string format_timespan(int64_t ticks) {
  std::string out;
  // Work on the magnitude as unsigned so that the most negative tick count has one too.
  uint64_t mag = static_cast<uint64_t>(ticks);
  if (ticks < 0) {
    out.push_back('-');
    mag = ~mag + 1;
  }
  const auto per_day = static_cast<uint64_t>(kTicksPerDay);
  const uint64_t days = mag / per_day;
  uint64_t rest = mag % per_day;
  if (days > 0) {
    out.append(std::to_string(days));
    out.push_back('.');
  }
  append_2(out, static_cast<int>(rest / kTicksPerHour));
  rest %= kTicksPerHour;
  out.push_back(':');
  append_2(out, static_cast<int>(rest / kTicksPerMinute));
  rest %= kTicksPerMinute;
  out.push_back(':');
  append_2(out, static_cast<int>(rest / kTicksPerSecond));
  append_fraction(out, static_cast<int64_t>(rest % kTicksPerSecond), Fraction::IfNonZero);
  return out;
}

}  // namespace huntdb
