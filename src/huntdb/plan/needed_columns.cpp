// Rule 4: each table scan learns which of its columns anything above it reads, so storage can
// leave the others undecoded. Requirements flow from the results down; a node read by several
// parents needs what any of them needs.
#include <algorithm>

#include <absl/container/flat_hash_set.h>

#include "huntdb/plan/optimizer.h"
#include "huntdb/plan/plan_rewrite.h"

namespace huntdb::plan {

using namespace analyze;

namespace {

using Need = std::vector<bool>;

Need all_of(const PlanPtr& p) { return Need(p->schema ? p->schema->columns.size() : 0, true); }

void add(Need& need, const ExprPtr& e) {
  bool every = false;
  visit_expr(e, [&](const Expr& x) {
    if (x.kind == ExprKind::SearchTerm) every = true;
  });
  if (every) {
    std::fill(need.begin(), need.end(), true);
    return;
  }
  for (uint32_t c : columns_of(e))
    if (c < need.size()) need[c] = true;
}

class Requirements {
 public:
  void require(const PlanPtr& p, const Need& n) {
    Need& mine = need_[p.get()];
    if (mine.size() < n.size()) mine.resize(n.size(), false);
    for (size_t i = 0; i < n.size(); ++i)
      if (n[i]) mine[i] = true;
  }

  // Nodes in an order where every parent comes before its inputs.
  void order(const PlanPtr& root) { visit(root); }

  void propagate() {
    for (auto it = topo_.rbegin(); it != topo_.rend(); ++it) {
      const PlanPtr& p = *it;
      Need out = need_[p.get()];
      out.resize(p->schema ? p->schema->columns.size() : 0, false);
      propagate_one(p, out);
    }
  }

  const Need* need_of(const Plan* p) const {
    auto it = need_.find(p);
    return it == need_.end() ? nullptr : &it->second;
  }

 private:
  void visit(const PlanPtr& p) {
    if (!p || seen_.contains(p.get())) return;
    seen_.insert(p.get());
    for (const auto& in : p->inputs) visit(in);
    topo_.push_back(p);
  }

  void propagate_one(const PlanPtr& p, const Need& out) {
    auto input_need = [&](size_t i) { return Need(p->inputs[i]->schema ? p->inputs[i]->schema->columns.size() : 0, false); };
    switch (p->kind) {
      case PlanKind::Filter: {
        Need n = out;
        add(n, p->as<FilterPlan>().predicate);
        require(p->inputs[0], n);
        return;
      }
      case PlanKind::Project: {
        const auto& pr = p->as<ProjectPlan>();
        if (pr.window) break;
        Need n = input_need(0);
        for (size_t j = 0; j < pr.exprs.size() && j < out.size(); ++j)
          if (out[j]) add(n, pr.exprs[j]);
        require(p->inputs[0], n);
        return;
      }
      case PlanKind::Aggregate: {
        const auto& a = p->as<AggregatePlan>();
        Need n = input_need(0);
        for (const auto& k : a.keys) add(n, k);
        for (const auto& c : a.aggregates)
          for (const auto& e : c.args) add(n, e);
        require(p->inputs[0], n);
        return;
      }
      case PlanKind::Count:
        require(p->inputs[0], input_need(0));
        return;
      case PlanKind::Take:
      case PlanKind::Sample:
      case PlanKind::Render:
      case PlanKind::Materialize:
        require(p->inputs[0], out);
        return;
      case PlanKind::Sort:
      case PlanKind::Top: {
        Need n = out;
        const auto& keys = p->kind == PlanKind::Sort ? p->as<SortPlan>().keys : p->as<TopPlan>().keys;
        for (const auto& k : keys) add(n, k.expr);
        require(p->inputs[0], n);
        return;
      }
      case PlanKind::Union: {
        const auto& u = p->as<UnionPlan>();
        for (size_t i = 0; i < u.inputs.size(); ++i) {
          Need n = input_need(i);
          for (size_t c = 0; c < u.column_maps[i].size() && c < n.size(); ++c) {
            int target = u.column_maps[i][c];
            if (target >= 0 && static_cast<size_t>(target) < out.size() && out[target]) n[c] = true;
          }
          require(u.inputs[i], n);
        }
        return;
      }
      case PlanKind::Join: {
        const auto& j = p->as<JoinPlan>();
        Need left = input_need(0), right = input_need(1);
        for (const auto& k : j.left_keys) add(left, k);
        for (const auto& k : j.right_keys) add(right, k);
        if (j.join_kind == JoinKind::LeftSemi || j.join_kind == JoinKind::LeftAnti) {
          for (size_t c = 0; c < out.size() && c < left.size(); ++c) left[c] = left[c] || out[c];
        } else if (j.join_kind == JoinKind::RightSemi || j.join_kind == JoinKind::RightAnti) {
          for (size_t c = 0; c < out.size() && c < right.size(); ++c) right[c] = right[c] || out[c];
        } else {
          size_t l = left.size();
          for (size_t c = 0; c < l && c < out.size(); ++c) left[c] = left[c] || out[c];
          for (size_t k = 0; k < j.right_columns.size(); ++k)
            if (l + k < out.size() && out[l + k]) right[j.right_columns[k]] = true;
        }
        require(j.inputs[0], left);
        require(j.inputs[1], right);
        return;
      }
      default:
        break;
    }
    // Anything else reads every column of every input.
    for (const auto& in : p->inputs) require(in, all_of(in));
  }

  absl::flat_hash_map<const Plan*, Need> need_;
  absl::flat_hash_set<const Plan*> seen_;
  std::vector<PlanPtr> topo_;
};

}  // namespace

void mark_needed_columns(QueryPlan& query) {
  Requirements req;
  for (const auto& r : query.results) {
    if (!r.plan) continue;
    req.order(r.plan);
    req.require(r.plan, all_of(r.plan));
  }
  req.propagate();
  PlanRewriter rewriter([&](const PlanPtr& node) -> PlanPtr {
    if (node->kind != PlanKind::TableScan) return node;
    const Need* n = req.need_of(node.get());
    // Sub-plans the requirements did not reach (inside fork prongs, ...) read everything.
    if (!n || std::all_of(n->begin(), n->end(), [](bool b) { return b; })) return node;
    auto scan = std::static_pointer_cast<TableScanPlan>(clone_plan(*node));
    scan->needed = *n;
    scan->needed.resize(node->schema->columns.size(), false);
    return scan;
  });
  for (auto& r : query.results)
    if (r.plan) r.plan = rewriter.rewrite(r.plan);
}

}  // namespace huntdb::plan
