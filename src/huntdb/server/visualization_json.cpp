#include "huntdb/server/visualization_json.h"

#include <array>
#include <cctype>
#include <utility>

#include "huntdb/types/format.h"
#include "huntdb/types/value_json.h"

namespace huntdb::server {

namespace {

// Kusto's keys, in its order, with the `render ... with (...)` property each comes from.
constexpr std::array<std::pair<std::string_view, std::string_view>, 19> kKeys = {{
    {"Visualization", ""}, {"Title", "title"}, {"XColumn", "xcolumn"}, {"Series", "series"},
    {"YColumns", "ycolumns"}, {"AnomalyColumns", "anomalycolumns"}, {"XTitle", "xtitle"},
    {"YTitle", "ytitle"}, {"XAxis", "xaxis"}, {"YAxis", "yaxis"}, {"Legend", "legend"},
    {"YSplit", "ysplit"}, {"Accumulate", "accumulate"}, {"IsQuerySorted", ""}, {"Kind", "kind"},
    {"Ymin", "ymin"}, {"Ymax", "ymax"}, {"Xmin", "xmin"}, {"Xmax", "xmax"},
}};

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

const Value* property(const Visualization& v, std::string_view name) {
  for (const auto& [k, value] : v.properties)
    if (same_name(k, name)) return &value;
  return nullptr;
}

// Column lists (ycolumns, series, anomalycolumns) are comma-separated names, as Kusto sends them.
std::string column_list(const Value& v) {
  if (v.type == ScalarType::Dynamic && v.as_dynamic() && v.as_dynamic()->is_array()) {
    std::string out;
    for (const auto& e : v.as_dynamic()->elements()) {
      if (!out.empty()) out.push_back(',');
      if (e) out.append(format_dynamic(*e));
    }
    return out;
  }
  return format_value(v);
}

}  // namespace

std::string visualization_json(const std::optional<Visualization>& vis) {
  std::string out = "{";
  bool first = true;
  for (const auto& [key, with_name] : kKeys) {
    if (!first) out.push_back(',');
    first = false;
    append_json_string(out, key);
    out.push_back(':');
    if (key == "Visualization") {
      if (vis) {
        append_json_string(out, vis->kind);
      } else {
        out.append("null");
      }
      continue;
    }
    const Value* v = vis && !with_name.empty() ? property(*vis, with_name) : nullptr;
    if (key == "Accumulate" || key == "IsQuerySorted") {
      out.append(v && !v->is_null() && v->type == ScalarType::Bool && v->as_bool() ? "true" : "false");
    } else if (key == "Ymin" || key == "Ymax" || key == "Xmin" || key == "Xmax") {
      if (v && !v->is_null()) {
        append_json_value(out, *v);
      } else {
        out.append(key[0] == 'Y' ? "\"NaN\"" : "null");
      }
    } else if (!v || v->is_null()) {
      out.append("null");
    } else if (key == "YColumns" || key == "Series" || key == "AnomalyColumns") {
      append_json_string(out, column_list(*v));
    } else {
      append_json_string(out, format_value(*v));
    }
  }
  out.push_back('}');
  return out;
}

}  // namespace huntdb::server
