// series_decompose() and series_decompose_forecast(): a series split into seasonal, trend and
// residual components (Kusto's series-decompose-function and series-decompose-forecast-function
// pages). Both yield four dynamic arrays (baseline, seasonal, trend, residual); the forecast is
// the decomposition of the series learnt without its last `points` points, whose baseline is
// the forecast.
//
// Arguments are read per row; a null or omitted one takes its default: seasonality -1 (detect),
// trend 'avg', test points 0, seasonality threshold 0.6. A series that is not an array yields
// nulls; an unknown trend name fails the query.
#include <string>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/series_analysis.h"

namespace huntdb::functions {

namespace {

using namespace series;

// The four result columns of a decomposition, row by row.
struct DecompositionWriter {
  explicit DecompositionWriter(size_t rows) : baseline(rows), seasonal(rows), trend(rows), residual(rows) {}
  void set(size_t row, const Decomposition& d) {
    baseline.set(row, real_array(d.baseline));
    seasonal.set(row, real_array(d.seasonal));
    trend.set(row, real_array(d.trend));
    residual.set(row, real_array(d.residual, d.present));
  }
  std::vector<ColumnPtr> finish() { return {baseline.finish(), seasonal.finish(), trend.finish(), residual.finish()}; }

  DynamicWriter baseline, seasonal, trend, residual;
};

// series_decompose(series [, seasonality, trend, test_points, seasonality_threshold])
std::vector<ColumnPtr> series_decompose_kernel(const KernelArgs& a) {
  DynamicReader input(a[0]);
  OptionalLong seasonality(a, 1), test_points(a, 3);
  OptionalString trend(a, 2);
  OptionalReal threshold(a, 4);
  DecompositionWriter out(a.rows);
  for (size_t row = 0; row < a.rows; ++row) {
    std::optional<Series> s = read_series(input.get(row));
    if (!s) continue;
    DecomposeOptions o;
    o.seasonality = seasonality.get(row).value_or(-1);
    o.trend = trend_arg(trend.get(row), "series_decompose");
    o.test_points = test_points.get(row).value_or(0);
    o.seasonality_threshold = threshold.get(row).value_or(0.6);
    out.set(row, decompose(*s, o));
  }
  return out.finish();
}

// series_decompose_forecast(series, points [, seasonality, trend, seasonality_threshold])
std::vector<ColumnPtr> series_decompose_forecast_kernel(const KernelArgs& a) {
  DynamicReader input(a[0]);
  OptionalLong points(a, 1), seasonality(a, 2);
  OptionalString trend(a, 3);
  OptionalReal threshold(a, 4);
  DecompositionWriter out(a.rows);
  for (size_t row = 0; row < a.rows; ++row) {
    std::optional<Series> s = read_series(input.get(row));
    if (!s) continue;
    DecomposeOptions o;
    o.test_points = points.get(row).value_or(0);
    o.seasonality = seasonality.get(row).value_or(-1);
    o.trend = trend_arg(trend.get(row), "series_decompose_forecast");
    o.seasonality_threshold = threshold.get(row).value_or(0.6);
    out.set(row, decompose(*s, o));
  }
  return out.finish();
}

constexpr KernelTable kKernels[] = {
    {.name = "series_decompose", .tuple_kernel = series_decompose_kernel},
    {.name = "series_decompose_forecast", .tuple_kernel = series_decompose_forecast_kernel},
};

}  // namespace

void attach_series_decompose_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
