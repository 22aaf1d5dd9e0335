// Rule 2: filters move toward the scan, so fewer rows flow through the rest of the plan and the
// scan can see them (rule 3). A filter's conjuncts move independently: those that can pass an
// operator go below it, the rest stay above.
#include "huntdb/plan/optimizer.h"
#include "huntdb/plan/plan_rewrite.h"

namespace huntdb::plan {

using namespace analyze;

namespace {

PlanPtr make_filter(PlanPtr input, ExprPtr predicate) {
  auto f = std::make_shared<FilterPlan>();
  f->schema = input->schema;
  f->predicate = std::move(predicate);
  f->inputs = {std::move(input)};
  return f;
}

PlanPtr push(const PlanPtr& filter);

// Pushes `parts` into `input` (as a new filter) when there are any, recursively.
PlanPtr filtered(const PlanPtr& input, const std::vector<ExprPtr>& parts) {
  if (parts.empty()) return input;
  return push(make_filter(input, conjunction(parts)));
}

// `node` with input `i` replaced.
PlanPtr with_input(const PlanPtr& node, size_t i, PlanPtr input) {
  auto c = clone_plan(*node);
  c->inputs[i] = std::move(input);
  return c;
}

PlanPtr keep_above(const PlanPtr& below, const std::vector<ExprPtr>& parts) {
  if (parts.empty()) return below;
  return make_filter(below, conjunction(parts));
}

// Sorts the conjuncts `parts` of a filter above an operator whose output column i is
// `outputs[i]`: those that read only outputs that are plain input columns go `down`, remapped
// to the input's columns; the rest `stay` above.
void split_through_columns(const std::vector<ExprPtr>& parts, const std::vector<ExprPtr>& outputs,
                           std::vector<ExprPtr>& down, std::vector<ExprPtr>& stay) {
  for (const auto& c : parts) {
    bool ok = is_row_local(c);
    absl::flat_hash_map<uint32_t, uint32_t> map;
    for (uint32_t col : columns_of(c)) {
      const ExprPtr& src = col < outputs.size() ? outputs[col] : nullptr;
      if (!src || src->kind != ExprKind::Column || src->side != ColumnSide::Row) {
        ok = false;
        break;
      }
      map[col] = src->index;
    }
    if (ok) {
      down.push_back(remap_columns(c, map));
    } else {
      stay.push_back(c);
    }
  }
}

PlanPtr push(const PlanPtr& node) {
  const auto& f = node->as<FilterPlan>();
  const PlanPtr& in = f.inputs[0];
  std::vector<ExprPtr> parts;
  conjuncts(f.predicate, parts);
  std::vector<ExprPtr> down, stay;
  switch (in->kind) {
    case PlanKind::Filter: {
      // Adjacent filters become one (the lower one's conditions first).
      std::vector<ExprPtr> all;
      conjuncts(in->as<FilterPlan>().predicate, all);
      for (auto& p : parts) all.push_back(p);
      return push(make_filter(in->inputs[0], conjunction(all)));
    }
    case PlanKind::Project: {
      const auto& p = in->as<ProjectPlan>();
      if (p.window) return node;
      split_through_columns(parts, p.exprs, down, stay);
      if (down.empty()) return node;
      return keep_above(with_input(in, 0, filtered(in->inputs[0], down)), stay);
    }
    case PlanKind::Sort:
      return with_input(in, 0, push(make_filter(in->inputs[0], f.predicate)));
    case PlanKind::Union: {
      const auto& u = in->as<UnionPlan>();
      // A conjunct goes into every input when each input has every column it reads.
      std::vector<absl::flat_hash_map<uint32_t, uint32_t>> inverse(u.inputs.size());
      for (size_t i = 0; i < u.inputs.size(); ++i)
        for (size_t c = 0; c < u.column_maps[i].size(); ++c)
          if (u.column_maps[i][c] >= 0 &&
              u.inputs[i]->schema->columns[c].type == u.schema->columns[u.column_maps[i][c]].type)
            inverse[i][static_cast<uint32_t>(u.column_maps[i][c])] = static_cast<uint32_t>(c);
      std::vector<std::vector<ExprPtr>> per_input(u.inputs.size());
      for (const auto& c : parts) {
        bool ok = is_row_local(c);
        for (size_t i = 0; ok && i < u.inputs.size(); ++i)
          for (uint32_t col : columns_of(c))
            if (!inverse[i].contains(col)) ok = false;
        if (!ok) {
          stay.push_back(c);
          continue;
        }
        for (size_t i = 0; i < u.inputs.size(); ++i) per_input[i].push_back(remap_columns(c, inverse[i]));
      }
      if (per_input.empty() || per_input[0].empty()) return node;
      auto copy = clone_plan(*in);
      for (size_t i = 0; i < u.inputs.size(); ++i) copy->inputs[i] = filtered(u.inputs[i], per_input[i]);
      return keep_above(copy, stay);
    }
    case PlanKind::Aggregate: {
      const auto& a = in->as<AggregatePlan>();
      split_through_columns(parts, a.keys, down, stay);
      if (down.empty()) return node;
      return keep_above(with_input(in, 0, filtered(in->inputs[0], down)), stay);
    }
    case PlanKind::Join: {
      const auto& j = in->as<JoinPlan>();
      // Filtering left rows first is the same as filtering the join's output only when each
      // left row's fate does not depend on the others (innerunique keeps one row per key).
      bool left_ok = j.join_kind == JoinKind::Inner || j.join_kind == JoinKind::LeftOuter ||
                     j.join_kind == JoinKind::LeftSemi || j.join_kind == JoinKind::LeftAnti;
      if (!left_ok) return node;
      size_t left_width = j.inputs[0]->schema->columns.size();
      for (const auto& c : parts) {
        bool ok = is_row_local(c);
        for (uint32_t col : columns_of(c)) ok = ok && col < left_width;
        (ok ? down : stay).push_back(c);
      }
      if (down.empty()) return node;
      return keep_above(with_input(in, 0, filtered(j.inputs[0], down)), stay);
    }
    default:
      return node;
  }
}

}  // namespace

PlanPtr push_filters(const PlanPtr& plan) {
  PlanRewriter r([](const PlanPtr& node) -> PlanPtr {
    if (node->kind != PlanKind::Filter) return node;
    return push(node);
  });
  return r.rewrite(plan);
}

}  // namespace huntdb::plan
