#include "huntdb/exec/plugins/lookup_join.h"

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/plugins/plugin_args.h"
#include "huntdb/exec/table_util.h"

namespace huntdb::exec::plugins {

TablePtr lookup_join_result(const PluginCall& call, const Table& input, const Table& lookup, const LookupPairs& pairs,
                            const std::function<bool(size_t)>& keep_lookup_column, bool lookup_first) {
  std::vector<ColumnPtr> input_columns, lookup_columns;
  std::vector<ColumnSchema> input_names, lookup_names;
  for (size_t i = 0; i < input.schema.columns.size(); ++i) {
    input_columns.push_back(Column::take(gather_column(input, i), pairs.input_rows));
    input_names.push_back(input.schema.columns[i]);
  }
  for (size_t i = 0; i < lookup.schema.columns.size(); ++i) {
    if (!keep_lookup_column(i)) continue;
    // One null row after the table's rows: the pick of unmatched input rows.
    ColumnPtr parts[] = {gather_column(lookup, i), Column::make_nulls(lookup.schema.columns[i].type, 1)};
    lookup_columns.push_back(Column::take(Column::concat(parts), pairs.lookup_rows));
    lookup_names.push_back(lookup.schema.columns[i]);
  }
  std::vector<ColumnPtr> columns;
  TableSchema actual;
  auto append = [&](std::vector<ColumnPtr>& c, std::vector<ColumnSchema>& names) {
    columns.insert(columns.end(), c.begin(), c.end());
    actual.columns.insert(actual.columns.end(), names.begin(), names.end());
  };
  if (lookup_first) {
    append(lookup_columns, lookup_names);
    append(input_columns, input_names);
  } else {
    append(input_columns, input_names);
    append(lookup_columns, lookup_names);
  }
  // The names and types the binder gave (duplicate names made unique), unless the lookup
  // table's columns were not known when the query was planned.
  const TableSchema& declared = call.plan.schema->open ? actual : *call.plan.schema;
  if (declared.columns.size() != columns.size())
    throw ExecError(fmt::format("{}: the lookup table's columns differ from those the query was planned with.",
                                call.plan.plugin->name));
  TableSchema schema = declared;
  schema.open = false;
  for (size_t i = 0; i < columns.size(); ++i)
    if (schema.columns[i].type == ScalarType::Unknown)
      schema.columns[i].type = columns[i]->type();
    else if (columns[i]->type() != schema.columns[i].type)
      columns[i] = cast_column(columns[i], schema.columns[i].type);
  return table_of(std::move(schema), std::move(columns), pairs.input_rows.size());
}

}  // namespace huntdb::exec::plugins
