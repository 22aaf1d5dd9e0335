// One KQL scalar value of any type, with KQL's null. Used for literals, constants folded by the
// planner and single cells; columns (column/) hold values in bulk without boxing them.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <variant>

#include "huntdb/types/scalar_type.h"

namespace huntdb {

// A GUID's 16 bytes in the order its canonical text shows them (00112233-4455-...).
struct Guid {
  std::array<uint8_t, 16> bytes{};
  bool operator==(const Guid&) const = default;
  auto operator<=>(const Guid&) const = default;
};

// Kusto's decimal (.NET System.Decimal: 96-bit integer, scale 0..28). Held as a double for now;
// see types/decimal notes in docs for what differs.
struct Decimal {
  double value = 0;
  bool operator==(const Decimal&) const = default;
  auto operator<=>(const Decimal&) const = default;
};

class DynValue;
using DynamicPtr = std::shared_ptr<const DynValue>;

// datetime and timespan are counted in 100 ns ticks; datetime ticks are from 1970-01-01 UTC.
struct Value {
  ScalarType type = ScalarType::Unknown;
  // monostate = null
  std::variant<std::monostate, bool, int32_t, int64_t, double, Decimal, std::string, Guid, DynamicPtr> data;

  bool is_null() const { return std::holds_alternative<std::monostate>(data); }

  static Value null(ScalarType t) { return Value{t, std::monostate{}}; }
  static Value of_bool(bool v) { return Value{ScalarType::Bool, v}; }
  static Value of_int(int32_t v) { return Value{ScalarType::Int, v}; }
  static Value of_long(int64_t v) { return Value{ScalarType::Long, v}; }
  static Value of_real(double v) { return Value{ScalarType::Real, v}; }
  static Value of_decimal(double v) { return Value{ScalarType::Decimal, Decimal{v}}; }
  static Value of_string(std::string v) { return Value{ScalarType::String, std::move(v)}; }
  static Value of_datetime(int64_t ticks) { return Value{ScalarType::DateTime, ticks}; }
  static Value of_timespan(int64_t ticks) { return Value{ScalarType::TimeSpan, ticks}; }
  static Value of_guid(Guid g) { return Value{ScalarType::Guid, g}; }
  static Value of_dynamic(DynamicPtr d) { return Value{ScalarType::Dynamic, std::move(d)}; }

  bool as_bool() const { return std::get<bool>(data); }
  int32_t as_int() const { return std::get<int32_t>(data); }
  // long, datetime and timespan are all held as int64
  int64_t as_long() const { return std::get<int64_t>(data); }
  double as_real() const { return std::get<double>(data); }
  const std::string& as_string() const { return std::get<std::string>(data); }
  const Guid& as_guid() const { return std::get<Guid>(data); }
  const DynamicPtr& as_dynamic() const { return std::get<DynamicPtr>(data); }
};

}  // namespace huntdb
