#include "huntdb/types/literal.h"

#include <cmath>
#include <limits>

#include "huntdb/types/convert.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/dynamic.h"
#include "huntdb/types/guid.h"
#include "huntdb/types/number_format.h"
#include "huntdb/types/text_scanner.h"

namespace huntdb {
namespace {

// 'text' or "text" → text; anything else unchanged.
std::string_view unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front())
    return trim_ascii(s.substr(1, s.size() - 2));
  return s;
}

// The integer forms of long(...) and int(...): digits, a sign, or 0x and hex digits.
std::optional<int64_t> parse_integer_literal(std::string_view s) {
  if (s.empty()) return std::nullopt;
  size_t digits_start = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  std::string_view body = s.substr(digits_start);
  bool hex = body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X');
  if (!hex) {
    if (body.empty()) return std::nullopt;
    for (char c : body)
      if (c < '0' || c > '9') return std::nullopt;
  }
  return parse_long_text(s);
}

}  // namespace

std::optional<Value> parse_typed_literal(std::string_view token_text) {
  std::string_view text = trim_ascii(token_text);
  size_t open = text.find('(');
  if (open == std::string_view::npos || text.back() != ')') return std::nullopt;
  auto type = parse_type_name(trim_ascii(text.substr(0, open)));
  if (!type) return std::nullopt;
  std::string_view inner = trim_ascii(text.substr(open + 1, text.size() - open - 2));
  if (inner == "null") return Value::null(*type);
  switch (*type) {
    case ScalarType::Bool:
      if (equals_ignore_case(inner, "true")) return Value::of_bool(true);
      if (equals_ignore_case(inner, "false")) return Value::of_bool(false);
      return std::nullopt;
    case ScalarType::Int: {
      auto v = parse_integer_literal(inner);
      if (!v || *v < std::numeric_limits<int32_t>::min() || *v > std::numeric_limits<int32_t>::max())
        return std::nullopt;
      return Value::of_int(static_cast<int32_t>(*v));
    }
    case ScalarType::Long: {
      auto v = parse_integer_literal(inner);
      if (!v) return std::nullopt;
      return Value::of_long(*v);
    }
    case ScalarType::Real: {
      // real(nan), real(+inf) and real(-inf) are among the forms parse_real_text reads.
      auto v = parse_real_text(inner);
      if (!v) return std::nullopt;
      return Value::of_real(*v);
    }
    case ScalarType::Decimal: {
      auto v = parse_real_text(inner);
      if (!v || !std::isfinite(*v)) return std::nullopt;
      return Value::of_decimal(*v);
    }
    case ScalarType::DateTime: {
      auto v = parse_datetime(unquote(inner));
      if (!v) return std::nullopt;
      return Value::of_datetime(*v);
    }
    case ScalarType::TimeSpan: {
      auto v = parse_timespan(unquote(inner));
      if (!v) return std::nullopt;
      return Value::of_timespan(*v);
    }
    case ScalarType::Guid: {
      auto v = parse_guid(unquote(inner));
      if (!v) return std::nullopt;
      return Value::of_guid(*v);
    }
    case ScalarType::Dynamic:
    case ScalarType::String:
    case ScalarType::Unknown: break;
  }
  return std::nullopt;
}

namespace {

void append_string_literal(std::string& out, std::string_view s) {
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
      default:
        if (c < 0x20) {
          out.append("\\x");
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

}  // namespace

std::string format_literal(const Value& v) {
  std::string out;
  if (v.is_null()) {
    if (v.type == ScalarType::String) return "\"\"";
    out.append(type_name(v.type == ScalarType::Unknown ? ScalarType::Dynamic : v.type));
    out.append("(null)");
    return out;
  }
  switch (v.type) {
    case ScalarType::Bool: return v.as_bool() ? "true" : "false";
    case ScalarType::Int: return "int(" + std::to_string(v.as_int()) + ")";
    case ScalarType::Long:
      // A bare negative number is unary minus applied to a literal, not a literal.
      if (v.as_long() < 0) return "long(" + std::to_string(v.as_long()) + ")";
      return std::to_string(v.as_long());
    case ScalarType::Real: {
      double d = v.as_real();
      if (std::isnan(d)) return "real(nan)";
      if (std::isinf(d)) return d > 0 ? "real(+inf)" : "real(-inf)";
      std::string text = format_real(d);
      // "1" would read back as a long.
      if (text.find_first_of(".E") == std::string::npos) text.append(".0");
      return d < 0 || std::signbit(d) ? "real(" + text + ")" : text;
    }
    case ScalarType::Decimal: return "decimal(" + format_decimal(std::get<Decimal>(v.data).value) + ")";
    case ScalarType::String: append_string_literal(out, v.as_string()); return out;
    case ScalarType::DateTime: return "datetime(" + format_datetime_round_trip(v.as_long()) + ")";
    case ScalarType::TimeSpan: return "timespan(" + format_timespan(v.as_long()) + ")";
    case ScalarType::Guid: return "guid(" + format_guid(v.as_guid()) + ")";
    case ScalarType::Dynamic: return "dynamic(" + to_json(*v.as_dynamic()) + ")";
    case ScalarType::Unknown: break;
  }
  return "dynamic(null)";
}

}  // namespace huntdb
