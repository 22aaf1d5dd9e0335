// series_decompose_anomalies(): anomalies of a series by decomposition (Kusto's
// series-decompose-anomalies-function page): decompose the series (series_decompose() with the
// same seasonality, trend, test points and seasonality threshold), score the residuals with
// Tukey's fence test (series_outliers(): 'ctukey', the default, on the 10th-90th percentile
// range brought to the interquartile scale; 'tukey' on the 25th-75th), and flag the points whose score exceeds the threshold
// (default 1.5, Tukey's k): +1 above, -1 below, 0 otherwise. The fences are learnt from the
// residuals of the learning points (all but the last test points) and applied to every point.
// Yields ad_flag (longs), ad_score and baseline (reals).
#include <string>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/series_analysis.h"

namespace huntdb::functions {

namespace {

using namespace series;

struct Fences {
  double low, high;  // percentiles
};

Fences method_arg(std::string_view text) {
  if (text.empty() || text == "ctukey") return {10, 90};
  if (text == "tukey") return {25, 75};
  throw KernelError("series_decompose_anomalies(): the anomaly detection method must be 'ctukey' or 'tukey', not '" +
                    std::string(text) + "'.");
}

// series_decompose_anomalies(series [, threshold, seasonality, trend, test_points, method,
//                                     seasonality_threshold])
std::vector<ColumnPtr> series_decompose_anomalies_kernel(const KernelArgs& a) {
  DynamicReader input(a[0]);
  OptionalReal threshold(a, 1), seasonality_threshold(a, 6);
  OptionalLong seasonality(a, 2), test_points(a, 4);
  OptionalString trend(a, 3), method(a, 5);
  DynamicWriter flags(a.rows), scores(a.rows), baselines(a.rows);
  for (size_t row = 0; row < a.rows; ++row) {
    std::optional<Series> s = read_series(input.get(row));
    if (!s) continue;
    DecomposeOptions o;
    o.seasonality = seasonality.get(row).value_or(-1);
    o.trend = trend_arg(trend.get(row), "series_decompose_anomalies");
    o.test_points = test_points.get(row).value_or(0);
    o.seasonality_threshold = seasonality_threshold.get(row).value_or(0.6);
    Fences fences = method_arg(method.get(row));
    double k = threshold.get(row).value_or(1.5);

    Decomposition d = decompose(*s, o);
    Series residual{d.residual, d.present};
    std::vector<double> score = outlier_scores(residual, fences.low, fences.high, std::nullopt, o.test_points);
    std::vector<int64_t> flag(score.size(), 0);
    for (size_t i = 0; i < score.size(); ++i) flag[i] = score[i] > k ? 1 : score[i] < -k ? -1 : 0;
    flags.set(row, long_array(flag));
    scores.set(row, real_array(score));
    baselines.set(row, real_array(d.baseline));
  }
  return {flags.finish(), scores.finish(), baselines.finish()};
}

constexpr KernelTable kKernels[] = {
    {.name = "series_decompose_anomalies", .tuple_kernel = series_decompose_anomalies_kernel},
};

}  // namespace

void attach_series_anomaly_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
