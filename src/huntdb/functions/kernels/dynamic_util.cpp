#include "huntdb/functions/kernels/dynamic_util.h"

#include <cmath>

#include "huntdb/types/convert.h"
#include "huntdb/types/format.h"

namespace huntdb::functions {

namespace {

DynamicPtr flat_row_as_dynamic(const Column& c, size_t r) {
  if (c.is_null(r)) return c.type() == ScalarType::Dynamic ? nullptr : DynValue::null();
  switch (c.type()) {
    case ScalarType::Bool: return DynValue::of_bool(c.bools()[r] != 0);
    case ScalarType::Int: return DynValue::of_long(c.ints()[r]);
    case ScalarType::Long: return DynValue::of_long(c.longs()[r]);
    case ScalarType::Real: return DynValue::of_real(c.reals()[r]);
    case ScalarType::Decimal: return DynValue::of_decimal(c.reals()[r]);
    case ScalarType::String: return DynValue::of_string(std::string(c.string_at(r)));
    case ScalarType::DateTime: return DynValue::of_datetime(c.longs()[r]);
    case ScalarType::TimeSpan: return DynValue::of_timespan(c.longs()[r]);
    case ScalarType::Guid: return DynValue::of_guid(c.guids()[r]);
    case ScalarType::Dynamic: return c.dynamics()[r];
    case ScalarType::Unknown: break;
  }
  return DynValue::null();
}

// Rank of a kind in the cross-kind order of compare_dynamic().
int kind_rank(DynValue::Kind k) {
  switch (k) {
    case DynValue::Kind::Long:
    case DynValue::Kind::Real:
    case DynValue::Kind::Decimal: return 0;
    case DynValue::Kind::DateTime: return 1;
    case DynValue::Kind::TimeSpan: return 2;
    case DynValue::Kind::String: return 3;
    case DynValue::Kind::Guid: return 4;
    case DynValue::Kind::Bool: return 5;
    case DynValue::Kind::Array:
    case DynValue::Kind::Object: return 6;
    case DynValue::Kind::Null: return 7;
  }
  return 7;
}

int sign(int64_t v) { return v < 0 ? -1 : (v > 0 ? 1 : 0); }

}  // namespace

AsDynamicReader::AsDynamicReader(const Column& c) : c_(c) {
  if (c.is_constant()) {
    const Value& v = c.constant();
    if (v.type == ScalarType::Dynamic) {
      constant_ = v.is_null() ? nullptr : v.as_dynamic();
    } else {
      constant_ = DynValue::from_value(v);
    }
  } else if (c.is_dictionary()) {
    flat_ = &c.dictionary();
    codes_ = c.codes().data();
  } else {
    flat_ = &c;
  }
}

DynamicPtr AsDynamicReader::get(size_t i) const {
  if (!flat_) return constant_;
  if (codes_) {
    if (!c_.validity().valid(i)) return c_.type() == ScalarType::Dynamic ? nullptr : DynValue::null();
    return flat_row_as_dynamic(*flat_, codes_[i]);
  }
  return flat_row_as_dynamic(*flat_, i);
}

int compare_dynamic(const DynValue& a, const DynValue& b) {
  int ra = kind_rank(a.kind()), rb = kind_rank(b.kind());
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.kind()) {
    case DynValue::Kind::Long:
    case DynValue::Kind::Real:
    case DynValue::Kind::Decimal: {
      if (a.kind() == DynValue::Kind::Long && b.kind() == DynValue::Kind::Long) {
        int64_t x = a.as_long(), y = b.as_long();
        return x < y ? -1 : (x > y ? 1 : 0);
      }
      double x = a.kind() == DynValue::Kind::Long ? static_cast<double>(a.as_long()) : a.as_real();
      double y = b.kind() == DynValue::Kind::Long ? static_cast<double>(b.as_long()) : b.as_real();
      // NaN sorts after every number.
      if (std::isnan(x) || std::isnan(y)) return std::isnan(x) - std::isnan(y);
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    case DynValue::Kind::DateTime:
    case DynValue::Kind::TimeSpan: {
      int64_t x = a.as_long(), y = b.as_long();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    case DynValue::Kind::String: return sign(a.as_string().compare(b.as_string()));
    case DynValue::Kind::Guid: return a.as_guid() < b.as_guid() ? -1 : (a.as_guid() == b.as_guid() ? 0 : 1);
    case DynValue::Kind::Bool: return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case DynValue::Kind::Array:
    case DynValue::Kind::Object: return sign(to_json(a).compare(to_json(b)));
    case DynValue::Kind::Null: return 0;
  }
  return 0;
}

std::string dynamic_key(const DynValue& v) {
  // The kind tells apart values whose JSON text is the same (the string "1" and the number 1).
  std::string key(1, static_cast<char>('a' + static_cast<int>(v.kind())));
  if (v.kind() == DynValue::Kind::String) {
    key.append(v.as_string());
  } else {
    append_json(key, v);
  }
  return key;
}

std::optional<int64_t> dynamic_as_long(const DynValue* v) {
  if (!v) return std::nullopt;
  switch (v->kind()) {
    case DynValue::Kind::Long: return v->as_long();
    case DynValue::Kind::Real:
    case DynValue::Kind::Decimal: return real_to_long(v->as_real());
    case DynValue::Kind::String: return parse_long_text(v->as_string());
    default: return std::nullopt;
  }
}

Value convert_scalar(const Value& v, ScalarType to) {
  if (v.is_null() || v.type == to) return v.is_null() ? Value::null(to) : v;
  auto wrap = [&](auto x, auto make) { return x ? make(*x) : Value::null(to); };
  switch (to) {
    case ScalarType::Bool: return wrap(to_bool(v), Value::of_bool);
    case ScalarType::Int: return wrap(to_int(v), Value::of_int);
    case ScalarType::Long: return wrap(to_long(v), Value::of_long);
    case ScalarType::Real: return wrap(to_real(v), Value::of_real);
    case ScalarType::Decimal: return wrap(to_decimal(v), Value::of_decimal);
    case ScalarType::DateTime: return wrap(to_datetime(v), Value::of_datetime);
    case ScalarType::TimeSpan: return wrap(to_timespan(v), Value::of_timespan);
    case ScalarType::Guid: return wrap(to_guid(v), Value::of_guid);
    case ScalarType::String: return Value::of_string(format_value(v));
    case ScalarType::Dynamic:
    case ScalarType::Unknown: return v.type == ScalarType::Dynamic ? v : Value::of_dynamic(DynValue::from_value(v));
  }
  return Value::null(to);
}

}  // namespace huntdb::functions
