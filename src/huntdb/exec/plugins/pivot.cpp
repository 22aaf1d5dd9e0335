// pivot(pivotColumn [, aggregationFunction] [, column1, column2, ...]): the distinct values of
// pivotColumn become columns; each cell aggregates the rows of its (columns..., value).
//
// Followed: https://learn.microsoft.com/kusto/query/pivot-plugin and its examples.
// - The aggregation defaults to count(); the row columns default to every input column but
//   the pivot column and the aggregation's column.
// - Rows come in the order their columns' values first appear, pivoted columns in the order
//   their value first appears (the docs show ARKANSAS before ARIZONA: data order, not sorted).
//   A column is named by its value as tostring() writes it.
// - A cell without rows holds the aggregation of no rows: 0 for count() and sum() (the docs'
//   zeros), null for max() (the blanks of the pairwise-distance example).
#include <algorithm>

#include <fmt/format.h>

#include "huntdb/common/string_map.h"
#include "huntdb/exec/aggregation.h"
#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/group_table.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/plugins/plugin_args.h"
#include "huntdb/exec/plugins/plugin_families.h"
#include "huntdb/functions/registry.h"
#include "huntdb/types/format.h"

namespace huntdb::exec {

namespace {

using namespace plugins;
using analyze::AggregateCall;
using analyze::Expr;
using analyze::ExprKind;
using analyze::ExprPtr;

bool is_aggregate_call(const ExprPtr& e) {
  return e && e->kind == ExprKind::Call && e->fn && e->fn->kind == functions::FunctionKind::Aggregate;
}

// The value an aggregation gives for no rows.
Value aggregate_of_nothing(const AggregateCall& agg, Executor& ex, const TableSchema& schema, ScalarType type) {
  GroupedAggregation empty({}, {agg}, ex);
  auto r = empty.run(Table{schema, {}});
  auto cols = empty.aggregate_columns(r);
  if (cols.empty() || cols[0]->size() == 0) return Value::null(type);
  ColumnPtr c = cols[0]->type() == type ? cols[0] : cast_column(cols[0], type);
  return c->value_at(0);
}

TablePtr pivot(const PluginCall& call) {
  const Table& input = *call.input;
  const auto& args = call.plan.args;
  if (args.empty() || !args[0]) throw ExecError("pivot: expects the column to pivot.");
  const Expr* pivot_column = column_arg(call, 0);

  AggregateCall agg;
  size_t first_listed = 1;
  if (args.size() > 1 && is_aggregate_call(args[1])) {
    agg.fn = args[1]->fn;
    agg.at = args[1]->at;
    agg.args = args[1]->args;
    agg.types = {args[1]->type};
    first_listed = 2;
  } else if (args.size() > 1 && args[1] && args[1]->kind != ExprKind::Column) {
    throw ExecError("pivot: the second argument must be an aggregation function such as sum(x) or count().");
  } else {
    agg.fn = functions::Registry::builtins().aggregate("count");
    agg.types = {ScalarType::Long};
  }

  // The row columns: those listed, or all but the pivot column and the aggregation's column.
  std::vector<size_t> row_columns;
  for (size_t i = first_listed; i < args.size(); ++i) {
    const Expr* c = column_arg(call, i);
    int index = c ? input.schema.index_of(c->name) : -1;
    if (index < 0) throw ExecError(fmt::format("pivot: argument {} must be a column of the input.", i + 1));
    row_columns.push_back(static_cast<size_t>(index));
  }
  if (first_listed == args.size()) {
    std::string aggregated = !agg.args.empty() && agg.args[0] && agg.args[0]->kind == ExprKind::Column ? agg.args[0]->name : "";
    for (size_t i = 0; i < input.schema.columns.size(); ++i) {
      const std::string& name = input.schema.columns[i].name;
      if ((pivot_column && name == pivot_column->name) || name == aggregated) continue;
      row_columns.push_back(i);
    }
  }

  // Aggregate by (row columns..., pivot value).
  std::vector<ExprPtr> keys;
  TableSchema key_schema;
  for (size_t i : row_columns) {
    const ColumnSchema& c = input.schema.columns[i];
    keys.push_back(Expr::column(static_cast<uint32_t>(i), c.type, c.name));
    key_schema.columns.push_back(c);
  }
  keys.push_back(args[0]);
  key_schema.columns.push_back({"", args[0]->type});
  GroupedAggregation grouped(keys, {agg}, call.executor);
  auto r = grouped.run(input);
  std::vector<ColumnPtr> key_cols = grouped.key_columns(r, key_schema);
  ColumnPtr values = grouped.aggregate_columns(r)[0];
  ScalarType value_type = agg.types[0];
  if (value_type != ScalarType::Unknown && values->type() != value_type) values = cast_column(values, value_type);
  values = Column::flatten(values);
  size_t results = r.order.size();

  // Output rows: the distinct row-column values, in order of first appearance.
  std::vector<uint32_t> row_of(results, 0);
  size_t rows = results == 0 ? 0 : 1;
  if (!row_columns.empty() && results > 0) {
    std::vector<ScalarType> types;
    for (const auto& c : key_schema.columns) types.push_back(c.type);
    types.pop_back();
    GroupTable table(types);
    std::span<const ColumnPtr> row_keys(key_cols.data(), row_columns.size());
    table.assign(row_keys, results, row_of, 0);
    rows = table.size();
    // Renumber the groups by their first result so that rows keep the data's order.
    std::vector<uint32_t> order(rows);
    for (uint32_t g = 0; g < rows; ++g) order[g] = g;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return table.first_seen(a) < table.first_seen(b); });
    std::vector<uint32_t> rank(rows);
    for (uint32_t i = 0; i < rows; ++i) rank[order[i]] = i;
    for (auto& g : row_of) g = rank[g];
  }
  std::vector<uint32_t> first_result_of_row(rows, 0);
  {
    std::vector<bool> seen(rows, false);
    for (size_t i = 0; i < results; ++i)
      if (!seen[row_of[i]]) {
        seen[row_of[i]] = true;
        first_result_of_row[row_of[i]] = static_cast<uint32_t>(i);
      }
  }

  // Output columns: one per distinct pivot value, in order of first appearance.
  const ColumnPtr& pivot_values = key_cols.back();
  StringMap<size_t> column_of;
  std::vector<std::string> names;
  std::vector<int64_t> cell;  // [column * rows + row] -> result index, -1 when empty
  for (size_t i = 0; i < results; ++i) {
    std::string name = format_value(pivot_values->value_at(i));
    auto it = column_of.find(name);
    if (it == column_of.end()) {
      it = column_of.emplace(name, names.size()).first;
      names.push_back(name);
      cell.resize(names.size() * rows, -1);
    }
    cell[it->second * rows + row_of[i]] = static_cast<int64_t>(i);
  }

  TableSchema schema;
  std::vector<ColumnPtr> columns;
  for (size_t k = 0; k < row_columns.size(); ++k) {
    schema.columns.push_back(key_schema.columns[k]);
    columns.push_back(Column::take(key_cols[k], first_result_of_row));
  }
  Value nothing = aggregate_of_nothing(agg, call.executor, input.schema, values->type());
  for (size_t c = 0; c < names.size(); ++c) {
    ColumnBuilder b(values->type(), rows);
    for (size_t row = 0; row < rows; ++row) {
      int64_t i = cell[c * rows + row];
      if (i >= 0) b.append_from(*values, static_cast<size_t>(i));
      else b.append_value(nothing);
    }
    schema.columns.push_back({names[c], values->type()});
    columns.push_back(b.finish());
  }
  return fit_declared_schema(call, table_of(std::move(schema), std::move(columns), rows));
}

constexpr PluginEntry kEntries[] = {{"pivot", pivot}};

}  // namespace

std::span<const PluginEntry> pivot_plugins() { return kEntries; }

}  // namespace huntdb::exec
