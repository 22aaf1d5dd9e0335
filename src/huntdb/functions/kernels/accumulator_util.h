// Helpers shared by the aggregate kernels.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "huntdb/column/column.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

// Row i of a column as a Value (aggregates keep a few values per group, not per row).
inline Value row_value(const Column& c, size_t i) { return c.value_at(i); }

// A row's place in the aggregate's input: workers see batches in any order, so aggregates that
// keep the order of appearance compare these.
inline uint64_t order_key(uint32_t batch, size_t row) { return (uint64_t{batch} << 32) | static_cast<uint64_t>(row); }

// The predicate argument of the *if forms: a row counts only when it is true (null is false).
class Predicate {
 public:
  // `index` is the predicate's position; none means every row passes.
  Predicate(const KernelArgs& a, std::optional<size_t> index) {
    if (index && *index < a.size()) r_ = std::make_unique<BoolReader>(a[*index]);
  }
  bool pass(size_t i) const { return !r_ || (!r_->null(i) && r_->get(i)); }

 private:
  std::unique_ptr<BoolReader> r_;
};

// A constant integer argument (a max size, an accuracy level), if the call has one there.
inline std::optional<int64_t> constant_long(const AggregateSpec& spec, size_t index) {
  if (index >= spec.constants.size() || !spec.constants[index] || spec.constants[index]->is_null()) return std::nullopt;
  const Value& v = *spec.constants[index];
  if (v.type == ScalarType::Real || v.type == ScalarType::Decimal) return static_cast<int64_t>(RealReader::value_as_real(v));
  if (v.type == ScalarType::String || v.type == ScalarType::Dynamic || v.type == ScalarType::Guid) return std::nullopt;
  return LongReader::value_as_long(v);
}

// Orders two non-null values of one KQL type (numbers of different widths by value; strings
// ordinally). Negative, zero or positive.
inline int compare_for_order(const Value& a, const Value& b) {
  if (is_numeric(a.type) && is_numeric(b.type)) {
    if (is_integer(a.type) && is_integer(b.type)) {
      int64_t x = LongReader::value_as_long(a), y = LongReader::value_as_long(b);
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    double x = RealReader::value_as_real(a), y = RealReader::value_as_real(b);
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.type != b.type) return a.type < b.type ? -1 : 1;
  switch (a.type) {
    case ScalarType::String: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case ScalarType::Bool: return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: return a.as_long() < b.as_long() ? -1 : (a.as_long() > b.as_long() ? 1 : 0);
    case ScalarType::Guid: return a.as_guid() < b.as_guid() ? -1 : (b.as_guid() < a.as_guid() ? 1 : 0);
    default: return 0;
  }
}

}  // namespace huntdb::functions
