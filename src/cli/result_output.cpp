#include "result_output.h"

#include "huntdb/column/table_json.h"
#include "huntdb/types/format.h"
#include "huntdb/types/value_json.h"
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
  std::string doc = "{\"Tables\":[";
  for (size_t i = 0; i < tables.size(); ++i) {
    const Table& t = *tables[i].table;
    if (i) doc.push_back(',');
    doc.append("{\"TableName\":");
    append_json_string(doc, tables[i].name.empty() ? "Table_" + std::to_string(i) : tables[i].name);
    doc.append(",\"Columns\":");
    append_columns_json(doc, t.schema, true);
    doc.append(",\"Rows\":");
    append_rows_json(doc, t);
    if (tables[i].visualization) {
      doc.append(",\"Visualization\":{\"Visualization\":");
      append_json_string(doc, tables[i].visualization->kind);
      for (const auto& [k, v] : tables[i].visualization->properties) {
        doc.push_back(',');
        append_json_string(doc, k);
        doc.push_back(':');
        append_json_value(doc, v);
      }
      doc.push_back('}');
    }
    doc.push_back('}');
  }
  doc.append("]}");
  out << doc << "\n";
}

}  // namespace huntdb::cli
