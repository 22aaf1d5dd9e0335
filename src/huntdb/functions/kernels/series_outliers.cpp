// series_outliers(): the anomaly score of each point of a series by Tukey's fence test (Kusto's
// series-outliers-function page). With q_low and q_high the fence percentiles of the series and
// range their distance brought to the interquartile scale (series_analysis.h), a point above
// q_high scores (x - q_high) / range, one below q_low scores (x - q_low) / range, others 0; so
// a score above 1.5 is Tukey's "outlier" and below -1.5 a decline anomaly. kind 'tukey' uses
// the 25th/75th percentiles; 'ctukey' (the default) min_percentile/max_percentile, 10 and 90
// unless given, in [2, 98]. Nulls and points equal to ignore_val score 0 and are left out of the
// percentiles; the last test_points points are scored but not learnt from.
#include <string>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/series_analysis.h"

namespace huntdb::functions {

namespace {

using namespace series;

// series_outliers(series [, kind, ignore_val, min_percentile, max_percentile, test_points])
ColumnPtr series_outliers_kernel(const KernelArgs& a) {
  DynamicReader input(a[0]);
  OptionalString kind(a, 1);
  OptionalReal ignore(a, 2), min_percentile(a, 3), max_percentile(a, 4);
  OptionalLong test_points(a, 5);
  DynamicWriter out(a.rows);
  for (size_t row = 0; row < a.rows; ++row) {
    std::optional<Series> s = read_series(input.get(row));
    if (!s) continue;
    std::string_view k = kind.get(row);
    double low = 10, high = 90;
    if (k == "tukey") {
      low = 25;
      high = 75;
    } else if (k.empty() || k == "ctukey") {
      low = min_percentile.get(row).value_or(10);
      high = max_percentile.get(row).value_or(90);
      if (!(low >= 2 && low <= 98 && high >= 2 && high <= 98 && low < high))
        throw KernelError("series_outliers(): min_percentile and max_percentile must be in [2, 98], the minimum below the maximum.");
    } else {
      throw KernelError("series_outliers(): kind must be 'tukey' or 'ctukey', not '" + std::string(k) + "'.");
    }
    out.set(row, real_array(outlier_scores(*s, low, high, ignore.get(row), test_points.get(row).value_or(0))));
  }
  return out.finish();
}

constexpr KernelTable kKernels[] = {
    {.name = "series_outliers", .kernel = series_outliers_kernel},
};

}  // namespace

void attach_series_outlier_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
