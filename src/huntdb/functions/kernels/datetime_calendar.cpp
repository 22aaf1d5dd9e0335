// The clock and the calendar: now, ago, startof*/endof* (with their offset), the calendar parts
// (dayofweek, dayofmonth, ..., week_of_year), datetime_part, datetime_add and datetime_diff.
// Null in, null out; a result outside the datetime range is null too.
#include <string>

#include "huntdb/functions/kernels/calendar.h"
#include "huntdb/functions/kernels/constant_arg.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/text_scanner.h"

namespace huntdb::functions {

namespace {

using calendar::Unit;

// A datetime column from one datetime argument and an optional integer argument: out(ticks, n).
template <typename F>
ColumnPtr datetime_with_count(const KernelArgs& a, ScalarType result, F out) {
  LongReader date(a[0]);
  bool has_count = a.size() > 1;
  LongReader count(has_count ? a[1] : a[0]);
  LongWriter w(result, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (date.null(i) || (has_count && count.null(i))) {
      w.set_null(i);
      continue;
    }
    int64_t v = out(date.get(i), has_count ? count.get(i) : 0);
    if (result == ScalarType::DateTime && !calendar::in_datetime_range(v)) {
      w.set_null(i);
    } else {
      w.set(i, v);
    }
  }
  return w.finish();
}

// --- now and ago: KernelContext::now is fixed for the whole query, so every row (and every
// call) of one query sees the same time.

ColumnPtr now_kernel(const KernelArgs& a) {
  int64_t now = a.ctx ? a.ctx->now : 0;
  if (a.size() == 0) return Column::make_constant(Value::of_datetime(now), a.rows);
  LongReader offset(a[0]);
  LongWriter w(ScalarType::DateTime, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (offset.null(i)) {
      w.set_null(i);
    } else {
      w.set(i, now + offset.get(i));
    }
  }
  return w.finish();
}

ColumnPtr ago_kernel(const KernelArgs& a) {
  int64_t now = a.ctx ? a.ctx->now : 0;
  LongReader span(a[0]);
  LongWriter w(ScalarType::DateTime, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (span.null(i)) {
      w.set_null(i);
    } else {
      w.set(i, now - span.get(i));
    }
  }
  return w.finish();
}

// --- period boundaries: startofX(date, offset) is the start of the X `offset` Xs after the
// one holding `date`; endofX is one tick before the start of the next X.

ColumnPtr startofday_kernel(const KernelArgs& a) {
  return datetime_with_count(a, ScalarType::DateTime,
                             [](int64_t t, int64_t n) { return calendar::start_of_day(t) + n * kTicksPerDay; });
}
ColumnPtr startofweek_kernel(const KernelArgs& a) {
  return datetime_with_count(a, ScalarType::DateTime,
                             [](int64_t t, int64_t n) { return calendar::start_of_week(t) + n * 7 * kTicksPerDay; });
}
ColumnPtr startofmonth_kernel(const KernelArgs& a) {
  return datetime_with_count(a, ScalarType::DateTime, [](int64_t t, int64_t n) { return calendar::start_of_month(t, n); });
}
ColumnPtr startofyear_kernel(const KernelArgs& a) {
  return datetime_with_count(a, ScalarType::DateTime, [](int64_t t, int64_t n) { return calendar::start_of_year(t, n); });
}
ColumnPtr endofday_kernel(const KernelArgs& a) {
  return datetime_with_count(a, ScalarType::DateTime,
                             [](int64_t t, int64_t n) { return calendar::start_of_day(t) + (n + 1) * kTicksPerDay - 1; });
}
ColumnPtr endofweek_kernel(const KernelArgs& a) {
  return datetime_with_count(a, ScalarType::DateTime, [](int64_t t, int64_t n) {
    return calendar::start_of_week(t) + (n + 1) * 7 * kTicksPerDay - 1;
  });
}
ColumnPtr endofmonth_kernel(const KernelArgs& a) {
  return datetime_with_count(a, ScalarType::DateTime,
                             [](int64_t t, int64_t n) { return calendar::start_of_month(t, n + 1) - 1; });
}
ColumnPtr endofyear_kernel(const KernelArgs& a) {
  return datetime_with_count(a, ScalarType::DateTime,
                             [](int64_t t, int64_t n) { return calendar::start_of_year(t, n + 1) - 1; });
}

// --- calendar parts

// An int column of part(ticks) for each datetime.
template <typename F>
ColumnPtr int_part(const KernelArgs& a, F part) {
  LongReader date(a[0]);
  ValueWriter<int32_t> w(ScalarType::Int, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (date.null(i)) {
      w.set_null(i);
    } else {
      w.set(i, part(date.get(i)));
    }
  }
  return w.finish();
}

CivilTime civil(int64_t t) { return civil_from_ticks(t); }

ColumnPtr dayofmonth_kernel(const KernelArgs& a) {
  return int_part(a, [](int64_t t) { return civil(t).day; });
}
ColumnPtr dayofyear_kernel(const KernelArgs& a) {
  return int_part(a, [](int64_t t) {
    return static_cast<int32_t>(calendar::day_number(t) - calendar::day_number(calendar::start_of_year(t)) + 1);
  });
}
ColumnPtr hourofday_kernel(const KernelArgs& a) {
  return int_part(a, [](int64_t t) { return civil(t).hour; });
}
ColumnPtr month_kernel(const KernelArgs& a) {
  return int_part(a, [](int64_t t) { return civil(t).month; });
}
ColumnPtr getyear_kernel(const KernelArgs& a) {
  return int_part(a, [](int64_t t) { return civil(t).year; });
}
ColumnPtr week_of_year_kernel(const KernelArgs& a) { return int_part(a, calendar::iso_week); }

// dayofweek: the days since the preceding Sunday, as a timespan.
ColumnPtr dayofweek_kernel(const KernelArgs& a) {
  return datetime_with_count(a, ScalarType::TimeSpan,
                             [](int64_t t, int64_t) { return calendar::weekday(t) * kTicksPerDay; });
}

// --- named units

struct UnitName {
  std::string_view name;
  Unit unit;
};

// Units are matched without regard to case ('Year', 'year', 'dayOfYear').
Unit parse_unit(std::string_view text, std::initializer_list<UnitName> names, std::string_view function) {
  for (const auto& n : names)
    if (equals_ignore_case(text, n.name)) return n.unit;
  throw KernelError(std::string(function) + "(): '" + std::string(text) + "' is not a supported period.");
}

// datetime_part's parts (reference page "datetime_part()"); weekofyear is the obsolete spelling
// of week_of_year the page mentions.
Unit part_unit(std::string_view text) {
  return parse_unit(text,
                    {{"year", Unit::Year},
                     {"quarter", Unit::Quarter},
                     {"month", Unit::Month},
                     {"week_of_year", Unit::WeekOfYear},
                     {"weekofyear", Unit::WeekOfYear},
                     {"day", Unit::Day},
                     {"dayofyear", Unit::DayOfYear},
                     {"hour", Unit::Hour},
                     {"minute", Unit::Minute},
                     {"second", Unit::Second},
                     {"millisecond", Unit::Millisecond},
                     {"microsecond", Unit::Microsecond},
                     {"nanosecond", Unit::Nanosecond}},
                    "datetime_part");
}

// datetime_add's and datetime_diff's periods (reference pages "datetime_add()", "datetime_diff()").
Unit period_unit(std::string_view text, std::string_view function) {
  return parse_unit(text,
                    {{"year", Unit::Year},
                     {"quarter", Unit::Quarter},
                     {"month", Unit::Month},
                     {"week", Unit::Week},
                     {"day", Unit::Day},
                     {"hour", Unit::Hour},
                     {"minute", Unit::Minute},
                     {"second", Unit::Second},
                     {"millisecond", Unit::Millisecond},
                     {"microsecond", Unit::Microsecond},
                     {"nanosecond", Unit::Nanosecond}},
                    function);
}

// The ticks in one of the fixed-length units.
int64_t unit_ticks(Unit u) {
  switch (u) {
    case Unit::Week: return 7 * kTicksPerDay;
    case Unit::Day: return kTicksPerDay;
    case Unit::Hour: return kTicksPerHour;
    case Unit::Minute: return kTicksPerMinute;
    case Unit::Second: return kTicksPerSecond;
    case Unit::Millisecond: return kTicksPerMillisecond;
    case Unit::Microsecond: return kTicksPerMicrosecond;
    default: return 1;
  }
}

int32_t datetime_part_of(Unit u, int64_t t) {
  CivilTime c = civil_from_ticks(t);
  switch (u) {
    case Unit::Year: return c.year;
    case Unit::Quarter: return (c.month - 1) / 3 + 1;
    case Unit::Month: return c.month;
    case Unit::WeekOfYear: return calendar::iso_week(t);
    case Unit::Day: return c.day;
    case Unit::DayOfYear:
      return static_cast<int32_t>(calendar::day_number(t) - calendar::day_number(calendar::start_of_year(t)) + 1);
    case Unit::Hour: return c.hour;
    case Unit::Minute: return c.minute;
    case Unit::Second: return c.second;
    // The fraction of the second in the unit: 765 ms, 765432 us, 765432100 ns of .7654321
    case Unit::Millisecond: return static_cast<int32_t>(c.fraction_ticks / kTicksPerMillisecond);
    case Unit::Microsecond: return static_cast<int32_t>(c.fraction_ticks / kTicksPerMicrosecond);
    case Unit::Nanosecond: return static_cast<int32_t>(c.fraction_ticks * 100);
    default: return 0;
  }
}

ColumnPtr datetime_part_kernel(const KernelArgs& a) {
  Unit u = part_unit(constant_string_arg(a, 0, "The part of datetime_part()"));
  LongReader date(a[1]);
  ValueWriter<int32_t> w(ScalarType::Int, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (date.null(i)) {
      w.set_null(i);
    } else {
      w.set(i, datetime_part_of(u, date.get(i)));
    }
  }
  return w.finish();
}

// datetime + amount units. Months, quarters and years follow the calendar (the day is clamped
// to the target month's length); the other units are fixed lengths. A nanosecond is a hundredth
// of a tick, so amounts of nanoseconds count whole ticks.
ColumnPtr datetime_add_kernel(const KernelArgs& a) {
  Unit u = period_unit(constant_string_arg(a, 0, "The period of datetime_add()"), "datetime_add");
  LongReader amount(a[1]), date(a[2]);
  LongWriter w(ScalarType::DateTime, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (amount.null(i) || date.null(i)) {
      w.set_null(i);
      continue;
    }
    int64_t n = amount.get(i), t = date.get(i), out = 0;
    bool overflow = false;
    switch (u) {
      case Unit::Year: overflow = __builtin_mul_overflow(n, int64_t{12}, &n); break;
      case Unit::Quarter: overflow = __builtin_mul_overflow(n, int64_t{3}, &n); break;
      default: break;
    }
    if (u == Unit::Year || u == Unit::Quarter || u == Unit::Month) {
      out = overflow ? INT64_MAX : calendar::add_months(t, n);
    } else {
      int64_t delta = 0;
      if (u == Unit::Nanosecond) {
        delta = n / 100;
      } else {
        overflow = __builtin_mul_overflow(n, unit_ticks(u), &delta);
      }
      overflow = overflow || __builtin_add_overflow(t, delta, &out);
    }
    if (overflow || !calendar::in_datetime_range(out)) {
      w.set_null(i);
    } else {
      w.set(i, out);
    }
  }
  return w.finish();
}

// The number of `u` boundaries between two datetimes (datetime1 - datetime2): the calendar
// units count by their numbers (2017-01-01 minus 2016-12-31 is one year), the others by floor
// of the tick counts, so 23:59 to 01:00 of the next day is two hours. Weeks start on Sunday.
int64_t datetime_diff_of(Unit u, int64_t t1, int64_t t2) {
  switch (u) {
    case Unit::Year:
    case Unit::Quarter:
    case Unit::Month: {
      CivilTime c1 = civil_from_ticks(t1), c2 = civil_from_ticks(t2);
      if (u == Unit::Year) return int64_t{c1.year} - c2.year;
      if (u == Unit::Quarter) return (int64_t{c1.year} * 4 + (c1.month - 1) / 3) - (int64_t{c2.year} * 4 + (c2.month - 1) / 3);
      return (int64_t{c1.year} * 12 + c1.month) - (int64_t{c2.year} * 12 + c2.month);
    }
    case Unit::Week: return (calendar::start_of_week(t1) - calendar::start_of_week(t2)) / (7 * kTicksPerDay);
    case Unit::Nanosecond: return (t1 - t2) * 100;
    default: {
      int64_t unit = unit_ticks(u);
      return calendar::floor_div(t1, unit) - calendar::floor_div(t2, unit);
    }
  }
}

ColumnPtr datetime_diff_kernel(const KernelArgs& a) {
  Unit u = period_unit(constant_string_arg(a, 0, "The period of datetime_diff()"), "datetime_diff");
  LongReader d1(a[1]), d2(a[2]);
  LongWriter w(ScalarType::Long, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (d1.null(i) || d2.null(i)) {
      w.set_null(i);
    } else {
      w.set(i, datetime_diff_of(u, d1.get(i), d2.get(i)));
    }
  }
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {"now", now_kernel},
    {"ago", ago_kernel},
    {"startofday", startofday_kernel},
    {"startofweek", startofweek_kernel},
    {"startofmonth", startofmonth_kernel},
    {"startofyear", startofyear_kernel},
    {"endofday", endofday_kernel},
    {"endofweek", endofweek_kernel},
    {"endofmonth", endofmonth_kernel},
    {"endofyear", endofyear_kernel},
    {"dayofweek", dayofweek_kernel},
    {"dayofmonth", dayofmonth_kernel},
    {"dayofyear", dayofyear_kernel},
    {"hourofday", hourofday_kernel},
    {"monthofyear", month_kernel},
    {"getmonth", month_kernel},
    {"getyear", getyear_kernel},
    {"week_of_year", week_of_year_kernel},
    {"datetime_part", datetime_part_kernel},
    {"datetime_add", datetime_add_kernel},
    {"datetime_diff", datetime_diff_kernel},
};

}  // namespace

void attach_datetime_calendar_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
