#include "huntdb/exec/executor.h"

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"

namespace huntdb::exec {

using namespace analyze;

TablePtr Executor::run(const PlanPtr& plan, const Bindings* bindings) {
  if (!plan) throw ExecError("The query cannot be executed.");
  ctx_.check_cancelled();
  TablePtr t = dispatch(*plan, bindings);
  // Every operator's result is materialized here, so this is where the memory budget is held.
  if (t) ctx_.check_memory(*t);
  return t;
}

TablePtr Executor::dispatch(const Plan& p, const Bindings* b) {
  switch (p.kind) {
    case PlanKind::TableScan: return op::table_scan(p.as<TableScanPlan>(), *this);
    case PlanKind::Values: return op::values(p.as<ValuesPlan>(), *this, b);
    case PlanKind::Range: return op::range(p.as<RangePlan>(), *this, b);
    case PlanKind::Filter: return op::filter(p.as<FilterPlan>(), *this, b);
    case PlanKind::Project: return op::project(p.as<ProjectPlan>(), *this, b);
    case PlanKind::Aggregate: return op::aggregate(p.as<AggregatePlan>(), *this, b);
    case PlanKind::Count: return op::count(p.as<CountPlan>(), *this, b);
    case PlanKind::Take: return op::take(p.as<TakePlan>(), *this, b);
    case PlanKind::Top: return op::top(p.as<TopPlan>(), *this, b);
    case PlanKind::Sort: return op::sort(p.as<SortPlan>(), *this, b);
    case PlanKind::Distinct: return op::distinct(p.as<DistinctPlan>(), *this, b);
    case PlanKind::Union: return op::union_all(p.as<UnionPlan>(), *this, b);
    case PlanKind::Join: return op::join(p.as<JoinPlan>(), *this, b);
    case PlanKind::MvExpand: return op::mv_expand(p.as<MvExpandPlan>(), *this, b);
    case PlanKind::MvApply: return op::mv_apply(p.as<MvApplyPlan>(), *this, b);
    case PlanKind::Parse: return op::parse(p.as<ParsePlan>(), *this, b);
    case PlanKind::ParseKv: return op::parse_kv(p.as<ParseKvPlan>(), *this, b);
    case PlanKind::MakeSeries: return op::make_series(p.as<MakeSeriesPlan>(), *this, b);
    case PlanKind::TopNested: return op::top_nested(p.as<TopNestedPlan>(), *this, b);
    case PlanKind::TopHitters: return op::top_hitters(p.as<TopHittersPlan>(), *this, b);
    case PlanKind::Sample: return op::sample(p.as<SamplePlan>(), *this, b);
    case PlanKind::SampleDistinct: return op::sample_distinct(p.as<SampleDistinctPlan>(), *this, b);
    case PlanKind::Partition: return op::partition(p.as<PartitionPlan>(), *this, b);
    case PlanKind::ScanOp: return op::scan(p.as<ScanOpPlan>(), *this, b);
    case PlanKind::Reduce: return op::reduce(p.as<ReducePlan>(), *this, b);
    case PlanKind::Evaluate: return op::evaluate(p.as<EvaluatePlan>(), *this, b);
    case PlanKind::ExternalData: return op::external_data(p.as<ExternalDataPlan>(), *this);
    case PlanKind::Render:
      // The visualization is taken by run_query; inside a query the rows pass through.
      return run(p.inputs[0], b);
    case PlanKind::Materialize: {
      if (auto cached = ctx_.cached_table(&p)) return cached;
      TablePtr t = run(p.inputs[0], b);
      // Materialized results never depend on a subquery's input, so caching by node is safe
      // unless the node sits inside a subquery (then bindings are set and we do not cache).
      if (!b) ctx_.cache_table(&p, t);
      return t;
    }
    case PlanKind::SubqueryInput: {
      if (b) {
        auto it = b->find(&p);
        if (it != b->end()) return it->second;
      }
      throw ExecError("A subquery's input is not available here.");
    }
    case PlanKind::Fork:
    case PlanKind::Facet:
      throw ExecError("fork and facet must be the last operator of a query.");
    case PlanKind::Precomputed:
      return p.as<PrecomputedPlan>().table;
    case PlanKind::Unsupported: {
      const auto& u = p.as<UnsupportedPlan>();
      throw ExecError(u.message, u.at);
    }
  }
  throw ExecError("The query has an operator that cannot be executed.");
}

std::vector<ResultTable> Executor::run_query(const QueryPlan& query) {
  std::vector<ResultTable> results;
  for (const auto& r : query.results) {
    if (!r.plan && r.scalar) {
      // A scalar statement: one row, one column named print_0 as Kusto shows it.
      auto values = std::make_shared<ValuesPlan>();
      TableSchema s;
      s.columns.push_back({"print_0", r.scalar->type});
      values->schema = std::make_shared<TableSchema>(s);
      values->rows.push_back({r.scalar});
      results.push_back({r.name, run(values), std::nullopt});
      continue;
    }
    if (!r.plan) throw ExecError("The query cannot be executed.");
    const Plan* p = r.plan.get();
    // fork / facet at the end give several results.
    if (p->kind == PlanKind::Fork) {
      const auto& f = p->as<ForkPlan>();
      TablePtr input = run(f.inputs[0]);
      for (size_t i = 0; i < f.prongs.size(); ++i) {
        Bindings bind;
        collect_subquery_inputs(f.prongs[i], input, bind);
        std::string name = f.names[i].empty() ? fmt::format("GenericResult{}", i) : f.names[i];
        results.push_back({name, run(f.prongs[i], &bind), std::nullopt});
      }
      continue;
    }
    if (p->kind == PlanKind::Facet) {
      const auto& f = p->as<FacetPlan>();
      TablePtr input = run(f.inputs[0]);
      for (const auto& facet : f.facets) {
        Bindings bind;
        collect_subquery_inputs(facet, input, bind);
        results.push_back({"", run(facet, &bind), std::nullopt});
      }
      if (f.with) {
        Bindings bind;
        collect_subquery_inputs(f.with, input, bind);
        results.push_back({"", run(f.with, &bind), std::nullopt});
      }
      continue;
    }
    ResultTable out;
    out.name = r.name;
    if (p->kind == PlanKind::Render) {
      const auto& rp = p->as<RenderPlan>();
      out.visualization = Visualization{rp.visualization, rp.properties};
    }
    out.table = run(r.plan);
    results.push_back(std::move(out));
  }
  return results;
}

void collect_subquery_inputs(const PlanPtr& plan, const TablePtr& input, Bindings& out) {
  if (!plan) return;
  std::vector<const Plan*> stack{plan.get()};
  while (!stack.empty()) {
    const Plan* p = stack.back();
    stack.pop_back();
    if (p->kind == PlanKind::SubqueryInput) out[p] = input;
    for (const auto& i : p->inputs) stack.push_back(i.get());
    // Nested subqueries read their own inputs, given by their operators.
  }
}

}  // namespace huntdb::exec
