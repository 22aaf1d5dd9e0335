#include "huntdb/column/table_json.h"

#include "huntdb/types/scalar_type.h"
#include "huntdb/types/value_json.h"

namespace huntdb {

void append_columns_json(std::string& out, const TableSchema& schema, bool with_data_type) {
  out.push_back('[');
  for (size_t i = 0; i < schema.columns.size(); ++i) {
    const auto& c = schema.columns[i];
    if (i) out.push_back(',');
    out.append("{\"ColumnName\":");
    append_json_string(out, c.name);
    if (with_data_type) {
      out.append(",\"DataType\":");
      std::string_view clr = clr_type_name(c.type);  // System.String
      if (clr.starts_with("System.")) clr.remove_prefix(7);
      append_json_string(out, clr);
    }
    out.append(",\"ColumnType\":");
    append_json_string(out, type_name(c.type));
    out.push_back('}');
  }
  out.push_back(']');
}

RowsWritten append_rows_json(std::string& out, const Table& table, size_t max_rows, size_t max_bytes) {
  RowsWritten w;
  const size_t start = out.size();
  out.push_back('[');
  std::string row;
  for (const auto& b : table.batches) {
    for (size_t r = 0; r < b.rows; ++r) {
      if (w.rows == max_rows) {
        w.truncated = true;
        out.push_back(']');
        return w;
      }
      row.clear();
      if (w.rows) row.push_back(',');
      row.push_back('[');
      for (size_t c = 0; c < b.columns.size(); ++c) {
        if (c) row.push_back(',');
        append_json_value(row, b.columns[c]->value_at(r));
      }
      row.push_back(']');
      if (out.size() - start + row.size() + 1 > max_bytes) {
        w.truncated = w.by_size = true;
        out.push_back(']');
        return w;
      }
      out.append(row);
      ++w.rows;
    }
  }
  out.push_back(']');
  return w;
}

}  // namespace huntdb
