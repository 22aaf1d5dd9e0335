// Rounding down into bins: bin and floor (the same function, reference page "bin()") and bin_at
// (reference page "bin_at()"), over numbers, timespans and datetimes. A null value, a null bin
// size or a bin size that is not positive gives null.
#include <cmath>

#include "huntdb/functions/kernels/calendar.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

namespace {

// Datetime bins count from .NET's tick zero (0001-01-01, a Monday), where Kusto's datetimes
// count from: whole-day bins start at midnight and 7d bins start on Mondays.
constexpr int64_t kBinOrigin = -kDotNetTicksAtUnixEpoch;

// The bin size of a datetime bin given as a datetime: Kusto reads it as its tick count.
int64_t ticks_as_size(ScalarType t, int64_t v) { return t == ScalarType::DateTime ? v + kDotNetTicksAtUnixEpoch : v; }

// origin + floor((v - origin) / size) * size, in ticks or integers.
inline bool bin_long(int64_t v, int64_t size, int64_t origin, int64_t& out) {
  if (size <= 0) return false;
  int64_t from = 0;
  if (__builtin_sub_overflow(v, origin, &from)) return false;
  return !__builtin_add_overflow(origin, calendar::floor_div(from, size) * size, &out);
}

inline double bin_real(double v, double size, double origin) { return origin + std::floor((v - origin) / size) * size; }

// value, size, origin readers; origin_arg < 0 means the fixed origin `origin`.
ColumnPtr bin_ticks(const KernelArgs& a, int origin_arg, int64_t origin) {
  LongReader value(a[0]), size(a[1]), fixed(a[origin_arg >= 0 ? origin_arg : 0]);
  ScalarType size_type = a[1].type();
  bool size_is_real = size_type == ScalarType::Real || size_type == ScalarType::Decimal;
  RealReader real_size(a[1]);
  LongWriter w(a.result, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (value.null(i) || size.null(i) || (origin_arg >= 0 && fixed.null(i))) {
      w.set_null(i);
      continue;
    }
    // A real bin size of a timespan counts ticks too; round it to whole ticks.
    double real = size_is_real ? real_size.get(i) : 0;
    int64_t s = !size_is_real ? ticks_as_size(size_type, size.get(i)) : real > 0 && real < 9.2e18 ? std::llround(real) : 0;
    int64_t out = 0;
    if (!bin_long(value.get(i), s, origin_arg >= 0 ? fixed.get(i) : origin, out) ||
        (a.result == ScalarType::DateTime && !calendar::in_datetime_range(out))) {
      w.set_null(i);
    } else {
      w.set(i, out);
    }
  }
  return w.finish();
}

ColumnPtr bin_numbers(const KernelArgs& a, int origin_arg) {
  if (a.result == ScalarType::Long || a.result == ScalarType::Int) {
    LongReader value(a[0]), size(a[1]), fixed(a[origin_arg >= 0 ? origin_arg : 0]);
    LongWriter w(ScalarType::Long, a.rows);
    for (size_t i = 0; i < a.rows; ++i) {
      int64_t out = 0;
      if (value.null(i) || size.null(i) || (origin_arg >= 0 && fixed.null(i)) ||
          !bin_long(value.get(i), size.get(i), origin_arg >= 0 ? fixed.get(i) : 0, out)) {
        w.set_null(i);
      } else {
        w.set(i, out);
      }
    }
    return w.finish();
  }
  RealReader value(a[0]), size(a[1]), fixed(a[origin_arg >= 0 ? origin_arg : 0]);
  RealWriter w(a.result, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (value.null(i) || size.null(i) || (origin_arg >= 0 && fixed.null(i)) || !(size.get(i) > 0)) {
      w.set_null(i);
      continue;
    }
    w.set(i, bin_real(value.get(i), size.get(i), origin_arg >= 0 ? fixed.get(i) : 0));
  }
  return w.finish();
}

ColumnPtr bin_kernel(const KernelArgs& a) {
  switch (a.result) {
    case ScalarType::DateTime: return bin_ticks(a, -1, kBinOrigin);
    case ScalarType::TimeSpan: return bin_ticks(a, -1, 0);
    default: return bin_numbers(a, -1);
  }
}

// bin_at(value, bin_size, fixed_point): bins aligned to fixed_point instead of zero.
ColumnPtr bin_at_kernel(const KernelArgs& a) {
  switch (a.result) {
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: return bin_ticks(a, 2, 0);
    default: return bin_numbers(a, 2);
  }
}

constexpr KernelTable kKernels[] = {
    {"bin", bin_kernel},
    {"floor", bin_kernel},
    {"bin_at", bin_at_kernel},
};

}  // namespace

void attach_datetime_bin_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
