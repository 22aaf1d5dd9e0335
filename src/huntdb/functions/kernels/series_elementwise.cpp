// Element-wise series functions: series_add/subtract/multiply/divide/pow, the comparisons
// series_greater/greater_equals/less/less_equals/equals/not_equals, and the one-argument math
// functions series_abs/acos/asin/atan/ceiling/cos/exp/floor/log/sign/sin/tan.
//
// Reference pages "series_add()" ... "series_tan()": "Any non-numeric element or non-existing
// element (arrays of different sizes) yields a null element value", so the result is as long as
// the longer series. A number in place of a series is repeated for every element of the other
// series (series_dot_product's page shows the same rule). Whole numbers stay whole where the
// page's examples show it: add, subtract and multiply of two longs give a long
// ([1,2,4] + [4,2,1] = [5,4,5]); divide and pow give reals ([0.25,1.0,4.0]); abs and ceiling keep
// a long element (series_abs([-6.5,0,8.2]) = [6.5,0,8.2]), and so does sign
// (series_sign([-6,0,8]) = [-1,0,1]), while floor and the other functions give reals
// (series_floor([-1.5,1,2.5]) = [-2.0,1.0,2.0]).
#include <cmath>

#include "huntdb/functions/kernels/dynamic_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/series_values.h"

namespace huntdb::functions {

namespace {

using Kind = SeriesElement::Kind;

// ---------------------------------------------------------------- two series

enum class BinaryOp : uint8_t { Add, Subtract, Multiply, Divide, Pow, Greater, GreaterEq, Less, LessEq, Equal, NotEqual };

// Whole-number arithmetic that wraps like .NET's unchecked long arithmetic instead of overflowing.
int64_t wrap_add(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b)); }
int64_t wrap_sub(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b)); }
int64_t wrap_mul(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b)); }

DynamicPtr apply_binary(BinaryOp op, const SeriesElement& x, const SeriesElement& y) {
  if (x.missing() || y.missing()) return DynValue::null();
  bool whole = x.is_long() && y.is_long();
  switch (op) {
    case BinaryOp::Add: return whole ? DynValue::of_long(wrap_add(x.whole, y.whole)) : DynValue::of_real(x.real + y.real);
    case BinaryOp::Subtract:
      return whole ? DynValue::of_long(wrap_sub(x.whole, y.whole)) : DynValue::of_real(x.real - y.real);
    case BinaryOp::Multiply:
      return whole ? DynValue::of_long(wrap_mul(x.whole, y.whole)) : DynValue::of_real(x.real * y.real);
    case BinaryOp::Divide: return DynValue::of_real(x.real / y.real);
    case BinaryOp::Pow: return DynValue::of_real(std::pow(x.real, y.real));
    case BinaryOp::Greater: return DynValue::of_bool(whole ? x.whole > y.whole : x.real > y.real);
    case BinaryOp::GreaterEq: return DynValue::of_bool(whole ? x.whole >= y.whole : x.real >= y.real);
    case BinaryOp::Less: return DynValue::of_bool(whole ? x.whole < y.whole : x.real < y.real);
    case BinaryOp::LessEq: return DynValue::of_bool(whole ? x.whole <= y.whole : x.real <= y.real);
    case BinaryOp::Equal: return DynValue::of_bool(whole ? x.whole == y.whole : x.real == y.real);
    case BinaryOp::NotEqual: return DynValue::of_bool(whole ? x.whole != y.whole : x.real != y.real);
  }
  return DynValue::null();
}

// The element-wise result of two series (or a series and a number): as long as the longer series,
// null where either side has no number; two numbers give null (the functions want a series).
template <BinaryOp Op>
ColumnPtr binary_kernel(const KernelArgs& a) {
  SeriesArg left(a[0]), right(a[1]);
  DynamicWriter w(a.rows);
  std::vector<SeriesElement> xs, ys;
  SeriesElement xscalar, yscalar;
  for (size_t i = 0; i < a.rows; ++i) {
    bool xs_scalar = false, ys_scalar = false;
    if (!left.read(i, xs, xscalar, xs_scalar) || !right.read(i, ys, yscalar, ys_scalar)) continue;
    if (xs_scalar && ys_scalar) continue;
    size_t n = std::max(xs_scalar ? 0 : xs.size(), ys_scalar ? 0 : ys.size());
    DynValue::Elements out;
    out.reserve(n);
    const SeriesElement missing;
    for (size_t k = 0; k < n; ++k) {
      const SeriesElement& x = xs_scalar ? xscalar : k < xs.size() ? xs[k] : missing;
      const SeriesElement& y = ys_scalar ? yscalar : k < ys.size() ? ys[k] : missing;
      out.push_back(apply_binary(Op, x, y));
    }
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

// ---------------------------------------------------------------- one series

// A function of one real, and whether a long element stays a long (abs, ceiling).
template <double (*F)(double), bool KeepsLong = false, int64_t (*Whole)(int64_t) = nullptr>
ColumnPtr unary_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  DynamicWriter w(a.rows);
  std::vector<SeriesElement> xs;
  for (size_t i = 0; i < a.rows; ++i) {
    if (!read_series(r.get(i), xs)) continue;
    DynValue::Elements out;
    out.reserve(xs.size());
    for (const auto& x : xs) {
      if (x.missing()) {
        out.push_back(DynValue::null());
      } else if (KeepsLong && x.is_long()) {
        if constexpr (KeepsLong) out.push_back(DynValue::of_long(Whole(x.whole)));
      } else {
        out.push_back(DynValue::of_real(F(x.real)));
      }
    }
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

int64_t whole_abs(int64_t v) { return v < 0 ? static_cast<int64_t>(0 - static_cast<uint64_t>(v)) : v; }
int64_t whole_same(int64_t v) { return v; }
int64_t whole_sign(int64_t v) { return v > 0 ? 1 : v < 0 ? -1 : 0; }
double real_abs(double v) { return std::fabs(v); }
double real_ceil(double v) { return std::ceil(v); }
double real_floor(double v) { return std::floor(v); }
double real_sign(double v) { return v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0; }
double real_exp(double v) { return std::exp(v); }
double real_log(double v) { return std::log(v); }
double real_sin(double v) { return std::sin(v); }
double real_asin(double v) { return std::asin(v); }
double real_cos(double v) { return std::cos(v); }
double real_acos(double v) { return std::acos(v); }
double real_tan(double v) { return std::tan(v); }
double real_atan(double v) { return std::atan(v); }

constexpr KernelTable kKernels[] = {
    {"series_add", binary_kernel<BinaryOp::Add>},
    {"series_subtract", binary_kernel<BinaryOp::Subtract>},
    {"series_multiply", binary_kernel<BinaryOp::Multiply>},
    {"series_divide", binary_kernel<BinaryOp::Divide>},
    {"series_pow", binary_kernel<BinaryOp::Pow>},
    {"series_greater", binary_kernel<BinaryOp::Greater>},
    {"series_greater_equals", binary_kernel<BinaryOp::GreaterEq>},
    {"series_less", binary_kernel<BinaryOp::Less>},
    {"series_less_equals", binary_kernel<BinaryOp::LessEq>},
    {"series_equals", binary_kernel<BinaryOp::Equal>},
    {"series_not_equals", binary_kernel<BinaryOp::NotEqual>},
    {"series_abs", unary_kernel<real_abs, true, whole_abs>},
    {"series_ceiling", unary_kernel<real_ceil, true, whole_same>},
    {"series_floor", unary_kernel<real_floor>},
    {"series_sign", unary_kernel<real_sign, true, whole_sign>},
    {"series_exp", unary_kernel<real_exp>},
    {"series_log", unary_kernel<real_log>},
    {"series_sin", unary_kernel<real_sin>},
    {"series_asin", unary_kernel<real_asin>},
    {"series_cos", unary_kernel<real_cos>},
    {"series_acos", unary_kernel<real_acos>},
    {"series_tan", unary_kernel<real_tan>},
    {"series_atan", unary_kernel<real_atan>},
};

}  // namespace

void attach_series_elementwise_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
