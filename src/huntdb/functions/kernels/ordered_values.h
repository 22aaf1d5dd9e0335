// The values ordering aggregates compare (min, max, arg_max's first argument), read without
// boxing: integers, bools, datetimes and timespans as int64; reals and decimals as double;
// strings as text (compared ordinally). The row loops are templates over these three classes,
// so a batch costs one switch, not one per row.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "huntdb/column/column.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

enum class OrderClass : uint8_t { Integer, Real, String };

inline OrderClass order_class(ScalarType t) {
  switch (t) {
    case ScalarType::Real:
    case ScalarType::Decimal: return OrderClass::Real;
    case ScalarType::String: return OrderClass::String;
    default: return OrderClass::Integer;
  }
}

template <OrderClass K>
struct OrderTraits;

template <>
struct OrderTraits<OrderClass::Integer> {
  using Reader = LongReader;
  using Stored = int64_t;
  static bool null(const Reader& r, size_t i) { return r.null(i); }
  static int64_t get(const Reader& r, size_t i) { return r.get(i); }
  static int compare(int64_t a, int64_t b) { return a < b ? -1 : (a > b ? 1 : 0); }
  static void store(int64_t& slot, int64_t v) { slot = v; }
};

template <>
struct OrderTraits<OrderClass::Real> {
  using Reader = RealReader;
  using Stored = double;
  static bool null(const Reader& r, size_t i) { return r.null(i); }
  static double get(const Reader& r, size_t i) { return r.get(i); }
  static int compare(double a, double b) { return a < b ? -1 : (a > b ? 1 : 0); }
  static void store(double& slot, double v) { slot = v; }
};

template <>
struct OrderTraits<OrderClass::String> {
  using Reader = StringReader;
  using Stored = std::string;
  static bool null(const Reader&, size_t) { return false; }  // KQL strings are never null
  static std::string_view get(const Reader& r, size_t i) { return r.get(i); }
  static int compare(std::string_view a, std::string_view b) {
    int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  static void store(std::string& slot, std::string_view v) { slot.assign(v); }
};

// One extreme per group, of one order class, with the column it becomes.
template <OrderClass K>
struct ExtremeSlots {
  using T = OrderTraits<K>;
  std::vector<typename T::Stored> value;
  std::vector<uint8_t> has;

  void resize(size_t n) {
    value.resize(n);
    has.resize(n, 0);
  }

  ColumnPtr column(ScalarType type, size_t n) {
    resize(n);
    if constexpr (K == OrderClass::String) {
      StringWriter w(n);
      for (size_t g = 0; g < n; ++g) w.add(value[g]);
      return w.finish();
    } else {
      Validity valid;
      for (size_t g = 0; g < n; ++g)
        if (!has[g]) valid.set(g, false);
      if constexpr (K == OrderClass::Real) {
        return Column::make_reals(type == ScalarType::Decimal ? ScalarType::Decimal : ScalarType::Real, value,
                                  std::move(valid));
      } else {
        if (type == ScalarType::Int) {
          std::vector<int32_t> v(value.begin(), value.end());
          return Column::make_ints(std::move(v), std::move(valid));
        }
        if (type == ScalarType::Bool) {
          std::vector<uint8_t> v(n);
          for (size_t g = 0; g < n; ++g) v[g] = value[g] != 0;
          return Column::make_bools(std::move(v), std::move(valid));
        }
        return Column::make_longs(type == ScalarType::Unknown ? ScalarType::Long : type, value, std::move(valid));
      }
    }
  }
};

}  // namespace huntdb::functions
