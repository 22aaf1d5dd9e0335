// Special functions and the distributions built on them: gamma, loggamma, erf, erfc, beta_cdf,
// beta_pdf, beta_inv and welch_test. Invalid parameters give NaN, as the reference pages show
// (beta_cdf(1.5, 10, 20) is NaN); beta_inv of a probability outside [0, 1] is null.
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ln|Γ(x)| without the global sign variable std::lgamma writes (kernels run on many threads).
double log_gamma(double x) {
  int sign = 0;
  return ::lgamma_r(x, &sign);
}

// The continued fraction of the regularized incomplete beta function, evaluated with Lentz's
// method; converges fast for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr double kEpsilon = 1e-16;
  auto guard = [](double v) { return std::fabs(v) < kTiny ? kTiny : v; };
  double c = 1.0;
  double d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
  double result = d;
  for (int m = 1; m <= 1000; ++m) {
    double even = m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m));
    d = 1.0 / guard(1.0 + even * d);
    c = guard(1.0 + even / c);
    result *= d * c;
    double odd = -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
    d = 1.0 / guard(1.0 + odd * d);
    c = guard(1.0 + odd / c);
    double step = d * c;
    result *= step;
    if (std::fabs(step - 1.0) < kEpsilon) break;
  }
  return result;
}

// x^pa (1-x)^pb / B(a, b). Where the gamma function does not overflow, directly: going through
// logarithms of gamma values near 70 would cost about two decimal digits.
double beta_power_ratio(double x, double pa, double pb, double a, double b) {
  if (a + b < 170) {
    double v = std::pow(x, pa) * std::pow(1.0 - x, pb) * (std::tgamma(a + b) / (std::tgamma(a) * std::tgamma(b)));
    if (std::isfinite(v) && v > 1e-290) return v;
  }
  return std::exp(pa * std::log(x) + pb * std::log1p(-x) + log_gamma(a + b) - log_gamma(a) - log_gamma(b));
}

// I_x(a, b), the cumulative beta distribution.
double regularized_beta(double x, double a, double b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  double front = beta_power_ratio(x, a, b, a, b);
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  return 1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b;
}

bool valid_shape(double a, double b) { return a > 0 && b > 0 && std::isfinite(a) && std::isfinite(b); }

double beta_cdf(double x, double a, double b) {
  if (!(x >= 0 && x <= 1) || !valid_shape(a, b)) return kNaN;
  return regularized_beta(x, a, b);
}

double beta_pdf(double x, double a, double b) {
  if (!(x >= 0 && x <= 1) || !valid_shape(a, b)) return kNaN;
  if ((x == 0 && a < 1) || (x == 1 && b < 1)) return std::numeric_limits<double>::infinity();
  return beta_power_ratio(x, a - 1, b - 1, a, b);
}

// The x with I_x(a, b) = p, by bisection: the cdf is monotonic on [0, 1], and 200 halvings
// reach the last bit of a double.
double beta_inv(double p, double a, double b) {
  if (!valid_shape(a, b)) return kNaN;
  double lo = 0, hi = 1;
  for (int k = 0; k < 200 && hi - lo > 0; ++k) {
    double mid = 0.5 * (lo + hi);
    if (mid == lo || mid == hi) break;
    if (regularized_beta(mid, a, b) < p) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return 0.5 * (lo + hi);
}

// The two-tailed p-value of Welch's t-test from each sample's mean, variance and count.
double welch_p_value(double m1, double v1, double c1, double m2, double v2, double c2) {
  double s1 = v1 / c1, s2 = v2 / c2;
  double se2 = s1 + s2;
  double t = (m1 - m2) / std::sqrt(se2);
  double df = se2 * se2 / (s1 * s1 / (c1 - 1) + s2 * s2 / (c2 - 1));
  if (!std::isfinite(t) || !std::isfinite(df) || df <= 0) return kNaN;
  return regularized_beta(df / (df + t * t), df / 2, 0.5);
}

template <typename F>
ColumnPtr real_of_one(const KernelArgs& a, F f) {
  RealReader x(a[0]);
  RealWriter w(ScalarType::Real, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (x.null(i)) {
      w.set_null(i);
    } else {
      w.set(i, f(x.get(i)));
    }
  }
  return w.finish();
}

// f over every argument as reals; null when any is null, or when f says so (NaN from `null_if`).
template <size_t N, typename F>
ColumnPtr real_of_many(const KernelArgs& a, F f) {
  std::vector<RealReader> r;
  for (size_t k = 0; k < N; ++k) r.emplace_back(a[k]);
  RealWriter w(ScalarType::Real, a.rows);
  double v[N];
  for (size_t i = 0; i < a.rows; ++i) {
    bool null = false;
    for (size_t k = 0; k < N; ++k) {
      null = null || r[k].null(i);
      v[k] = null ? 0 : r[k].get(i);
    }
    std::optional<double> out = null ? std::nullopt : f(v);
    if (out) {
      w.set(i, *out);
    } else {
      w.set_null(i);
    }
  }
  return w.finish();
}

ColumnPtr gamma_kernel(const KernelArgs& a) {
  return real_of_one(a, [](double x) { return std::tgamma(x); });
}
ColumnPtr loggamma_kernel(const KernelArgs& a) { return real_of_one(a, log_gamma); }
ColumnPtr erf_kernel(const KernelArgs& a) {
  return real_of_one(a, [](double x) { return std::erf(x); });
}
ColumnPtr erfc_kernel(const KernelArgs& a) {
  return real_of_one(a, [](double x) { return std::erfc(x); });
}
ColumnPtr beta_cdf_kernel(const KernelArgs& a) {
  return real_of_many<3>(a, [](const double* v) -> std::optional<double> { return beta_cdf(v[0], v[1], v[2]); });
}
ColumnPtr beta_pdf_kernel(const KernelArgs& a) {
  return real_of_many<3>(a, [](const double* v) -> std::optional<double> { return beta_pdf(v[0], v[1], v[2]); });
}
ColumnPtr beta_inv_kernel(const KernelArgs& a) {
  return real_of_many<3>(a, [](const double* v) -> std::optional<double> {
    if (!(v[0] >= 0 && v[0] <= 1)) return std::nullopt;
    return beta_inv(v[0], v[1], v[2]);
  });
}
ColumnPtr welch_test_kernel(const KernelArgs& a) {
  return real_of_many<6>(
      a, [](const double* v) -> std::optional<double> { return welch_p_value(v[0], v[1], v[2], v[3], v[4], v[5]); });
}

constexpr KernelTable kKernels[] = {
    {"gamma", gamma_kernel},       {"loggamma", loggamma_kernel}, {"erf", erf_kernel},
    {"erfc", erfc_kernel},         {"beta_cdf", beta_cdf_kernel}, {"beta_pdf", beta_pdf_kernel},
    {"beta_inv", beta_inv_kernel}, {"welch_test", welch_test_kernel},
};

}  // namespace

void attach_math_special_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
