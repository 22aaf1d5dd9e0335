// Shared helpers of the plugin implementations: reading the call's arguments (by position or
// by `name = value`), evaluating them over a table, and fitting a result to an output schema
// the query declares (`evaluate bag_unpack(d) : (a:string, ...)`).
#pragma once

#include <optional>
#include <string_view>

#include "huntdb/exec/plugins/plugin.h"

namespace huntdb::exec::plugins {

size_t arg_count(const PluginCall& call);
// The name of a `name = value` argument, or "" for a positional one.
std::string_view arg_name(const PluginCall& call, size_t i);
// The index of the argument named `name` (compared ignoring case, as Kusto's named plugin
// arguments are), or -1.
int named_arg(const PluginCall& call, std::string_view name);
// The value of a constant argument; nullopt when it is not a constant.
std::optional<Value> constant_arg(const PluginCall& call, size_t i);
// A constant argument that must be there (ExecError otherwise).
Value required_constant(const PluginCall& call, size_t i, std::string_view what);
// The argument's expression when it is a plain column reference, else null.
const analyze::Expr* column_arg(const PluginCall& call, size_t i);

// An expression evaluated over every row of a table, as one column.
ColumnPtr eval_over(const analyze::ExprPtr& expr, Executor& ex, const Table& t);
// Every column of a table, each as one column of all its rows.
std::vector<ColumnPtr> gather_columns(const Table& t);
// A table from whole columns.
TablePtr table_of(TableSchema schema, std::vector<ColumnPtr> columns, size_t rows);

// When the query declares the plugin's output schema (the plan's schema is then closed while
// the plugin's own would be open), the result's columns by name, converted to the declared
// types; a declared column the result lacks comes out null. Otherwise the result itself.
TablePtr fit_declared_schema(const PluginCall& call, TablePtr result);

}  // namespace huntdb::exec::plugins
