// The conversion functions: tostring, toint, tolong, toreal/todouble, todecimal,
// tobool/toboolean, todatetime, totimespan (totime), toguid, tohex and gettype. The to*()
// functions are convert_column (Kusto's rules live in types/convert.h); a value that does not
// convert is null.
#include <limits>
#include <optional>
#include <string>

#include "huntdb/functions/kernels/calendar.h"
#include "huntdb/functions/kernels/convert_column.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/text_scanner.h"

namespace huntdb::functions {

namespace {

// Every to<type>() is the one-argument conversion to the call's result type.
ColumnPtr to_kernel(const KernelArgs& a) { return convert_column(a.ptr(0), a.result); }

// A time of day alone ("19:01:00.7654321", "8:05"): hours 0-23, minutes, optional seconds and
// fraction, nothing else.
std::optional<int64_t> time_of_day(std::string_view text) {
  text = trim_ascii(text);
  size_t colons = 0, hour_digits = 0;
  for (char c : text) {
    if (c == ':') {
      ++colons;
    } else if (c == '.') {
      if (colons < 2) return std::nullopt;  // a '.' before the seconds would be a day count
    } else if (c < '0' || c > '9') {
      return std::nullopt;
    } else if (colons == 0) {
      ++hour_digits;
    }
  }
  if (colons < 1 || colons > 2 || hour_digits < 1 || hour_digits > 2) return std::nullopt;
  auto ticks = parse_timespan(text);
  if (!ticks || *ticks < 0 || *ticks >= kTicksPerDay) return std::nullopt;
  return ticks;
}

// todatetime(): the conversion, except that text holding only a time of day is that time on the
// query's current (UTC) date. Kusto reads such text with .NET's DateTime.Parse, which fills in
// today's date when the text has none ("If s contains no date information, the current date is
// used"); the hunting corpus compares hours of todatetime('19:01:00.7654321').
ColumnPtr todatetime_kernel(const KernelArgs& a) {
  ColumnPtr converted = convert_column(a.ptr(0), ScalarType::DateTime);
  if (a[0].type() != ScalarType::String) return converted;
  bool any_null = converted->is_constant() ? converted->constant().is_null() : !converted->validity().all_valid();
  if (!any_null) return converted;
  int64_t today = calendar::start_of_day(a.ctx ? a.ctx->now : 0);
  StringReader text(a[0]);
  LongReader parsed(*converted);
  LongWriter w(ScalarType::DateTime, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    if (!parsed.null(i)) {
      w.set(i, parsed.get(i));
    } else if (auto t = time_of_day(text.get(i))) {
      w.set(i, today + *t);
    } else {
      w.set_null(i);
    }
  }
  return w.finish();
}

// tohex(value [, minLength]): the two's complement of the value in lowercase hex, 32 bits wide
// for an int and 64 bits for a long, zero-padded to minLength (reference page "tohex()":
// tohex(-256) is ffffffffffffff00, tohex(toint(-256), 8) is ffffff00).
ColumnPtr tohex_kernel(const KernelArgs& a) {
  bool is_int = a[0].type() == ScalarType::Int;
  LongReader value(a[0]);
  bool has_min = a.size() > 1;
  LongReader min_length(has_min ? a[1] : a[0]);
  StringWriter w(a.rows, a.rows * 8);
  static constexpr char kDigits[] = "0123456789abcdef";
  for (size_t i = 0; i < a.rows; ++i) {
    if (value.null(i)) {
      w.end_row();
      continue;
    }
    uint64_t bits = is_int ? static_cast<uint32_t>(value.get(i)) : static_cast<uint64_t>(value.get(i));
    char buf[16];
    int n = 0;
    do {
      buf[15 - n++] = kDigits[bits & 15];
      bits >>= 4;
    } while (bits != 0);
    std::string& out = w.text();
    if (has_min && !min_length.null(i)) {
      int64_t pad = min_length.get(i) - n;
      // Pads beyond any hex length are as wide as asked; cap them to keep a bad value harmless.
      if (pad > 0) out.append(static_cast<size_t>(pad < 1024 ? pad : 1024), '0');
    }
    out.append(buf + 16 - n, static_cast<size_t>(n));
    w.end_row();
  }
  return w.finish();
}

// The run-time type name of a dynamic value (reference page "gettype()"): a dynamic integer that
// fits in 32 bits is an "int", a property bag a "dictionary", an empty value "null".
std::string_view dynamic_type_name(const DynValue* d) {
  if (!d) return "null";
  switch (d->kind()) {
    case DynValue::Kind::Null: return "null";
    case DynValue::Kind::Bool: return "bool";
    case DynValue::Kind::Long: {
      int64_t v = d->as_long();
      return v >= std::numeric_limits<int32_t>::min() && v <= std::numeric_limits<int32_t>::max() ? "int" : "long";
    }
    case DynValue::Kind::Real: return "real";
    case DynValue::Kind::Decimal: return "decimal";
    case DynValue::Kind::String: return "string";
    case DynValue::Kind::DateTime: return "datetime";
    case DynValue::Kind::TimeSpan: return "timespan";
    case DynValue::Kind::Guid: return "guid";
    case DynValue::Kind::Array: return "array";
    case DynValue::Kind::Object: return "dictionary";
  }
  return "null";
}

ColumnPtr gettype_kernel(const KernelArgs& a) {
  ScalarType t = a[0].type();
  if (t != ScalarType::Dynamic) return Column::make_constant(Value::of_string(std::string(type_name(t))), a.rows);
  DynamicReader r(a[0]);
  StringWriter w(a.rows, a.rows * 6);
  for (size_t i = 0; i < a.rows; ++i) w.add(dynamic_type_name(r.get(i)));
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {"tostring", to_kernel},   {"toint", to_kernel},     {"tolong", to_kernel},      {"toreal", to_kernel},
    {"todouble", to_kernel},   {"todecimal", to_kernel}, {"tobool", to_kernel},      {"toboolean", to_kernel},
    {"todatetime", todatetime_kernel}, {"totimespan", to_kernel}, {"toguid", to_kernel},     {"tohex", tohex_kernel},
    {"gettype", gettype_kernel},
};

}  // namespace

void attach_conversion_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
