#include "huntdb/functions/kernels/convert_column.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <type_traits>

#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/convert.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/format.h"
#include "huntdb/types/guid.h"
#include "huntdb/types/number_format.h"

namespace huntdb::functions {

namespace {

// A column of `to` from one optional value per row: one(i) -> std::optional<T>.
template <typename T, typename F>
ColumnPtr fill(ScalarType to, size_t n, F one) {
  ValueWriter<T> w(to, n);
  for (size_t i = 0; i < n; ++i) {
    std::optional<T> v = one(i);
    if (v) {
      w.set(i, static_cast<T>(*v));
    } else {
      w.set_null(i);
    }
  }
  return w.finish();
}

std::optional<int32_t> int_of_long(std::optional<int64_t> v) {
  if (!v || *v < std::numeric_limits<int32_t>::min() || *v > std::numeric_limits<int32_t>::max()) return std::nullopt;
  return static_cast<int32_t>(*v);
}

// ---------------------------------------------------------------- to string

void append_long(std::string& out, int64_t v) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, res.ptr);
}

// tostring() of a flat (or constant-free) column of any type, without boxing the rows.
ColumnPtr strings_of(const Column& c) {
  size_t n = c.size();
  StringWriter w(n, n * 8);
  std::string& out = w.text();
  switch (c.type()) {
    case ScalarType::Bool: {
      BoolReader r(c);
      for (size_t i = 0; i < n; ++i) {
        if (!r.null(i)) out.append(r.get(i) ? "true" : "false");
        w.end_row();
      }
      break;
    }
    case ScalarType::Int:
    case ScalarType::Long: {
      LongReader r(c);
      for (size_t i = 0; i < n; ++i) {
        if (!r.null(i)) append_long(out, r.get(i));
        w.end_row();
      }
      break;
    }
    case ScalarType::Real:
    case ScalarType::Decimal: {
      RealReader r(c);
      bool decimal = c.type() == ScalarType::Decimal;
      for (size_t i = 0; i < n; ++i) {
        if (!r.null(i)) {
          if (decimal) {
            out.append(format_decimal(r.get(i)));
          } else {
            append_real(out, r.get(i));
          }
        }
        w.end_row();
      }
      break;
    }
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: {
      LongReader r(c);
      bool datetime = c.type() == ScalarType::DateTime;
      for (size_t i = 0; i < n; ++i) {
        if (!r.null(i)) out.append(datetime ? format_datetime_iso(r.get(i)) : format_timespan(r.get(i)));
        w.end_row();
      }
      break;
    }
    case ScalarType::Dynamic: {
      DynamicReader r(c);
      for (size_t i = 0; i < n; ++i) {
        const DynValue* d = r.get(i);
        if (d && !d->is_null()) {
          if (d->kind() == DynValue::Kind::String) {
            out.append(d->as_string());
          } else {
            out.append(format_dynamic(*d));
          }
        }
        w.end_row();
      }
      break;
    }
    default:
      // Guids and anything rarer.
      for (size_t i = 0; i < n; ++i) {
        append_value(out, c.value_at(i));
        w.end_row();
      }
      break;
  }
  return w.finish();
}

// ---------------------------------------------------------------- from string

// Text to each type, by types/convert.h's rules for strings.
std::optional<int32_t> text_to_int(std::string_view s) { return int_of_long(parse_long_text(s)); }
std::optional<double> text_to_decimal(std::string_view s) {
  auto v = parse_real_text(s);
  if (!v || !std::isfinite(*v)) return std::nullopt;
  return v;
}

// Calls f(T{}, parse) with the text parser of `to` (not string or dynamic).
template <typename F>
ColumnPtr with_text_parser(ScalarType to, F f) {
  switch (to) {
    case ScalarType::Bool: return f(uint8_t{}, parse_bool_text);
    case ScalarType::Int: return f(int32_t{}, text_to_int);
    case ScalarType::Long: return f(int64_t{}, parse_long_text);
    case ScalarType::Real: return f(double{}, parse_real_text);
    case ScalarType::Decimal: return f(double{}, text_to_decimal);
    case ScalarType::DateTime: return f(int64_t{}, parse_datetime);
    case ScalarType::TimeSpan: return f(int64_t{}, parse_timespan);
    case ScalarType::Guid: return f(Guid{}, parse_guid_lenient);
    default: return nullptr;
  }
}

ColumnPtr from_strings(const Column& c, ScalarType to) {
  size_t n = c.size();
  StringReader s(c);
  ColumnPtr out = with_text_parser(to, [&](auto type, auto parse) {
    using T = decltype(type);
    return fill<T>(to, n, [&](size_t i) { return parse(s.get(i)); });
  });
  if (out) return out;
  std::vector<DynamicPtr> dyn(n);
  for (size_t i = 0; i < n; ++i) dyn[i] = DynValue::of_string(std::string(s.get(i)));
  return Column::make_dynamics(std::move(dyn));
}

// The payload of a non-null Value of a fixed-width type.
template <typename T>
T payload(const Value& v) {
  if constexpr (std::is_same_v<T, uint8_t>) {
    return v.as_bool() ? 1 : 0;
  } else if constexpr (std::is_same_v<T, int32_t>) {
    return v.as_int();
  } else if constexpr (std::is_same_v<T, int64_t>) {
    return v.as_long();
  } else if constexpr (std::is_same_v<T, double>) {
    return v.type == ScalarType::Decimal ? std::get<Decimal>(v.data).value : v.as_real();
  } else {
    return v.as_guid();
  }
}

// Dynamic values to a fixed-width type: a string inside converts by the text rules without
// being copied out; other scalars go through types/convert.h; arrays and bags are null.
ColumnPtr from_dynamics(const Column& c, ScalarType to) {
  DynamicReader r(c);
  return with_text_parser(to, [&](auto type, auto parse) {
    using T = decltype(type);
    return fill<T>(to, c.size(), [&](size_t i) -> std::optional<T> {
      const DynValue* d = r.get(i);
      if (!d || d->is_null()) return std::nullopt;
      if (d->kind() == DynValue::Kind::String) {
        auto v = parse(std::string_view(d->as_string()));
        if (!v) return std::nullopt;
        return static_cast<T>(*v);
      }
      Value v = convert_value(scalar_of(*d), to);
      if (v.is_null()) return std::nullopt;
      return payload<T>(v);
    });
  });
}

// ---------------------------------------------------------------- between numbers

// Numbers (and bools) to numbers, the common case of widening and narrowing.
ColumnPtr numbers_to_numbers(const Column& c, ScalarType to) {
  size_t n = c.size();
  bool from_real = c.type() == ScalarType::Real || c.type() == ScalarType::Decimal;
  if (from_real) {
    RealReader r(c);
    switch (to) {
      case ScalarType::Bool:
        return fill<uint8_t>(to, n, [&](size_t i) -> std::optional<uint8_t> {
          if (r.null(i) || std::isnan(r.get(i))) return std::nullopt;
          return r.get(i) != 0;
        });
      case ScalarType::Int:
        return fill<int32_t>(to, n, [&](size_t i) -> std::optional<int32_t> {
          if (r.null(i)) return std::nullopt;
          return int_of_long(real_to_long(r.get(i)));
        });
      case ScalarType::Long:
        return fill<int64_t>(to, n, [&](size_t i) -> std::optional<int64_t> {
          if (r.null(i)) return std::nullopt;
          return real_to_long(r.get(i));
        });
      default:
        return fill<double>(to, n, [&](size_t i) -> std::optional<double> {
          if (r.null(i) || (to == ScalarType::Decimal && !std::isfinite(r.get(i)))) return std::nullopt;
          return r.get(i);
        });
    }
  }
  LongReader r(c);
  switch (to) {
    case ScalarType::Bool:
      return fill<uint8_t>(to, n, [&](size_t i) -> std::optional<uint8_t> {
        if (r.null(i)) return std::nullopt;
        return r.get(i) != 0;
      });
    case ScalarType::Int:
      // A long wraps to its low 32 bits (types/convert.h's to_int).
      return fill<int32_t>(to, n, [&](size_t i) -> std::optional<int32_t> {
        if (r.null(i)) return std::nullopt;
        return static_cast<int32_t>(static_cast<uint32_t>(r.get(i)));
      });
    case ScalarType::Long:
      return fill<int64_t>(to, n, [&](size_t i) -> std::optional<int64_t> {
        if (r.null(i)) return std::nullopt;
        return r.get(i);
      });
    default:
      return fill<double>(to, n, [&](size_t i) -> std::optional<double> {
        if (r.null(i)) return std::nullopt;
        return static_cast<double>(r.get(i));
      });
  }
}

bool is_number_like(ScalarType t) { return is_numeric(t) || t == ScalarType::Bool; }

// Row by row through boxed values: dynamic sources (already boxed trees) and the rare pairs.
ColumnPtr by_values(const Column& c, ScalarType to) {
  size_t n = c.size();
  if (to == ScalarType::Dynamic) {
    std::vector<DynamicPtr> out(n);
    for (size_t i = 0; i < n; ++i) {
      Value v = c.value_at(i);
      if (!v.is_null()) out[i] = DynValue::from_value(v);
    }
    return Column::make_dynamics(std::move(out));
  }
  ColumnBuilder b(to, n);
  for (size_t i = 0; i < n; ++i) b.append_value(convert_value(c.value_at(i), to));
  return b.finish();
}

ColumnPtr convert_flat(const Column& c, ScalarType to) {
  ScalarType from = c.type();
  if (to == ScalarType::String) return strings_of(c);
  if (from == ScalarType::String) return from_strings(c, to);
  if (from == ScalarType::Dynamic && to != ScalarType::Dynamic) return from_dynamics(c, to);
  if (is_number_like(from) && is_number_like(to)) return numbers_to_numbers(c, to);
  // datetime/timespan to long: .NET's tick count of a datetime, a timespan's ticks.
  if ((from == ScalarType::DateTime || from == ScalarType::TimeSpan) && to == ScalarType::Long) {
    LongReader r(c);
    int64_t shift = from == ScalarType::DateTime ? kDotNetTicksAtUnixEpoch : 0;
    return fill<int64_t>(to, c.size(), [&](size_t i) -> std::optional<int64_t> {
      if (r.null(i)) return std::nullopt;
      return r.get(i) + shift;
    });
  }
  return by_values(c, to);
}

}  // namespace

Value convert_value(const Value& v, ScalarType to) {
  if (v.is_null()) return Value::null(to);
  switch (to) {
    case ScalarType::Bool: {
      auto x = to_bool(v);
      return x ? Value::of_bool(*x) : Value::null(to);
    }
    case ScalarType::Int: {
      auto x = to_int(v);
      return x ? Value::of_int(*x) : Value::null(to);
    }
    case ScalarType::Long: {
      auto x = to_long(v);
      return x ? Value::of_long(*x) : Value::null(to);
    }
    case ScalarType::Real: {
      auto x = to_real(v);
      return x ? Value::of_real(*x) : Value::null(to);
    }
    case ScalarType::Decimal: {
      auto x = to_decimal(v);
      return x ? Value::of_decimal(*x) : Value::null(to);
    }
    case ScalarType::DateTime: {
      auto x = to_datetime(v);
      return x ? Value::of_datetime(*x) : Value::null(to);
    }
    case ScalarType::TimeSpan: {
      auto x = to_timespan(v);
      return x ? Value::of_timespan(*x) : Value::null(to);
    }
    case ScalarType::Guid: {
      auto x = to_guid(v);
      return x ? Value::of_guid(*x) : Value::null(to);
    }
    case ScalarType::String: return Value::of_string(format_value(v));
    case ScalarType::Dynamic:
    case ScalarType::Unknown:
      if (v.type == ScalarType::Dynamic) return v;
      return Value::of_dynamic(DynValue::from_value(v));
  }
  return Value::null(to);
}

ColumnPtr convert_column(const ColumnPtr& x, ScalarType to) {
  if (x->type() == to || to == ScalarType::Unknown) return x;
  size_t n = x->size();
  if (x->is_constant()) return Column::make_constant(convert_value(x->constant(), to), n);
  if (x->is_dictionary()) {
    // Convert each distinct value once, then spread by the codes.
    ColumnPtr d = convert_column(x->dictionary_ptr(), to);
    if (x->validity().all_valid()) {
      if (to == ScalarType::String)
        return Column::make_dictionary(Column::flatten(d), std::vector<uint32_t>(x->codes().begin(), x->codes().end()));
      return Column::take(d, x->codes());
    }
    return convert_flat(*Column::flatten(x), to);
  }
  return convert_flat(*x, to);
}

}  // namespace huntdb::functions
