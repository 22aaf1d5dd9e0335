#include "huntdb/analyze/literal_value.h"

#include "huntdb/kql/literals.h"
#include "huntdb/types/convert.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/literal.h"

namespace huntdb::analyze {

std::optional<Value> literal_value(kql::LiteralKind kind, std::string_view text) {
  using kql::LiteralKind;
  if (kind == LiteralKind::String || kind == LiteralKind::Token) return Value::of_string(kql::decode_string_literal(text));
  // datetime(2025, 6, 14[, 13, 30, 0]): a date given by its parts.
  if (kind == LiteralKind::DateTime && text.find(',') != std::string_view::npos) {
    size_t open = text.find('(');
    std::string_view inner = text.substr(open + 1, text.size() - open - 2);
    int parts[6] = {0, 1, 1, 0, 0, 0};
    int n = 0;
    while (!inner.empty() && n < 6) {
      size_t comma = inner.find(',');
      std::string_view piece = inner.substr(0, comma);
      while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
      while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
      auto v = parse_long_text(piece);
      if (!v) return std::nullopt;
      parts[n++] = static_cast<int>(*v);
      if (comma == std::string_view::npos) break;
      inner.remove_prefix(comma + 1);
    }
    if (n < 3 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > days_in_month(parts[0], parts[1]) ||
        parts[3] > 23 || parts[4] > 59 || parts[5] > 59 || parts[0] < 1 || parts[0] > 9999)
      return std::nullopt;
    return Value::of_datetime(ticks_from_civil({parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], 0}));
  }
  // Typed forms: long(5), datetime(...), -time(1:00:00) (a sign may precede the wrapper).
  if (text.find('(') != std::string_view::npos) {
    bool negative = !text.empty() && text[0] == '-';
    std::string_view body = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? text.substr(1) : text;
    auto v = parse_typed_literal(body);
    if (!v || !negative || v->is_null()) return v;
    switch (v->type) {
      case ScalarType::Int: return Value::of_int(-v->as_int());
      case ScalarType::Long: return Value::of_long(-v->as_long());
      case ScalarType::TimeSpan: return Value::of_timespan(-v->as_long());
      case ScalarType::Real: return Value::of_real(-v->as_real());
      case ScalarType::Decimal: return Value::of_decimal(-std::get<Decimal>(v->data).value);
      default: return std::nullopt;
    }
  }
  switch (kind) {
    case LiteralKind::Bool: {
      auto b = parse_bool_text(text);
      if (!b) return std::nullopt;
      return Value::of_bool(*b);
    }
    case LiteralKind::Int:
    case LiteralKind::Long: {
      if (text.find_first_of(".eE") != std::string_view::npos && text.find_first_of("xX") == std::string_view::npos)
        return std::nullopt;
      auto n = parse_long_text(text);
      if (!n) return std::nullopt;
      return kind == LiteralKind::Int ? Value::of_int(static_cast<int32_t>(*n)) : Value::of_long(*n);
    }
    case LiteralKind::Real:
    case LiteralKind::Decimal: {
      auto d = parse_real_text(text);
      if (!d) return std::nullopt;
      return kind == LiteralKind::Real ? Value::of_real(*d) : Value::of_decimal(*d);
    }
    case LiteralKind::TimeSpan: {
      auto t = parse_timespan(text);
      if (!t) return std::nullopt;
      return Value::of_timespan(*t);
    }
    case LiteralKind::DateTime: {
      auto t = parse_datetime(text);
      if (!t) return std::nullopt;
      return Value::of_datetime(*t);
    }
    default:
      return std::nullopt;
  }
}

}  // namespace huntdb::analyze
