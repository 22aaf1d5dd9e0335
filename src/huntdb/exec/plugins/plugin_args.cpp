#include "huntdb/exec/plugins/plugin_args.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/kql/ast.h"

namespace huntdb::exec::plugins {

namespace {

bool equals_ignore_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

size_t arg_count(const PluginCall& call) { return call.plan.args.size(); }

std::string_view arg_name(const PluginCall& call, size_t i) {
  if (i >= call.plan.arg_nodes.size() || !call.plan.arg_nodes[i]) return {};
  auto* named = call.plan.arg_nodes[i]->as<kql::SimpleNamedNode>();
  return named && named->name ? std::string_view(named->name->value) : std::string_view();
}

int named_arg(const PluginCall& call, std::string_view name) {
  for (size_t i = 0; i < arg_count(call); ++i)
    if (equals_ignore_case(arg_name(call, i), name)) return static_cast<int>(i);
  return -1;
}

std::optional<Value> constant_arg(const PluginCall& call, size_t i) {
  if (i >= arg_count(call) || !call.plan.args[i]) return std::nullopt;
  CompiledExpr e(call.plan.args[i], call.executor);
  if (!e.is_constant()) return std::nullopt;
  return e.constant();
}

Value required_constant(const PluginCall& call, size_t i, std::string_view what) {
  auto v = constant_arg(call, i);
  if (!v)
    throw ExecError(fmt::format("{}: the argument {} ({}) must be a constant.", call.plan.plugin->name, i + 1, what));
  return *v;
}

const analyze::Expr* column_arg(const PluginCall& call, size_t i) {
  if (i >= arg_count(call) || !call.plan.args[i]) return nullptr;
  const analyze::Expr* e = call.plan.args[i].get();
  return e->kind == analyze::ExprKind::Column ? e : nullptr;
}

ColumnPtr eval_over(const analyze::ExprPtr& expr, Executor& ex, const Table& t) {
  CompiledExpr e(expr, ex);
  std::vector<ColumnPtr> parts;
  for (const Batch& b : t.batches) parts.push_back(Column::flatten(e.eval(b)));
  if (parts.empty()) return ColumnBuilder(e.type()).finish();
  if (parts.size() == 1) return parts[0];
  return Column::concat(parts);
}

std::vector<ColumnPtr> gather_columns(const Table& t) {
  std::vector<ColumnPtr> out;
  for (size_t i = 0; i < t.schema.columns.size(); ++i) out.push_back(gather_column(t, i));
  return out;
}

TablePtr table_of(TableSchema schema, std::vector<ColumnPtr> columns, size_t rows) {
  return make_table(schema, split_into_batches(std::move(columns), rows));
}

TablePtr fit_declared_schema(const PluginCall& call, TablePtr result) {
  const TableSchema& declared = *call.plan.schema;
  if (declared.open) return result;
  size_t rows = result->row_count();
  std::vector<ColumnPtr> columns;
  TableSchema schema;
  for (const auto& c : declared.columns) {
    int i = result->schema.index_of(c.name);
    ColumnPtr col = i < 0 ? Column::make_nulls(c.type, rows) : gather_column(*result, static_cast<size_t>(i));
    if (col->type() != c.type) col = cast_column(col, c.type);
    columns.push_back(std::move(col));
    schema.columns.push_back(c);
  }
  return table_of(std::move(schema), std::move(columns), rows);
}

}  // namespace huntdb::exec::plugins
