// The rule-based optimizer: rewrites the binder's logical plan into an equivalent one that is
// cheaper to run. Rules, in order:
//   1. fold constants (ago(30d) becomes a datetime literal, so later rules can read it);
//   2. merge adjacent filters, and push filters toward the scan: below projections, sorts,
//      unions (into every input), grouping keys, and into the left side of joins whose kind allows;
//   3. turn the conjuncts of a filter directly above a table scan into scan bounds (time ranges,
//      equalities, `has` terms), which storage uses to skip extents;
//   4. mark the columns each scan must read.
// Plans are DAGs (a `let` table or `as` name read twice): rewritten nodes are memoized by the
// original, so shared sub-plans stay shared.
#pragma once

#include <optional>

#include "huntdb/analyze/logical_plan.h"

namespace huntdb::plan {

// Computes constant expressions at planning time with the executor's kernels (plan/ knows no
// kernels of its own). nullopt: leave the expression as it is.
class ConstantEvaluator {
 public:
  virtual ~ConstantEvaluator() = default;
  virtual std::optional<Value> evaluate(const analyze::ExprPtr& e) = 0;
};

struct OptimizerOptions {
  ConstantEvaluator* constants = nullptr;  // null: no constant folding
};

analyze::QueryPlan optimize(const analyze::QueryPlan& query, const OptimizerOptions& options);

// The pieces, for tests and for callers that need only one.
analyze::ExprPtr fold_constants(const analyze::ExprPtr& e, ConstantEvaluator& constants);
analyze::PlanPtr fold_plan_constants(const analyze::PlanPtr& root, ConstantEvaluator& constants);
analyze::PlanPtr push_filters(const analyze::PlanPtr& plan);
analyze::PlanPtr add_scan_bounds(const analyze::PlanPtr& plan);
void mark_needed_columns(analyze::QueryPlan& query);

}  // namespace huntdb::plan
