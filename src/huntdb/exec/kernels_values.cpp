// Conversions between column types, between, and access into dynamic values (d.key, d[i]).
#include "huntdb/exec/kernels_internal.h"
#include "huntdb/functions/kernels/convert_column.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/convert.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/format.h"

namespace huntdb::exec {

Value scalar_value(const Column& c, size_t i) {
  Value v = c.value_at(i);
  if (v.type == ScalarType::Dynamic || v.type == ScalarType::Unknown) {
    if (v.is_null() || !v.as_dynamic()) return Value::null(ScalarType::Dynamic);
    const DynValue& d = *v.as_dynamic();
    if (d.is_array() || d.is_object()) return v;
    return scalar_of(d);
  }
  return v;
}


// Casts convert as Kusto's to*() functions do: the functions layer owns that conversion.
ColumnPtr cast_column(const ColumnPtr& x, ScalarType to) { return functions::convert_column(x, to); }

ColumnPtr between_column(const ColumnPtr& x, const ColumnPtr& lo, const ColumnPtr& hi, bool negated) {
  size_t n = x->size();
  std::vector<uint8_t> out(n);
  Validity valid;
  bool ticks = x->type() == ScalarType::DateTime || x->type() == ScalarType::TimeSpan;
  // datetime between (start .. 1d): the end is the start plus the timespan.
  bool relative_end = x->type() == ScalarType::DateTime && hi->type() == ScalarType::TimeSpan;
  if (ticks) {
    functions::LongReader v(*x), l(*lo), h(*hi);
    for (size_t i = 0; i < n; ++i) {
      if (v.null(i) || l.null(i) || h.null(i)) {
        valid.set(i, false);
        continue;
      }
      int64_t end = relative_end ? l.get(i) + h.get(i) : h.get(i);
      out[i] = (v.get(i) >= l.get(i) && v.get(i) <= end) != negated;
    }
  } else {
    functions::RealReader v(*x), l(*lo), h(*hi);
    bool boxed = x->type() == ScalarType::Dynamic;
    for (size_t i = 0; i < n; ++i) {
      double value;
      if (boxed) {
        Value s = scalar_value(*x, i);
        if (s.is_null() || !is_numeric(s.type)) {
          valid.set(i, false);
          continue;
        }
        value = functions::RealReader::value_as_real(s);
      } else {
        if (v.null(i)) {
          valid.set(i, false);
          continue;
        }
        value = v.get(i);
      }
      if (l.null(i) || h.null(i)) {
        valid.set(i, false);
        continue;
      }
      out[i] = (value >= l.get(i) && value <= h.get(i)) != negated;
    }
  }
  return Column::make_bools(std::move(out), std::move(valid));
}

namespace {

DynamicPtr member_of(const DynamicPtr& d, std::string_view key) {
  if (!d || !d->is_object()) return nullptr;
  for (const auto& [k, v] : d->properties())
    if (k == key) return v;
  return nullptr;
}

DynamicPtr element_of(const DynamicPtr& d, int64_t index) {
  if (!d || !d->is_array()) return nullptr;
  const auto& els = d->elements();
  int64_t size = static_cast<int64_t>(els.size());
  if (index < 0) index += size;
  if (index < 0 || index >= size) return nullptr;
  return els[static_cast<size_t>(index)];
}

}  // namespace

ColumnPtr member_column(const ColumnPtr& d, std::string_view key) {
  size_t n = d->size();
  if (d->type() != ScalarType::Dynamic && d->type() != ScalarType::Unknown) return Column::make_nulls(ScalarType::Dynamic, n);
  functions::DynamicReader r(*d);
  std::vector<DynamicPtr> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = member_of(r.get_ptr(i), key);
  return Column::make_dynamics(std::move(out));
}

ColumnPtr index_column(const ColumnPtr& d, const ColumnPtr& index) {
  size_t n = d->size();
  if (d->type() != ScalarType::Dynamic && d->type() != ScalarType::Unknown) return Column::make_nulls(ScalarType::Dynamic, n);
  functions::DynamicReader r(*d);
  std::vector<DynamicPtr> out(n);
  for (size_t i = 0; i < n; ++i) {
    Value k = scalar_value(*index, i);
    if (k.is_null()) continue;
    if (k.type == ScalarType::String) {
      out[i] = member_of(r.get_ptr(i), k.as_string());
    } else if (is_integer(k.type)) {
      out[i] = element_of(r.get_ptr(i), functions::LongReader::value_as_long(k));
    }
  }
  return Column::make_dynamics(std::move(out));
}

}  // namespace huntdb::exec
