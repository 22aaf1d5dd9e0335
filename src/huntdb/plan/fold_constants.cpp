// Rule 1: subexpressions made only of literals become literals (ago(30d), 5m * 2,
// todatetime('2018-04-24')), computed once by the executor's kernels.
#include "huntdb/plan/optimizer.h"
#include "huntdb/plan/plan_rewrite.h"

namespace huntdb::plan {

using namespace analyze;

namespace {

bool foldable_kind(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Call:
      return e.fn && e.fn->deterministic && e.fn->kind == functions::FunctionKind::Scalar && e.fn->kernel;
    case ExprKind::Binary:
    case ExprKind::Negate:
    case ExprKind::Cast:
    case ExprKind::Between:
    case ExprKind::Member:
    case ExprKind::Index:
      return true;
    case ExprKind::In:
      return !e.subquery;
    default:
      return false;
  }
}

// Every expression slot of a node, for rules that rewrite expressions in place.
void for_each_expr(Plan& p, const std::function<void(ExprPtr&)>& fn) {
  switch (p.kind) {
    case PlanKind::Filter: fn(static_cast<FilterPlan&>(p).predicate); break;
    case PlanKind::Project:
      for (auto& e : static_cast<ProjectPlan&>(p).exprs) fn(e);
      break;
    case PlanKind::Aggregate: {
      auto& a = static_cast<AggregatePlan&>(p);
      for (auto& e : a.keys) fn(e);
      for (auto& c : a.aggregates)
        for (auto& e : c.args) fn(e);
      break;
    }
    case PlanKind::Take: fn(static_cast<TakePlan&>(p).count); break;
    case PlanKind::Top: {
      auto& t = static_cast<TopPlan&>(p);
      fn(t.count);
      for (auto& k : t.keys) fn(k.expr);
      break;
    }
    case PlanKind::Sort:
      for (auto& k : static_cast<SortPlan&>(p).keys) fn(k.expr);
      break;
    case PlanKind::Join: {
      auto& j = static_cast<JoinPlan&>(p);
      for (auto& e : j.left_keys) fn(e);
      for (auto& e : j.right_keys) fn(e);
      break;
    }
    default:
      break;
  }
}

}  // namespace

ExprPtr fold_constants(const ExprPtr& e, ConstantEvaluator& constants) {
  if (!e || e->kind == ExprKind::Literal) return e;
  bool changed = false;
  std::vector<ExprPtr> args;
  args.reserve(e->args.size());
  bool all_literal = true;
  for (const auto& a : e->args) {
    args.push_back(fold_constants(a, constants));
    changed |= args.back() != a;
    all_literal &= args.back() && args.back()->kind == ExprKind::Literal;
  }
  ExprPtr current = e;
  if (changed) {
    auto c = std::make_shared<Expr>(*e);
    c->args = std::move(args);
    current = c;
  }
  if (all_literal && foldable_kind(*current)) {
    if (auto v = constants.evaluate(current)) {
      Value value = std::move(*v);
      // Keep the expression's declared type (a typed null stays typed).
      if (value.is_null()) value = Value::null(current->type);
      if (value.type == current->type || current->type == ScalarType::Unknown) return Expr::literal(std::move(value));
    }
  }
  return current;
}

PlanPtr fold_plan_constants(const PlanPtr& root, ConstantEvaluator& constants) {
  PlanRewriter r([&](const PlanPtr& node) -> PlanPtr {
    std::shared_ptr<Plan> copy;
    auto probe = clone_plan(*node);
    bool changed = false;
    for_each_expr(*probe, [&](ExprPtr& e) {
      ExprPtr f = fold_constants(e, constants);
      if (f != e) {
        e = f;
        changed = true;
      }
    });
    return changed ? PlanPtr(probe) : node;
  });
  return r.rewrite(root);
}

}  // namespace huntdb::plan
