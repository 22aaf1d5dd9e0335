// The KQL scalar types, as Kusto names them, plus `unknown` for what the binder cannot type.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace huntdb {

enum class ScalarType : uint8_t {
  Unknown,
  Bool,
  Int,
  Long,
  Real,
  Decimal,
  String,
  DateTime,
  TimeSpan,
  Guid,
  Dynamic,
};

// The canonical KQL name: "bool", "int", "long", "real", "decimal", "string", "datetime",
// "timespan", "guid", "dynamic" ("unknown" for Unknown).
std::string_view type_name(ScalarType t);

// The .NET type Kusto reports for a column (getschema's DataType): System.String, System.Int64,
// System.Object for dynamic, System.SByte for bool, ...
std::string_view clr_type_name(ScalarType t);

// Parses a type name as written in schemas and `typeof()`, including the aliases Kusto accepts
// (boolean, double, float, date, time, uniqueid, uuid, int32, int64, ...).
std::optional<ScalarType> parse_type_name(std::string_view name);

inline bool is_numeric(ScalarType t) {
  return t == ScalarType::Int || t == ScalarType::Long || t == ScalarType::Real || t == ScalarType::Decimal;
}
inline bool is_integer(ScalarType t) { return t == ScalarType::Int || t == ScalarType::Long; }

}  // namespace huntdb
