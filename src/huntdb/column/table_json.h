// A table's columns and rows as JSON text, in the shapes of the Kusto REST API: columns as
// [{"ColumnName","ColumnType"}] (with the .NET "DataType" for v1), rows as positional arrays
// of values (types/value_json.h). Written straight into a string: results can be large.
#pragma once

#include <cstddef>
#include <limits>
#include <string>

#include "huntdb/column/column.h"

namespace huntdb {

// Appends the "Columns" array. with_data_type adds v1's DataType (String, Int64, DateTime, ...).
void append_columns_json(std::string& out, const TableSchema& schema, bool with_data_type);

// What append_rows_json wrote.
struct RowsWritten {
  size_t rows = 0;
  bool truncated = false;  // more rows were left out by a limit
  bool by_size = false;    // the byte limit (not the row limit) cut them
};

// Appends the "Rows" array: at most max_rows rows, and no row that would take the rows' JSON
// past max_bytes.
RowsWritten append_rows_json(std::string& out, const Table& table,
                             size_t max_rows = std::numeric_limits<size_t>::max(),
                             size_t max_bytes = std::numeric_limits<size_t>::max());

}  // namespace huntdb
