#include "huntdb/types/convert.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "huntdb/types/datetime.h"
#include "huntdb/types/guid.h"
#include "huntdb/types/text_scanner.h"

namespace huntdb {
namespace {

double decimal_of(const Value& v) { return std::get<Decimal>(v.data).value; }

// Runs `convert` on the scalar inside a dynamic value; arrays, bags and null give nullopt.
template <typename Convert>
auto through_dynamic(const Value& v, Convert convert) -> decltype(convert(v)) {
  const DynamicPtr& d = v.as_dynamic();
  if (!d) return std::nullopt;
  Value scalar = scalar_of(*d);
  if (scalar.is_null()) return std::nullopt;
  return convert(scalar);
}

bool is_hex_digit(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

std::optional<int64_t> parse_hex_long(std::string_view digits, bool negative) {
  if (digits.empty()) return std::nullopt;
  for (char c : digits)
    if (!is_hex_digit(c)) return std::nullopt;
  // Hex text is the bit pattern: 0xFFFFFFFFFFFFFFFF is -1, as Kusto's long(0x...) literals read.
  uint64_t bits = 0;
  auto res = std::from_chars(digits.data(), digits.data() + digits.size(), bits, 16);
  if (res.ec != std::errc() || res.ptr != digits.data() + digits.size()) return std::nullopt;
  auto value = static_cast<int64_t>(bits);
  return negative ? static_cast<int64_t>(0 - bits) : value;
}

}  // namespace

// ---------------------------------------------------------------- text

std::optional<bool> parse_bool_text(std::string_view text) {
  text = trim_ascii(text);
  if (equals_ignore_case(text, "true")) return true;
  if (equals_ignore_case(text, "false")) return false;
  // An integer reads as a number would: non-zero is true. (tobool(1) is true, see the Kusto
  // reference page "tobool()".)
  size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  if (i == text.size()) return std::nullopt;
  for (size_t k = i; k < text.size(); ++k)
    if (text[k] < '0' || text[k] > '9') return std::nullopt;
  return text.find_first_not_of("0", i) != std::string_view::npos;
}

std::optional<int64_t> parse_long_text(std::string_view text) {
  text = trim_ascii(text);
  if (text.empty()) return std::nullopt;
  bool negative = text[0] == '-';
  std::string_view body = (text[0] == '-' || text[0] == '+') ? text.substr(1) : text;
  if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) return parse_hex_long(body.substr(2), negative);
  bool all_digits = !body.empty();
  for (char c : body) all_digits = all_digits && c >= '0' && c <= '9';
  if (all_digits) {
    int64_t v = 0;
    auto res = std::from_chars(text.data() + (text[0] == '+' ? 1 : 0), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size()) return std::nullopt;
    return v;
  }
  // "1.5" and "1e3" read as a real, then truncate as tolong(1.5) does.
  auto real = parse_real_text(text);
  if (!real) return std::nullopt;
  return real_to_long(*real);
}

std::optional<double> parse_real_text(std::string_view text) {
  text = trim_ascii(text);
  if (text.empty()) return std::nullopt;
  std::string_view body = text;
  bool negative = false;
  if (body[0] == '+' || body[0] == '-') {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (equals_ignore_case(body, "nan")) return std::numeric_limits<double>::quiet_NaN();
  if (equals_ignore_case(body, "inf") || equals_ignore_case(body, "infinity"))
    return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  // Only the plain decimal grammar: from_chars alone would also take "1e" prefixes of longer
  // text and hex forms, so check the shape first. Digits, optional '.', optional exponent.
  size_t i = 0, mantissa_digits = 0;
  while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++mantissa_digits;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++mantissa_digits;
  }
  if (mantissa_digits == 0) return std::nullopt;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (i != body.size()) return std::nullopt;
  double v = 0;
  auto res = std::from_chars(body.data(), body.data() + body.size(), v);
  if (res.ec == std::errc::result_out_of_range) {
    // Beyond the double range: overflow is infinite and underflow is zero, as .NET reads them.
    bool tiny = body.find_first_of("eE") != std::string_view::npos &&
                body[body.find_first_of("eE") + 1] == '-';
    v = tiny ? 0.0 : std::numeric_limits<double>::infinity();
  } else if (res.ec != std::errc()) {
    return std::nullopt;
  }
  return negative ? -v : v;
}

std::optional<int64_t> real_to_long(double v) {
  if (!std::isfinite(v)) return std::nullopt;
  double t = std::trunc(v);
  // 2^63 is exactly representable; anything at or past it does not fit.
  if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) return std::nullopt;
  return static_cast<int64_t>(t);
}

// ---------------------------------------------------------------- dynamic

Value scalar_of(const DynValue& d) {
  switch (d.kind()) {
    case DynValue::Kind::Bool: return Value::of_bool(d.as_bool());
    case DynValue::Kind::Long: return Value::of_long(d.as_long());
    case DynValue::Kind::Real: return Value::of_real(d.as_real());
    case DynValue::Kind::Decimal: return Value::of_decimal(d.as_real());
    case DynValue::Kind::String: return Value::of_string(d.as_string());
    case DynValue::Kind::DateTime: return Value::of_datetime(d.as_long());
    case DynValue::Kind::TimeSpan: return Value::of_timespan(d.as_long());
    case DynValue::Kind::Guid: return Value::of_guid(d.as_guid());
    case DynValue::Kind::Null:
    case DynValue::Kind::Array:
    case DynValue::Kind::Object: break;
  }
  return Value::null(ScalarType::Dynamic);
}

// ---------------------------------------------------------------- values

std::optional<bool> to_bool(const Value& v) {
  if (v.is_null()) return std::nullopt;
  switch (v.type) {
    case ScalarType::Bool: return v.as_bool();
    case ScalarType::Int: return v.as_int() != 0;
    case ScalarType::Long: return v.as_long() != 0;
    case ScalarType::Real:
      if (std::isnan(v.as_real())) return std::nullopt;
      return v.as_real() != 0;
    case ScalarType::Decimal: return decimal_of(v) != 0;
    case ScalarType::String: return parse_bool_text(v.as_string());
    case ScalarType::Dynamic: return through_dynamic(v, [](const Value& s) { return to_bool(s); });
    default: return std::nullopt;
  }
}

std::optional<int64_t> to_long(const Value& v) {
  if (v.is_null()) return std::nullopt;
  switch (v.type) {
    case ScalarType::Bool: return v.as_bool() ? 1 : 0;
    case ScalarType::Int: return v.as_int();
    case ScalarType::Long: return v.as_long();
    case ScalarType::Real: return real_to_long(v.as_real());
    case ScalarType::Decimal: return real_to_long(decimal_of(v));
    case ScalarType::String: return parse_long_text(v.as_string());
    // A datetime becomes .NET's tick count (from 0001-01-01), a timespan its ticks.
    case ScalarType::DateTime: return v.as_long() + kDotNetTicksAtUnixEpoch;
    case ScalarType::TimeSpan: return v.as_long();
    case ScalarType::Dynamic: return through_dynamic(v, [](const Value& s) { return to_long(s); });
    default: return std::nullopt;
  }
}

std::optional<int32_t> to_int(const Value& v) {
  if (v.is_null()) return std::nullopt;
  switch (v.type) {
    case ScalarType::Int: return v.as_int();
    // A long wraps to its low 32 bits, as .NET's unchecked conversion does.
    case ScalarType::Long: return static_cast<int32_t>(static_cast<uint32_t>(v.as_long()));
    case ScalarType::Dynamic: return through_dynamic(v, [](const Value& s) { return to_int(s); });
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: return std::nullopt;
    default: break;
  }
  auto l = to_long(v);
  if (!l || *l < std::numeric_limits<int32_t>::min() || *l > std::numeric_limits<int32_t>::max())
    return std::nullopt;
  return static_cast<int32_t>(*l);
}

std::optional<double> to_real(const Value& v) {
  if (v.is_null()) return std::nullopt;
  switch (v.type) {
    case ScalarType::Bool: return v.as_bool() ? 1.0 : 0.0;
    case ScalarType::Int: return static_cast<double>(v.as_int());
    case ScalarType::Long: return static_cast<double>(v.as_long());
    case ScalarType::Real: return v.as_real();
    case ScalarType::Decimal: return decimal_of(v);
    case ScalarType::String: return parse_real_text(v.as_string());
    case ScalarType::Dynamic: return through_dynamic(v, [](const Value& s) { return to_real(s); });
    default: return std::nullopt;
  }
}

std::optional<double> to_decimal(const Value& v) {
  auto r = to_real(v);
  // .NET decimals have no NaN or infinity.
  if (!r || !std::isfinite(*r)) return std::nullopt;
  return r;
}

std::optional<int64_t> to_datetime(const Value& v) {
  if (v.is_null()) return std::nullopt;
  switch (v.type) {
    case ScalarType::DateTime: return v.as_long();
    case ScalarType::String: return parse_datetime(v.as_string());
    case ScalarType::Dynamic: return through_dynamic(v, [](const Value& s) { return to_datetime(s); });
    default: return std::nullopt;
  }
}

std::optional<int64_t> to_timespan(const Value& v) {
  if (v.is_null()) return std::nullopt;
  switch (v.type) {
    case ScalarType::TimeSpan: return v.as_long();
    case ScalarType::String: return parse_timespan(v.as_string());
    case ScalarType::Dynamic: return through_dynamic(v, [](const Value& s) { return to_timespan(s); });
    default: return std::nullopt;
  }
}

std::optional<Guid> to_guid(const Value& v) {
  if (v.is_null()) return std::nullopt;
  switch (v.type) {
    case ScalarType::Guid: return v.as_guid();
    case ScalarType::String: return parse_guid_lenient(v.as_string());
    case ScalarType::Dynamic: return through_dynamic(v, [](const Value& s) { return to_guid(s); });
    default: return std::nullopt;
  }
}

}  // namespace huntdb
