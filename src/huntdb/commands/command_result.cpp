#include "huntdb/commands/command_result.h"

#include "huntdb/exec/table_util.h"

namespace huntdb::commands {

TablePtr make_result(const ResultColumns& columns, const std::vector<ResultRow>& rows) {
  TableSchema schema;
  std::vector<ColumnBuilder> builders;
  for (const auto& [name, type] : columns) {
    schema.columns.push_back({name, type});
    builders.emplace_back(type);
  }
  for (const auto& row : rows)
    for (size_t i = 0; i < builders.size(); ++i) builders[i].append_value(row[i]);
  std::vector<ColumnPtr> cols;
  for (auto& b : builders) cols.push_back(b.finish());
  return exec::make_table(schema, exec::split_into_batches(std::move(cols), rows.size()));
}

}  // namespace huntdb::commands
