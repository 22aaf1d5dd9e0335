// evaluate plugin(...): runs the plugin's implementation over the input rows.
#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/plugins/plugin.h"
#include "huntdb/exec/table_util.h"

namespace huntdb::exec::op {

TablePtr evaluate(const EvaluatePlan& p, Executor& ex, const Bindings* b) {
  std::string_view name = p.plugin ? p.plugin->name : std::string_view("?");
  PluginFn fn = p.plugin ? find_plugin(p.plugin->name) : nullptr;
  if (!fn) throw ExecError(fmt::format("The plugin '{}' is not supported yet.", name));
  TablePtr input = p.inputs.empty() ? make_table(TableSchema{}, {}) : ex.run(p.inputs[0], b);
  TablePtr out = fn(PluginCall{p, input, ex, b});
  // A plugin with a known output schema must produce exactly it (its columns are bound by name).
  if (!p.schema->open && out->schema.columns.size() != p.schema->columns.size())
    throw ExecError(fmt::format("The plugin '{}' produced {} columns where {} were expected.", name,
                                out->schema.columns.size(), p.schema->columns.size()));
  return out;
}

}  // namespace huntdb::exec::op
