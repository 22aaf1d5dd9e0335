#include "huntdb/exec/constant_evaluator.h"

#include "huntdb/exec/expression.h"
#include "huntdb/functions/kernel.h"

namespace huntdb::exec {

std::optional<Value> ExecConstantEvaluator::evaluate(const analyze::ExprPtr& e) {
  try {
    CompiledExpr c(e, ex_);
    if (c.is_constant()) return c.constant();
  } catch (const std::exception&) {
    // Anything that fails here (a bad regex, a missing kernel) fails at run time with its
    // message; folding just leaves it alone.
  }
  return std::nullopt;
}

}  // namespace huntdb::exec
