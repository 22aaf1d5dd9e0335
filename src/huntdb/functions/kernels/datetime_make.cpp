// Building datetimes and timespans from numbers: make_datetime, make_timespan and the
// unixtime_*_todatetime family. Parts out of their range give null, as the reference page
// "make_datetime()" says; so does a result outside the datetime range.
#include <cmath>
#include <vector>

#include "huntdb/functions/kernels/calendar.h"
#include "huntdb/functions/kernels/convert_column.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

namespace {

// make_datetime(year, month, day [, hour, minute [, second]]): the second may have a fraction
// (0.1234567 is 1234567 ticks). make_datetime(value) converts as todatetime() does.
ColumnPtr make_datetime_kernel(const KernelArgs& a) {
  if (a.size() == 1) return convert_column(a.ptr(0), ScalarType::DateTime);
  std::vector<RealReader> parts;
  for (size_t k = 0; k < a.size(); ++k) parts.emplace_back(a[k]);
  LongWriter w(ScalarType::DateTime, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    double v[6] = {0, 1, 1, 0, 0, 0};
    bool null = false;
    for (size_t k = 0; k < parts.size() && k < 6; ++k) {
      if (parts[k].null(i)) null = true;
      v[k] = null ? 0 : parts[k].get(i);
    }
    // Whole-number parts are truncated; the second keeps its fraction.
    double year = std::trunc(v[0]), month = std::trunc(v[1]), day = std::trunc(v[2]);
    double hour = std::trunc(v[3]), minute = std::trunc(v[4]), second = v[5];
    if (null || !(year >= 1 && year <= 9999) || !(month >= 1 && month <= 12) || !(day >= 1) ||
        day > days_in_month(static_cast<int>(year), static_cast<int>(month)) || !(hour >= 0 && hour <= 23) ||
        !(minute >= 0 && minute <= 59) || !(second >= 0 && second < 60)) {
      w.set_null(i);
      continue;
    }
    CivilTime c;
    c.year = static_cast<int>(year);
    c.month = static_cast<int>(month);
    c.day = static_cast<int>(day);
    c.hour = static_cast<int>(hour);
    c.minute = static_cast<int>(minute);
    int64_t second_ticks = std::llround(second * static_cast<double>(kTicksPerSecond));
    w.set(i, ticks_from_civil(c) + second_ticks);
  }
  return w.finish();
}

// make_timespan(days, hours, minutes, seconds), make_timespan(hours, minutes [, seconds]), or
// make_timespan(value), which converts as totimespan() does.
ColumnPtr make_timespan_kernel(const KernelArgs& a) {
  if (a.size() == 1) return convert_column(a.ptr(0), ScalarType::TimeSpan);
  static constexpr int64_t kFour[] = {kTicksPerDay, kTicksPerHour, kTicksPerMinute, kTicksPerSecond};
  const int64_t* units = a.size() == 4 ? kFour : kFour + 1;
  std::vector<LongReader> parts;
  for (size_t k = 0; k < a.size(); ++k) parts.emplace_back(a[k]);
  LongWriter w(ScalarType::TimeSpan, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    int64_t total = 0;
    bool bad = false;
    for (size_t k = 0; k < parts.size() && !bad; ++k) {
      int64_t term = 0;
      bad = parts[k].null(i) || __builtin_mul_overflow(parts[k].get(i), units[k], &term) ||
            __builtin_add_overflow(total, term, &total);
    }
    if (bad) {
      w.set_null(i);
    } else {
      w.set(i, total);
    }
  }
  return w.finish();
}

// A Unix epoch count in units of 1/per_second seconds as a datetime. Integers convert exactly
// (nanoseconds drop what is finer than a tick); reals round to the nearest tick.
ColumnPtr unixtime_kernel(const KernelArgs& a, int64_t units_per_second) {
  LongWriter w(ScalarType::DateTime, a.rows);
  ScalarType t = a[0].type();
  bool real = t == ScalarType::Real || t == ScalarType::Decimal;
  RealReader rr(a[0]);
  LongReader lr(a[0]);
  for (size_t i = 0; i < a.rows; ++i) {
    if (lr.null(i)) {
      w.set_null(i);
      continue;
    }
    int64_t ticks = 0;
    bool ok = true;
    if (real) {
      double v = rr.get(i) * (static_cast<double>(kTicksPerSecond) / static_cast<double>(units_per_second));
      ok = std::isfinite(v) && std::fabs(v) < 9.2e18;
      if (ok) ticks = std::llround(v);
    } else if (units_per_second <= kTicksPerSecond) {
      ok = !__builtin_mul_overflow(lr.get(i), kTicksPerSecond / units_per_second, &ticks);
    } else {
      ticks = lr.get(i) / (units_per_second / kTicksPerSecond);
    }
    if (!ok || !calendar::in_datetime_range(ticks)) {
      w.set_null(i);
    } else {
      w.set(i, ticks);
    }
  }
  return w.finish();
}

ColumnPtr unixtime_seconds_kernel(const KernelArgs& a) { return unixtime_kernel(a, 1); }
ColumnPtr unixtime_milliseconds_kernel(const KernelArgs& a) { return unixtime_kernel(a, 1'000); }
ColumnPtr unixtime_microseconds_kernel(const KernelArgs& a) { return unixtime_kernel(a, 1'000'000); }
ColumnPtr unixtime_nanoseconds_kernel(const KernelArgs& a) { return unixtime_kernel(a, 1'000'000'000); }

constexpr KernelTable kKernels[] = {
    {"make_datetime", make_datetime_kernel},
    {"make_timespan", make_timespan_kernel},
    {"unixtime_seconds_todatetime", unixtime_seconds_kernel},
    {"unixtime_milliseconds_todatetime", unixtime_milliseconds_kernel},
    {"unixtime_microseconds_todatetime", unixtime_microseconds_kernel},
    {"unixtime_nanoseconds_todatetime", unixtime_nanoseconds_kernel},
};

}  // namespace

void attach_datetime_make_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
