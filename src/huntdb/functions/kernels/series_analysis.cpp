// The numerics of the time-series analysis kernels; see series_analysis.h for what each computes
// and the Kusto pages they follow.
#include "huntdb/functions/kernels/series_analysis.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include "huntdb/functions/kernels/families.h"

namespace huntdb::functions::series {

std::optional<Series> read_series(const DynValue* v) {
  if (!v || !v->is_array()) return std::nullopt;
  const auto& elements = v->elements();
  Series s;
  s.values.resize(elements.size(), 0.0);
  s.present.resize(elements.size(), false);
  for (size_t i = 0; i < elements.size(); ++i) {
    const DynValue* e = elements[i].get();
    if (!e) continue;
    switch (e->kind()) {
      case DynValue::Kind::Long: s.values[i] = static_cast<double>(e->as_long()); break;
      case DynValue::Kind::Real:
      case DynValue::Kind::Decimal: s.values[i] = e->as_real(); break;
      default: continue;
    }
    s.present[i] = std::isfinite(s.values[i]);
  }
  return s;
}

DynamicPtr real_array(const std::vector<double>& values) {
  DynValue::Elements out;
  out.reserve(values.size());
  for (double v : values) out.push_back(DynValue::of_real(v));
  return DynValue::of_array(std::move(out));
}

DynamicPtr real_array(const std::vector<double>& values, const std::vector<bool>& present) {
  DynValue::Elements out;
  out.reserve(values.size());
  for (size_t i = 0; i < values.size(); ++i) out.push_back(present[i] ? DynValue::of_real(values[i]) : DynValue::null());
  return DynValue::of_array(std::move(out));
}

DynamicPtr long_array(const std::vector<int64_t>& values) {
  DynValue::Elements out;
  out.reserve(values.size());
  for (int64_t v : values) out.push_back(DynValue::of_long(v));
  return DynValue::of_array(std::move(out));
}

double percentile(std::vector<double>& values, double p) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  double rank = std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(values.size() - 1);
  size_t lo = static_cast<size_t>(std::floor(rank));
  size_t hi = std::min(lo + 1, values.size() - 1);
  double frac = rank - static_cast<double>(lo);
  return values[lo] + (values[hi] - values[lo]) * frac;
}

double median(std::vector<double> values) { return percentile(values, 50); }

// ------------------------------------------------------------------ periods

namespace {

// Autocorrelation of a series about its mean, lag by lag, computed on demand (a series of n
// points needs lags up to n/2 at most, and period detection visits only a few of them).
class Autocorrelation {
 public:
  explicit Autocorrelation(const std::vector<double>& x)
      : n_(x.size()), centered_(x), cache_(x.size(), std::numeric_limits<double>::quiet_NaN()) {
    double mean = 0;
    for (double v : x) mean += v;
    mean /= static_cast<double>(n_ ? n_ : 1);
    for (double& v : centered_) {
      v -= mean;
      energy_ += v * v;
    }
  }
  size_t size() const { return n_; }
  // The score of an integer lag (see period_score()); 0 for a constant series.
  double score(size_t lag) {
    if (lag == 0 || lag >= n_ || energy_ <= 0) return 0;
    if (!std::isnan(cache_[lag])) return cache_[lag];
    double sum = 0;
    for (size_t i = 0; i + lag < n_; ++i) sum += centered_[i] * centered_[i + lag];
    double n = static_cast<double>(n_);
    // biased r = sum / energy; unbiased r = sum / (n - lag) / (energy / n); their geometric mean:
    double r = sum * std::sqrt(n) / (std::sqrt(n - static_cast<double>(lag)) * energy_);
    cache_[lag] = r;
    return r;
  }
  // Below this a correlation cannot be told from white noise (95% band).
  double noise_band() const { return 1.96 / std::sqrt(static_cast<double>(n_)); }

 private:
  size_t n_;
  std::vector<double> centered_;
  double energy_ = 0;
  std::vector<double> cache_;  // NaN: not computed yet
};

// The shortest and longest period a series of n points can show: 4 points, and fewer than half
// the series (a period must repeat at least twice).
constexpr double kMinPeriod = 4;
double longest_period(size_t n) { return (static_cast<double>(n) - 1) / 2; }

// Power of the discrete Fourier transform of the centered series at frequency k / n
// (Goertzel's recurrence: one multiply-add per point).
double power_at(const std::vector<double>& centered, size_t k) {
  double w = 2 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(centered.size());
  double coeff = 2 * std::cos(w);
  double s1 = 0, s2 = 0;
  for (double x : centered) {
    double s0 = x + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return s1 * s1 + s2 * s2 - coeff * s1 * s2;
}

}  // namespace

double period_score(const std::vector<double>& x, double p) {
  size_t n = x.size();
  if (!(p >= kMinPeriod) || p > static_cast<double>(n) / 2) return 0;
  Autocorrelation acf(x);
  size_t lo = static_cast<size_t>(std::floor(p));
  double frac = p - static_cast<double>(lo);
  double r = acf.score(lo);
  if (frac > 0) r = r * (1 - frac) + acf.score(lo + 1) * frac;
  return r >= acf.noise_band() ? r : 0;
}

std::vector<double> filled_with_mean(const Series& s) {
  double sum = 0;
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (s.present[i]) {
      sum += s.values[i];
      ++count;
    }
  double mean = count ? sum / static_cast<double>(count) : 0;
  std::vector<double> out(s.values);
  for (size_t i = 0; i < s.size(); ++i)
    if (!s.present[i]) out[i] = mean;
  return out;
}

std::vector<Period> detect_periods(const std::vector<double>& x, double min_period, double max_period, size_t count) {
  size_t n = x.size();
  double lo_p = std::max(kMinPeriod, std::ceil(min_period));
  double hi_p = std::min(std::floor(max_period), std::floor(longest_period(n)));
  if (count == 0 || n < 2 * kMinPeriod + 1 || !(lo_p <= hi_p)) return {};
  size_t lo = static_cast<size_t>(lo_p), hi = static_cast<size_t>(hi_p);

  Autocorrelation acf(x);
  std::vector<double> centered(x);
  {
    double mean = 0;
    for (double v : x) mean += v;
    mean /= static_cast<double>(n);
    for (double& v : centered) v -= mean;
  }
  // The periodogram over the frequencies whose period is within a bin of the range.
  size_t k_first = std::max<size_t>(1, static_cast<size_t>(std::floor(static_cast<double>(n) / (hi_p + 1))));
  size_t k_last = std::min<size_t>(n / 2, static_cast<size_t>(std::ceil(static_cast<double>(n) / (lo_p - 1))));
  std::vector<double> power(k_last + 2, 0.0);
  for (size_t k = k_first > 1 ? k_first - 1 : 1; k <= std::min(k_last + 1, n / 2); ++k) power[k] = power_at(centered, k);

  // Under white noise the periodogram's ordinates are exponentially distributed about their
  // mean, so one exceeds c times the mean with probability exp(-c): a peak counts only if it
  // stands out from all n/2 frequencies at the 5% level (c = ln(n/2 / 0.05)); the others are
  // noise, and would only lead the hill climbing to multiples of the true period. The noise
  // level is estimated robustly, as the median ordinate / ln 2 (the mean of an exponential
  // distribution with that median), so that strong periodic components do not raise it; a
  // long series samples at most 2048 frequencies for it.
  size_t half = n / 2;
  size_t stride = std::max<size_t>(1, half / 2048);
  std::vector<double> ordinates;
  for (size_t k = 1; k <= half; k += stride) ordinates.push_back(k < power.size() && k >= k_first - 1 ? power[k] : power_at(centered, k));
  double noise = median(std::move(ordinates)) / std::numbers::ln2;
  double floor = noise * std::log(static_cast<double>(half) / 0.05);

  std::vector<Period> found;
  for (size_t k = k_first; k <= k_last; ++k) {
    double left = k > 1 ? power[k - 1] : 0;
    double right = k + 1 <= n / 2 ? power[k + 1] : 0;
    if (!(power[k] > left && power[k] >= right) || power[k] < floor) continue;
    // The peak's period, refined to the nearest autocorrelation peak within the range.
    double guess = std::round(static_cast<double>(n) / static_cast<double>(k));
    if (guess < lo_p - 1 || guess > hi_p + 1) continue;
    size_t lag = static_cast<size_t>(std::clamp(guess, lo_p, hi_p));
    for (;;) {
      double here = acf.score(lag);
      if (lag > lo && acf.score(lag - 1) > here) --lag;
      else if (lag < hi && acf.score(lag + 1) > here) ++lag;
      else break;
    }
    // A period is a true peak of the autocorrelation, not the edge of the range.
    double score = acf.score(lag);
    if (acf.score(lag - 1) >= score || acf.score(lag + 1) >= score) continue;
    if (score < acf.noise_band()) continue;
    bool seen = false;
    for (const Period& f : found) seen = seen || f.period == static_cast<double>(lag);
    if (!seen) found.push_back({static_cast<double>(lag), score});
  }
  std::stable_sort(found.begin(), found.end(), [](const Period& a, const Period& b) { return a.score > b.score; });
  if (found.size() > count) found.resize(count);
  return found;
}

// ------------------------------------------------------------------ decomposition

std::optional<Trend> parse_trend(std::string_view text) {
  if (text == "avg") return Trend::Average;
  if (text == "linefit") return Trend::LineFit;
  if (text == "none") return Trend::None;
  return std::nullopt;
}

Trend trend_arg(std::string_view text, std::string_view function) {
  if (text.empty()) return Trend::Average;
  if (auto t = parse_trend(text)) return *t;
  throw KernelError(std::string(function) + "(): trend must be 'avg', 'linefit' or 'none', not '" + std::string(text) +
                    "'.");
}

Decomposition decompose(const Series& s, const DecomposeOptions& o) {
  size_t n = s.size();
  size_t learn = o.test_points > 0 ? n - std::min<size_t>(n, static_cast<size_t>(o.test_points)) : n;
  Decomposition d;
  d.seasonal.assign(n, 0.0);
  d.trend.assign(n, 0.0);
  d.baseline.assign(n, 0.0);
  d.residual.assign(n, 0.0);
  d.present = s.present;

  Series learning{{s.values.begin(), s.values.begin() + learn}, {s.present.begin(), s.present.begin() + learn}};
  size_t period = 0;
  if (o.seasonality > 0) {
    period = static_cast<size_t>(o.seasonality);
  } else if (o.seasonality < 0) {
    std::vector<Period> p = detect_periods(filled_with_mean(learning), kMinPeriod, static_cast<double>(learn) / 2, 1);
    if (!p.empty() && p[0].score >= o.seasonality_threshold) period = static_cast<size_t>(p[0].period);
  }
  if (period > 0) {
    // The median of the learning points of each phase.
    std::vector<std::vector<double>> phases(period);
    for (size_t i = 0; i < learn; ++i)
      if (s.present[i]) phases[i % period].push_back(s.values[i]);
    std::vector<double> medians(period, 0.0);
    for (size_t j = 0; j < period; ++j)
      if (!phases[j].empty()) medians[j] = median(std::move(phases[j]));
    for (size_t i = 0; i < n; ++i) d.seasonal[i] = medians[i % period];
  }

  if (o.trend != Trend::None) {
    // Fit the deseasonalized learning points: their mean, or their least-squares line.
    double count = 0, sx = 0, sy = 0;
    for (size_t i = 0; i < learn; ++i)
      if (s.present[i]) {
        count += 1;
        sx += static_cast<double>(i);
        sy += s.values[i] - d.seasonal[i];
      }
    if (count > 0) {
      double mx = sx / count, my = sy / count;
      double slope = 0;
      if (o.trend == Trend::LineFit) {
        double sxy = 0, sxx = 0;
        for (size_t i = 0; i < learn; ++i)
          if (s.present[i]) {
            double dx = static_cast<double>(i) - mx;
            sxy += dx * (s.values[i] - d.seasonal[i] - my);
            sxx += dx * dx;
          }
        if (sxx > 0) slope = sxy / sxx;
      }
      for (size_t i = 0; i < n; ++i) d.trend[i] = my + slope * (static_cast<double>(i) - mx);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    d.baseline[i] = d.seasonal[i] + d.trend[i];
    d.residual[i] = s.present[i] ? s.values[i] - d.baseline[i] : 0.0;
  }
  return d;
}

// ------------------------------------------------------------------ outliers

double normal_quantile(double p) {
  if (!(p > 0 && p < 1)) return p <= 0 ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  // Newton's method on the normal distribution function, from 0: converges in a few steps for
  // the percentiles used here (2% to 98%).
  double x = 0;
  for (int i = 0; i < 60; ++i) {
    double cdf = 0.5 * std::erfc(-x / std::numbers::sqrt2);
    double pdf = std::exp(-0.5 * x * x) / std::sqrt(2 * std::numbers::pi);
    double step = (cdf - p) / pdf;
    x -= step;
    if (std::abs(step) < 1e-15) break;
  }
  return x;
}

double interquartile_equivalent(double min_percentile, double max_percentile) {
  if (min_percentile == 25 && max_percentile == 75) return 1;
  double quartiles = normal_quantile(0.75) - normal_quantile(0.25);
  double range = normal_quantile(max_percentile / 100) - normal_quantile(min_percentile / 100);
  return range > 0 ? quartiles / range : 1;
}

std::vector<double> outlier_scores(const Series& s, double min_percentile, double max_percentile,
                                   std::optional<double> ignore, int64_t test_points) {
  size_t n = s.size();
  size_t learn = test_points > 0 ? n - std::min<size_t>(n, static_cast<size_t>(test_points)) : n;
  auto counts = [&](size_t i) { return s.present[i] && !(ignore && s.values[i] == *ignore); };
  std::vector<double> sample;
  for (size_t i = 0; i < learn; ++i)
    if (counts(i)) sample.push_back(s.values[i]);
  std::vector<double> scores(n, 0.0);
  if (sample.empty()) return scores;
  double q_low = percentile(sample, min_percentile);
  double q_high = percentile(sample, max_percentile);
  double range = (q_high - q_low) * interquartile_equivalent(min_percentile, max_percentile);
  if (!(range > 0)) return scores;
  for (size_t i = 0; i < n; ++i) {
    if (!counts(i)) continue;
    double v = s.values[i];
    if (v > q_high) scores[i] = (v - q_high) / range;
    else if (v < q_low) scores[i] = (v - q_low) / range;
  }
  return scores;
}

}  // namespace huntdb::functions::series

namespace huntdb::functions {

void attach_series_analysis_kernels(Registry& r) {
  attach_series_decompose_kernels(r);
  attach_series_anomaly_kernels(r);
  attach_series_outlier_kernels(r);
  attach_series_period_kernels(r);
}

}  // namespace huntdb::functions
