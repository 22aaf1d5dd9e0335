#include "huntdb/types/value_json.h"

#include <fmt/format.h>

#include "huntdb/types/datetime.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/format.h"
#include "huntdb/types/number_format.h"

namespace huntdb {

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      default:
        if (c < 0x20) {
          out.append("\\u00");
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

void append_json_value(std::string& out, const Value& v) {
  if (v.is_null()) {
    out.append("null");
    return;
  }
  switch (v.type) {
    case ScalarType::Bool: out.append(v.as_bool() ? "true" : "false"); return;
    case ScalarType::Int: fmt::format_to(std::back_inserter(out), "{}", v.as_int()); return;
    case ScalarType::Long: fmt::format_to(std::back_inserter(out), "{}", v.as_long()); return;
    case ScalarType::Real: append_real_json(out, v.as_real()); return;
    case ScalarType::DateTime: append_json_string(out, format_datetime_round_trip(v.as_long())); return;
    case ScalarType::Dynamic:
      if (v.as_dynamic()) {
        append_json(out, *v.as_dynamic());
      } else {
        out.append("null");
      }
      return;
    default: append_json_string(out, format_value(v)); return;  // decimal, string, timespan, guid
  }
}

}  // namespace huntdb
