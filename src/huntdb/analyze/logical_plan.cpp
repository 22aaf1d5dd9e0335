#include "huntdb/analyze/logical_plan.h"

namespace huntdb::analyze {

ExprPtr Expr::literal(Value v) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::Literal;
  e->type = v.type;
  e->value = std::move(v);
  return e;
}

ExprPtr Expr::column(uint32_t index, ScalarType type, std::string name, ColumnSide side) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::Column;
  e->type = type;
  e->index = index;
  e->side = side;
  e->name = std::move(name);
  return e;
}

ExprPtr Expr::call(const functions::FunctionInfo* fn, ScalarType type, std::vector<ExprPtr> args) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::Call;
  e->type = type;
  e->fn = fn;
  e->args = std::move(args);
  return e;
}

ExprPtr Expr::binary(kql::BinaryOp op, ScalarType type, ExprPtr lhs, ExprPtr rhs) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::Binary;
  e->type = type;
  e->binary_op = op;
  e->args = {std::move(lhs), std::move(rhs)};
  return e;
}

ExprPtr Expr::cast(ExprPtr inner, ScalarType to) {
  if (!inner || inner->type == to || to == ScalarType::Unknown) return inner;
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::Cast;
  e->type = to;
  e->args = {std::move(inner)};
  return e;
}

bool Expr::all_set(const std::vector<ExprPtr>& exprs) {
  for (const auto& e : exprs)
    if (!e) return false;
  return true;
}

}  // namespace huntdb::analyze
