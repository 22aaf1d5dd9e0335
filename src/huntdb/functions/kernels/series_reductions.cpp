// Series reduced to one number: series_sum, series_product, series_magnitude,
// series_dot_product, series_cosine_similarity, series_pearson_correlation.
#include <cmath>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/series_values.h"

namespace huntdb::functions {

namespace {

// series_sum / series_product (reference pages "series_sum()", "series_product()"; array_sum,
// the old name, says: "If the array contains elements of non-numeric types, the result is
// null"): a real; an empty array gives 0 (1 for the product).
template <bool Product>
ColumnPtr fold_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  RealWriter w(ScalarType::Real, a.rows);
  std::vector<SeriesElement> xs;
  for (size_t i = 0; i < a.rows; ++i) {
    bool ok = read_series(r.get(i), xs);
    double acc = Product ? 1.0 : 0.0;
    for (const auto& x : xs) {
      if (x.missing()) {
        ok = false;
        break;
      }
      acc = Product ? acc * x.real : acc + x.real;
    }
    if (ok) {
      w.set(i, acc);
    } else {
      w.set_null(i);
    }
  }
  return w.finish();
}

// The dot product of two series over the shorter length, non-numeric elements ignored; nullopt
// when either series is empty (reference page "series_dot_product()"). A number in place of a
// series is repeated ("series_dot_product([1, 2, 3], 10) will be treated as
// series_dot_product([1, 2, 3], [10, 10, 10])").
struct Operand {
  std::vector<SeriesElement> elements;
  SeriesElement scalar;
  bool is_scalar = false;
  size_t size(size_t other) const { return is_scalar ? other : elements.size(); }
  const SeriesElement& at(size_t k) const { return is_scalar ? scalar : elements[k]; }
};

std::optional<double> dot(const Operand& x, const Operand& y) {
  if (x.is_scalar && y.is_scalar) return std::nullopt;
  size_t n = x.is_scalar ? y.elements.size() : y.is_scalar ? x.elements.size()
                                                           : std::min(x.elements.size(), y.elements.size());
  if (n == 0) return std::nullopt;
  double sum = 0;
  for (size_t k = 0; k < n; ++k) {
    const SeriesElement &a = x.at(k), &b = y.at(k);
    if (!a.missing() && !b.missing()) sum += a.real * b.real;
  }
  return sum;
}

// The magnitude of a series: the square root of its dot product with itself.
std::optional<double> magnitude(const std::vector<SeriesElement>& xs, size_t n) {
  if (n == 0) return std::nullopt;
  double sum = 0;
  for (size_t k = 0; k < n; ++k)
    if (!xs[k].missing()) sum += xs[k].real * xs[k].real;
  return std::sqrt(sum);
}

ColumnPtr dot_product_kernel(const KernelArgs& a) {
  SeriesArg left(a[0]), right(a[1]);
  RealWriter w(ScalarType::Real, a.rows);
  Operand x, y;
  for (size_t i = 0; i < a.rows; ++i) {
    std::optional<double> d;
    if (left.read(i, x.elements, x.scalar, x.is_scalar) && right.read(i, y.elements, y.scalar, y.is_scalar))
      d = dot(x, y);
    if (d) {
      w.set(i, *d);
    } else {
      w.set_null(i);
    }
  }
  return w.finish();
}

// series_magnitude (reference page "series_magnitude()"): "the square root of the dot product
// of the series with itself".
ColumnPtr magnitude_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  RealWriter w(ScalarType::Real, a.rows);
  std::vector<SeriesElement> xs;
  for (size_t i = 0; i < a.rows; ++i) {
    std::optional<double> m;
    if (read_series(r.get(i), xs)) m = magnitude(xs, xs.size());
    if (m) {
      w.set(i, *m);
    } else {
      w.set_null(i);
    }
  }
  return w.finish();
}

// series_cosine_similarity(s1, s2 [, magnitude1, magnitude2]) (reference page
// "series_cosine_similarity()"): dot(s1, s2) / (|s1| |s2|) over the shorter length, non-numeric
// elements ignored, null if either is empty; given magnitudes are used instead of computed ones.
ColumnPtr cosine_similarity_kernel(const KernelArgs& a) {
  DynamicReader r1(a[0]), r2(a[1]);
  OptionalNumber m1(a, 2), m2(a, 3);
  RealWriter w(ScalarType::Real, a.rows);
  Operand x, y;
  for (size_t i = 0; i < a.rows; ++i) {
    if (!read_series(r1.get(i), x.elements) || !read_series(r2.get(i), y.elements)) {
      w.set_null(i);
      continue;
    }
    size_t n = std::min(x.elements.size(), y.elements.size());
    std::optional<double> d = dot(x, y);
    std::optional<double> n1 = m1.present(i) ? std::optional<double>(m1.get(i).real) : magnitude(x.elements, n);
    std::optional<double> n2 = m2.present(i) ? std::optional<double>(m2.get(i).real) : magnitude(y.elements, n);
    if (d && n1 && n2) {
      w.set(i, *d / (*n1 * *n2));
    } else {
      w.set_null(i);
    }
  }
  return w.finish();
}

// series_pearson_correlation (reference page "series_pearson_correlation()"): "Any non-numeric
// element or nonexisting element (arrays of different sizes) yields a null result."
ColumnPtr pearson_kernel(const KernelArgs& a) {
  DynamicReader r1(a[0]), r2(a[1]);
  RealWriter w(ScalarType::Real, a.rows);
  std::vector<SeriesElement> xs, ys;
  for (size_t i = 0; i < a.rows; ++i) {
    bool ok = read_series(r1.get(i), xs) && read_series(r2.get(i), ys) && xs.size() == ys.size() && !xs.empty();
    for (size_t k = 0; ok && k < xs.size(); ++k) ok = !xs[k].missing() && !ys[k].missing();
    if (!ok) {
      w.set_null(i);
      continue;
    }
    double n = static_cast<double>(xs.size()), mx = 0, my = 0;
    for (size_t k = 0; k < xs.size(); ++k) {
      mx += xs[k].real;
      my += ys[k].real;
    }
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t k = 0; k < xs.size(); ++k) {
      double dx = xs[k].real - mx, dy = ys[k].real - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    w.set(i, sxy / std::sqrt(sxx * syy));
  }
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {"series_sum", fold_kernel<false>},
    {"series_product", fold_kernel<true>},
    {"series_magnitude", magnitude_kernel},
    {"series_dot_product", dot_product_kernel},
    {"series_cosine_similarity", cosine_similarity_kernel},
    {"series_pearson_correlation", pearson_kernel},
};

}  // namespace

void attach_series_reduction_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
