// Rule 3: conditions of a filter right above a table scan that storage can check against an
// extent's per-column min/max or term index become scan bounds (the filter stays: bounds only
// let storage skip extents that cannot match).
#include "huntdb/plan/optimizer.h"
#include "huntdb/plan/plan_rewrite.h"

namespace huntdb::plan {

using namespace analyze;
using kql::BinaryOp;

namespace {

bool is_row_column(const ExprPtr& e) { return e && e->kind == ExprKind::Column && e->side == ColumnSide::Row; }
bool is_value(const ExprPtr& e) { return e && e->kind == ExprKind::Literal && !e->value.is_null(); }

bool orderable(ScalarType t) {
  return t == ScalarType::DateTime || t == ScalarType::TimeSpan || t == ScalarType::Long || t == ScalarType::Int ||
         t == ScalarType::Real;
}

// Bounds one conjunct gives, if any.
void bounds_of(const ExprPtr& c, std::vector<ScanBound>& out) {
  if (c->kind == ExprKind::Binary) {
    ExprPtr col = c->args[0], val = c->args[1];
    BinaryOp op = c->binary_op;
    if (!is_row_column(col) && is_row_column(val)) {
      std::swap(col, val);
      // Mirror the comparison: 5 < x is x > 5.
      switch (op) {
        case BinaryOp::Less: op = BinaryOp::Greater; break;
        case BinaryOp::LessEqual: op = BinaryOp::GreaterEqual; break;
        case BinaryOp::Greater: op = BinaryOp::Less; break;
        case BinaryOp::GreaterEqual: op = BinaryOp::LessEqual; break;
        default: break;
      }
    }
    if (!is_row_column(col) || !is_value(val)) return;
    bool same_type = col->type == val->type;
    switch (op) {
      case BinaryOp::Greater:
      case BinaryOp::GreaterEqual:
        if (same_type && orderable(col->type)) out.push_back({col->index, ScanBound::Op::AtLeast, val->value});
        break;
      case BinaryOp::Less:
      case BinaryOp::LessEqual:
        if (same_type && orderable(col->type)) out.push_back({col->index, ScanBound::Op::AtMost, val->value});
        break;
      case BinaryOp::Equal:
        if (same_type) out.push_back({col->index, ScanBound::Op::Equals, val->value});
        break;
      case BinaryOp::Has:
      case BinaryOp::HasCs:
        if (col->type == ScalarType::String && val->type == ScalarType::String)
          out.push_back({col->index, ScanBound::Op::HasTerm, val->value});
        break;
      default:
        break;
    }
    return;
  }
  if (c->kind == ExprKind::Between && !c->negated && is_row_column(c->args[0]) && is_value(c->args[1]) &&
      is_value(c->args[2])) {
    const ExprPtr& col = c->args[0];
    const Value& lo = c->args[1]->value;
    Value hi = c->args[2]->value;
    if (!orderable(col->type) || lo.type != col->type) return;
    // datetime between (start .. 1d) ends at start + 1d.
    if (col->type == ScalarType::DateTime && hi.type == ScalarType::TimeSpan) hi = Value::of_datetime(lo.as_long() + hi.as_long());
    if (hi.type != col->type) return;
    out.push_back({col->index, ScanBound::Op::AtLeast, lo});
    out.push_back({col->index, ScanBound::Op::AtMost, hi});
  }
}

}  // namespace

PlanPtr add_scan_bounds(const PlanPtr& plan) {
  PlanRewriter r([](const PlanPtr& node) -> PlanPtr {
    if (node->kind != PlanKind::Filter || node->inputs[0]->kind != PlanKind::TableScan) return node;
    std::vector<ExprPtr> parts;
    conjuncts(node->as<FilterPlan>().predicate, parts);
    std::vector<ScanBound> bounds;
    for (const auto& c : parts) bounds_of(c, bounds);
    if (bounds.empty()) return node;
    auto scan = std::static_pointer_cast<TableScanPlan>(clone_plan(*node->inputs[0]));
    for (auto& b : bounds) scan->bounds.push_back(std::move(b));
    auto f = clone_plan(*node);
    f->inputs[0] = scan;
    return f;
  });
  return r.rewrite(plan);
}

}  // namespace huntdb::plan
