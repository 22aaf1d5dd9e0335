// series_periods_detect() and series_periods_validate(): the significant periods of a series
// (Kusto's series-periods-detect-function and series-periods-validate-function pages). Both
// yield two dynamic arrays, periods (in bins) and scores in [0, 1]; see detect_periods() and
// period_score() in series_analysis.h for how periods are found and scored.
//
// - detect(series, min_period, max_period, num_periods): num_periods entries, best first,
//   padded with period 0 / score 0 when fewer periods are found (the documented example
//   returns [14, 0] and [0.84, 0] for num_periods 2).
// - validate(series, period1, ...): the given periods as given, each with its score; a period
//   below 4 or above half the series scores 0.
// Missing points count as the series' mean; a series that is not an array yields nulls.
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/series_analysis.h"

namespace huntdb::functions {

namespace {

using namespace series;

// Periods and scores arrays cannot exceed this many entries (a guard against a huge
// num_periods argument).
constexpr int64_t kMaxPeriods = 1024;

std::vector<ColumnPtr> series_periods_detect_kernel(const KernelArgs& a) {
  DynamicReader input(a[0]);
  RealReader min_period(a[1]), max_period(a[2]);
  LongReader num_periods(a[3]);
  DynamicWriter periods(a.rows), scores(a.rows);
  for (size_t row = 0; row < a.rows; ++row) {
    std::optional<Series> s = read_series(input.get(row));
    if (!s || min_period.null(row) || max_period.null(row) || num_periods.null(row)) continue;
    size_t count = static_cast<size_t>(std::clamp<int64_t>(num_periods.get(row), 0, kMaxPeriods));
    std::vector<Period> found = detect_periods(filled_with_mean(*s), min_period.get(row), max_period.get(row), count);
    std::vector<double> p(count, 0.0), sc(count, 0.0);
    for (size_t i = 0; i < found.size(); ++i) {
      p[i] = found[i].period;
      sc[i] = found[i].score;
    }
    periods.set(row, real_array(p));
    scores.set(row, real_array(sc));
  }
  return {periods.finish(), scores.finish()};
}

std::vector<ColumnPtr> series_periods_validate_kernel(const KernelArgs& a) {
  DynamicReader input(a[0]);
  std::vector<RealReader> given;
  for (size_t i = 1; i < a.size(); ++i) given.emplace_back(a[i]);
  DynamicWriter periods(a.rows), scores(a.rows);
  for (size_t row = 0; row < a.rows; ++row) {
    std::optional<Series> s = read_series(input.get(row));
    if (!s) continue;
    std::vector<double> x = filled_with_mean(*s);
    DynValue::Elements p, sc;
    for (const RealReader& r : given) {
      if (r.null(row)) {
        p.push_back(DynValue::null());
        sc.push_back(DynValue::of_real(0));
        continue;
      }
      double period = r.get(row);
      p.push_back(DynValue::of_real(period));
      sc.push_back(DynValue::of_real(period_score(x, period)));
    }
    periods.set(row, DynValue::of_array(std::move(p)));
    scores.set(row, DynValue::of_array(std::move(sc)));
  }
  return {periods.finish(), scores.finish()};
}

constexpr KernelTable kKernels[] = {
    {.name = "series_periods_detect", .tuple_kernel = series_periods_detect_kernel},
    {.name = "series_periods_validate", .tuple_kernel = series_periods_validate_kernel},
};

}  // namespace

void attach_series_period_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
