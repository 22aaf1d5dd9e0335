// Filters over a series: series_fir, series_iir and series_seasonal. Results are arrays of reals;
// a missing (non-numeric) input element makes the outputs it reaches null.
#include <algorithm>
#include <cmath>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/series_analysis.h"
#include "huntdb/functions/kernels/series_values.h"

namespace huntdb::functions {

namespace {

// Reals with NaN (a missing input reached them) written as null elements.
DynamicPtr dynamic_reals_or_null(const std::vector<double>& values) {
  DynValue::Elements out;
  out.reserve(values.size());
  for (double d : values) out.push_back(std::isnan(d) ? DynValue::null() : DynValue::of_real(d));
  return DynValue::of_array(std::move(out));
}

// series_fir(series, filter [, normalize [, center]]) (reference page "series_fir()"):
// y[i] = sum_j filter[j] * x[i - j], with x = 0 before the series starts. normalize divides the
// filter by the sum of its coefficients; it defaults to true unless the filter has a negative
// coefficient, and asking for it with a negative coefficient gives null. center moves the
// window so that it covers (m - 1) / 2 points on each side of the current one ("the peak stays
// in its original location"), with x = 0 past the end too.
ColumnPtr fir_kernel(const KernelArgs& a) {
  DynamicReader rx(a[0]), rf(a[1]);
  std::unique_ptr<BoolReader> rnormalize, rcenter;
  if (a.size() > 2) rnormalize = std::make_unique<BoolReader>(a[2]);
  if (a.size() > 3) rcenter = std::make_unique<BoolReader>(a[3]);
  std::vector<DynamicPtr> out(a.rows);
  std::vector<double> xs, filter;
  for (size_t i = 0; i < a.rows; ++i) {
    if (!read_series_reals(rx.get(i), xs) || !read_series_reals(rf.get(i), filter) || filter.empty()) continue;
    bool negative = false, bad = false;
    double sum = 0;
    for (double f : filter) {
      if (std::isnan(f)) bad = true;
      negative = negative || f < 0;
      sum += f;
    }
    if (bad) continue;
    bool normalize = rnormalize && !rnormalize->null(i) ? rnormalize->get(i) : !negative;
    if (normalize && (negative || sum == 0)) continue;
    if (normalize)
      for (double& f : filter) f /= sum;
    bool center = rcenter && !rcenter->null(i) && rcenter->get(i);
    size_t m = filter.size(), n = xs.size();
    size_t shift = center ? (m - 1) / 2 : 0;
    std::vector<double> ys(n);
    for (size_t k = 0; k < n; ++k) {
      size_t end = k + shift;  // the newest input the window covers
      double y = 0;
      for (size_t j = 0; j < m && j <= end; ++j)
        if (end - j < n) y += filter[j] * xs[end - j];
      ys[k] = y;
    }
    out[i] = dynamic_reals_or_null(ys);
  }
  return Column::make_dynamics(std::move(out));
}

// series_iir(series, numerators, denominators) (reference page "series_iir()"):
// a[0] y[n] = sum_i b[i] x[n - i] - sum_{j >= 1} a[j] y[n - j] (the page's example with b = [1],
// a = [1, -1] is the running sum). A zero or missing a[0] gives null.
ColumnPtr iir_kernel(const KernelArgs& a) {
  DynamicReader rx(a[0]), rb(a[1]), ra(a[2]);
  std::vector<DynamicPtr> out(a.rows);
  std::vector<double> xs, b, den;
  for (size_t i = 0; i < a.rows; ++i) {
    if (!read_series_reals(rx.get(i), xs) || !read_series_reals(rb.get(i), b) || !read_series_reals(ra.get(i), den) ||
        b.empty() || den.empty() || !(den[0] != 0) || std::any_of(b.begin(), b.end(), [](double v) { return std::isnan(v); }) ||
        std::any_of(den.begin(), den.end(), [](double v) { return std::isnan(v); }))
      continue;
    size_t n = xs.size();
    std::vector<double> ys(n);
    for (size_t k = 0; k < n; ++k) {
      double y = 0;
      for (size_t j = 0; j < b.size() && j <= k; ++j) y += b[j] * xs[k - j];
      for (size_t j = 1; j < den.size() && j <= k; ++j) y -= den[j] * ys[k - j];
      ys[k] = y / den[0];
    }
    out[i] = dynamic_reals_or_null(ys);
  }
  return Column::make_dynamics(std::move(out));
}

double median(std::vector<double>& v) {
  size_t n = v.size();
  std::sort(v.begin(), v.end());
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// series_seasonal(series [, period]) (reference page "series_seasonal()"): each bin's value is
// "the median of all the values that correspond to the location of the bin, across the periods";
// a period of 0 or below -1 gives zeros. The default, -1, detects the period as
// series_decompose does (series_periods_detect's best period when it scores 0.6 or more).
// With test_points, the last test_points values are left out of the medians.
ColumnPtr seasonal_kernel(const KernelArgs& a) {
  DynamicReader rx(a[0]);
  std::unique_ptr<LongReader> rperiod, rtest;
  if (a.size() > 1) rperiod = std::make_unique<LongReader>(a[1]);
  if (a.size() > 2) rtest = std::make_unique<LongReader>(a[2]);
  std::vector<DynamicPtr> out(a.rows);
  std::vector<double> xs, bin;
  for (size_t i = 0; i < a.rows; ++i) {
    if (!read_series_reals(rx.get(i), xs)) continue;
    int64_t period = rperiod && !rperiod->null(i) ? rperiod->get(i) : -1;
    int64_t test = rtest && !rtest->null(i) ? std::max<int64_t>(0, rtest->get(i)) : 0;
    if (period == -1) {
      series::Series series;
      for (double x : xs) {
        series.values.push_back(std::isnan(x) ? 0.0 : x);
        series.present.push_back(!std::isnan(x));
      }
      series::DecomposeOptions options;
      options.trend = series::Trend::None;
      options.test_points = test;
      out[i] = dynamic_reals(series::decompose(series, options).seasonal);
      continue;
    }
    size_t n = xs.size();
    std::vector<double> ys(n, 0.0);
    if (period > 0) {
      size_t train = n > static_cast<size_t>(test) ? n - static_cast<size_t>(test) : 0;
      size_t p = static_cast<size_t>(period);
      for (size_t phase = 0; phase < p && phase < n; ++phase) {
        bin.clear();
        for (size_t k = phase; k < train; k += p)
          if (!std::isnan(xs[k])) bin.push_back(xs[k]);
        double m = bin.empty() ? 0.0 : median(bin);
        for (size_t k = phase; k < n; k += p) ys[k] = m;
      }
    }
    out[i] = dynamic_reals(ys);
  }
  return Column::make_dynamics(std::move(out));
}

constexpr KernelTable kKernels[] = {
    {"series_fir", fir_kernel},
    {"series_iir", iir_kernel},
    {"series_seasonal", seasonal_kernel},
};

}  // namespace

void attach_series_filter_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
