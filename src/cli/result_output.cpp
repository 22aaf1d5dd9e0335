#include "result_output.h"

#include <nlohmann/json.hpp>

#include "huntdb/types/format.h"
#include "table_printer.h"

namespace huntdb::cli {

namespace {

std::vector<std::vector<std::string>> text_rows(const Table& t) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& b : t.batches)
    for (size_t r = 0; r < b.rows; ++r) {
      std::vector<std::string> row;
      for (const auto& c : b.columns) row.push_back(format_value(c->value_at(r)));
      rows.push_back(std::move(row));
    }
  return rows;
}

std::vector<std::string> header(const Table& t) {
  std::vector<std::string> h;
  for (const auto& c : t.schema.columns) h.push_back(c.name);
  return h;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A cell as JSON: numbers and bools as themselves, datetimes/timespans/guids as strings,
// dynamic as its JSON value, nulls as null (NaN and infinities as strings, as Kusto sends them).
nlohmann::ordered_json json_cell(const Value& v) {
  if (v.is_null()) return nullptr;
  switch (v.type) {
    case ScalarType::Bool: return v.as_bool();
    case ScalarType::Int: return v.as_int();
    case ScalarType::Long: return v.as_long();
    case ScalarType::Real: {
      double d = v.as_real();
      if (d != d || d == HUGE_VAL || d == -HUGE_VAL) return format_value(v);
      return d;
    }
    case ScalarType::Dynamic: {
      auto parsed = nlohmann::ordered_json::parse(format_value(v), nullptr, false);
      if (parsed.is_discarded()) return format_value(v);
      if (v.as_dynamic() && v.as_dynamic()->kind() == DynValue::Kind::String) return v.as_dynamic()->as_string();
      return parsed;
    }
    default: return format_value(v);
  }
}

}  // namespace

void write_tables(std::ostream& out, const std::vector<ResultTable>& tables) {
  bool first = true;
  for (const auto& r : tables) {
    if (!first) out << "\n";
    first = false;
    if (tables.size() > 1 && !r.name.empty()) out << r.name << "\n";
    print_table(out, header(*r.table), text_rows(*r.table));
    if (r.visualization) out << "(render " << r.visualization->kind << ")\n";
  }
}

void write_csv(std::ostream& out, const std::vector<ResultTable>& tables) {
  for (const auto& r : tables) {
    auto h = header(*r.table);
    for (size_t i = 0; i < h.size(); ++i) out << (i ? "," : "") << csv_field(h[i]);
    out << "\n";
    for (const auto& row : text_rows(*r.table)) {
      for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_field(row[i]);
      out << "\n";
    }
  }
}

void write_json(std::ostream& out, const std::vector<ResultTable>& tables) {
  nlohmann::ordered_json doc;
  doc["Tables"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < tables.size(); ++i) {
    const Table& t = *tables[i].table;
    nlohmann::ordered_json jt;
    jt["TableName"] = tables[i].name.empty() ? "Table_" + std::to_string(i) : tables[i].name;
    jt["Columns"] = nlohmann::ordered_json::array();
    for (const auto& c : t.schema.columns)
      jt["Columns"].push_back({{"ColumnName", c.name},
                               {"DataType", std::string(clr_type_name(c.type)).substr(7)},
                               {"ColumnType", std::string(type_name(c.type))}});
    jt["Rows"] = nlohmann::ordered_json::array();
    for (const auto& b : t.batches)
      for (size_t r = 0; r < b.rows; ++r) {
        nlohmann::ordered_json row = nlohmann::ordered_json::array();
        for (const auto& c : b.columns) row.push_back(json_cell(c->value_at(r)));
        jt["Rows"].push_back(std::move(row));
      }
    if (tables[i].visualization) {
      nlohmann::ordered_json vis;
      vis["Visualization"] = tables[i].visualization->kind;
      for (const auto& [k, v] : tables[i].visualization->properties) vis[k] = json_cell(v);
      jt["Visualization"] = vis;
    }
    doc["Tables"].push_back(std::move(jt));
  }
  out << doc.dump() << "\n";
}

}  // namespace huntdb::cli
