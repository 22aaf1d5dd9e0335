// + - * / % and unary minus over numbers, datetimes and timespans, as Kusto defines them:
// integer arithmetic wraps, integer division truncates toward zero and gives null for a zero
// divisor, modulo is never negative, real arithmetic follows IEEE (1.0/0 is +inf), datetime - datetime is a timespan.
// Dynamic operands are computed from the values they hold.
#include <cmath>
#include <limits>

#include "huntdb/analyze/operator_types.h"
#include "huntdb/exec/kernels_internal.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/convert.h"
#include "huntdb/types/datetime.h"

namespace huntdb::exec {

using functions::KernelArgs;
using functions::LongReader;
using functions::RealReader;
using kql::BinaryOp;

namespace {

bool is_ticks(ScalarType t) { return t == ScalarType::DateTime || t == ScalarType::TimeSpan; }

std::optional<int64_t> int_op(BinaryOp op, int64_t a, int64_t b) {
  uint64_t ua = static_cast<uint64_t>(a), ub = static_cast<uint64_t>(b);
  switch (op) {
    case BinaryOp::Add: return static_cast<int64_t>(ua + ub);
    case BinaryOp::Subtract: return static_cast<int64_t>(ua - ub);
    case BinaryOp::Multiply: return static_cast<int64_t>(ua * ub);
    case BinaryOp::Divide:
      if (b == 0) return std::nullopt;
      if (a == std::numeric_limits<int64_t>::min() && b == -1) return a;
      return a / b;
    case BinaryOp::Modulo: {
      // Kusto's modulo is never negative: -14 % 12 and -14 % -12 are both 10 (the reference
      // page "Numerical operators").
      if (b == 0) return std::nullopt;
      if (b == -1 || b == 1) return 0;
      int64_t r = a % b;
      if (r < 0) r += b < 0 ? -b : b;
      return r;
    }
    default: return std::nullopt;
  }
}

double real_op(BinaryOp op, double a, double b) {
  switch (op) {
    case BinaryOp::Add: return a + b;
    case BinaryOp::Subtract: return a - b;
    case BinaryOp::Multiply: return a * b;
    case BinaryOp::Divide: return a / b;
    case BinaryOp::Modulo: {
      double r = std::fmod(a, b);
      return r < 0 ? r + std::fabs(b) : r;
    }
    default: return std::nan("");
  }
}

// Both operands read as integers (int, long, datetime/timespan ticks).
ColumnPtr integer_kernel(BinaryOp op, const KernelArgs& a, ScalarType result) {
  LongReader l(a[0]), r(a[1]);
  size_t n = a.rows;
  std::vector<int64_t> out(n);
  Validity valid;
  for (size_t i = 0; i < n; ++i) {
    if (l.null(i) || r.null(i)) {
      valid.set(i, false);
      continue;
    }
    auto v = int_op(op, l.get(i), r.get(i));
    if (!v) {
      valid.set(i, false);
      continue;
    }
    out[i] = *v;
  }
  if (result == ScalarType::Int) {
    std::vector<int32_t> ints(n);
    for (size_t i = 0; i < n; ++i) ints[i] = static_cast<int32_t>(out[i]);
    return Column::make_ints(std::move(ints), std::move(valid));
  }
  return Column::make_longs(result, std::move(out), std::move(valid));
}

ColumnPtr real_kernel(BinaryOp op, const KernelArgs& a, ScalarType result) {
  RealReader l(a[0]), r(a[1]);
  size_t n = a.rows;
  std::vector<double> out(n);
  Validity valid;
  for (size_t i = 0; i < n; ++i) {
    if (l.null(i) || r.null(i)) {
      valid.set(i, false);
      continue;
    }
    out[i] = real_op(op, l.get(i), r.get(i));
  }
  return Column::make_reals(result, std::move(out), std::move(valid));
}

// A timespan or datetime scaled by a number (timespan * 2.5, timespan / 4): ticks computed in
// real arithmetic and rounded, as .NET's TimeSpan does.
ColumnPtr scaled_ticks_kernel(BinaryOp op, const KernelArgs& a, bool ticks_left, ScalarType result) {
  const Column& ticks_col = ticks_left ? a[0] : a[1];
  const Column& num_col = ticks_left ? a[1] : a[0];
  LongReader t(ticks_col);
  RealReader x(num_col);
  size_t n = a.rows;
  std::vector<int64_t> out(n);
  Validity valid;
  for (size_t i = 0; i < n; ++i) {
    if (t.null(i) || x.null(i)) {
      valid.set(i, false);
      continue;
    }
    double v = static_cast<double>(t.get(i));
    double k = x.get(i);
    double r = op == BinaryOp::Multiply ? v * k : op == BinaryOp::Divide ? v / k : std::fmod(v, k);
    if (!std::isfinite(r) || std::fabs(r) > 9.2e18) {
      valid.set(i, false);
      continue;
    }
    out[i] = static_cast<int64_t>(std::llround(r));
  }
  return Column::make_longs(result, std::move(out), std::move(valid));
}

// datetime * number, number * datetime, datetime / number, datetime % number, and
// datetime / timespan (a real): Kusto computes on the datetime's ticks since 0001-01-01 (its
// .NET ticks), so datetime(2020-01-01) / 1000 falls in year 2. A result outside the datetime
// range is null.
ColumnPtr scaled_datetime_kernel(BinaryOp op, const KernelArgs& a, ScalarType lt, ScalarType rt, ScalarType result) {
  bool date_left = lt == ScalarType::DateTime;
  const Column& date_col = date_left ? a[0] : a[1];
  const Column& other_col = date_left ? a[1] : a[0];
  ScalarType other_type = date_left ? rt : lt;
  bool integral = other_type == ScalarType::Int || other_type == ScalarType::Long || other_type == ScalarType::TimeSpan;
  LongReader d(date_col), k_long(other_col);
  RealReader k_real(other_col);
  size_t n = a.rows;
  Validity valid;
  if (result == ScalarType::Real) {
    std::vector<double> out(n);
    for (size_t i = 0; i < n; ++i) {
      if (d.null(i) || k_long.null(i) || k_long.get(i) == 0) {
        valid.set(i, false);
        continue;
      }
      out[i] = static_cast<double>(d.get(i) - kMinDateTimeTicks) / static_cast<double>(k_long.get(i));
    }
    return Column::make_reals(result, std::move(out), std::move(valid));
  }
  std::vector<int64_t> out(n);
  for (size_t i = 0; i < n; ++i) {
    if (d.null(i) || (integral ? k_long.null(i) : k_real.null(i))) {
      valid.set(i, false);
      continue;
    }
    int64_t net = d.get(i) - kMinDateTimeTicks;
    int64_t r = 0;
    bool ok = true;
    if (integral) {
      int64_t k = k_long.get(i);
      if (op == BinaryOp::Multiply) ok = !__builtin_mul_overflow(net, k, &r);
      else if (k == 0) ok = false;
      else r = op == BinaryOp::Divide ? net / k : net % k;
    } else {
      double k = k_real.get(i), v = static_cast<double>(net);
      double x = op == BinaryOp::Multiply ? v * k : op == BinaryOp::Divide ? v / k : std::fmod(v, k);
      ok = std::isfinite(x) && std::fabs(x) < 9.2e18;
      if (ok) r = static_cast<int64_t>(std::llround(x));
    }
    int64_t unix_ticks = r + kMinDateTimeTicks;
    if (!ok || unix_ticks < kMinDateTimeTicks || unix_ticks > kMaxDateTimeTicks) {
      valid.set(i, false);
      continue;
    }
    out[i] = unix_ticks;
  }
  return Column::make_longs(result, std::move(out), std::move(valid));
}

ColumnPtr typed_arithmetic(BinaryOp op, const KernelArgs& a, ScalarType lt, ScalarType rt, ScalarType result);

// One operand (or both) is dynamic: compute row by row from the values held.
ColumnPtr dynamic_arithmetic(BinaryOp op, const KernelArgs& a) {
  size_t n = a.rows;
  std::vector<Value> out;
  out.reserve(n);
  ScalarType common = ScalarType::Unknown;
  for (size_t i = 0; i < n; ++i) {
    Value l = scalar_value(a[0], i), r = scalar_value(a[1], i);
    if (l.is_null() || r.is_null()) {
      out.push_back(Value::null(ScalarType::Dynamic));
      continue;
    }
    bool defined = true;
    ScalarType t = analyze::detail::arithmetic_result(op, l.type, r.type, &defined);
    if (!defined || t == ScalarType::Unknown || t == ScalarType::Dynamic) {
      out.push_back(Value::null(ScalarType::Dynamic));
      continue;
    }
    ColumnPtr lc = Column::make_constant(l, 1), rc = Column::make_constant(r, 1);
    ColumnPtr args[2] = {lc, rc};
    KernelArgs one{args, 1, t, a.ctx};
    out.push_back(typed_arithmetic(op, one, l.type, r.type, t)->value_at(0));
    common = t;
  }
  (void)common;
  if (a.result == ScalarType::Dynamic || a.result == ScalarType::Unknown) {
    std::vector<DynamicPtr> d;
    d.reserve(n);
    for (const auto& v : out) d.push_back(v.is_null() ? nullptr : DynValue::from_value(v));
    return Column::make_dynamics(std::move(d));
  }
  return cast_column(functions::column_of_values(ScalarType::Dynamic, out), a.result);
}

ColumnPtr typed_arithmetic(BinaryOp op, const KernelArgs& a, ScalarType lt, ScalarType rt, ScalarType result) {
  if (lt == ScalarType::Dynamic || rt == ScalarType::Dynamic || lt == ScalarType::Unknown || rt == ScalarType::Unknown)
    return dynamic_arithmetic(op, a);
  switch (result) {
    case ScalarType::Int:
    case ScalarType::Long:
      return integer_kernel(op, a, result);
    case ScalarType::Real:
    case ScalarType::Decimal:
      if (lt == ScalarType::DateTime) return scaled_datetime_kernel(op, a, lt, rt, result);
      return real_kernel(op, a, result);
    case ScalarType::DateTime:
      if (op == BinaryOp::Multiply || op == BinaryOp::Divide || op == BinaryOp::Modulo)
        return scaled_datetime_kernel(op, a, lt, rt, result);
      return integer_kernel(op, a, result);
    case ScalarType::TimeSpan:
      if (is_ticks(lt) && is_ticks(rt)) return integer_kernel(op, a, result);
      if (is_ticks(lt) && (rt == ScalarType::Int || rt == ScalarType::Long) && op != BinaryOp::Divide)
        return integer_kernel(op, a, result);
      if ((lt == ScalarType::Int || lt == ScalarType::Long) && is_ticks(rt)) return integer_kernel(op, a, result);
      return scaled_ticks_kernel(op, a, is_ticks(lt), result);
    default:
      return Column::make_nulls(result, a.rows);
  }
}

template <BinaryOp Op>
ColumnPtr arithmetic(const KernelArgs& a) {
  return typed_arithmetic(Op, a, a[0].type(), a[1].type(), a.result);
}

}  // namespace

functions::ScalarKernel arithmetic_kernel(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return arithmetic<BinaryOp::Add>;
    case BinaryOp::Subtract: return arithmetic<BinaryOp::Subtract>;
    case BinaryOp::Multiply: return arithmetic<BinaryOp::Multiply>;
    case BinaryOp::Divide: return arithmetic<BinaryOp::Divide>;
    case BinaryOp::Modulo: return arithmetic<BinaryOp::Modulo>;
    default: return nullptr;
  }
}

ColumnPtr negate_column(const ColumnPtr& x, ScalarType result) {
  size_t n = x->size();
  if (x->type() == ScalarType::Dynamic || x->type() == ScalarType::Unknown) {
    std::vector<DynamicPtr> out(n);
    for (size_t i = 0; i < n; ++i) {
      Value v = scalar_value(*x, i);
      if (v.is_null()) continue;
      if (v.type == ScalarType::Long || v.type == ScalarType::TimeSpan) {
        out[i] = DynValue::from_value(Value{v.type, -v.as_long()});
      } else if (v.type == ScalarType::Real) {
        out[i] = DynValue::of_real(-v.as_real());
      }
    }
    return Column::make_dynamics(std::move(out));
  }
  if (result == ScalarType::Real || result == ScalarType::Decimal) {
    RealReader r(*x);
    std::vector<double> out(n);
    Validity valid;
    for (size_t i = 0; i < n; ++i) {
      if (r.null(i)) {
        valid.set(i, false);
        continue;
      }
      out[i] = -r.get(i);
    }
    return Column::make_reals(result, std::move(out), std::move(valid));
  }
  LongReader r(*x);
  std::vector<int64_t> out(n);
  Validity valid;
  for (size_t i = 0; i < n; ++i) {
    if (r.null(i)) {
      valid.set(i, false);
      continue;
    }
    out[i] = static_cast<int64_t>(0 - static_cast<uint64_t>(r.get(i)));
  }
  return Column::make_longs(result == ScalarType::Int ? ScalarType::Long : result, std::move(out), std::move(valid));
}

}  // namespace huntdb::exec
