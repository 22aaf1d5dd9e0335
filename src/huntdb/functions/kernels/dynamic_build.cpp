// Building dynamic arrays from scalars: pack_array, range, repeat.
#include <cmath>
#include <memory>

#include "huntdb/functions/kernels/dynamic_util.h"
#include "huntdb/functions/kernels/families.h"

namespace huntdb::functions {

namespace {

using Elements = DynValue::Elements;

// Kusto's cap on the elements range() makes (the reference page "range()": 1,048,576, 2^20). The
// same cap bounds repeat(), whose page states none, so that one call cannot exhaust memory.
constexpr int64_t kMaxGeneratedElements = int64_t{1} << 20;

constexpr int64_t kTicksPerHour = int64_t{36'000'000'000};

// pack_array(v1, v2, ...) (the Kusto reference page "pack_array()"): nulls become JSON nulls.
ColumnPtr pack_array_kernel(const KernelArgs& a) {
  std::vector<AsDynamicReader> readers;
  for (size_t k = 0; k < a.size(); ++k) readers.emplace_back(a[k]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    Elements out;
    out.reserve(readers.size());
    for (const auto& r : readers) out.push_back(r.get(i));  // of_array stores nullptr as null
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

// range(start, stop[, step]) (the Kusto reference page "range()"): start, start+step, ... while
// not past stop. Datetimes and timespans step by a timespan (1h by default), integers make longs,
// any real or decimal makes reals. A step pointing away from stop gives an empty array; a zero
// step, which makes no series at all, gives null.
ColumnPtr range_kernel(const KernelArgs& a) {
  ScalarType start_t = a[0].type();
  bool has_step = a.size() > 2;
  DynamicWriter w(a.rows);
  if (start_t == ScalarType::DateTime || start_t == ScalarType::TimeSpan) {
    LongReader start_r(a[0]), stop_r(a[1]);
    std::unique_ptr<LongReader> step_r;
    if (has_step) step_r = std::make_unique<LongReader>(a[2]);
    bool datetimes = start_t == ScalarType::DateTime;
    for (size_t i = 0; i < a.rows; ++i) {
      if (start_r.null(i) || stop_r.null(i) || (step_r && step_r->null(i))) continue;
      int64_t start = start_r.get(i), stop = stop_r.get(i), step = step_r ? step_r->get(i) : kTicksPerHour;
      if (step == 0) continue;
      Elements out;
      for (int64_t v = start; step > 0 ? v <= stop : v >= stop; v += step) {
        if (static_cast<int64_t>(out.size()) == kMaxGeneratedElements) break;
        out.push_back(datetimes ? DynValue::of_datetime(v) : DynValue::of_timespan(v));
        if ((step > 0 && v > INT64_MAX - step) || (step < 0 && v < INT64_MIN - step)) break;
      }
      w.set(i, DynValue::of_array(std::move(out)));
    }
    return w.finish();
  }
  bool integers = is_integer(start_t) && is_integer(a[1].type()) && (!has_step || is_integer(a[2].type()));
  if (integers) {
    LongReader start_r(a[0]), stop_r(a[1]);
    std::unique_ptr<LongReader> step_r;
    if (has_step) step_r = std::make_unique<LongReader>(a[2]);
    for (size_t i = 0; i < a.rows; ++i) {
      if (start_r.null(i) || stop_r.null(i) || (step_r && step_r->null(i))) continue;
      int64_t start = start_r.get(i), stop = stop_r.get(i), step = step_r ? step_r->get(i) : 1;
      if (step == 0) continue;
      Elements out;
      for (int64_t v = start; step > 0 ? v <= stop : v >= stop; v += step) {
        if (static_cast<int64_t>(out.size()) == kMaxGeneratedElements) break;
        out.push_back(DynValue::of_long(v));
        if ((step > 0 && v > INT64_MAX - step) || (step < 0 && v < INT64_MIN - step)) break;
      }
      w.set(i, DynValue::of_array(std::move(out)));
    }
    return w.finish();
  }
  RealReader start_r(a[0]), stop_r(a[1]);
  std::unique_ptr<RealReader> step_r;
  if (has_step) step_r = std::make_unique<RealReader>(a[2]);
  for (size_t i = 0; i < a.rows; ++i) {
    if (start_r.null(i) || stop_r.null(i) || (step_r && step_r->null(i))) continue;
    double start = start_r.get(i), stop = stop_r.get(i), step = step_r ? step_r->get(i) : 1.0;
    if (step == 0 || !std::isfinite(start) || !std::isfinite(stop) || !std::isfinite(step)) continue;
    Elements out;
    // Computed from the index rather than by repeated addition, so errors do not accumulate.
    for (int64_t k = 0; k < kMaxGeneratedElements; ++k) {
      double v = start + static_cast<double>(k) * step;
      if (step > 0 ? v > stop : v < stop) break;
      out.push_back(DynValue::of_real(v));
    }
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

// repeat(value, count) (the Kusto reference page "repeat()"): count copies of value; empty for
// a count of 0, null for a negative count.
ColumnPtr repeat_kernel(const KernelArgs& a) {
  AsDynamicReader value_r(a[0]);
  LongReader count_r(a[1]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (count_r.null(i) || count_r.get(i) < 0) continue;
    int64_t count = std::min(count_r.get(i), kMaxGeneratedElements);
    DynamicPtr v = value_r.get(i);
    if (!v) v = DynValue::null();
    w.set(i, DynValue::of_array(Elements(static_cast<size_t>(count), v)));
  }
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {"pack_array", pack_array_kernel},
    {"range", range_kernel},
    {"repeat", repeat_kernel},
};

}  // namespace

void attach_dynamic_build_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
