// Operators whose physical implementation is not written yet: they fail with a clear message.
#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/operators.h"

namespace huntdb::exec::op {

namespace {
[[noreturn]] void not_yet(std::string_view name) {
  throw ExecError(fmt::format("The {} operator is not supported yet.", name));
}
}  // namespace

TablePtr reduce(const ReducePlan&, Executor&, const Bindings*) { not_yet("reduce"); }
TablePtr evaluate(const EvaluatePlan& p, Executor&, const Bindings*) {
  throw ExecError(fmt::format("The plugin '{}' is not supported yet.", p.plugin ? p.plugin->name : "?"));
}

}  // namespace huntdb::exec::op
