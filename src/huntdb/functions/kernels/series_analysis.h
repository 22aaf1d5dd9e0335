// The numerics shared by the time-series analysis kernels (series_decompose*, series_outliers,
// series_periods_*): reading a dynamic series, percentiles, a least-squares line, period
// detection by autocorrelation, seasonal decomposition and Tukey's outlier scores. Plain
// functions over std::vector<double>, so they can be unit-tested without columns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "huntdb/functions/kernels/dynamic_util.h"
#include "huntdb/functions/registry.h"
#include "huntdb/types/dynamic.h"

namespace huntdb::functions::series {

// A series read from a dynamic array: one slot per element; `present[i]` is false where the
// element is null or not a number (Kusto's series functions skip those points).
struct Series {
  std::vector<double> values;
  std::vector<bool> present;
  size_t size() const { return values.size(); }
};

// The numeric elements of a dynamic array (numbers, bools and numeric strings are not accepted:
// only long, real and decimal elements count). nullopt when the value is not an array.
std::optional<Series> read_series(const DynValue* v);

// A dynamic array of reals / of longs.
DynamicPtr real_array(const std::vector<double>& values);
DynamicPtr real_array(const std::vector<double>& values, const std::vector<bool>& present);
DynamicPtr long_array(const std::vector<int64_t>& values);

// The p-th percentile (0..100) of `values` by linear interpolation between the closest ranks
// (rank p/100 * (n - 1)); `values` is reordered. NaN when empty.
double percentile(std::vector<double>& values, double p);
double median(std::vector<double> values);

// ------------------------------------------------------------------ periods

// The score of period `p` (in bins) in `x` (every point present): the geometric mean of the
// biased and unbiased autocorrelation estimates at lag p, which weighs the correlation of the
// series with itself shifted by p by sqrt((n - p) / n), so that a period seen only a couple of
// times scores lower than one seen many times. A fractional period interpolates between its
// neighbouring lags. 0 when p is outside [4, n/2] or the score is within the white-noise band
// (|r| < 1.96 / sqrt(n)) where no period can be told from noise.
double period_score(const std::vector<double>& x, double p);

struct Period {
  double period = 0;
  double score = 0;
};

// The most significant periods of `x` in [min_period, max_period] (and [4, n/2)), best first, at
// most `count`: each significant peak of the periodogram (one standing out of the noise level at
// the 5% level over all frequencies) proposes a period, refined to the nearest local maximum of
// the autocorrelation (hill climbing over integer lags) and scored by period_score(); periods
// scoring 0 are dropped, duplicates kept once. Multiples of a period are kept when the
// periodogram proposes them (Kusto's time-series-analysis page reports 84 and 12 together).
std::vector<Period> detect_periods(const std::vector<double>& x, double min_period, double max_period, size_t count);

// Missing points replaced by the mean of the present ones (so they add nothing to the
// autocorrelation).
std::vector<double> filled_with_mean(const Series& s);

// ------------------------------------------------------------------ decomposition

enum class Trend { Average, LineFit, None };
std::optional<Trend> parse_trend(std::string_view text);  // avg | linefit | none
// A trend argument of `function`: empty is the default 'avg'; an unknown name fails the query.
Trend trend_arg(std::string_view text, std::string_view function);

struct DecomposeOptions {
  int64_t seasonality = -1;           // -1: detect, 0: none, >0: the period in bins
  Trend trend = Trend::Average;
  int64_t test_points = 0;            // trailing points left out of the learning
  double seasonality_threshold = 0.6; // minimal score of a detected period
};

struct Decomposition {
  std::vector<double> baseline, seasonal, trend, residual;
  std::vector<bool> present;  // residual is missing where the input point is
};

// Seasonal (median of the learning points of each phase), then trend of the deseasonalized
// learning points (their average, or their least-squares line extended over the whole series),
// baseline = seasonal + trend, residual = x - baseline. Kusto's series_decompose().
Decomposition decompose(const Series& s, const DecomposeOptions& o);

// ------------------------------------------------------------------ outliers

enum class OutlierKind { Tukey, CustomTukey };

// Tukey's test: with q_low and q_high the min/max percentiles of the learning points (the
// present points before the last `test_points`, except those equal to `ignore`) and `range`
// their distance scaled to the interquartile range it stands for (see
// interquartile_equivalent()), a point above q_high scores (x - q_high) / range, a point below
// q_low scores (x - q_low) / range, and points between them, missing or ignored score 0. So a
// score beyond Tukey's k (1.5: "mild", 3: "far") means the same whichever percentiles fence the
// normal range. A constant series (q_high == q_low) scores 0 everywhere.
// The factor that turns the distance between two percentiles into the interquartile range it
// corresponds to for normally distributed values: 1 for 25/75; for Kusto's 'ctukey' 10/90,
// (z(0.75) - z(0.25)) / (z(0.9) - z(0.1)) = 0.5263. Kusto documents the threshold of both
// Tukey variants as Tukey's k, which holds only if the wider custom range is brought to the
// interquartile scale; its documented examples (series-decompose-anomalies-function: with
// 'linefit' the default 1.5 flags every inserted outlier and a few noisy points, 2.5 only the
// outliers) agree with this and not with the unscaled 10-90 range.
double interquartile_equivalent(double min_percentile, double max_percentile);
// The standard normal quantile function (inverse distribution function).
double normal_quantile(double p);

std::vector<double> outlier_scores(const Series& s, double min_percentile, double max_percentile,
                                   std::optional<double> ignore, int64_t test_points);

// ------------------------------------------------------------------ kernel arguments

// An optional scalar argument of a call, read per row: nullopt when the call omits it or the row's
// value is null (the function's default applies).
class OptionalReal {
 public:
  OptionalReal(const KernelArgs& a, size_t i) {
    if (i < a.size()) reader_ = std::make_unique<decltype(reader_)::element_type>(a[i]);
  }
  std::optional<double> get(size_t row) const {
    if (!reader_ || reader_->null(row)) return std::nullopt;
    return reader_->get(row);
  }

 private:
  std::unique_ptr<RealReader> reader_;  // null when omitted
};

class OptionalLong {
 public:
  OptionalLong(const KernelArgs& a, size_t i) {
    if (i < a.size()) reader_ = std::make_unique<decltype(reader_)::element_type>(a[i]);
  }
  std::optional<int64_t> get(size_t row) const {
    if (!reader_ || reader_->null(row)) return std::nullopt;
    return reader_->get(row);
  }

 private:
  std::unique_ptr<LongReader> reader_;  // null when omitted
};

class OptionalString {
 public:
  OptionalString(const KernelArgs& a, size_t i) {
    if (i < a.size() && a[i].type() == ScalarType::String) reader_ = std::make_unique<StringReader>(a[i]);
  }
  // Empty when omitted (Kusto's strings are never null: empty means the default).
  std::string_view get(size_t row) const { return reader_ ? reader_->get(row) : std::string_view(); }

 private:
  std::unique_ptr<StringReader> reader_;  // null when omitted
};

}  // namespace huntdb::functions::series

namespace huntdb::functions {
// Each kernel file attaches its functions (called by attach_series_analysis_kernels).
void attach_series_decompose_kernels(Registry& r);
void attach_series_anomaly_kernels(Registry& r);
void attach_series_outlier_kernels(Registry& r);
void attach_series_period_kernels(Registry& r);
}  // namespace huntdb::functions
