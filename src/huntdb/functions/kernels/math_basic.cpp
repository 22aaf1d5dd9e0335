// Everyday math: abs, sign, round, ceiling, powers and logarithms, trigonometry, pi,
// isnan/isinf/isfinite and rand. Null in, null out. The functions whose reference pages say
// "null if the argument is negative" (sqrt, log, log2, log10) or out of range (asin, acos) give
// null where the C library gives NaN for a number that is not NaN itself.
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

namespace {

// A real column of f(x) for one numeric argument. With `nan_is_null`, a NaN made from a number
// is null (a domain error, as the reference pages of sqrt/log/acos/asin describe).
template <typename F>
ColumnPtr real_of_real(const KernelArgs& a, F f, bool nan_is_null = false) {
  RealReader x(a[0]);
  RealWriter w(ScalarType::Real, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (x.null(i)) {
      w.set_null(i);
      continue;
    }
    double v = x.get(i);
    double r = f(v);
    if (nan_is_null && std::isnan(r) && !std::isnan(v)) {
      w.set_null(i);
    } else {
      w.set(i, r);
    }
  }
  return w.finish();
}

template <typename F>
ColumnPtr real_of_two(const KernelArgs& a, F f) {
  RealReader x(a[0]), y(a[1]);
  RealWriter w(ScalarType::Real, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (x.null(i) || y.null(i)) {
      w.set_null(i);
    } else {
      w.set(i, f(x.get(i), y.get(i)));
    }
  }
  return w.finish();
}

// A column of the call's integer, real or decimal result type: fi(long) for integers, fr(double)
// for reals and decimals.
template <typename FI, typename FR>
ColumnPtr same_numeric_type(const KernelArgs& a, FI fi, FR fr) {
  if (a.result == ScalarType::Long || a.result == ScalarType::Int || a.result == ScalarType::TimeSpan) {
    LongReader x(a[0]);
    if (a.result == ScalarType::Int) {
      ValueWriter<int32_t> w(ScalarType::Int, a.rows);
      for (size_t i = 0; i < a.rows; ++i) {
        if (x.null(i)) {
          w.set_null(i);
        } else {
          w.set(i, static_cast<int32_t>(fi(x.get(i), i)));
        }
      }
      return w.finish();
    }
    LongWriter w(a.result, a.rows);
    for (size_t i = 0; i < a.rows; ++i) {
      if (x.null(i)) {
        w.set_null(i);
      } else {
        w.set(i, fi(x.get(i), i));
      }
    }
    return w.finish();
  }
  RealReader x(a[0]);
  RealWriter w(a.result, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (x.null(i)) {
      w.set_null(i);
    } else {
      w.set(i, fr(x.get(i), i));
    }
  }
  return w.finish();
}

// --- rounding and sign

ColumnPtr abs_kernel(const KernelArgs& a) {
  return same_numeric_type(
      a, [](int64_t v, size_t) { return v < 0 ? static_cast<int64_t>(0 - static_cast<uint64_t>(v)) : v; },
      [](double v, size_t) { return std::fabs(v); });
}

ColumnPtr sign_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return v > 0 ? 1.0 : v < 0 ? -1.0 : v; });
}

ColumnPtr ceiling_kernel(const KernelArgs& a) {
  return same_numeric_type(a, [](int64_t v, size_t) { return v; }, [](double v, size_t) { return std::ceil(v); });
}

// 10^n for the precisions round() takes (|n| beyond 300 leaves every double as it is or 0).
double power_of_ten(int64_t n) { return std::pow(10.0, static_cast<double>(n)); }

// round(x, precision): to `precision` decimal places, or to tens, hundreds... for a negative one
// (reference page "round()": round(2.15, 1) is 2.2, round(-50.55, -2) is -100, round(21.5, -1)
// is 20). Halves round away from zero, as std::round does.
double round_real(double v, int64_t precision) {
  if (!std::isfinite(v)) return v;
  if (precision > 300) return v;
  if (precision >= 0) {
    double scale = power_of_ten(precision);
    double scaled = v * scale;
    if (!std::isfinite(scaled)) return v;
    return std::round(scaled) / scale;
  }
  if (precision < -308) return 0;
  double scale = power_of_ten(-precision);
  return std::round(v / scale) * scale;
}

int64_t round_long(int64_t v, int64_t precision) {
  if (precision >= 0) return v;
  if (precision < -18) return 0;
  int64_t scale = 1;
  for (int64_t k = 0; k < -precision; ++k) scale *= 10;
  int64_t q = v / scale, r = v % scale;
  // Half away from zero.
  if (r * 2 >= scale) ++q;
  if (r * 2 <= -scale) --q;
  return q * scale;
}

ColumnPtr round_kernel(const KernelArgs& a) {
  bool has_precision = a.size() > 1;
  LongReader precision(has_precision ? a[1] : a[0]);
  auto p = [&](size_t i) -> int64_t { return has_precision && !precision.null(i) ? precision.get(i) : 0; };
  return same_numeric_type(
      a, [&](int64_t v, size_t i) { return round_long(v, p(i)); }, [&](double v, size_t i) { return round_real(v, p(i)); });
}

// --- powers, logarithms, trigonometry

ColumnPtr pow_kernel(const KernelArgs& a) {
  return real_of_two(a, [](double b, double e) { return std::pow(b, e); });
}
ColumnPtr sqrt_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return std::sqrt(v); }, true);
}
ColumnPtr exp_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return std::exp(v); });
}
ColumnPtr exp2_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return std::exp2(v); });
}
ColumnPtr exp10_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return std::pow(10.0, v); });
}
ColumnPtr log_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return std::log(v); }, true);
}
ColumnPtr log2_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return std::log2(v); }, true);
}
ColumnPtr log10_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return std::log10(v); }, true);
}

ColumnPtr pi_kernel(const KernelArgs& a) { return Column::make_constant(Value::of_real(std::numbers::pi), a.rows); }
ColumnPtr sin_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return std::sin(v); });
}
ColumnPtr cos_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return std::cos(v); });
}
ColumnPtr tan_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return std::tan(v); });
}
ColumnPtr cot_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return 1.0 / std::tan(v); });
}
ColumnPtr asin_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return std::asin(v); }, true);
}
ColumnPtr acos_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return std::acos(v); }, true);
}
ColumnPtr atan_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return std::atan(v); });
}
ColumnPtr atan2_kernel(const KernelArgs& a) {
  return real_of_two(a, [](double y, double x) { return std::atan2(y, x); });
}
ColumnPtr degrees_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return v * (180.0 / std::numbers::pi); });
}
ColumnPtr radians_kernel(const KernelArgs& a) {
  return real_of_real(a, [](double v) { return v * (std::numbers::pi / 180.0); });
}

// --- floating-point classification: "true if x is NaN and false otherwise" (reference page
// "isnan()", and alike for isinf and isfinite), so a null is false.

template <typename F>
ColumnPtr real_test(const KernelArgs& a, F f) {
  RealReader x(a[0]);
  std::vector<uint8_t> out(a.rows);
  for (size_t i = 0; i < a.rows; ++i) out[i] = !x.null(i) && f(x.get(i)) ? 1 : 0;
  return Column::make_bools(std::move(out));
}
ColumnPtr isnan_kernel(const KernelArgs& a) {
  return real_test(a, [](double v) { return std::isnan(v); });
}
ColumnPtr isinf_kernel(const KernelArgs& a) {
  return real_test(a, [](double v) { return std::isinf(v); });
}
ColumnPtr isfinite_kernel(const KernelArgs& a) {
  return real_test(a, [](double v) { return std::isfinite(v); });
}

// --- random numbers: rand() in [0, 1), rand(n) a whole number in [0, n). Not deterministic, so
// the executor never folds or shares it; each thread draws from its own generator.
std::mt19937_64& random_engine() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return engine;
}

ColumnPtr rand_kernel(const KernelArgs& a) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto& engine = random_engine();
  RealWriter w(ScalarType::Real, a.rows);
  if (a.size() == 0) {
    for (size_t i = 0; i < a.rows; ++i) w.set(i, unit(engine));
    return w.finish();
  }
  LongReader n(a[0]);
  for (size_t i = 0; i < a.rows; ++i) {
    if (n.null(i) || n.get(i) <= 0) {
      w.set_null(i);
    } else {
      w.set(i, std::floor(unit(engine) * static_cast<double>(n.get(i))));
    }
  }
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {"abs", abs_kernel},
    {"sign", sign_kernel},
    {"round", round_kernel},
    {"ceiling", ceiling_kernel},
    {"pow", pow_kernel},
    {"sqrt", sqrt_kernel},
    {"exp", exp_kernel},
    {"exp2", exp2_kernel},
    {"exp10", exp10_kernel},
    {"log", log_kernel},
    {"log2", log2_kernel},
    {"log10", log10_kernel},
    {"pi", pi_kernel},
    {"sin", sin_kernel},
    {"cos", cos_kernel},
    {"tan", tan_kernel},
    {"cot", cot_kernel},
    {"asin", asin_kernel},
    {"acos", acos_kernel},
    {"atan", atan_kernel},
    {"atan2", atan2_kernel},
    {"degrees", degrees_kernel},
    {"radians", radians_kernel},
    {"isnan", isnan_kernel},
    {"isinf", isinf_kernel},
    {"isfinite", isfinite_kernel},
    {"rand", rand_kernel, nullptr, false},
};

}  // namespace

void attach_math_basic_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
