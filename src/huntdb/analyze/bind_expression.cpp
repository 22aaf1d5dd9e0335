// Binding scalar expressions: names, literals, operators, function calls; and the names
// Kusto gives to unnamed expressions when they become columns.
#include <algorithm>

#include <fmt/format.h>

#include "huntdb/analyze/binder_internal.h"
#include "huntdb/analyze/literal_value.h"
#include "huntdb/functions/resolve.h"
#include "huntdb/kql/literals.h"
#include "huntdb/types/dynamic.h"

namespace huntdb::analyze::detail {

using namespace kql;

namespace {

bool is_arithmetic(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: case BinaryOp::Subtract: case BinaryOp::Multiply: case BinaryOp::Divide:
    case BinaryOp::Modulo:
      return true;
    default:
      return false;
  }
}

std::string_view op_symbol(const BinaryNode* b) { return b->op_text; }

ScalarType literal_type(LiteralKind k) {
  switch (k) {
    case LiteralKind::Bool: return ScalarType::Bool;
    case LiteralKind::Int: return ScalarType::Int;
    case LiteralKind::Long: return ScalarType::Long;
    case LiteralKind::Real: return ScalarType::Real;
    case LiteralKind::Decimal: return ScalarType::Decimal;
    case LiteralKind::String: return ScalarType::String;
    case LiteralKind::DateTime: return ScalarType::DateTime;
    case LiteralKind::TimeSpan: return ScalarType::TimeSpan;
    case LiteralKind::Guid: return ScalarType::Guid;
    case LiteralKind::Token: return ScalarType::String;
  }
  return ScalarType::Unknown;
}

const Node* strip_named(const Node* n) {
  while (n) {
    if (auto* s = n->as<SimpleNamedNode>()) {
      n = s->value;
    } else if (auto* o = n->as<OrderedNode>()) {
      n = o->expr;
    } else {
      break;
    }
  }
  return n;
}

}  // namespace

// ---------------------------------------------------------------- dispatch

BoundType Binder::bind(const Node* n) {
  if (!n) return BoundType::unknown();
  if (!search_terms_.empty() && search_terms_.contains(n)) {
    BoundType t = bare_search_term(n);
    out_.types[n] = t;
    return t;
  }
  BoundType t;
  switch (n->kind) {
    case NodeKind::Missing:
      t = BoundType::error();
      break;
    case NodeKind::Literal:
      t = bind_literal(n->as<LiteralNode>());
      break;
    case NodeKind::CompoundString: {
      std::string v;
      for (auto part : n->as<CompoundStringNode>()->parts) v += decode_string_literal(part);
      t = BoundType::of(ScalarType::String, Expr::literal(Value::of_string(std::move(v))));
      break;
    }
    case NodeKind::Name:
      t = bind_name(n->as<NameNode>());
      break;
    case NodeKind::Star:
    case NodeKind::At:
      t = BoundType::unknown();
      break;
    case NodeKind::TypeOf: {
      // typeof(long) as an argument (extract_json(..., typeof(long))): untyped, but it needs an
      // expression for the call to be complete; the kernel reads the type from the call's result
      // type, so the literal only stands in for the argument.
      t = BoundType::unknown();
      auto* to = n->as<TypeOfNode>();
      if (to->items.size() == 1)
        if (auto* p = to->items[0]->as<PrimitiveTypeNode>())
          t = BoundType::of(ScalarType::Unknown, Expr::literal(Value::of_string(std::string(p->text))));
      break;
    }
    case NodeKind::Paren:
      t = bind(n->as<ParenNode>()->inner);
      break;
    case NodeKind::Unary: {
      auto* u = n->as<UnaryNode>();
      BoundType operand = bind_scalar(u->operand);
      ScalarType o = operand.scalar_type();
      auto negate = [&](ScalarType result) -> ExprPtr {
        if (!operand.expr) return nullptr;
        if (u->op == UnaryOp::Plus) return Expr::cast(operand.expr, result);
        auto e = std::make_shared<Expr>();
        e->kind = ExprKind::Negate;
        e->type = result;
        e->args = {Expr::cast(operand.expr, result)};
        return e;
      };
      switch (o) {
        case ScalarType::Int:
        case ScalarType::Long: t = BoundType::of(ScalarType::Long, negate(ScalarType::Long)); break;
        case ScalarType::Real:
        case ScalarType::Decimal:
        case ScalarType::TimeSpan:
        case ScalarType::Dynamic: t = BoundType::of(o, negate(o)); break;
        case ScalarType::Unknown: t = BoundType::unknown(); break;
        default:
          error(n, fmt::format("The operator '{}' is not defined for the operand type {}.",
                               u->op == UnaryOp::Minus ? "-" : "+", type_name(o)));
          t = BoundType::unknown();
      }
      break;
    }
    case NodeKind::Binary:
      t = bind_binary(n->as<BinaryNode>());
      break;
    case NodeKind::In: {
      auto* in = n->as<InNode>();
      BoundType lhs = bind_scalar(in->lhs);
      auto e = std::make_shared<Expr>();
      e->kind = ExprKind::In;
      e->type = ScalarType::Bool;
      e->in_op = in->op;
      e->args.push_back(lhs.expr);
      bool complete = lhs.expr != nullptr;
      for (const Node* item : in->list) {
        // An element may be a tabular subquery: its first column is the list.
        BoundType it = bind(item);
        if (it.is_table()) {
          if (it.plan && in->list.size() == 1) {
            e->subquery = it.plan;
          } else {
            complete = false;
          }
        } else if (it.expr) {
          e->args.push_back(it.expr);
        } else {
          complete = false;
        }
      }
      t = BoundType::of(ScalarType::Bool, complete ? ExprPtr(e) : nullptr);
      break;
    }
    case NodeKind::Between: {
      auto* b = n->as<BetweenNode>();
      BoundType lb = bind_scalar(b->lhs), lob = bind_scalar(b->low), hib = bind_scalar(b->high);
      ScalarType l = lb.scalar_type(), lo = lob.scalar_type(), hi = hib.scalar_type();
      auto ok = [](ScalarType s) {
        return s == ScalarType::Unknown || s == ScalarType::Dynamic || is_numeric(s) || s == ScalarType::DateTime ||
               s == ScalarType::TimeSpan;
      };
      if (!ok(l) || !ok(lo) || !ok(hi))
        error(n, fmt::format("The operator 'between' is not defined for the operand types {}, {} and {}.",
                             type_name(l), type_name(lo), type_name(hi)));
      ExprPtr between;
      if (lb.expr && lob.expr && hib.expr) {
        auto e = std::make_shared<Expr>();
        e->kind = ExprKind::Between;
        e->type = ScalarType::Bool;
        e->negated = b->negated;
        e->args = {lb.expr, lob.expr, hib.expr};
        between = e;
      }
      t = BoundType::of(ScalarType::Bool, between);
      break;
    }
    case NodeKind::Call:
      t = bind_call(n->as<CallNode>());
      break;
    case NodeKind::Path:
      t = bind_path(n->as<PathNode>());
      break;
    case NodeKind::Element: {
      auto* e = n->as<ElementNode>();
      BoundType target = e->target ? bind(e->target) : BoundType::unknown();
      {
        RowGuard g(*this, RowContext{ctx_.row, ctx_.side, ctx_.left, ctx_.right, false, false});
        bind(e->index);
      }
      if (target.kind == BoundType::Kind::Tuple || target.kind == BoundType::Kind::Table) {
        auto name = constant_string(e->index);
        const ColumnSchema* c = name ? target.columns->find(*name) : nullptr;
        t = c ? BoundType::of(c->type, tuple_field(target, *name)) : BoundType::unknown();
      } else {
        ScalarType tt = target.scalar_type();
        if (tt != ScalarType::Dynamic && tt != ScalarType::Unknown)
          error(e->target, "The expression must have the type dynamic.");
        auto index_type = out_.types.find(e->index);
        ExprPtr index = index_type == out_.types.end() ? nullptr : index_type->second.expr;
        ExprPtr element;
        if (target.expr && index) {
          auto x = std::make_shared<Expr>();
          // x["key"] with a constant key is a member access; anything else is looked up at run time.
          if (index->kind == ExprKind::Literal && index->type == ScalarType::String) {
            x->kind = ExprKind::Member;
            x->name = index->value.as_string();
            x->args = {target.expr};
          } else {
            x->kind = ExprKind::Index;
            x->args = {target.expr, index};
          }
          x->type = ScalarType::Dynamic;
          element = x;
        }
        t = BoundType::of(ScalarType::Dynamic, element);
      }
      break;
    }
    case NodeKind::SimpleNamed:
      t = bind(n->as<SimpleNamedNode>()->value);
      break;
    case NodeKind::CompoundNamed:
      t = bind(n->as<CompoundNamedNode>()->value);
      break;
    case NodeKind::Ordered:
      t = bind(n->as<OrderedNode>()->expr);
      break;
    case NodeKind::Dynamic: {
      DynamicPtr v = dynamic_literal(n->as<DynamicNode>()->value);
      t = BoundType::of(ScalarType::Dynamic, v ? Expr::literal(Value::of_dynamic(v)) : nullptr);
      if (!v) plan_error(n, "This dynamic literal cannot be evaluated.");
      break;
    }
    case NodeKind::ToScalar: {
      BoundType inner = bind(n->as<ToScalarNode>()->expr);
      if (inner.is_table()) {
        if (inner.columns->columns.empty()) {
          t = BoundType::unknown();
        } else {
          ExprPtr sub;
          if (inner.plan) {
            auto e = std::make_shared<Expr>();
            e->kind = ExprKind::ScalarSubquery;
            e->type = inner.columns->columns[0].type;
            e->subquery = inner.plan;
            sub = e;
          }
          t = BoundType::of(inner.columns->columns[0].type, sub);
        }
      } else {
        t = inner;
      }
      break;
    }
    case NodeKind::ToTable:
      t = bind(n->as<ToTableNode>()->expr);
      break;
    case NodeKind::Materialize: {
      t = bind_tabular(n->as<MaterializeNode>()->expr);
      if (t.plan) {
        auto m = std::make_shared<MaterializePlan>();
        m->schema = t.columns;
        m->inputs = {t.plan};
        t.plan = m;
      }
      break;
    }
    case NodeKind::Pipe:
      t = bind_tabular(n);
      break;
    case NodeKind::FunctionDecl:
      t = BoundType::unknown();
      break;
    default:
      if (is_operator(n->kind) || n->kind == NodeKind::DataTable || n->kind == NodeKind::ExternalData ||
          n->kind == NodeKind::InlineExternalTable) {
        t = bind_source_operator(n);
      } else {
        t = BoundType::unknown();
      }
  }
  // Remember where each expression was written, so that errors while running it can point there.
  if (t.expr && t.expr->at.begin == 0 && t.expr->at.end == 0) const_cast<Expr&>(*t.expr).at = n->span;
  out_.types[n] = t;
  return t;
}

BoundType Binder::bind_scalar(const Node* n) {
  BoundType t = bind(n);
  if (t.is_table()) {
    error(n, "A scalar expression was expected, not a table.");
    return BoundType::unknown();
  }
  return t;
}

BoundType Binder::bind_literal(const LiteralNode* lit) {
  ScalarType type = literal_type(lit->lit);
  auto v = literal_value(lit->lit, lit->text);
  if (!v) {
    plan_error(lit, fmt::format("The literal '{}' is not a valid {}.", lit->text, type_name(type)));
    return BoundType::of(type);
  }
  return BoundType::of(type, Expr::literal(std::move(*v)));
}

DynamicPtr Binder::dynamic_literal(const Node* n) {
  if (!n) return nullptr;
  if (auto* name = n->as<NameNode>()) return name->value == "null" ? DynValue::null() : nullptr;
  if (auto* lit = n->as<LiteralNode>()) {
    auto v = literal_value(lit->lit, lit->text);
    if (!v) return nullptr;
    // Integers in dynamic literals are longs.
    if (v->type == ScalarType::Int) *v = Value::of_long(v->as_int());
    return DynValue::from_value(*v);
  }
  if (n->as<CompoundStringNode>()) return DynValue::of_string(constant_string(n).value_or(""));  // "a" "b" is "ab"
  if (auto* inner = n->as<DynamicNode>()) return dynamic_literal(inner->value);  // dynamic({'a': dynamic([1])})
  if (auto* u = n->as<UnaryNode>()) {
    DynamicPtr inner = dynamic_literal(u->operand);
    if (!inner || u->op == UnaryOp::Plus) return inner;
    if (inner->kind() == DynValue::Kind::Long) return DynValue::of_long(-inner->as_long());
    if (inner->kind() == DynValue::Kind::Real) return DynValue::of_real(-inner->as_real());
    return nullptr;
  }
  if (auto* arr = n->as<JsonArrayNode>()) {
    std::vector<DynamicPtr> items;
    for (const Node* item : arr->items) {
      DynamicPtr v = dynamic_literal(item);
      if (!v) return nullptr;
      items.push_back(std::move(v));
    }
    return DynValue::of_array(std::move(items));
  }
  if (auto* obj = n->as<JsonObjectNode>()) {
    std::vector<std::pair<std::string, DynamicPtr>> props;
    for (const JsonPairNode* pair : obj->pairs) {
      DynamicPtr v = dynamic_literal(pair->value);
      if (!v) return nullptr;
      std::string key = decode_string_literal(pair->key);
      // A repeated key keeps its last value, as JSON parsers do.
      bool replaced = false;
      for (auto& p : props)
        if (p.first == key) {
          p.second = v;
          replaced = true;
        }
      if (!replaced) props.emplace_back(std::move(key), std::move(v));
    }
    return DynValue::of_object(std::move(props));
  }
  return nullptr;
}

ExprPtr Binder::tuple_field(const BoundType& tuple, std::string_view name) {
  if (!tuple.expr || !tuple.columns) return nullptr;
  int i = tuple.columns->index_of(name);
  if (i < 0) return nullptr;
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::TupleField;
  e->type = tuple.columns->columns[i].type;
  e->index = static_cast<uint32_t>(i);
  e->args = {tuple.expr};
  return e;
}

void Binder::plan_error(const Node* at, std::string message) {
  if (suppress_errors_ > 0) return;
  out_.plan_errors.push_back(Diagnostic{DiagnosticKind::Semantic, Severity::Error, std::move(message), at ? at->span : Span{}});
}

PlanPtr Binder::table_scan(std::string_view name, TablePtr schema) {
  auto p = std::make_shared<TableScanPlan>();
  p->table = std::string(name);
  p->schema = std::move(schema);
  return p;
}

PlanPtr Binder::unsupported(const Node* at, std::string message, TablePtr schema) {
  auto p = std::make_shared<UnsupportedPlan>();
  p->message = std::move(message);
  p->at = at ? at->span : Span{};
  p->schema = schema ? std::move(schema) : std::make_shared<TableSchema>();
  return p;
}

// ---------------------------------------------------------------- names

const TableSchema* Binder::find_table(std::string_view name) { return catalog_.table(name); }

BoundType Binder::bind_name(const NameNode* n) {
  const std::string& name = n->value;
  if (n->form == NameForm::Wildcard || n->form == NameForm::BracketedWildcard) return BoundType::unknown();
  if (ctx_.row) {
    int i = ctx_.row->index_of(name);
    if (i >= 0) {
      ScalarType type = ctx_.row->columns[i].type;
      return BoundType::of(type, Expr::column(static_cast<uint32_t>(i), type, name, ctx_.side));
    }
  }
  if (const Symbol* s = scope_->find(name)) {
    switch (s->kind) {
      case Symbol::Kind::Scalar:
      case Symbol::Kind::Table:
      case Symbol::Kind::Database:
        return s->type;
      case Symbol::Kind::Function:
      case Symbol::Kind::StoredFunction:
        // A function named without parentheses is called with no arguments.
        return call_user_function(*s, nullptr, {}, {}, nullptr);
    }
  }
  if (auto it = as_tables_.find(name); it != as_tables_.end()) return it->second;
  if (const TableSchema* t = find_table(name)) {
    auto schema = std::make_shared<TableSchema>(*t);
    return BoundType::table(schema, table_scan(name, schema));
  }
  if (const Symbol* f = lookup_stored_function(name)) return call_user_function(*f, nullptr, {}, {}, nullptr);
  if (ctx_.row && ctx_.row->open) {
    note_late_column(n);
    return BoundType::unknown();
  }
  if (name == "$left" || name == "$right") return BoundType::unknown();
  error(n, fmt::format("The name '{}' does not refer to any known column, table, variable or function.", name));
  return BoundType::error();
}

BoundType Binder::bind_path(const PathNode* p) {
  // pattern("value").path
  if (auto* call = p->target->as<CallNode>(); call && call->name)
    if (const Symbol* s = scope_->find(call->name->value); s && s->pattern) {
      const Node* path = p->member;
      if (auto* el = path->as<ElementNode>(); el && !el->target) path = el->index;  // .["New York"]
      return call_pattern(*s, call, path);
    }
  // $left.Col / $right.Col inside join conditions
  if (auto* side = p->target->as<NameNode>(); side && (side->value == "$left" || side->value == "$right")) {
    TablePtr table = side->value == "$left" ? ctx_.left : ctx_.right;
    out_.types[p->target] = BoundType::unknown();
    auto* member = p->member->as<NameNode>();
    if (!table || !member) return BoundType::unknown();
    if (int i = table->index_of(member->value); i >= 0) {
      ScalarType type = table->columns[i].type;
      BoundType t = BoundType::of(
          type, Expr::column(static_cast<uint32_t>(i), type, member->value,
                             side->value == "$left" ? ColumnSide::Left : ColumnSide::Right));
      out_.types[member] = t;
      return t;
    }
    if (!table->open)
      error(member, fmt::format("The name '{}' does not refer to any known column, table, variable or function.",
                                member->value));
    note_late_column(member);
    return BoundType::unknown();
  }
  // step.Column inside scan: the column's value in the row the step last matched
  if (auto* step = p->target->as<NameNode>(); step && ctx_.row) {
    auto it = scan_steps_.find(step->value);
    auto* member = p->member->as<NameNode>();
    if (it != scan_steps_.end() && member) {
      int i = ctx_.row->index_of(member->value);
      out_.types[p->target] = BoundType::unknown();
      if (i < 0) {
        error(member, fmt::format("The name '{}' does not refer to any known column.", member->value));
        return BoundType::unknown();
      }
      ScalarType type = ctx_.row->columns[i].type;
      auto e = std::make_shared<Expr>();
      e->kind = ExprKind::Column;
      e->type = type;
      e->index = static_cast<uint32_t>(i);
      e->side = ColumnSide::Step;
      e->step = it->second;
      e->name = member->value;
      BoundType t = BoundType::of(type, e);
      out_.types[member] = t;
      return t;
    }
  }
  BoundType target = bind(p->target);
  if (target.kind == BoundType::Kind::Error) return target;
  // database("x").T, cluster("c").database("d").T: a table of another database (columns unknown)
  if (target.kind == BoundType::Kind::Unknown && p->target->as<CallNode>()) {
    auto* call = p->target->as<CallNode>();
    if (call->name && (call->name->value == "database" || call->name->value == "cluster")) {
      if (auto* member = p->member->as<CallNode>()) {
        bind(member);
        return BoundType::unknown();
      }
      TableSchema open;
      open.open = true;
      auto schema = std::make_shared<TableSchema>(std::move(open));
      return BoundType::table(schema, unsupported(p, "Tables of other databases and clusters are not available here.", schema));
    }
  }
  if (target.kind == BoundType::Kind::Table || target.kind == BoundType::Kind::Tuple) {
    if (auto* member = p->member->as<NameNode>()) {
      if (const ColumnSchema* c = target.columns->find(member->value)) {
        if (target.kind == BoundType::Kind::Tuple) return BoundType::of(c->type, tuple_field(target, member->value));
        plan_error(p, "A column of a table cannot be used as a scalar here.");
        return BoundType::of(c->type);
      }
      if (target.columns->open) {
        note_late_column(member);
        return BoundType::unknown();
      }
      error(member, fmt::format("The name '{}' does not refer to any known column.", member->value));
      return BoundType::unknown();
    }
    return BoundType::unknown();
  }
  ScalarType tt = target.scalar_type();
  if (tt != ScalarType::Dynamic && tt != ScalarType::Unknown) {
    error(p->target, "The expression must have the type dynamic.");
  }
  if (auto* el = p->member->as<ElementNode>()) {
    // x.[expr]: the member named by an expression's value, as x[expr].
    BoundType index = bind(el->index);
    if (el->target || !target.expr || !index.expr) {
      if (el->target || target.expr) plan_error(p, "This member access cannot be evaluated.");
      return BoundType::of(ScalarType::Dynamic);
    }
    auto x = std::make_shared<Expr>();
    x->type = ScalarType::Dynamic;
    if (index.expr->kind == ExprKind::Literal && index.expr->type == ScalarType::String) {
      x->kind = ExprKind::Member;
      x->name = index.expr->value.as_string();
      x->args = {target.expr};
    } else {
      x->kind = ExprKind::Index;
      x->args = {target.expr, index.expr};
    }
    return BoundType::of(ScalarType::Dynamic, x);
  }
  ExprPtr member;
  if (target.expr) {
    std::string key;
    if (auto* name = p->member->as<NameNode>()) key = name->value;
    auto e = std::make_shared<Expr>();
    e->kind = ExprKind::Member;
    e->type = ScalarType::Dynamic;
    e->name = std::move(key);
    e->args = {target.expr};
    member = e;
  }
  return BoundType::of(ScalarType::Dynamic, member);
}

// ---------------------------------------------------------------- operators

BoundType Binder::bind_binary(const BinaryNode* top) {
  // Long chains (a or b or c ..., thousands of terms in generated IOC filters) nest to the left;
  // walk the chain with a loop instead of recursing once per operator.
  std::vector<const BinaryNode*> chain;
  for (const BinaryNode* b = top; b; b = b->lhs ? b->lhs->as<BinaryNode>() : nullptr) chain.push_back(b);
  const Node* leftmost = chain.back()->lhs;
  bool star = leftmost && leftmost->kind == NodeKind::Star;  // * has "x": any column
  BoundType left = star ? BoundType::unknown() : bind_scalar(leftmost);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const BinaryNode* b = *it;
    BoundType rt = bind_scalar(b->rhs);
    ScalarType l = left.scalar_type(), r = rt.scalar_type();
    BoundType result = BoundType::of(ScalarType::Bool);  // comparisons, string operators, and/or
    if (star && it == chain.rbegin()) {
      result.expr = search_term(b, rt);
      if (b != top) out_.types[b] = result;
      left = result;
      continue;
    }
    if (is_arithmetic(b->op)) {
      bool defined = true;
      ScalarType res = arithmetic_result(b->op, l, r, &defined);
      if (!defined) {
        // Point at the operator itself.
        auto at = static_cast<uint32_t>(b->op_text.data() - source_->text().data());
        error(Span{at, at + static_cast<uint32_t>(b->op_text.size())},
              fmt::format("The operator '{}' is not defined for the operand types {} and {}.", op_symbol(b),
                          type_name(l), type_name(r)));
      }
      result = BoundType::of(res);
    } else if (b->op == BinaryOp::And || b->op == BinaryOp::Or) {
      for (auto [side, t] : {std::pair{b->lhs, l}, std::pair{b->rhs, r}})
        if (t != ScalarType::Bool && t != ScalarType::Unknown && t != ScalarType::Dynamic)
          error(side, fmt::format("The expression must have the type bool, not {}.", type_name(t)));
    }
    if (left.expr && rt.expr) result.expr = Expr::binary(b->op, result.scalar_type(), left.expr, rt.expr);
    if (b != top) out_.types[b] = result;
    left = result;
  }
  return left;
}

// ---------------------------------------------------------------- calls

functions::ArgInfo Binder::arg_info(const Node* arg, const BoundType& type) {
  functions::ArgInfo a;
  a.type = type.scalar_type();
  if (type.is_table()) a.table = type.columns.get();
  const Node* e = strip_named(arg);
  if (e && e->kind == NodeKind::Star) a.is_star = true;
  a.literal = constant_string(e);
  if (e && e->kind == NodeKind::Literal && e->as<LiteralNode>()->lit != LiteralKind::String)
    a.literal = std::string(e->as<LiteralNode>()->text);
  // typeof(long): the type's name is the argument's value (extract(..., typeof(long)))
  if (auto* t = e ? e->as<TypeOfNode>() : nullptr; t && t->items.size() == 1)
    if (auto* p = t->items[0]->as<PrimitiveTypeNode>()) a.literal = std::string(p->text);
  a.result_name = result_name(arg);
  a.is_column = result_column(e) != nullptr;
  return a;
}

std::optional<std::string> Binder::constant_string(const Node* n) {
  n = strip_named(n);
  if (!n) return std::nullopt;
  if (auto* p = n->as<ParenNode>()) return constant_string(p->inner);
  if (auto* lit = n->as<LiteralNode>(); lit && lit->lit == LiteralKind::String) return decode_string_literal(lit->text);
  if (auto* cs = n->as<CompoundStringNode>()) {
    std::string v;
    for (auto part : cs->parts) v += decode_string_literal(part);
    return v;
  }
  if (auto* name = n->as<NameNode>()) {
    if (ctx_.row && ctx_.row->find(name->value)) return std::nullopt;
    if (const Symbol* s = scope_->find(name->value); s && s->kind == Symbol::Kind::Scalar) return s->literal;
  }
  return std::nullopt;
}

ExprPtr Binder::search_term(const BinaryNode* b, const BoundType& term) {
  if (!term.expr || term.expr->kind != ExprKind::Literal || term.expr->type != ScalarType::String) {
    plan_error(b, "The term of a search over every column must be a string literal.");
    return nullptr;
  }
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::SearchTerm;
  e->type = ScalarType::Bool;
  e->binary_op = b->op;
  e->name = term.expr->value.as_string();
  return e;
}

void Binder::mark_search_terms(const Node* n) {
  n = strip_named(n);
  if (!n) return;
  if (auto* p = n->as<ParenNode>()) return mark_search_terms(p->inner);
  if (auto* b = n->as<BinaryNode>(); b && (b->op == BinaryOp::And || b->op == BinaryOp::Or)) {
    // Left-nested chains can be long: walk them with a loop.
    for (const BinaryNode* link = b; link;) {
      mark_search_terms(link->rhs);
      auto* next = link->lhs ? link->lhs->as<BinaryNode>() : nullptr;
      if (next && (next->op == BinaryOp::And || next->op == BinaryOp::Or)) {
        link = next;
      } else {
        mark_search_terms(link->lhs);
        link = nullptr;
      }
    }
    return;
  }
  if (auto* c = n->as<CallNode>(); c && c->name && c->name->value == "not" && c->args.size() == 1)
    return mark_search_terms(c->args[0]);
  if (auto* lit = n->as<LiteralNode>(); (lit && lit->lit == LiteralKind::String) || n->as<CompoundStringNode>())
    search_terms_.insert(n);
}

BoundType Binder::bare_search_term(const Node* literal) {
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::SearchTerm;
  e->type = ScalarType::Bool;
  e->binary_op = BinaryOp::Has;
  e->name = constant_string(literal).value_or("");
  return BoundType::of(ScalarType::Bool, e);
}

BoundType Binder::bind_call(const CallNode* call, const BoundType* piped_input) {
  const std::string& name = call->name ? call->name->value : std::string();
  if (const Symbol* s = scope_->find(name); s && s->pattern) return call_pattern(*s, call, nullptr);
  // Local functions shadow built-ins.
  if (const Symbol* s = scope_->find(name); s && (s->kind == Symbol::Kind::Function || s->kind == Symbol::Kind::StoredFunction)) {
    std::vector<BoundType> args;
    std::vector<const Node*> nodes;
    for (const Node* a : call->args) {
      args.push_back(bind(a));
      nodes.push_back(a);
    }
    return call_user_function(*s, call, args, nodes, piped_input);
  }
  // Functions of the language that need the binder's knowledge of tables and columns.
  if (name == "table" || name == "database" || name == "cluster" || name == "column_ifexists" ||
      name == "columnifexists") {
    std::vector<BoundType> args;
    for (const Node* a : call->args) args.push_back(bind(a));
    auto first = call->args.empty() ? std::nullopt : constant_string(call->args[0]);
    if (name == "table") {
      if (first) {
        if (auto it = as_tables_.find(*first); it != as_tables_.end()) return it->second;
        if (const Symbol* s = scope_->find(*first); s && s->kind == Symbol::Kind::Table) return s->type;
        if (const TableSchema* t = find_table(*first)) {
          auto schema = std::make_shared<TableSchema>(*t);
          return BoundType::table(schema, table_scan(*first, schema));
        }
      }
      TableSchema open;
      open.open = true;
      auto schema = std::make_shared<TableSchema>(std::move(open));
      return BoundType::table(schema, unsupported(call, fmt::format("There is no table named '{}'.", first.value_or("")), schema));
    }
    if (name == "database" || name == "cluster") return BoundType::unknown();
    // column_ifexists(name, default) is typed by its default: the column may not exist where
    // the query runs. When it does exist it is read (converted to the default's type).
    if (args.size() < 2) return BoundType::unknown();
    ScalarType type = args[1].scalar_type();
    if (first && ctx_.row) {
      int i = ctx_.row->index_of(*first);
      if (i >= 0) {
        const ColumnSchema& c = ctx_.row->columns[i];
        return BoundType::of(type, Expr::cast(Expr::column(static_cast<uint32_t>(i), c.type, c.name, ctx_.side), type));
      }
    }
    return BoundType::of(type, args[1].expr);
  }
  // A name can be both an aggregate and a scalar function (any, all): in a summarize it is the
  // aggregate.
  if (ctx_.aggregates)
    if (const functions::FunctionInfo* fn = registry_.aggregate(name)) return bind_builtin_call(call, *fn);
  if (const functions::FunctionInfo* fn = registry_.scalar(name)) {
    BoundType t = bind_builtin_call(call, *fn);
    // column_names_of(T) is known from T's schema: a constant array of names.
    if (name == "column_names_of" && !t.expr && call->args.size() == 1) {
      auto it = out_.types.find(call->args[0]);
      if (it != out_.types.end() && it->second.is_table() && !it->second.columns->open) {
        DynValue::Elements names;
        for (const auto& c : it->second.columns->columns) names.push_back(DynValue::of_string(c.name));
        t.expr = Expr::literal(Value::of_dynamic(DynValue::of_array(std::move(names))));
      }
    }
    return t;
  }
  if (const functions::FunctionInfo* fn = registry_.aggregate(name)) {
    if (!ctx_.aggregates)
      error(call->name, fmt::format("The aggregate function '{}' can only be used in summarize, make-series or "
                                    "top-nested.", name));
    return bind_builtin_call(call, *fn);
  }
  if (const Symbol* f = lookup_stored_function(name)) {
    std::vector<BoundType> args;
    std::vector<const Node*> nodes;
    for (const Node* a : call->args) {
      args.push_back(bind(a));
      nodes.push_back(a);
    }
    return call_user_function(*f, call, args, nodes, piped_input);
  }
  for (const Node* a : call->args) bind(a);
  error(call->name, fmt::format("The name '{}' does not refer to any known function.", name));
  return BoundType::error();
}

BoundType Binder::bind_builtin_call(const CallNode* call, const functions::FunctionInfo& fn) {
  std::vector<functions::ArgInfo> args;
  args.reserve(call->args.size());
  {
    // An aggregate's arguments are row expressions; aggregates do not nest.
    RowContext inner = ctx_;
    if (fn.kind == functions::FunctionKind::Aggregate) inner.aggregates = false;
    RowGuard g(*this, inner);
    for (const Node* a : call->args) {
      const Node* e = strip_named(a);
      BoundType t = (e && e->kind == NodeKind::Star) ? BoundType::unknown() : bind(a);
      args.push_back(arg_info(a, t));
    }
  }
  if (fn.signatures.empty()) return BoundType::unknown();
  functions::Resolution r = functions::resolve(fn, args);
  // The call's arguments as expressions (`*` and name=value arguments excepted).
  std::vector<ExprPtr> arg_exprs;
  bool complete = true;
  for (size_t k = 0; k < call->args.size(); ++k) {
    const Node* a = call->args[k];
    const Node* e = strip_named(a);
    if (e && e->kind == NodeKind::Star) {
      // f(*): every column of the row
      if (ctx_.row) {
        for (size_t i = 0; i < ctx_.row->columns.size(); ++i) {
          const ColumnSchema& c = ctx_.row->columns[i];
          arg_exprs.push_back(Expr::column(static_cast<uint32_t>(i), c.type, c.name, ctx_.side));
        }
      }
      continue;
    }
    auto it = out_.types.find(a);
    ExprPtr x = it == out_.types.end() ? nullptr : it->second.expr;
    // An argument that fits only by widening (a dynamic where a string is declared, an int
    // where a long is) is converted here, so that kernels see the types they declare.
    if (x && r.signature && k < args.size())
      if (const functions::Param* p = functions::parameter_for(*r.signature, k); p && p->shape != functions::ArgShape::Tabular)
        if (ScalarType to = functions::implicit_conversion(p->types, args[k].type); to != ScalarType::Unknown)
          x = Expr::cast(x, to);
    if (!x) complete = false;
    arg_exprs.push_back(std::move(x));
  }
  if (!r.signature) {
    const Node* at = r.bad_argument >= 0 && static_cast<size_t>(r.bad_argument) < call->args.size()
                         ? call->args[r.bad_argument]
                         : static_cast<const Node*>(call);
    error(at, r.error);
    return BoundType::unknown();
  }
  if (!fn.tuple_fields.empty()) {
    // Several values at once: fields named <first argument>_<field> (the projection adds the
    // function's prefix when they become columns).
    std::string base = args.empty() ? std::string() : args[0].result_name;
    TableSchema fields;
    for (const auto& f : fn.tuple_fields) fields.columns.push_back({base + "_" + std::string(f.name), f.type});
    return BoundType::tuple(std::move(fields), complete ? Expr::call(&fn, ScalarType::Unknown, std::move(arg_exprs)) : nullptr);
  }
  // pack_all() and bag_pack_columns() make bags keyed by column names, which a kernel cannot see:
  // their kernels get (name, value) pairs, pack_all's flag (false when omitted) first.
  if (complete && (fn.name == "pack_all" || fn.name == "bag_pack_columns")) {
    std::vector<ExprPtr> pairs;
    if (fn.name == "pack_all") {
      pairs.push_back(arg_exprs.empty() ? Expr::literal(Value::of_bool(false)) : arg_exprs[0]);
      if (ctx_.row) {
        for (size_t i = 0; i < ctx_.row->columns.size(); ++i) {
          const ColumnSchema& c = ctx_.row->columns[i];
          pairs.push_back(Expr::literal(Value::of_string(c.name)));
          pairs.push_back(Expr::column(static_cast<uint32_t>(i), c.type, c.name, ctx_.side));
        }
      }
    } else {
      for (const ExprPtr& x : arg_exprs) {
        pairs.push_back(Expr::literal(Value::of_string(x->name)));
        pairs.push_back(x);
      }
    }
    arg_exprs = std::move(pairs);
  }
  return BoundType::of(r.type, complete ? Expr::call(&fn, r.type, std::move(arg_exprs)) : nullptr);
}

// ---------------------------------------------------------------- result names

const ColumnSchema* Binder::result_column(const Node* expr) {
  expr = strip_named(expr);
  if (!expr) return nullptr;
  if (auto* p = expr->as<ParenNode>()) return result_column(p->inner);
  if (auto* n = expr->as<NameNode>()) {
    if (ctx_.row) return ctx_.row->find(n->value);
    return nullptr;
  }
  if (auto* path = expr->as<PathNode>()) {
    auto* side = path->target->as<NameNode>();
    auto* member = path->member->as<NameNode>();
    if (side && member && (side->value == "$left" || side->value == "$right")) {
      TablePtr t = side->value == "$left" ? ctx_.left : ctx_.right;
      return t ? t->find(member->value) : nullptr;
    }
    return nullptr;
  }
  if (auto* call = expr->as<CallNode>()) {
    // A conversion that does not change the column's type still refers to the column.
    static constexpr std::string_view kConversions[] = {"tobool", "toboolean", "todatetime", "todecimal", "todouble",
                                                        "todynamic", "toguid", "toint", "tolong", "toreal",
                                                        "tostring", "totime", "totimespan"};
    if (!call->name || call->args.size() != 1) return nullptr;
    bool conversion = false;
    for (auto c : kConversions) conversion |= call->name->value == c;
    if (!conversion || scope_->find(call->name->value)) return nullptr;
    const ColumnSchema* col = result_column(call->args[0]);
    if (!col) return nullptr;
    auto it = out_.types.find(call);
    if (it != out_.types.end() && it->second.scalar_type() == col->type) return col;
  }
  return nullptr;
}

std::string Binder::function_result_name(const CallNode* call, std::string_view default_name) {
  const std::string& name = call->name ? call->name->value : std::string();
  const functions::FunctionInfo* fn = nullptr;
  if (!scope_->find(name)) {
    if (ctx_.aggregates) fn = registry_.aggregate(name);
    if (!fn) fn = registry_.scalar(name);
    if (!fn) fn = registry_.aggregate(name);
  }
  if (!fn) return std::string(default_name);
  const auto& args = call->args;
  switch (fn->result_name) {
    case functions::ResultName::PrefixAndFirstArgument: {
      std::string prefix(fn->result_prefix);
      if (!args.empty()) {
        std::string first = result_name(args[0], default_name);
        return prefix.empty() ? first : prefix + "_" + first;
      }
      return prefix.empty() ? std::string() : prefix + "_";
    }
    case functions::ResultName::FirstArgumentIfColumn: {
      if (!args.empty()) {
        auto value = constant_string(args[0]);
        if (value && ctx_.row && ctx_.row->find(*value)) return *value;
      }
      return std::string(default_name);
    }
    case functions::ResultName::FirstArgument:
      return args.empty() ? std::string() : result_name(args[0], default_name);
    case functions::ResultName::PrefixOnly:
      return std::string(fn->result_prefix);
    case functions::ResultName::None:
      break;
  }
  return std::string(default_name);
}

std::string Binder::result_name(const Node* expr, std::string_view default_name) {
  if (!expr) return std::string(default_name);
  switch (expr->kind) {
    case NodeKind::Paren:
      return result_name(expr->as<ParenNode>()->inner, default_name);
    case NodeKind::Name:
      return expr->as<NameNode>()->value;
    case NodeKind::SimpleNamed:
      return expr->as<SimpleNamedNode>()->name->value;
    case NodeKind::Ordered:
      return result_name(expr->as<OrderedNode>()->expr, default_name);
    case NodeKind::Call:
      return function_result_name(expr->as<CallNode>(), default_name);
    case NodeKind::Path:
    case NodeKind::Element: {
      const Node* target;
      const Node* selector;
      if (auto* p = expr->as<PathNode>()) {
        target = p->target;
        selector = p->member;
      } else {
        target = expr->as<ElementNode>()->target;
        selector = expr->as<ElementNode>()->index;
      }
      if (!target) return std::string(default_name);
      auto it = out_.types.find(target);
      bool dynamic_target = it == out_.types.end() || it->second.scalar_type() == ScalarType::Dynamic ||
                            it->second.kind == BoundType::Kind::Unknown;
      std::string right;
      if (expr->kind == NodeKind::Element) {
        // x["key"], x[0]: the literal key names the column part
        if (auto* lit = selector->as<LiteralNode>()) {
          if (lit->lit == LiteralKind::String) {
            right = decode_string_literal(lit->text);
          } else if (lit->lit == LiteralKind::Long || lit->lit == LiteralKind::Int) {
            right = std::string(lit->text);
          }
        } else if (auto* cs = selector->as<CompoundStringNode>()) {
          for (auto part : cs->parts) right += decode_string_literal(part);
        }
      } else {
        right = result_name(selector, {});
      }
      if (!dynamic_target) return right.empty() ? std::string(default_name) : right;
      std::string left = result_name(target, {});
      if (auto* side = target->as<NameNode>(); side && (side->value == "$left" || side->value == "$right")) return right;
      if (right.empty()) return std::string(default_name);
      return left.empty() ? right : left + "_" + right;
    }
    default:
      return std::string(default_name);
  }
}

std::string Binder::default_column_name(bool avoid_row_columns) {
  while (true) {
    std::string name = "Column" + std::to_string(column_counter_++);
    bool taken = (avoid_row_columns && ctx_.row && ctx_.row->find(name)) || scope_->find(name) ||
                 find_table(name) != nullptr;
    if (!taken) return name;
  }
}

ScalarType Binder::type_of_type_expr(const Node* type_node) {
  if (auto* p = type_node ? type_node->as<PrimitiveTypeNode>() : nullptr) {
    auto t = parse_type_name(p->text);
    return t ? *t : ScalarType::Unknown;
  }
  return ScalarType::Unknown;
}

}  // namespace huntdb::analyze::detail
