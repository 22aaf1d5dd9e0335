#include "huntdb/plan/plan_rewrite.h"

namespace huntdb::plan {

using namespace analyze;

std::shared_ptr<Plan> clone_plan(const Plan& p) {
  switch (p.kind) {
#define HUNTDB_CLONE(K, T) \
  case PlanKind::K: return std::make_shared<T>(p.as<T>());
    HUNTDB_CLONE(TableScan, TableScanPlan)
    HUNTDB_CLONE(Values, ValuesPlan)
    HUNTDB_CLONE(Range, RangePlan)
    HUNTDB_CLONE(Filter, FilterPlan)
    HUNTDB_CLONE(Project, ProjectPlan)
    HUNTDB_CLONE(Aggregate, AggregatePlan)
    HUNTDB_CLONE(Count, CountPlan)
    HUNTDB_CLONE(Take, TakePlan)
    HUNTDB_CLONE(Top, TopPlan)
    HUNTDB_CLONE(Sort, SortPlan)
    HUNTDB_CLONE(Distinct, DistinctPlan)
    HUNTDB_CLONE(Union, UnionPlan)
    HUNTDB_CLONE(Join, JoinPlan)
    HUNTDB_CLONE(MvExpand, MvExpandPlan)
    HUNTDB_CLONE(MvApply, MvApplyPlan)
    HUNTDB_CLONE(Parse, ParsePlan)
    HUNTDB_CLONE(ParseKv, ParseKvPlan)
    HUNTDB_CLONE(MakeSeries, MakeSeriesPlan)
    HUNTDB_CLONE(TopNested, TopNestedPlan)
    HUNTDB_CLONE(TopHitters, TopHittersPlan)
    HUNTDB_CLONE(Sample, SamplePlan)
    HUNTDB_CLONE(SampleDistinct, SampleDistinctPlan)
    HUNTDB_CLONE(Render, RenderPlan)
    HUNTDB_CLONE(Materialize, MaterializePlan)
    HUNTDB_CLONE(SubqueryInput, SubqueryInputPlan)
    HUNTDB_CLONE(Fork, ForkPlan)
    HUNTDB_CLONE(Facet, FacetPlan)
    HUNTDB_CLONE(Partition, PartitionPlan)
    HUNTDB_CLONE(ScanOp, ScanOpPlan)
    HUNTDB_CLONE(Reduce, ReducePlan)
    HUNTDB_CLONE(Evaluate, EvaluatePlan)
    HUNTDB_CLONE(Unsupported, UnsupportedPlan)
    HUNTDB_CLONE(Precomputed, PrecomputedPlan)
    HUNTDB_CLONE(ExternalData, ExternalDataPlan)
#undef HUNTDB_CLONE
  }
  return nullptr;
}

PlanPtr PlanRewriter::rewrite(const PlanPtr& root) {
  if (!root) return root;
  auto it = done_.find(root.get());
  if (it != done_.end()) return it->second;
  // SubqueryInput leaves are identities bound at run time: never copy them.
  if (root->kind == PlanKind::SubqueryInput) {
    done_[root.get()] = root;
    return root;
  }
  std::shared_ptr<Plan> copy;
  auto mutable_copy = [&]() -> Plan& {
    if (!copy) copy = clone_plan(*root);
    return *copy;
  };
  for (size_t i = 0; i < root->inputs.size(); ++i) {
    PlanPtr r = rewrite(root->inputs[i]);
    if (r != root->inputs[i]) mutable_copy().inputs[i] = r;
  }
  auto sub = [&](const PlanPtr& p, auto setter) {
    PlanPtr r = rewrite(p);
    if (r != p) setter(mutable_copy(), r);
  };
  switch (root->kind) {
    case PlanKind::Fork:
      for (size_t i = 0; i < root->as<ForkPlan>().prongs.size(); ++i)
        sub(root->as<ForkPlan>().prongs[i], [i](Plan& c, PlanPtr r) { static_cast<ForkPlan&>(c).prongs[i] = std::move(r); });
      break;
    case PlanKind::Facet:
      for (size_t i = 0; i < root->as<FacetPlan>().facets.size(); ++i)
        sub(root->as<FacetPlan>().facets[i], [i](Plan& c, PlanPtr r) { static_cast<FacetPlan&>(c).facets[i] = std::move(r); });
      if (root->as<FacetPlan>().with)
        sub(root->as<FacetPlan>().with, [](Plan& c, PlanPtr r) { static_cast<FacetPlan&>(c).with = std::move(r); });
      break;
    case PlanKind::Partition:
      sub(root->as<PartitionPlan>().subquery, [](Plan& c, PlanPtr r) { static_cast<PartitionPlan&>(c).subquery = std::move(r); });
      break;
    case PlanKind::MvApply:
      sub(root->as<MvApplyPlan>().subquery, [](Plan& c, PlanPtr r) { static_cast<MvApplyPlan&>(c).subquery = std::move(r); });
      break;
    default:
      break;
  }
  PlanPtr current = copy ? PlanPtr(copy) : root;
  PlanPtr result = fn_(current);
  done_[root.get()] = result;
  return result;
}

void visit_expr(const ExprPtr& e, const std::function<void(const Expr&)>& fn) {
  if (!e) return;
  std::vector<const Expr*> stack{e.get()};
  while (!stack.empty()) {
    const Expr* x = stack.back();
    stack.pop_back();
    fn(*x);
    for (const auto& a : x->args)
      if (a) stack.push_back(a.get());
  }
}

std::vector<uint32_t> columns_of(const ExprPtr& e) {
  std::vector<uint32_t> out;
  visit_expr(e, [&](const Expr& x) {
    if (x.kind == ExprKind::Column && x.side != ColumnSide::Step) out.push_back(x.index);
  });
  return out;
}

bool is_row_local(const ExprPtr& e) {
  bool ok = e != nullptr;
  visit_expr(e, [&](const Expr& x) {
    if (x.kind == ExprKind::SearchTerm || x.kind == ExprKind::ScalarSubquery || x.subquery) ok = false;
    if (x.kind == ExprKind::Column && x.side == ColumnSide::Step) ok = false;
    if (x.kind == ExprKind::Call && x.fn &&
        (!x.fn->deterministic || x.fn->kind == functions::FunctionKind::Window))
      ok = false;
  });
  return ok;
}

ExprPtr remap_columns(const ExprPtr& e, const absl::flat_hash_map<uint32_t, uint32_t>& map) {
  if (!e) return e;
  if (e->kind == ExprKind::Column && e->side != ColumnSide::Step) {
    auto it = map.find(e->index);
    if (it == map.end() || it->second == e->index) return e;
    auto c = std::make_shared<Expr>(*e);
    c->index = it->second;
    return c;
  }
  bool changed = false;
  std::vector<ExprPtr> args;
  args.reserve(e->args.size());
  for (const auto& a : e->args) {
    args.push_back(remap_columns(a, map));
    changed |= args.back() != a;
  }
  if (!changed) return e;
  auto c = std::make_shared<Expr>(*e);
  c->args = std::move(args);
  return c;
}

void conjuncts(const ExprPtr& e, std::vector<ExprPtr>& out) {
  if (e && e->kind == ExprKind::Binary && e->binary_op == kql::BinaryOp::And) {
    conjuncts(e->args[0], out);
    conjuncts(e->args[1], out);
  } else if (e) {
    out.push_back(e);
  }
}

ExprPtr conjunction(const std::vector<ExprPtr>& parts) {
  if (parts.empty()) return Expr::literal(Value::of_bool(true));
  ExprPtr acc = parts[0];
  for (size_t i = 1; i < parts.size(); ++i) acc = Expr::binary(kql::BinaryOp::And, ScalarType::Bool, acc, parts[i]);
  return acc;
}

}  // namespace huntdb::plan
