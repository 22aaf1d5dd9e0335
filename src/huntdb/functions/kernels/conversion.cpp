// The conversion functions: tostring, toint, tolong, toreal/todouble, todecimal,
// tobool/toboolean, todatetime, totimespan (totime), toguid, tohex and gettype. The to*()
// functions are convert_column (Kusto's rules live in types/convert.h); a value that does not
// convert is null.
#include <limits>
#include <string>

#include "huntdb/functions/kernels/convert_column.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

namespace {

// Every to<type>() is the one-argument conversion to the call's result type.
ColumnPtr to_kernel(const KernelArgs& a) { return convert_column(a.ptr(0), a.result); }

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
    {"todatetime", to_kernel}, {"totimespan", to_kernel}, {"toguid", to_kernel},     {"tohex", tohex_kernel},
    {"gettype", gettype_kernel},
};

}  // namespace

void attach_conversion_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
