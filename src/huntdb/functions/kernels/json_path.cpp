#include "huntdb/functions/kernels/json_path.h"

#include <cctype>

namespace huntdb::functions {

std::optional<JsonPath> parse_json_path(std::string_view s) {
  size_t i = 0;
  auto skip_ws = [&] {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  };
  skip_ws();
  if (i >= s.size() || s[i] != '$') return std::nullopt;
  ++i;
  JsonPath path;
  while (true) {
    skip_ws();
    if (i >= s.size()) break;
    if (s[i] == '.') {
      ++i;
      size_t start = i;
      while (i < s.size() && s[i] != '.' && s[i] != '[' && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      if (i == start) return std::nullopt;
      path.push_back({.key = std::string(s.substr(start, i - start))});
    } else if (s[i] == '[') {
      ++i;
      skip_ws();
      if (i >= s.size()) return std::nullopt;
      if (s[i] == '\'' || s[i] == '"') {
        char quote = s[i++];
        std::string key;
        while (i < s.size() && s[i] != quote) {
          // \' and \" escape the quote (Kusto: "escaped as [\'Property Name\']").
          if (s[i] == '\\' && i + 1 < s.size()) ++i;
          key.push_back(s[i++]);
        }
        if (i >= s.size()) return std::nullopt;
        ++i;
        path.push_back({.key = std::move(key)});
      } else {
        bool negative = false;
        if (s[i] == '-') {
          negative = true;
          ++i;
        }
        size_t start = i;
        int64_t v = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
          if (v > (INT64_MAX - 9) / 10) return std::nullopt;
          v = v * 10 + (s[i++] - '0');
        }
        if (i == start) return std::nullopt;
        path.push_back({.is_index = true, .index = negative ? -v : v});
      }
      skip_ws();
      if (i >= s.size() || s[i] != ']') return std::nullopt;
      ++i;
    } else {
      return std::nullopt;
    }
  }
  return path;
}

std::optional<JsonPath> parse_bag_key(std::string_view text) {
  if (!text.empty() && text[0] == '$') return parse_json_path(text);
  return JsonPath{{.key = std::string(text)}};
}

const DynValue* select_json_path(const DynValue& root, const JsonPath& path) {
  const DynValue* v = &root;
  for (const auto& step : path) {
    if (step.is_index) {
      if (!v->is_array()) return nullptr;
      v = v->at(step.index);
    } else {
      if (!v->is_object()) return nullptr;
      v = v->member(step.key);
    }
    if (!v) return nullptr;
  }
  return v;
}

}  // namespace huntdb::functions
