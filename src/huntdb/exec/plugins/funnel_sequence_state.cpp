#include "huntdb/exec/plugins/funnel_sequence_state.h"

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/group_table.h"
#include "huntdb/exec/plugins/activity_periods.h"
#include "huntdb/types/datetime.h"
#include "huntdb/types/format.h"

namespace huntdb::exec::funnel {

namespace {

const DynValue& array_arg(const PluginCall& call, size_t i, std::string_view what, DynamicPtr& holder) {
  Value v = activity::constant_arg(call, i, what);
  holder = v.type == ScalarType::Dynamic && !v.is_null() ? v.as_dynamic() : nullptr;
  if (!holder || !holder->is_array())
    throw ExecError(fmt::format("{}: the argument {} must be a dynamic array.",
                                call.plan.plugin ? call.plan.plugin->name : "plugin", what));
  return *holder;
}

}  // namespace

std::vector<std::string> string_array_arg(const PluginCall& call, size_t i, std::string_view what) {
  DynamicPtr holder;
  std::vector<std::string> out;
  for (const auto& e : array_arg(call, i, what, holder).elements()) out.push_back(e ? format_dynamic(*e) : "");
  return out;
}

std::vector<int64_t> timespan_array_arg(const PluginCall& call, size_t i, std::string_view what) {
  DynamicPtr holder;
  std::vector<int64_t> out;
  for (const auto& e : array_arg(call, i, what, holder).elements()) {
    std::optional<int64_t> ticks;
    if (e && (e->kind() == DynValue::Kind::TimeSpan || e->kind() == DynValue::Kind::Long)) ticks = e->as_long();
    else if (e && e->kind() == DynValue::Kind::String) ticks = parse_timespan(e->as_string());
    if (!ticks)
      throw ExecError(fmt::format("{}: the argument {} must hold timespans.",
                                  call.plan.plugin ? call.plan.plugin->name : "plugin", what));
    out.push_back(*ticks);
  }
  return out;
}

StateCodes state_codes(const ColumnPtr& states) {
  StateCodes out;
  GroupTable distinct(std::vector<ScalarType>{states->type()});
  distinct.assign(std::span<const ColumnPtr>(&states, 1), states->size(), out.code, 0);
  ColumnPtr values = distinct.key_column(0);
  out.values = values;
  for (size_t g = 0; g < values->size(); ++g)
    out.text.push_back(values->type() == ScalarType::String ? std::string(values->string_at(g))
                                                            : format_value(values->value_at(g)));
  return out;
}

}  // namespace huntdb::exec::funnel
