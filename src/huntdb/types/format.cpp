#include "huntdb/types/format.h"

#include "huntdb/types/datetime.h"
#include "huntdb/types/guid.h"
#include "huntdb/types/number_format.h"

namespace huntdb {

void append_value(std::string& out, const Value& v) {
  if (v.is_null()) return;
  switch (v.type) {
    case ScalarType::Bool: out.append(v.as_bool() ? "true" : "false"); break;
    case ScalarType::Int: out.append(std::to_string(v.as_int())); break;
    case ScalarType::Long: out.append(std::to_string(v.as_long())); break;
    case ScalarType::Real: append_real(out, v.as_real()); break;
    case ScalarType::Decimal: out.append(format_decimal(std::get<Decimal>(v.data).value)); break;
    case ScalarType::String: out.append(v.as_string()); break;
    case ScalarType::DateTime: out.append(format_datetime_iso(v.as_long())); break;
    case ScalarType::TimeSpan: out.append(format_timespan(v.as_long())); break;
    case ScalarType::Guid: out.append(format_guid(v.as_guid())); break;
    case ScalarType::Dynamic:
      if (v.as_dynamic()) out.append(format_dynamic(*v.as_dynamic()));
      break;
    case ScalarType::Unknown: break;
  }
}

std::string format_value(const Value& v) {
  std::string out;
  append_value(out, v);
  return out;
}

std::string format_dynamic(const DynValue& d) {
  switch (d.kind()) {
    case DynValue::Kind::Null: return {};
    case DynValue::Kind::String: return d.as_string();
    case DynValue::Kind::DateTime:
      // The text a dynamic datetime has in JSON, without the quotes.
      return format_datetime_round_trip(d.as_long());
    case DynValue::Kind::TimeSpan: return format_timespan(d.as_long());
    case DynValue::Kind::Guid: return format_guid(d.as_guid());
    default: return to_json(d);
  }
}

}  // namespace huntdb
