// narrow and schema_merge: plugins that reshape a whole table.
//
// narrow(): "unpivots" a table into Row (the row's number from 0), Column (its name) and Value
// (the cell as tostring() writes it), row by row, each row's columns in order.
//
// Followed: https://learn.microsoft.com/kusto/query/narrow-plugin.
#include <algorithm>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/plugins/plugin_args.h"
#include "huntdb/exec/plugins/plugin_families.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/types/format.h"

namespace huntdb::exec {

namespace {

using namespace plugins;

TablePtr narrow(const PluginCall& call) {
  const Table& input = *call.input;
  size_t width = input.schema.columns.size();
  size_t rows = input.row_count();
  ColumnBuilder row_numbers(ScalarType::Long, rows * width);
  ColumnBuilder names(ScalarType::String, rows * width);
  ColumnBuilder values(ScalarType::String, rows * width);
  int64_t row = 0;
  for (const Batch& b : input.batches) {
    for (size_t r = 0; r < b.rows; ++r, ++row) {
      for (size_t c = 0; c < width; ++c) {
        row_numbers.append_long(row);
        names.append_string(input.schema.columns[c].name);
        values.append_string(format_value(b.columns[c]->value_at(r)));
      }
    }
  }
  TableSchema schema;
  schema.columns = {{"Row", ScalarType::Long}, {"Column", ScalarType::String}, {"Value", ScalarType::String}};
  return table_of(std::move(schema), {row_numbers.finish(), names.finish(), values.finish()}, rows * width);
}

// schema_merge([PreserveOrder]): merges getschema outputs (ColumnName, ColumnOrdinal, DataType,
// ColumnType rows; a schema starts where the ordinal does not grow) into one schema.
//
// Followed: https://learn.microsoft.com/kusto/query/schema-merge-plugin and its examples.
// - A column new to the merged schema is placed right after the column that precedes it in its
//   own schema (first when it is first there); so the second example's Referrer lands between
//   Uri and HttpStatus.
// - PreserveOrder (default true): a column whose position differs from the one it had in the
//   first schema it appeared in is an error: it moves to the end with ordinal -1 and an ERROR
//   type, as the docs show; the other columns are numbered from 0.
// - Types: the docs say types are "reduced to common ones" without saying how; equal types
//   merge, numbers widen (int < long < real), anything else is an error in the same form.
struct Merged {
  std::string name;
  ScalarType type;
  int first_position;  // in the first schema it appeared in
  std::string error;
};

ScalarType widen(ScalarType a, ScalarType b) {
  if (a == b) return a;
  auto rank = [](ScalarType t) { return t == ScalarType::Int ? 0 : t == ScalarType::Long ? 1 : t == ScalarType::Real ? 2 : -1; };
  if (rank(a) < 0 || rank(b) < 0) return ScalarType::Unknown;
  return rank(a) > rank(b) ? a : b;
}

TablePtr schema_merge(const PluginCall& call) {
  bool preserve_order = true;
  if (arg_count(call) > 0) {
    Value v = required_constant(call, 0, "PreserveOrder");
    if (!v.is_null() && v.type == ScalarType::Bool) preserve_order = v.as_bool();
  }
  const Table& input = *call.input;
  int name_col = input.schema.index_of("ColumnName");
  int ordinal_col = input.schema.index_of("ColumnOrdinal");
  int type_col = input.schema.index_of("ColumnType");
  if (name_col < 0 || ordinal_col < 0 || type_col < 0)
    throw ExecError("schema_merge: the input must be getschema output (ColumnName, ColumnOrdinal, ColumnType).");

  std::vector<Merged> merged;
  auto position_of = [&](const std::string& name) {
    for (size_t i = 0; i < merged.size(); ++i)
      if (merged[i].name == name) return static_cast<int>(i);
    return -1;
  };
  std::string previous;  // the previous column of the current schema ("" at its start)
  int64_t last_ordinal = -1;
  for (const Batch& b : input.batches) {
    for (size_t r = 0; r < b.rows; ++r) {
      std::string name = format_value(b.columns[name_col]->value_at(r));
      Value ordinal_value = b.columns[ordinal_col]->value_at(r);
      int64_t ordinal = ordinal_value.is_null() ? 0
                        : ordinal_value.type == ScalarType::Int ? ordinal_value.as_int()
                                                                : ordinal_value.as_long();
      if (ordinal <= last_ordinal) previous.clear();  // a new schema
      last_ordinal = ordinal;
      ScalarType type = parse_type_name(format_value(b.columns[type_col]->value_at(r))).value_or(ScalarType::Unknown);
      int at = position_of(name);
      if (at < 0) {
        int after = previous.empty() ? -1 : position_of(previous);
        merged.insert(merged.begin() + (after + 1), Merged{name, type, static_cast<int>(ordinal), ""});
      } else {
        Merged& m = merged[at];
        if (preserve_order && m.error.empty() && ordinal != m.first_position) m.error = "columns are out of order";
        ScalarType t = widen(m.type, type);
        if (t == ScalarType::Unknown) {
          if (m.error.empty()) m.error = "columns have different types";
        } else {
          m.type = t;
        }
      }
      previous = name;
    }
  }
  if (preserve_order)
    std::stable_partition(merged.begin(), merged.end(), [](const Merged& m) { return m.error.empty(); });

  ColumnBuilder names(ScalarType::String), ordinals(ScalarType::Int), data_types(ScalarType::String),
      column_types(ScalarType::String);
  int next = 0;
  for (const Merged& m : merged) {
    names.append_string(m.name);
    if (m.error.empty()) {
      ordinals.append_int(next++);
      data_types.append_string(clr_type_name(m.type));
      column_types.append_string(type_name(m.type));
    } else {
      std::string error = "ERROR(" + m.error + ")";
      ordinals.append_int(-1);
      data_types.append_string("ERROR(unknown CSL type:" + error + ")");
      column_types.append_string(error);
    }
  }
  TableSchema schema;
  schema.columns = {{"ColumnName", ScalarType::String},
                    {"ColumnOrdinal", ScalarType::Int},
                    {"DataType", ScalarType::String},
                    {"ColumnType", ScalarType::String}};
  return table_of(std::move(schema), {names.finish(), ordinals.finish(), data_types.finish(), column_types.finish()},
                  merged.size());
}

constexpr PluginEntry kEntries[] = {{"narrow", narrow}, {"schema_merge", schema_merge}};

}  // namespace

std::span<const PluginEntry> narrow_plugins() { return kEntries; }

}  // namespace huntdb::exec
