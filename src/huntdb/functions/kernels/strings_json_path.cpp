// extract_json(jsonPath, jsonText [, typeof(T)]) and its older spelling extractjson: the element
// a JSONPath selects in a JSON text (extract-json-function reference page:
// extract_json("$.name", '{"name": "John", ...}', typeof(string)) is "John"). Paths are `$`
// followed by `.name`, `['name']` / `["name"]` and `[index]` steps (a negative index counts
// from the end). The element comes back as tostring() writes it (a string without quotes,
// anything else as JSON) or converted to T; a path that selects nothing, text that is not
// JSON, or a path that is not understood gives null.
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/string_kernel_util.h"

namespace huntdb::functions {

namespace {

struct Step {
  bool index = false;
  std::string key;
  int64_t position = 0;
};

std::optional<std::vector<Step>> parse_path(std::string_view p) {
  std::vector<Step> steps;
  size_t i = 0;
  while (i < p.size() && p[i] == ' ') ++i;
  if (i >= p.size() || p[i] != '$') return std::nullopt;
  ++i;
  while (i < p.size()) {
    if (p[i] == '.') {
      ++i;
      size_t b = i;
      while (i < p.size() && p[i] != '.' && p[i] != '[') ++i;
      if (i == b) return std::nullopt;
      steps.push_back({.key = std::string(p.substr(b, i - b))});
    } else if (p[i] == '[') {
      ++i;
      if (i < p.size() && (p[i] == '\'' || p[i] == '"')) {
        char q = p[i++];
        size_t e = p.find(q, i);
        if (e == std::string_view::npos || e + 1 >= p.size() || p[e + 1] != ']') return std::nullopt;
        steps.push_back({.key = std::string(p.substr(i, e - i))});
        i = e + 2;
      } else {
        size_t e = p.find(']', i);
        if (e == std::string_view::npos) return std::nullopt;
        std::string num(p.substr(i, e - i));
        if (num.empty()) return std::nullopt;
        size_t k = (num[0] == '-') ? 1 : 0;
        if (k == num.size()) return std::nullopt;
        for (; k < num.size(); ++k)
          if (!std::isdigit(static_cast<unsigned char>(num[k]))) return std::nullopt;
        steps.push_back({.index = true, .position = std::stoll(num)});
        i = e + 1;
      }
    } else if (p[i] == ' ') {
      ++i;
    } else {
      return std::nullopt;
    }
  }
  return steps;
}

const DynValue* select(const DynValue* d, const std::vector<Step>& steps) {
  for (const Step& s : steps) {
    if (!d) return nullptr;
    if (s.index) {
      if (!d->is_array()) return nullptr;
      d = d->at(s.position);
    } else {
      if (!d->is_object()) return nullptr;
      d = d->member(s.key);
    }
  }
  return d;
}

ColumnPtr extract_json_kernel(const KernelArgs& a) {
  TextReader paths(a.ptr(0)), texts(a.ptr(1));
  ScalarType type = a.result == ScalarType::Unknown ? ScalarType::String : a.result;
  std::string cached_path;
  std::optional<std::vector<Step>> steps;
  bool have_steps = false;
  std::vector<Value> values;
  values.reserve(a.rows);
  for (size_t i = 0; i < a.rows; ++i) {
    std::string_view p = paths.get(i);
    if (!have_steps || p != cached_path) {
      cached_path.assign(p);
      steps = parse_path(p);
      have_steps = true;
    }
    Value v = Value::null(type);
    if (steps) {
      auto doc = parse_json(texts.get(i));
      const DynValue* d = doc ? select(doc->get(), *steps) : nullptr;
      if (d && !d->is_null()) {
        if (type == ScalarType::Dynamic) {
          // Keep the element itself (shared with the parsed document).
          DynamicPtr keep(*doc, d);
          v = Value::of_dynamic(std::move(keep));
        } else {
          v = text_as(dynamic_text(d), type);
        }
      }
    }
    values.push_back(type == ScalarType::String && v.is_null() ? Value::of_string({}) : std::move(v));
  }
  return column_of_values(type, values);
}

}  // namespace

void attach_string_json_kernels(Registry& r) {
  static const KernelTable kernels[] = {
      {.name = "extract_json", .kernel = extract_json_kernel},
      {.name = "extractjson", .kernel = extract_json_kernel},
  };
  r.attach(kernels);
}

}  // namespace huntdb::functions
