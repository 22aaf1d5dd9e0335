// Text to dynamic values and back: parse_json (parsejson, todynamic, toobject), parse_xml,
// extract_json (extractjson) and dynamic_to_json.
#include <algorithm>

#include "huntdb/functions/kernels/dynamic_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/json_path.h"
#include "huntdb/types/convert.h"
#include "huntdb/types/format.h"

namespace huntdb::functions {

namespace {

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// parse_json of one text (the Kusto reference page "parse_json()"): JSON text becomes its value,
// any other text a dynamic string holding it. An empty text (Kusto's "no value" string) and a
// JSON null are null.
DynamicPtr parse_json_text(std::string_view text) {
  if (blank(text)) return nullptr;
  auto parsed = parse_json(text);
  if (!parsed) return DynValue::of_string(std::string(text));
  if (!*parsed || (*parsed)->is_null()) return nullptr;
  return std::move(*parsed);
}

ColumnPtr parse_json_kernel(const KernelArgs& a) {
  // "If json is of type dynamic, its value is used as-is."
  if (a[0].type() == ScalarType::Dynamic) return a.ptr(0);
  StringReader r(a[0]);
  DynamicWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) w.set(i, parse_json_text(r.get(i)));
  return w.finish();
}

// ---------------------------------------------------------------- extract_json

// The text extract_json gives for an element: a string is itself, anything else its JSON text.
void append_element_text(std::string& out, const DynValue& v) {
  if (v.kind() == DynValue::Kind::String) {
    out.append(v.as_string());
  } else if (!v.is_null()) {
    append_json(out, v);
  }
}

// extract_json(path, text[, typeof(T)]) (the Kusto reference page "extract_json()"): the element
// the path selects, as a string, or converted to T; null (empty for string) when the text is not
// JSON or the path selects nothing.
ColumnPtr extract_json_kernel(const KernelArgs& a) {
  if (!a[0].is_constant()) throw KernelError("extract_json(): the JSONPath must be a constant.");
  const Value& pv = a[0].constant();
  std::optional<JsonPath> path = parse_json_path(pv.is_null() ? std::string_view() : pv.as_string());
  if (!path) throw KernelError("extract_json(): the first argument is not a valid JSONPath expression.");
  StringReader r(a[1]);
  auto element = [&](size_t i) -> DynamicPtr {
    std::string_view text = r.get(i);
    if (blank(text)) return nullptr;
    auto doc = parse_json(text);
    if (!doc || !*doc) return nullptr;
    const DynValue* v = select_json_path(**doc, *path);
    if (!v || v->is_null()) return nullptr;
    // Keep the element alive beyond the document: share the document and alias the element.
    return DynamicPtr(*doc, v);
  };
  if (a.result == ScalarType::String) {
    StringWriter w(a.rows);
    for (size_t i = 0; i < a.rows; ++i) {
      DynamicPtr v = element(i);
      if (v) append_element_text(w.text(), *v);
      w.end_row();
    }
    return w.finish();
  }
  if (a.result == ScalarType::Dynamic) {
    DynamicWriter w(a.rows);
    for (size_t i = 0; i < a.rows; ++i) w.set(i, element(i));
    return w.finish();
  }
  ColumnBuilder b(a.result, a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    DynamicPtr v = element(i);
    if (!v) {
      b.append_null();
      continue;
    }
    b.append_value(convert_scalar(scalar_of(*v), a.result));
  }
  return b.finish();
}

// ---------------------------------------------------------------- dynamic_to_json

// A copy of v whose bags, at every depth, have their keys in ordinal order.
DynamicPtr with_sorted_keys(const DynamicPtr& v) {
  if (v->is_array()) {
    DynValue::Elements out;
    out.reserve(v->elements().size());
    for (const auto& e : v->elements()) out.push_back(with_sorted_keys(e));
    return DynValue::of_array(std::move(out));
  }
  if (v->is_object()) {
    DynValue::Properties out;
    out.reserve(v->properties().size());
    for (const auto& [k, child] : v->properties()) out.emplace_back(k, with_sorted_keys(child));
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    return DynValue::of_object(std::move(out));
  }
  return v;
}

// dynamic_to_json (the Kusto reference page "dynamic_to_json()"): the JSON text with the keys of
// every bag sorted, so that equal bags give equal text.
ColumnPtr dynamic_to_json_kernel(const KernelArgs& a) {
  AsDynamicReader r(a[0]);
  StringWriter w(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    DynamicPtr v = r.get(i);
    if (!v) v = DynValue::null();
    append_json(w.text(), *with_sorted_keys(v));
    w.end_row();
  }
  return w.finish();
}

constexpr KernelTable kKernels[] = {
    {"parse_json", parse_json_kernel},
    {"todynamic", parse_json_kernel},
    {"extract_json", extract_json_kernel},
    {"extractjson", extract_json_kernel},
    {"dynamic_to_json", dynamic_to_json_kernel},
};

}  // namespace

void attach_dynamic_json_kernels(Registry& r) { r.attach(kKernels); }

}  // namespace huntdb::functions
