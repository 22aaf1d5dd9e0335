#include "huntdb/plan/plan_printer.h"

#include <fmt/format.h>

#include "huntdb/kql/printer.h"
#include "huntdb/types/literal.h"

namespace huntdb::plan {

using namespace analyze;

std::string expr_text(const ExprPtr& e) {
  if (!e) return "<null>";
  auto args = [&](size_t from = 0) {
    std::string s;
    for (size_t i = from; i < e->args.size(); ++i) s += (i > from ? ", " : "") + expr_text(e->args[i]);
    return s;
  };
  switch (e->kind) {
    case ExprKind::Literal: return format_literal(e->value);
    case ExprKind::Column: {
      std::string side = e->side == ColumnSide::Left ? "$left." : e->side == ColumnSide::Right ? "$right." : "";
      if (e->side == ColumnSide::Step) side = fmt::format("step{}.", e->step);
      return fmt::format("{}#{}:{}", side, e->index, e->name);
    }
    case ExprKind::Call: return fmt::format("{}({})", e->fn ? e->fn->name : "?", args());
    case ExprKind::Binary:
      return fmt::format("({} {} {})", expr_text(e->args[0]), kql::binary_op_text(e->binary_op), expr_text(e->args[1]));
    case ExprKind::Negate: return fmt::format("-({})", expr_text(e->args[0]));
    case ExprKind::In: return fmt::format("({} {} ({}{}))", expr_text(e->args[0]), kql::in_op_text(e->in_op), args(1), e->subquery ? "<subquery>" : "");
    case ExprKind::Between:
      return fmt::format("({} {}between ({} .. {}))", expr_text(e->args[0]), e->negated ? "!" : "", expr_text(e->args[1]),
                         expr_text(e->args[2]));
    case ExprKind::Member: return fmt::format("{}[\"{}\"]", expr_text(e->args[0]), e->name);
    case ExprKind::Index: return fmt::format("{}[{}]", expr_text(e->args[0]), expr_text(e->args[1]));
    case ExprKind::TupleField: return fmt::format("{}.{}", expr_text(e->args[0]), e->index);
    case ExprKind::ScalarSubquery: return "toscalar(<subquery>)";
    case ExprKind::Parameter: return fmt::format("@{}", e->name);
    case ExprKind::SearchTerm: return fmt::format("* {} \"{}\"", kql::binary_op_text(e->binary_op), e->name);
    case ExprKind::Cast: return fmt::format("to{}({})", type_name(e->type), expr_text(e->args[0]));
  }
  return "?";
}

namespace {

std::string columns_text(const Plan& p) {
  std::string s;
  if (!p.schema) return s;
  for (const auto& c : p.schema->columns) s += (s.empty() ? "" : ", ") + c.name + ":" + std::string(type_name(c.type));
  return s;
}

std::string exprs_text(const std::vector<ExprPtr>& exprs) {
  std::string s;
  for (const auto& e : exprs) s += (s.empty() ? "" : ", ") + expr_text(e);
  return s;
}

std::string keys_text(const std::vector<SortKey>& keys) {
  std::string s;
  for (const auto& k : keys)
    s += (s.empty() ? "" : ", ") + expr_text(k.expr) + (k.descending ? " desc" : " asc") + (k.nulls_first ? " nulls first" : " nulls last");
  return s;
}

std::string bound_text(const ScanBound& b) {
  switch (b.op) {
    case ScanBound::Op::AtLeast: return fmt::format("#{} >= {}", b.column, format_literal(b.value));
    case ScanBound::Op::AtMost: return fmt::format("#{} <= {}", b.column, format_literal(b.value));
    case ScanBound::Op::Equals: return fmt::format("#{} == {}", b.column, format_literal(b.value));
    case ScanBound::Op::HasTerm: return fmt::format("#{} has {}", b.column, format_literal(b.value));
  }
  return "";
}

std::string head(const Plan& p) {
  switch (p.kind) {
    case PlanKind::TableScan: {
      const auto& s = p.as<TableScanPlan>();
      std::string out = "TableScan " + s.table;
      if (!s.needed.empty()) {
        std::string cols;
        for (size_t i = 0; i < s.needed.size(); ++i)
          if (s.needed[i]) cols += (cols.empty() ? "" : ",") + std::to_string(i);
        out += " read=[" + cols + "]";
      }
      for (const auto& b : s.bounds) out += " where " + bound_text(b);
      return out;
    }
    case PlanKind::Values: return fmt::format("Values rows={}", p.as<ValuesPlan>().rows.size());
    case PlanKind::Range: {
      const auto& r = p.as<RangePlan>();
      return fmt::format("Range {} .. {} step {}", expr_text(r.from), expr_text(r.to), expr_text(r.step));
    }
    case PlanKind::Filter: return "Filter " + expr_text(p.as<FilterPlan>().predicate);
    case PlanKind::Project: return std::string(p.as<ProjectPlan>().window ? "SerializedProject " : "Project ") + exprs_text(p.as<ProjectPlan>().exprs);
    case PlanKind::Aggregate: {
      const auto& a = p.as<AggregatePlan>();
      std::string aggs;
      for (const auto& c : a.aggregates) aggs += (aggs.empty() ? "" : ", ") + std::string(c.fn ? c.fn->name : "?") + "(" + exprs_text(c.args) + ")";
      return fmt::format("Aggregate [{}] by [{}]", aggs, exprs_text(a.keys));
    }
    case PlanKind::Count: return "Count";
    case PlanKind::Take: return "Take " + expr_text(p.as<TakePlan>().count);
    case PlanKind::Top: return "Top " + expr_text(p.as<TopPlan>().count) + " by " + keys_text(p.as<TopPlan>().keys);
    case PlanKind::Sort: return "Sort by " + keys_text(p.as<SortPlan>().keys);
    case PlanKind::Distinct: return "Distinct";
    case PlanKind::Union: return "Union";
    case PlanKind::Join: {
      const auto& j = p.as<JoinPlan>();
      return fmt::format("{} kind={} on [{}] == [{}]", j.lookup ? "Lookup" : "Join", static_cast<int>(j.join_kind),
                         exprs_text(j.left_keys), exprs_text(j.right_keys));
    }
    case PlanKind::MvExpand: return "MvExpand";
    case PlanKind::MvApply: return "MvApply";
    case PlanKind::Parse: return "Parse " + expr_text(p.as<ParsePlan>().source);
    case PlanKind::ParseKv: return "ParseKv " + expr_text(p.as<ParseKvPlan>().source);
    case PlanKind::MakeSeries: return "MakeSeries";
    case PlanKind::TopNested: return "TopNested";
    case PlanKind::TopHitters: return "TopHitters";
    case PlanKind::Sample: return "Sample";
    case PlanKind::SampleDistinct: return "SampleDistinct";
    case PlanKind::Render: return "Render " + p.as<RenderPlan>().visualization;
    case PlanKind::Materialize: return "Materialize";
    case PlanKind::SubqueryInput: return "SubqueryInput";
    case PlanKind::Fork: return "Fork";
    case PlanKind::Facet: return "Facet";
    case PlanKind::Partition: return "Partition by " + expr_text(p.as<PartitionPlan>().key);
    case PlanKind::ScanOp: return "Scan";
    case PlanKind::Reduce: return "Reduce";
    case PlanKind::Evaluate: return std::string("Evaluate ") + (p.as<EvaluatePlan>().plugin ? std::string(p.as<EvaluatePlan>().plugin->name) : "?");
    case PlanKind::Unsupported: return "Unsupported: " + p.as<UnsupportedPlan>().message;
    case PlanKind::Precomputed: return fmt::format("Precomputed rows={}", p.as<PrecomputedPlan>().table->row_count());
    case PlanKind::ExternalData: {
      const auto& e = p.as<ExternalDataPlan>();
      std::string uris;
      for (const auto& u : e.uris) uris += (uris.empty() ? "" : ", ") + expr_text(u);
      return fmt::format("ExternalData format={} [{}]", e.format, uris);
    }
  }
  return "?";
}

void print(const Plan& p, int depth, std::string& out) {
  out += std::string(static_cast<size_t>(depth) * 2, ' ') + head(p) + "  -> (" + columns_text(p) + ")\n";
  for (const auto& in : p.inputs)
    if (in) print(*in, depth + 1, out);
}

}  // namespace

std::string explain(const Plan& plan) {
  std::string out;
  print(plan, 0, out);
  return out;
}

std::string explain(const QueryPlan& query) {
  std::string out;
  for (const auto& r : query.results) {
    if (r.plan) {
      out += explain(*r.plan);
    } else if (r.scalar) {
      out += "Scalar " + expr_text(r.scalar) + "\n";
    }
  }
  return out;
}

}  // namespace huntdb::plan
