// Regressions over a series: series_fit_line / series_fit_line_dynamic (reference pages
// "series_fit_line()", "series_fit_line_dynamic()"), series_fit_2lines /
// series_fit_2lines_dynamic and series_fit_poly ("series_fit_poly()").
//
// The x axis of a series is 1, 2, ..., n (series_fit_poly's page: "If not specified, it's set to
// a default value of [1, 2, ..., length(y_series)]"; series_fit_line's example agrees: slope
// 2.730 and interception -1.666 give line_fit[0] = 1.064). variance is the sample variance of
// the values and rvariance the residual sum of squares over the same n - 1 (the example's 98.628
// and 1.686); rsquare = 1 - residual / total sum of squares. A series with a missing value, or
// with fewer than two values, gives nulls.
#include <algorithm>
#include <cmath>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/series_values.h"

namespace huntdb::functions {

namespace {

struct LineFit {
  double rsquare = 0, slope = 0, variance = 0, rvariance = 0, interception = 0;
  std::vector<double> line;
};

// The values of a series, or false when it is not an array, has a missing value or has fewer
// than two values.
bool series_values(const DynValue* v, std::vector<double>& ys) {
  if (!read_series_reals(v, ys) || ys.size() < 2) return false;
  for (double y : ys)
    if (std::isnan(y)) return false;
  return true;
}

// Residual and total sums of squares of `ys` against `fit`, as the fit's statistics.
void fit_quality(const std::vector<double>& ys, const std::vector<double>& fit, double& rsquare, double& variance,
                 double& rvariance) {
  double n = static_cast<double>(ys.size()), mean = 0;
  for (double y : ys) mean += y;
  mean /= n;
  double total = 0, residual = 0;
  for (size_t k = 0; k < ys.size(); ++k) {
    total += (ys[k] - mean) * (ys[k] - mean);
    residual += (ys[k] - fit[k]) * (ys[k] - fit[k]);
  }
  // A constant series is fitted exactly.
  rsquare = total == 0 ? 1.0 : 1.0 - residual / total;
  variance = total / (n - 1);
  rvariance = residual / (n - 1);
}

// The least squares line through ys[begin, end) with x = k + 1 (the series' own axis, so a
// segment's line continues the series' x values).
LineFit fit_segment(const std::vector<double>& all, size_t begin, size_t end) {
  LineFit f;
  std::vector<double> ys(all.begin() + static_cast<ptrdiff_t>(begin), all.begin() + static_cast<ptrdiff_t>(end));
  double n = static_cast<double>(ys.size());
  double mx = static_cast<double>(begin) + (n + 1) / 2, my = 0;
  for (double y : ys) my += y;
  my /= n;
  double sxy = 0, sxx = 0;
  for (size_t k = 0; k < ys.size(); ++k) {
    double dx = static_cast<double>(begin + k + 1) - mx;
    sxy += dx * (ys[k] - my);
    sxx += dx * dx;
  }
  f.slope = sxy / sxx;
  f.interception = my - f.slope * mx;
  f.line.resize(ys.size());
  for (size_t k = 0; k < ys.size(); ++k) f.line[k] = f.interception + f.slope * static_cast<double>(begin + k + 1);
  fit_quality(ys, f.line, f.rsquare, f.variance, f.rvariance);
  return f;
}

LineFit fit_line(const std::vector<double>& ys) { return fit_segment(ys, 0, ys.size()); }

std::vector<ColumnPtr> fit_line_tuple_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  RealWriter rsquare(ScalarType::Real, a.rows), slope(ScalarType::Real, a.rows), variance(ScalarType::Real, a.rows),
      rvariance(ScalarType::Real, a.rows), interception(ScalarType::Real, a.rows);
  std::vector<DynamicPtr> line(a.rows);
  std::vector<double> ys;
  for (size_t i = 0; i < a.rows; ++i) {
    if (!series_values(r.get(i), ys)) {
      for (RealWriter* w : {&rsquare, &slope, &variance, &rvariance, &interception}) w->set_null(i);
      continue;
    }
    LineFit f = fit_line(ys);
    rsquare.set(i, f.rsquare);
    slope.set(i, f.slope);
    variance.set(i, f.variance);
    rvariance.set(i, f.rvariance);
    interception.set(i, f.interception);
    line[i] = dynamic_reals(f.line);
  }
  return {rsquare.finish(), slope.finish(), variance.finish(), rvariance.finish(), interception.finish(),
          Column::make_dynamics(std::move(line))};
}

ColumnPtr fit_line_dynamic_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  std::vector<DynamicPtr> out(a.rows);
  std::vector<double> ys;
  for (size_t i = 0; i < a.rows; ++i) {
    if (!series_values(r.get(i), ys)) continue;
    LineFit f = fit_line(ys);
    out[i] = DynValue::of_object({{"rsquare", DynValue::of_real(f.rsquare)},
                                  {"slope", DynValue::of_real(f.slope)},
                                  {"variance", DynValue::of_real(f.variance)},
                                  {"rvariance", DynValue::of_real(f.rvariance)},
                                  {"interception", DynValue::of_real(f.interception)},
                                  {"line_fit", dynamic_reals(f.line)}});
  }
  return Column::make_dynamics(std::move(out));
}

// ---------------------------------------------------------------- two lines

// series_fit_2lines (reference page "series_fit_2lines()"): "The function iterates on the series
// indexes. In each iteration, the function splits the series to two parts, fits a separate line
// (using series_fit_line()) to each part, and calculates the total r-square. The best split is the
// one that maximized r-square". Here split_idx is the first index of the right part, each part
// has at least two values, both lines use the series' x axis (1..n), the total r-square is
// 1 - (left + right residual sum of squares) / total sum of squares, and rvariance is that
// residual sum over n - 1 as in series_fit_line. A series of fewer than four values gives nulls.
struct TwoLines {
  double rsquare = 0, variance = 0, rvariance = 0;
  int64_t split = 0;
  LineFit left, right;
  std::vector<double> line;
};

bool fit_two_lines(const std::vector<double>& ys, TwoLines& out) {
  size_t n = ys.size();
  if (n < 4) return false;
  // Prefix sums pick the best split in linear time; the chosen lines are then fitted directly.
  std::vector<double> sx(n + 1), sy(n + 1), sxx(n + 1), sxy(n + 1), syy(n + 1);
  for (size_t k = 0; k < n; ++k) {
    double x = static_cast<double>(k + 1), y = ys[k];
    sx[k + 1] = sx[k] + x;
    sy[k + 1] = sy[k] + y;
    sxx[k + 1] = sxx[k] + x * x;
    sxy[k + 1] = sxy[k] + x * y;
    syy[k + 1] = syy[k] + y * y;
  }
  auto residual = [&](size_t b, size_t e) {
    double m = static_cast<double>(e - b);
    double Sx = sx[e] - sx[b], Sy = sy[e] - sy[b], Sxx = sxx[e] - sxx[b], Sxy = sxy[e] - sxy[b], Syy = syy[e] - syy[b];
    double vx = Sxx - Sx * Sx / m, cxy = Sxy - Sx * Sy / m, vy = Syy - Sy * Sy / m;
    return std::max(0.0, vy - cxy * cxy / vx);
  };
  size_t best = 2;
  double best_residual = 0;
  for (size_t split = 2; split + 2 <= n; ++split) {
    double r = residual(0, split) + residual(split, n);
    if (split == 2 || r < best_residual) {
      best = split;
      best_residual = r;
    }
  }
  out.split = static_cast<int64_t>(best);
  out.left = fit_segment(ys, 0, best);
  out.right = fit_segment(ys, best, n);
  out.line = out.left.line;
  out.line.insert(out.line.end(), out.right.line.begin(), out.right.line.end());
  fit_quality(ys, out.line, out.rsquare, out.variance, out.rvariance);
  return true;
}

std::vector<ColumnPtr> fit_2lines_tuple_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  // The fields in declaration order (series.cpp's kFit2LinesFields).
  RealWriter rsquare(ScalarType::Real, a.rows), variance(ScalarType::Real, a.rows), rvariance(ScalarType::Real, a.rows);
  LongWriter split(ScalarType::Long, a.rows);
  std::vector<DynamicPtr> line(a.rows);
  std::vector<RealWriter> sides;  // right rsquare, slope, interception, variance, rvariance; then left
  for (int k = 0; k < 10; ++k) sides.emplace_back(ScalarType::Real, a.rows);
  std::vector<double> ys;
  for (size_t i = 0; i < a.rows; ++i) {
    TwoLines t;
    if (!series_values(r.get(i), ys) || !fit_two_lines(ys, t)) {
      for (RealWriter* w : {&rsquare, &variance, &rvariance}) w->set_null(i);
      split.set_null(i);
      for (auto& w : sides) w.set_null(i);
      continue;
    }
    rsquare.set(i, t.rsquare);
    split.set(i, t.split);
    variance.set(i, t.variance);
    rvariance.set(i, t.rvariance);
    line[i] = dynamic_reals(t.line);
    const LineFit* parts[] = {&t.right, &t.left};
    for (int p = 0; p < 2; ++p) {
      const LineFit& f = *parts[p];
      double values[] = {f.rsquare, f.slope, f.interception, f.variance, f.rvariance};
      for (int k = 0; k < 5; ++k) sides[p * 5 + k].set(i, values[k]);
    }
  }
  std::vector<ColumnPtr> out = {rsquare.finish(), split.finish(), variance.finish(), rvariance.finish(),
                                Column::make_dynamics(std::move(line))};
  for (auto& w : sides) out.push_back(w.finish());
  return out;
}

// series_fit_2lines_dynamic (reference page "series_fit_2lines_dynamic()"): the same values in
// one bag, the sides as nested bags right and left ("right.rsquare", ...).
ColumnPtr fit_2lines_dynamic_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  std::vector<DynamicPtr> out(a.rows);
  std::vector<double> ys;
  auto side = [](const LineFit& f) {
    return DynValue::of_object({{"rsquare", DynValue::of_real(f.rsquare)},
                                {"slope", DynValue::of_real(f.slope)},
                                {"interception", DynValue::of_real(f.interception)},
                                {"variance", DynValue::of_real(f.variance)},
                                {"rvariance", DynValue::of_real(f.rvariance)}});
  };
  for (size_t i = 0; i < a.rows; ++i) {
    TwoLines t;
    if (!series_values(r.get(i), ys) || !fit_two_lines(ys, t)) continue;
    out[i] = DynValue::of_object({{"rsquare", DynValue::of_real(t.rsquare)},
                                  {"split_idx", DynValue::of_long(t.split)},
                                  {"variance", DynValue::of_real(t.variance)},
                                  {"rvariance", DynValue::of_real(t.rvariance)},
                                  {"line_fit", dynamic_reals(t.line)},
                                  {"right", side(t.right)},
                                  {"left", side(t.left)}});
  }
  return Column::make_dynamics(std::move(out));
}

// ---------------------------------------------------------------- polynomial

// Least squares coefficients c[0] + c[1] x + ... + c[d] x^d by Householder QR of the
// Vandermonde matrix (better conditioned than the normal equations). False if rank-deficient.
bool least_squares_poly(const std::vector<double>& xs, const std::vector<double>& ys, size_t degree,
                        std::vector<double>& coefficients) {
  size_t m = xs.size(), n = degree + 1;
  if (m < n) return false;
  std::vector<double> A(m * n), b = ys;  // row-major
  for (size_t i = 0; i < m; ++i) {
    double p = 1;
    for (size_t j = 0; j < n; ++j, p *= xs[i]) A[i * n + j] = p;
  }
  for (size_t j = 0; j < n; ++j) {
    double norm = 0;
    for (size_t i = j; i < m; ++i) norm += A[i * n + j] * A[i * n + j];
    norm = std::sqrt(norm);
    if (norm == 0) return false;
    double alpha = A[j * n + j] > 0 ? -norm : norm;
    std::vector<double> v(m - j);
    for (size_t i = j; i < m; ++i) v[i - j] = A[i * n + j];
    v[0] -= alpha;
    double vv = 0;
    for (double e : v) vv += e * e;
    if (vv == 0) continue;
    for (size_t c = j; c < n; ++c) {
      double s = 0;
      for (size_t i = j; i < m; ++i) s += v[i - j] * A[i * n + c];
      s = 2 * s / vv;
      for (size_t i = j; i < m; ++i) A[i * n + c] -= s * v[i - j];
    }
    double s = 0;
    for (size_t i = j; i < m; ++i) s += v[i - j] * b[i];
    s = 2 * s / vv;
    for (size_t i = j; i < m; ++i) b[i] -= s * v[i - j];
  }
  coefficients.assign(n, 0);
  for (size_t j = n; j-- > 0;) {
    double s = b[j];
    for (size_t c = j + 1; c < n; ++c) s -= A[j * n + c] * coefficients[c];
    if (A[j * n + j] == 0) return false;
    coefficients[j] = s / A[j * n + j];
  }
  return true;
}

// series_fit_poly(y [, x, degree]): rsquare, coefficients ("ordered from the highest power
// coefficient to the lowest"), variance, rvariance and poly_fit; degree 1 by default.
std::vector<ColumnPtr> fit_poly_tuple_kernel(const KernelArgs& a) {
  DynamicReader ry(a[0]);
  std::unique_ptr<DynamicReader> rx;
  if (a.size() > 1) rx = std::make_unique<DynamicReader>(a[1]);
  std::unique_ptr<LongReader> rdegree;
  if (a.size() > 2) rdegree = std::make_unique<LongReader>(a[2]);
  RealWriter rsquare(ScalarType::Real, a.rows), variance(ScalarType::Real, a.rows), rvariance(ScalarType::Real, a.rows);
  std::vector<DynamicPtr> coefficients(a.rows), poly(a.rows);
  std::vector<double> ys, xs, c;
  for (size_t i = 0; i < a.rows; ++i) {
    bool ok = series_values(ry.get(i), ys);
    if (ok && rx && !rx->null(i)) {
      ok = read_series_reals(rx->get(i), xs) && xs.size() == ys.size();
      for (size_t k = 0; ok && k < xs.size(); ++k) ok = !std::isnan(xs[k]);
    } else if (ok) {
      xs.resize(ys.size());
      for (size_t k = 0; k < xs.size(); ++k) xs[k] = static_cast<double>(k + 1);
    }
    int64_t degree = rdegree && !rdegree->null(i) ? rdegree->get(i) : 1;
    ok = ok && degree >= 0 && least_squares_poly(xs, ys, static_cast<size_t>(degree), c);
    if (!ok) {
      for (RealWriter* w : {&rsquare, &variance, &rvariance}) w->set_null(i);
      continue;
    }
    std::vector<double> fit(ys.size());
    for (size_t k = 0; k < ys.size(); ++k) {
      double y = 0;
      for (size_t j = c.size(); j-- > 0;) y = y * xs[k] + c[j];
      fit[k] = y;
    }
    double rs, var, rvar;
    fit_quality(ys, fit, rs, var, rvar);
    rsquare.set(i, rs);
    variance.set(i, var);
    rvariance.set(i, rvar);
    coefficients[i] = dynamic_reals(std::vector<double>(c.rbegin(), c.rend()));
    poly[i] = dynamic_reals(fit);
  }
  return {rsquare.finish(), Column::make_dynamics(std::move(coefficients)), variance.finish(), rvariance.finish(),
          Column::make_dynamics(std::move(poly))};
}

constexpr KernelTable kKernels[] = {
    {"series_fit_line", nullptr, fit_line_tuple_kernel},
    {"series_fit_line_dynamic", fit_line_dynamic_kernel},
    {"series_fit_2lines", nullptr, fit_2lines_tuple_kernel},
    {"series_fit_2lines_dynamic", fit_2lines_dynamic_kernel},
    {"series_fit_poly", nullptr, fit_poly_tuple_kernel},
};

}  // namespace

void attach_series_fit_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
