// series_stats (one column per statistic) and series_stats_dynamic (one property bag), reference
// pages "series_stats()" and "series_stats_dynamic()": min, min_idx, max, max_idx, avg, stdev
// and variance (sample stdev and variance), and in the bag also sum and len. A series with a
// non-finite value (null, NaN, infinity, or anything not a number) gives nulls unless
// ignore_nonfinite is true, which leaves such values out (the indexes still count every element).
#include <cmath>
#include <limits>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/series_values.h"

namespace huntdb::functions {

namespace {

struct SeriesStats {
  bool valid = false;  // false: the statistics are null
  double min = 0, max = 0, avg = 0, stdev = 0, variance = 0, sum = 0;
  int64_t min_idx = 0, max_idx = 0, len = 0;
};

SeriesStats compute_stats(const std::vector<SeriesElement>& xs, bool ignore_nonfinite) {
  SeriesStats s;
  // Mean and squared deviations by Welford's running update: the page's example
  // (variance 812.45714285714291) is what that rounding gives.
  double sum = 0, mean = 0, m2 = 0;
  int64_t n = 0;
  for (size_t k = 0; k < xs.size(); ++k) {
    const SeriesElement& x = xs[k];
    if (x.missing() || !std::isfinite(x.real)) {
      if (ignore_nonfinite) continue;
      s.len = static_cast<int64_t>(xs.size());
      return s;
    }
    if (n == 0 || x.real < s.min) {
      s.min = x.real;
      s.min_idx = static_cast<int64_t>(k);
    }
    if (n == 0 || x.real > s.max) {
      s.max = x.real;
      s.max_idx = static_cast<int64_t>(k);
    }
    sum += x.real;
    ++n;
    double delta = x.real - mean;
    mean += delta / static_cast<double>(n);
    m2 += delta * (x.real - mean);
  }
  s.sum = sum;
  s.len = n;
  if (n == 0) return s;
  s.valid = true;
  s.avg = sum / static_cast<double>(n);
  s.variance = n > 1 ? m2 / static_cast<double>(n - 1) : 0.0;
  s.stdev = std::sqrt(s.variance);
  return s;
}

std::vector<ColumnPtr> stats_tuple_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  OptionalBool ignore(a, 1, false);
  RealWriter min(ScalarType::Real, a.rows), max(ScalarType::Real, a.rows), avg(ScalarType::Real, a.rows),
      stdev(ScalarType::Real, a.rows), variance(ScalarType::Real, a.rows);
  LongWriter min_idx(ScalarType::Long, a.rows), max_idx(ScalarType::Long, a.rows);
  std::vector<SeriesElement> xs;
  for (size_t i = 0; i < a.rows; ++i) {
    SeriesStats s;
    if (read_series(r.get(i), xs)) s = compute_stats(xs, ignore.get(i));
    if (!s.valid) {
      for (RealWriter* w : {&min, &max, &avg, &stdev, &variance}) w->set_null(i);
      min_idx.set_null(i);
      max_idx.set_null(i);
      continue;
    }
    min.set(i, s.min);
    min_idx.set(i, s.min_idx);
    max.set(i, s.max);
    max_idx.set(i, s.max_idx);
    avg.set(i, s.avg);
    stdev.set(i, s.stdev);
    variance.set(i, s.variance);
  }
  return {min.finish(), min_idx.finish(), max.finish(), max_idx.finish(), avg.finish(), stdev.finish(), variance.finish()};
}

ColumnPtr stats_dynamic_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  OptionalBool ignore(a, 1, false);
  std::vector<DynamicPtr> out(a.rows);
  std::vector<SeriesElement> xs;
  for (size_t i = 0; i < a.rows; ++i) {
    if (!read_series(r.get(i), xs)) continue;
    SeriesStats s = compute_stats(xs, ignore.get(i));
    auto real = [&](double v) { return s.valid ? DynValue::of_real(v) : DynValue::null(); };
    auto whole = [&](int64_t v) { return s.valid ? DynValue::of_long(v) : DynValue::null(); };
    out[i] = DynValue::of_object({{"min", real(s.min)},
                                  {"min_idx", whole(s.min_idx)},
                                  {"max", real(s.max)},
                                  {"max_idx", whole(s.max_idx)},
                                  {"avg", real(s.avg)},
                                  {"stdev", real(s.stdev)},
                                  {"variance", real(s.variance)},
                                  {"sum", real(s.sum)},
                                  {"len", DynValue::of_long(s.len)}});
  }
  return Column::make_dynamics(std::move(out));
}

constexpr KernelTable kKernels[] = {
    {"series_stats", nullptr, stats_tuple_kernel},
    {"series_stats_dynamic", stats_dynamic_kernel},
};

}  // namespace

void attach_series_stats_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
