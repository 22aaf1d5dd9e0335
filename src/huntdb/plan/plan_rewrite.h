// Tools the optimizer's rules share: copying plan nodes, rewriting a plan bottom-up while keeping
// shared sub-plans shared, and reading or renumbering the columns an expression uses.
#pragma once

#include <functional>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "huntdb/analyze/logical_plan.h"

namespace huntdb::plan {

// A mutable copy of a node (same kind, same fields, same inputs).
std::shared_ptr<analyze::Plan> clone_plan(const analyze::Plan& p);

// Rewrites every node below `root` (inputs first, then the node itself with its rewritten
// inputs), including the sub-plans of fork, facet, partition and mv-apply. `fn` returns the
// replacement of a node whose inputs are already rewritten (or the node itself).
class PlanRewriter {
 public:
  using Fn = std::function<analyze::PlanPtr(const analyze::PlanPtr& node)>;
  explicit PlanRewriter(Fn fn) : fn_(std::move(fn)) {}
  analyze::PlanPtr rewrite(const analyze::PlanPtr& root);

 private:
  Fn fn_;
  absl::flat_hash_map<const analyze::Plan*, analyze::PlanPtr> done_;
};

// Calls fn on every expression node of e (pre-order).
void visit_expr(const analyze::ExprPtr& e, const std::function<void(const analyze::Expr&)>& fn);
// The row columns (ColumnSide::Row) an expression reads.
std::vector<uint32_t> columns_of(const analyze::ExprPtr& e);
// Whether e reads only row columns, and no subquery, step or search-over-all-columns.
bool is_row_local(const analyze::ExprPtr& e);
// e with its row columns renumbered by `map` (old index -> new index; every used index mapped).
analyze::ExprPtr remap_columns(const analyze::ExprPtr& e, const absl::flat_hash_map<uint32_t, uint32_t>& map);
// The conjuncts of an `and` chain, and back.
void conjuncts(const analyze::ExprPtr& e, std::vector<analyze::ExprPtr>& out);
analyze::ExprPtr conjunction(const std::vector<analyze::ExprPtr>& parts);

}  // namespace huntdb::plan
