// Operators whose physical implementation is not written yet: they fail with a clear message.
#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/operators.h"

namespace huntdb::exec::op {

TablePtr evaluate(const EvaluatePlan& p, Executor&, const Bindings*) {
  throw ExecError(fmt::format("The plugin '{}' is not supported yet.", p.plugin ? p.plugin->name : "?"));
}

}  // namespace huntdb::exec::op
