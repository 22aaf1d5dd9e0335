// Filling the missing values of a series: series_fill_backward, series_fill_forward,
// series_fill_const, series_fill_linear.
//
// A missing value is an element equal to missing_value_placeholder, or a null element when the
// placeholder is omitted or null (the default, double(null)). The other elements are kept as
// they are, so a series keeps the types of its elements ("series_fill_linear() preserves the
// original type of the array elements").
#include <cmath>

#include "huntdb/functions/kernels/dynamic_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/series_values.h"

namespace huntdb::functions {

namespace {

using Elements = DynValue::Elements;

// Which elements are missing, given the row's placeholder (a missing SeriesElement: null).
std::vector<uint8_t> missing_mask(const Elements& elements, const SeriesElement& placeholder) {
  std::vector<uint8_t> missing(elements.size());
  for (size_t k = 0; k < elements.size(); ++k) {
    const DynValue* e = elements[k].get();
    if (placeholder.missing()) {
      missing[k] = !e || e->is_null();
    } else if (e) {
      SeriesElement x = element_of(*e);
      missing[k] = !x.missing() && (x.is_long() && placeholder.is_long() ? x.whole == placeholder.whole
                                                                         : x.real == placeholder.real);
    }
  }
  return missing;
}

// series_fill_forward / series_fill_backward (reference pages "series_fill_forward()",
// "series_fill_backward()"): a missing value takes the previous (next) known value; missing
// values before the first (after the last) known value stay.
template <bool Forward>
ColumnPtr fill_direction_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  OptionalNumber placeholder(a, 1);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* v = as_array(r.get(i));
    if (!v) continue;
    Elements out = v->elements();
    std::vector<uint8_t> missing = missing_mask(out, placeholder.get(i));
    DynamicPtr known;
    size_t n = out.size();
    for (size_t s = 0; s < n; ++s) {
      size_t k = Forward ? s : n - 1 - s;
      if (!missing[k]) {
        known = out[k];
      } else if (known) {
        out[k] = known;
      }
    }
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

// series_fill_const(series [, constant_value [, missing_value_placeholder]]) (reference page
// "series_fill_const()"): missing values become the constant (0 by default), of the constant's
// type (series_fill_const(arr, 0.0) writes 0.0).
ColumnPtr fill_const_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  OptionalNumber constant(a, 1), placeholder(a, 2);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* v = as_array(r.get(i));
    if (!v) continue;
    Elements out = v->elements();
    std::vector<uint8_t> missing = missing_mask(out, placeholder.get(i));
    DynamicPtr fill = constant.present(i) ? dynamic_of(constant.get(i))
                                          : a.size() > 1 ? DynValue::null() : DynValue::of_long(0);
    for (size_t k = 0; k < out.size(); ++k)
      if (missing[k]) out[k] = fill;
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

// series_fill_linear(series [, missing_value_placeholder [, fill_edges [, constant_value]]])
// (reference page "series_fill_linear()"): missing values between two known values are
// interpolated linearly; "If series contains only int or long elements, then the linear
// interpolation returns rounded interpolated values" (the page's example truncates: 73.5 -> 73,
// 32.667 -> 32). With fill_edges (true by default) missing values at the ends take the nearest
// known value. A series with no known value at all is filled with constant_value (0.0 by
// default; a null constant keeps the nulls).
ColumnPtr fill_linear_kernel(const KernelArgs& a) {
  DynamicReader r(a[0]);
  OptionalNumber placeholder(a, 1), constant(a, 3);
  OptionalBool fill_edges(a, 2, true);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    const DynValue* v = as_array(r.get(i));
    if (!v) continue;
    Elements out = v->elements();
    std::vector<uint8_t> missing = missing_mask(out, placeholder.get(i));
    size_t n = out.size();
    std::vector<size_t> known;
    bool whole = true;
    for (size_t k = 0; k < n; ++k) {
      if (missing[k]) continue;
      known.push_back(k);
      if (out[k]->kind() != DynValue::Kind::Long) whole = false;
    }
    if (known.empty()) {
      DynamicPtr fill = constant.present(i) ? dynamic_of(constant.get(i))
                                            : a.size() > 3 ? DynValue::null() : DynValue::of_real(0);
      for (auto& e : out) e = fill;
      w.set(i, DynValue::of_array(std::move(out)));
      continue;
    }
    for (size_t j = 0; j + 1 < known.size(); ++j) {
      size_t lo = known[j], hi = known[j + 1];
      if (hi - lo < 2) continue;
      SeriesElement x0 = element_of(*out[lo]), x1 = element_of(*out[hi]);
      // A non-numeric known value (a string) cannot be interpolated through.
      if (x0.missing() || x1.missing()) continue;
      for (size_t k = lo + 1; k < hi; ++k) {
        double t = static_cast<double>(k - lo) / static_cast<double>(hi - lo);
        double y = x0.real + (x1.real - x0.real) * t;
        out[k] = whole ? DynValue::of_long(static_cast<int64_t>(y)) : DynValue::of_real(y);
      }
    }
    if (fill_edges.get(i)) {
      for (size_t k = 0; k < known.front(); ++k) out[k] = out[known.front()];
      for (size_t k = known.back() + 1; k < n; ++k) out[k] = out[known.back()];
    }
    w.set(i, DynValue::of_array(std::move(out)));
  }
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {"series_fill_forward", fill_direction_kernel<true>},
    {"series_fill_backward", fill_direction_kernel<false>},
    {"series_fill_const", fill_const_kernel},
    {"series_fill_linear", fill_linear_kernel},
};

}  // namespace

void attach_series_fill_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
