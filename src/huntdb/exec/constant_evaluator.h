// The optimizer's constant folding, done with the executor's kernels and the query's clock.
#pragma once

#include "huntdb/exec/executor.h"
#include "huntdb/plan/optimizer.h"

namespace huntdb::exec {

class ExecConstantEvaluator : public plan::ConstantEvaluator {
 public:
  explicit ExecConstantEvaluator(Executor& ex) : ex_(ex) {}
  std::optional<Value> evaluate(const analyze::ExprPtr& e) override;

 private:
  Executor& ex_;
};

}  // namespace huntdb::exec
