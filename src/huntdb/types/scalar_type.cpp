#include "huntdb/types/scalar_type.h"

#include <array>
#include <utility>

namespace huntdb {

std::string_view type_name(ScalarType t) {
  switch (t) {
    case ScalarType::Bool: return "bool";
    case ScalarType::Int: return "int";
    case ScalarType::Long: return "long";
    case ScalarType::Real: return "real";
    case ScalarType::Decimal: return "decimal";
    case ScalarType::String: return "string";
    case ScalarType::DateTime: return "datetime";
    case ScalarType::TimeSpan: return "timespan";
    case ScalarType::Guid: return "guid";
    case ScalarType::Dynamic: return "dynamic";
    case ScalarType::Unknown: break;
  }
  return "unknown";
}

std::string_view clr_type_name(ScalarType t) {
  switch (t) {
    case ScalarType::Bool: return "System.SByte";
    case ScalarType::Int: return "System.Int32";
    case ScalarType::Long: return "System.Int64";
    case ScalarType::Real: return "System.Double";
    case ScalarType::Decimal: return "System.Data.SqlTypes.SqlDecimal";
    case ScalarType::String: return "System.String";
    case ScalarType::DateTime: return "System.DateTime";
    case ScalarType::TimeSpan: return "System.TimeSpan";
    case ScalarType::Guid: return "System.Guid";
    case ScalarType::Dynamic: return "System.Object";
    case ScalarType::Unknown: break;
  }
  return "System.Object";
}

std::optional<ScalarType> parse_type_name(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, ScalarType>, 33> kNames = {{
      {"bool", ScalarType::Bool},         {"boolean", ScalarType::Bool},
      {"int", ScalarType::Int},           {"int8", ScalarType::Int},
      {"int16", ScalarType::Int},         {"int32", ScalarType::Int},
      {"uint8", ScalarType::Int},         {"uint16", ScalarType::Int},
      {"byte", ScalarType::Int},          {"char", ScalarType::Int},
      {"long", ScalarType::Long},         {"int64", ScalarType::Long},
      {"uint", ScalarType::Long},         {"uint32", ScalarType::Long},
      {"uint64", ScalarType::Long},       {"ulong", ScalarType::Long},
      {"real", ScalarType::Real},         {"double", ScalarType::Real},
      {"float", ScalarType::Real},        {"single", ScalarType::Real},
      {"decimal", ScalarType::Decimal},   {"string", ScalarType::String},
      {"datetime", ScalarType::DateTime}, {"date", ScalarType::DateTime},
      {"timespan", ScalarType::TimeSpan}, {"time", ScalarType::TimeSpan},
      {"guid", ScalarType::Guid},         {"uuid", ScalarType::Guid},
      {"uniqueid", ScalarType::Guid},     {"dynamic", ScalarType::Dynamic},
      {"int64", ScalarType::Long},        {"System.String", ScalarType::String},
      {"System.Int64", ScalarType::Long},
  }};
  for (const auto& [n, t] : kNames)
    if (n == name) return t;
  return std::nullopt;
}

}  // namespace huntdb
