// Helpers the dynamic-value kernels share: reading an argument of any type as a dynamic value,
// writing a dynamic result column, and Kusto's comparison of dynamic scalars (for sorting,
// sets and lookups).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/dynamic.h"

namespace huntdb::functions {

// Row i of a column of any type as a dynamic value (a null of a scalar type is a JSON null;
// a null dynamic is nullptr). Constant columns are converted once.
class AsDynamicReader {
 public:
  explicit AsDynamicReader(const Column& c);
  // nullptr for a null dynamic; a scalar null is DynValue::null().
  DynamicPtr get(size_t i) const;

 private:
  const Column& c_;
  const Column* flat_ = nullptr;
  const uint32_t* codes_ = nullptr;
  DynamicPtr constant_;
};

// A dynamic result column built row by row.
class DynamicWriter {
 public:
  explicit DynamicWriter(size_t rows) : values_(rows) {}
  void set(size_t i, DynamicPtr v) { values_[i] = std::move(v); }
  ColumnPtr finish() { return Column::make_dynamics(std::move(values_)); }

 private:
  std::vector<DynamicPtr> values_;
};

// A dynamic value that is an array, or null when it is not (or is null).
inline const DynValue* as_array(const DynValue* v) { return v && v->is_array() ? v : nullptr; }
inline const DynValue* as_bag(const DynValue* v) { return v && v->is_object() ? v : nullptr; }

// Orders dynamic values the way Kusto's array_sort_* and set functions see them: numbers
// (long, real, decimal), datetimes and timespans compare by value within their kind and numbers
// before datetimes before timespans; then strings (ordinal), guids, bools, and then arrays and
// bags (by their JSON text). Nulls are handled by the callers. Returns <0, 0, >0.
int compare_dynamic(const DynValue& a, const DynValue& b);

// A key that identifies a dynamic value for distinct/set purposes: equal keys for values Kusto
// treats as the same set element (1 and 1.0 are distinct elements: long vs real).
std::string dynamic_key(const DynValue& v);

// A dynamic scalar as a whole number (long, int-valued real, or numeric string): what a
// dynamic index or count argument means. nullopt otherwise.
std::optional<int64_t> dynamic_as_long(const DynValue* v);

// A value converted to `to` as Kusto's to*() functions convert it (null where they give null).
Value convert_scalar(const Value& v, ScalarType to);

}  // namespace huntdb::functions
