// evaluate plugins: each is a function from the input table (and the call's arguments) to a
// table. The registry (functions/plugins.cpp) declares them and their output schemas; their
// implementations live here, in one file per plugin family, and are found by name.
#pragma once

#include <span>
#include <string_view>

#include "huntdb/analyze/logical_plan.h"
#include "huntdb/exec/executor.h"

namespace huntdb::exec {

struct PluginCall {
  const analyze::EvaluatePlan& plan;  // arguments (plan.args), the output schema (open when the
                                      // columns depend on the data)
  TablePtr input;                     // the rows piped in (an empty table for source plugins)
  Executor& executor;                 // to compile and evaluate arguments, run sub-plans
  const Bindings* bindings;
};

using PluginFn = TablePtr (*)(const PluginCall& call);

struct PluginEntry {
  std::string_view name;
  PluginFn fn;
};

// The implementation of a plugin, or null.
PluginFn find_plugin(std::string_view name);

}  // namespace huntdb::exec
