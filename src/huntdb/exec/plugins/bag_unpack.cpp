// bag_unpack(Column [, OutputColumnPrefix] [, columnsConflict] [, ignoredProperties]): every
// top-level slot of the property bags in Column becomes a column.
//
// Followed: https://learn.microsoft.com/kusto/query/bag-unpack-plugin and its examples.
// - The input columns stay in place without Column; the slot columns follow, sorted by name
//   (the docs' outputs list Age before Name whatever the bags' order).
// - A slot column's type is the type of its values when they all have one, else dynamic. Null
//   values count for nothing (a slot with only nulls is dynamic).
// - A slot named like an input column: columnsConflict='error' (the default) fails the query,
//   'replace_source' puts the slot's values in the input column's place, 'keep_source' keeps
//   the input column and drops the slot.
// - Values that are not property bags (null, arrays, scalars) unpack to nothing.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "huntdb/common/string_map.h"
#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/plugins/plugin_args.h"
#include "huntdb/exec/plugins/plugin_families.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/types/format.h"

namespace huntdb::exec {

namespace {

using namespace plugins;

enum class Conflict { Error, ReplaceSource, KeepSource };

struct Options {
  std::string prefix;
  Conflict conflict = Conflict::Error;
  StringSet ignored;
};

ScalarType type_of_kind(DynValue::Kind k) {
  switch (k) {
    case DynValue::Kind::Bool: return ScalarType::Bool;
    case DynValue::Kind::Long: return ScalarType::Long;
    case DynValue::Kind::Real: return ScalarType::Real;
    case DynValue::Kind::Decimal: return ScalarType::Decimal;
    case DynValue::Kind::String: return ScalarType::String;
    case DynValue::Kind::DateTime: return ScalarType::DateTime;
    case DynValue::Kind::TimeSpan: return ScalarType::TimeSpan;
    case DynValue::Kind::Guid: return ScalarType::Guid;
    default: return ScalarType::Dynamic;
  }
}

std::string text_of(const Value& v) { return v.type == ScalarType::String && !v.is_null() ? v.as_string() : format_value(v); }

// Arguments after the column: by name, or by position in the documented order.
Options read_options(const PluginCall& call) {
  Options o;
  for (size_t i = 1; i < arg_count(call); ++i) {
    std::string_view name = arg_name(call, i);
    auto is = [&](std::string_view n, size_t position) {
      if (name.empty()) return i == position;
      return name.size() == n.size() && std::equal(name.begin(), name.end(), n.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
             });
    };
    if (is("OutputColumnPrefix", 1) || is("column_prefix", 1)) {
      o.prefix = text_of(required_constant(call, i, "OutputColumnPrefix"));
    } else if (is("columnsConflict", 2)) {
      std::string v = text_of(required_constant(call, i, "columnsConflict"));
      if (v == "error") o.conflict = Conflict::Error;
      else if (v == "replace_source") o.conflict = Conflict::ReplaceSource;
      else if (v == "keep_source") o.conflict = Conflict::KeepSource;
      else
        throw ExecError(fmt::format("bag_unpack: invalid columnsConflict '{}' (expected error, replace_source or "
                                    "keep_source).", v));
    } else if (is("ignoredProperties", 3)) {
      Value v = required_constant(call, i, "ignoredProperties");
      if (v.type == ScalarType::Dynamic && !v.is_null() && v.as_dynamic()->is_array()) {
        for (const auto& e : v.as_dynamic()->elements())
          if (e && e->kind() == DynValue::Kind::String) o.ignored.insert(e->as_string());
      } else if (!v.is_null()) {
        throw ExecError("bag_unpack: ignoredProperties must be a dynamic array of property names.");
      }
    } else {
      throw ExecError(fmt::format("bag_unpack: unknown argument '{}'.", name.empty() ? std::to_string(i + 1) : std::string(name)));
    }
  }
  return o;
}

// One slot: the rows that have a non-null value for it, and the type those values share.
struct Slot {
  std::string name;
  std::vector<std::pair<uint32_t, const DynamicPtr*>> values;
  ScalarType type = ScalarType::Unknown;  // Unknown until a non-null value is seen
};

ColumnPtr slot_column(const Slot& s, size_t rows) {
  ScalarType type = s.type == ScalarType::Unknown ? ScalarType::Dynamic : s.type;
  ColumnBuilder b(type, rows);
  size_t next = 0;
  for (const auto& [row, value] : s.values) {
    while (next < row) {
      b.append_null();
      ++next;
    }
    const DynValue& d = **value;
    if (d.is_null()) {
      b.append_null();
    } else {
      switch (type) {
        case ScalarType::Bool: b.append_bool(d.as_bool()); break;
        case ScalarType::Long:
        case ScalarType::DateTime:
        case ScalarType::TimeSpan: b.append_long(d.as_long()); break;
        case ScalarType::Real:
        case ScalarType::Decimal: b.append_real(d.as_real()); break;
        case ScalarType::String: b.append_string(d.as_string()); break;
        case ScalarType::Guid: b.append_guid(d.as_guid()); break;
        default: b.append_dynamic(*value); break;
      }
    }
    ++next;
  }
  while (next < rows) {
    b.append_null();
    ++next;
  }
  return b.finish();
}

TablePtr bag_unpack(const PluginCall& call) {
  if (arg_count(call) < 1 || !call.plan.args[0]) throw ExecError("bag_unpack: expects a dynamic column to unpack.");
  Options options = read_options(call);
  const Table& input = *call.input;
  size_t rows = input.row_count();
  ColumnPtr bags = Column::flatten(eval_over(call.plan.args[0], call.executor, input));
  if (bags->type() != ScalarType::Dynamic)
    throw ExecError("bag_unpack: the column to unpack must be of type dynamic.");

  std::vector<Slot> slots;
  StringMap<size_t> slot_of;
  auto dyn = bags->dynamics();
  for (size_t r = 0; r < rows; ++r) {
    const DynamicPtr& bag = dyn[r];
    if (!bag || !bag->is_object()) continue;
    for (const auto& [key, value] : bag->properties()) {
      if (options.ignored.contains(key)) continue;
      auto it = slot_of.find(key);
      if (it == slot_of.end()) {
        it = slot_of.emplace(key, slots.size()).first;
        slots.push_back(Slot{key, {}, ScalarType::Unknown});
      }
      Slot& s = slots[it->second];
      s.values.emplace_back(static_cast<uint32_t>(r), &value);
      if (value && !value->is_null()) {
        ScalarType t = type_of_kind(value->kind());
        if (s.type == ScalarType::Unknown) s.type = t;
        else if (s.type != t) s.type = ScalarType::Dynamic;
      }
    }
  }
  std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.name < b.name; });

  // The input columns without the unpacked one.
  const analyze::Expr* bag_column = column_arg(call, 0);
  TableSchema schema;
  std::vector<ColumnPtr> columns;
  for (size_t i = 0; i < input.schema.columns.size(); ++i) {
    if (bag_column && input.schema.columns[i].name == bag_column->name) continue;
    schema.columns.push_back(input.schema.columns[i]);
    columns.push_back(gather_column(input, i));
  }
  size_t input_columns = schema.columns.size();
  for (const Slot& s : slots) {
    std::string name = options.prefix + s.name;
    int existing = schema.index_of(name);
    if (existing >= 0 && static_cast<size_t>(existing) < input_columns) {
      if (options.conflict == Conflict::KeepSource) continue;
      if (options.conflict == Conflict::Error)
        throw ExecError(fmt::format("bag_unpack: the property '{}' conflicts with the existing column '{}'; use "
                                    "columnsConflict='replace_source' or 'keep_source'.",
                                    s.name, name));
      ColumnPtr c = slot_column(s, rows);
      schema.columns[existing].type = c->type();
      columns[existing] = std::move(c);
      continue;
    }
    ColumnPtr c = slot_column(s, rows);
    schema.columns.push_back({name, c->type()});
    columns.push_back(std::move(c));
  }
  return fit_declared_schema(call, table_of(std::move(schema), std::move(columns), rows));
}

constexpr PluginEntry kEntries[] = {{"bag_unpack", bag_unpack}};

}  // namespace

std::span<const PluginEntry> bag_unpack_plugins() { return kEntries; }

}  // namespace huntdb::exec
