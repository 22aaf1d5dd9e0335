// Column lists of operators (project, extend, summarize, print, ...): each item becomes one or
// more named columns with the expression that computes it, under Kusto's naming rules. And the
// assembly of summarize's plan from those columns: aggregate calls are lifted out of the
// expressions into an Aggregate node, what is computed from them goes into a Project above it.
#include <fmt/format.h>

#include "huntdb/analyze/binder_internal.h"
#include "huntdb/kql/literals.h"

namespace huntdb::analyze::detail {

using namespace kql;

namespace {

const Node* strip_ordered(const Node* n) {
  if (auto* o = n ? n->as<OrderedNode>() : nullptr) return o->expr;
  return n;
}

std::string valid_name_fragment(std::string_view s) {
  std::string out;
  for (char c : s) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
  return out;
}

ExprPtr field_of(const ExprPtr& tuple, uint32_t i, ScalarType type) {
  if (!tuple) return nullptr;
  auto e = std::make_shared<Expr>();
  e->kind = ExprKind::TupleField;
  e->type = type;
  e->index = i;
  e->args = {tuple};
  return e;
}

}  // namespace

void Binder::project_expression(const Node* expr, ProjectionBuilder& builder, ProjectionStyle style,
                                bool do_not_repeat, const std::string* print_name) {
  expr = strip_ordered(expr);
  if (!expr) return;
  bool extendish = style == ProjectionStyle::Extend || style == ProjectionStyle::Replace;
  auto declare = [&](ColumnSchema c, bool replace, const Node* at, ExprPtr e) {
    std::string name = c.name;
    if (!builder.declare(std::move(c), replace, std::move(e)))
      error(at, fmt::format("A column with the name '{}' is already declared.", name));
  };
  auto add_tuple_rest = [&](const BoundType& tuple, size_t from, const Node* value) {
    std::string_view prefix;
    if (auto* call = value ? value->as<CallNode>() : nullptr; call && call->name) {
      if (const auto* fn = registry_.scalar(call->name->value)) prefix = fn->result_prefix;
    }
    const auto& cols = tuple.columns->columns;
    for (size_t i = from; i < cols.size(); ++i) {
      ColumnSchema c = cols[i];
      if (!prefix.empty()) c.name = std::string(prefix) + "_" + c.name;
      ScalarType type = c.type;
      builder.add(std::move(c), false, {}, field_of(tuple.expr, static_cast<uint32_t>(i), type));
    }
  };

  if (auto* named = expr->as<SimpleNamedNode>()) {
    BoundType t = bind(named->value);
    const std::string& name = named->name->value;
    if (t.kind == BoundType::Kind::Tuple && !t.columns->columns.empty()) {
      ScalarType first = t.columns->columns[0].type;
      declare({name, first}, true, named->name, field_of(t.expr, 0, first));
      if (style != ProjectionStyle::Print) add_tuple_rest(t, 1, named->value);
    } else if (const ColumnSchema* c = result_column(named->value)) {
      declare({name, c->type}, true, named->name, t.expr);
      if (do_not_repeat) builder.do_not_add(c->name);
    } else {
      if (t.is_table()) error(named->value, "A scalar expression was expected, not a table.");
      declare({name, t.scalar_type()}, extendish, named->name, t.expr);
    }
    return;
  }
  if (auto* cn = expr->as<CompoundNamedNode>()) {
    BoundType t = bind(cn->value);
    if (t.kind == BoundType::Kind::Tuple) {
      const auto& cols = t.columns->columns;
      for (size_t i = 0; i < cols.size(); ++i) {
        if (i < cn->names.size()) {
          declare({cn->names[i]->value, cols[i].type}, extendish, cn->names[i],
                  field_of(t.expr, static_cast<uint32_t>(i), cols[i].type));
        } else if (style != ProjectionStyle::Print) {
          add_tuple_rest(t, i, cn->value);
          break;
        }
      }
      for (size_t i = cols.size(); i < cn->names.size(); ++i)
        error(cn->names[i], "The name does not have a corresponding expression.");
    } else if (cn->names.size() == 1) {
      declare({cn->names[0]->value, t.scalar_type()}, true, cn->names[0], t.expr);
    } else {
      error(cn, "The expression does not have multiple named values.");
    }
    return;
  }
  if (expr->kind == NodeKind::Star) {
    if (ctx_.row)
      for (size_t i = 0; i < ctx_.row->columns.size(); ++i) {
        const ColumnSchema& c = ctx_.row->columns[i];
        if (builder.can_add(c.name)) {
          builder.add(c, true, {}, Expr::column(static_cast<uint32_t>(i), c.type, c.name, ctx_.side));
          if (do_not_repeat) builder.do_not_add(c.name);
        }
      }
    return;
  }
  BoundType t = bind(expr);
  if (const ColumnSchema* c = result_column(expr)) {
    if (builder.can_add(c->name)) {
      ColumnSchema col{c->name, t.kind == BoundType::Kind::Scalar ? t.scalar : c->type};
      // In extend, naming an existing column again leaves it where it is.
      declare(col, extendish, expr, t.expr);
    }
    if (do_not_repeat) builder.do_not_add(c->name);
    return;
  }
  if (t.kind == BoundType::Kind::Tuple) {
    if (style == ProjectionStyle::Print && print_name && t.columns->columns.size() == 1) {
      ScalarType type = t.columns->columns[0].type;
      builder.add({*print_name, type}, false, *print_name, field_of(t.expr, 0, type));
    } else {
      add_tuple_rest(t, 0, expr);
    }
    return;
  }
  if (t.is_table()) {
    error(expr, "A scalar expression was expected, not a table.");
    t = BoundType::unknown();
  }
  if (style == ProjectionStyle::Print && print_name) {
    builder.add({*print_name, t.scalar_type()}, false, *print_name, t.expr);
    return;
  }
  std::string name = result_name(expr, {});
  if (name.empty()) name = default_column_name(style == ProjectionStyle::Extend);
  builder.add({name, t.scalar_type()}, extendish, {}, t.expr);
}

// summarize aggregates: most are one column; arg_max / percentiles expand into several. A
// several-valued aggregate is one call whose values the columns take as tuple fields.
void Binder::project_aggregate(const Node* expr, ProjectionBuilder& builder) {
  const Node* value = expr;
  if (auto* named = expr->as<SimpleNamedNode>()) value = named->value;
  if (auto* cn = expr->as<CompoundNamedNode>()) value = cn->value;
  auto* call = value ? value->as<CallNode>() : nullptr;
  const functions::FunctionInfo* fn =
      call && call->name && !scope_->find(call->name->value) ? registry_.aggregate(call->name->value) : nullptr;
  // any(a, b, ...) / take_any(a, b, ...) / any(*): one column per value, each named as the
  // single-argument form would name it (any_a, or a for take_any).
  bool multi_value = fn && (fn->name == "any" || fn->name == "take_any") &&
                     (call->args.size() > 1 || (call->args.size() == 1 && call->args[0]->kind == NodeKind::Star));
  auto type_of = [&](const Node* n) {
    auto it = out_.types.find(n);
    return it == out_.types.end() ? ScalarType::Unknown : it->second.scalar_type();
  };
  auto expr_of = [&](const Node* n) -> ExprPtr {
    auto it = out_.types.find(n);
    return it == out_.types.end() ? nullptr : it->second.expr;
  };
  auto row_column = [&](size_t i) {
    const ColumnSchema& c = ctx_.row->columns[i];
    return Expr::column(static_cast<uint32_t>(i), c.type, c.name, ctx_.side);
  };
  // The columns the aggregate yields, in order, and the arguments of its one call.
  std::vector<ColumnSchema> cols;
  std::vector<ExprPtr> call_args;
  bool complete = true;
  auto push_arg = [&](ExprPtr e) {
    if (!e) complete = false;
    call_args.push_back(std::move(e));
  };

  if (multi_value) {
    bind(call);
    std::string prefix = fn->name == "any" ? "any_" : "";
    for (const Node* a : call->args) {
      if (a->kind == NodeKind::Star) {
        if (ctx_.row)
          for (size_t i = 0; i < ctx_.row->columns.size(); ++i) {
            const auto& c = ctx_.row->columns[i];
            cols.push_back({prefix + c.name, c.type});
            push_arg(row_column(i));
          }
        continue;
      }
      std::string n = result_name(a, {});
      if (n.empty()) n = default_column_name(false);
      cols.push_back({prefix + n, type_of(a)});
      push_arg(expr_of(a));
    }
  } else {
    bool single_any = fn && fn->name == "any" && call->args.size() == 1;  // any(x) -> any_x
    if (!fn || fn->aggregate_shape == functions::AggregateShape::Single || single_any) {
      project_expression(expr, builder, ProjectionStyle::Summarize);
      return;
    }
    bind(call);  // checks the arguments
    const auto& args = call->args;
    switch (fn->aggregate_shape) {
      case functions::AggregateShape::ArgMinMax: {
        if (args.empty()) break;
        std::string first = result_name(args[0], {});
        if (first.empty()) first = default_column_name(false);
        cols.push_back({first, type_of(args[0])});
        push_arg(expr_of(args[0]));
        const ColumnSchema* first_col = result_column(args[0]);
        for (size_t i = 1; i < args.size(); ++i) {
          if (args[i]->kind == NodeKind::Star) {
            if (!ctx_.row) continue;
            for (size_t j = 0; j < ctx_.row->columns.size(); ++j) {
              const auto& c = ctx_.row->columns[j];
              if (!builder.can_add(c.name)) continue;
              if (first_col && c.name == first_col->name) continue;
              cols.push_back(c);
              push_arg(row_column(j));
            }
          } else {
            std::string n = result_name(args[i], {});
            if (n.empty()) n = default_column_name(false);
            cols.push_back({n, type_of(args[i])});
            push_arg(expr_of(args[i]));
          }
        }
        break;
      }
      case functions::AggregateShape::Percentiles: {
        if (args.empty()) break;
        bool weighted = fn->name.starts_with("percentilesw") || fn->name == "percentilew";
        size_t first_p = weighted ? 2 : 1;
        std::string value_name = result_name(args[0], {});
        ScalarType vt = type_of(args[0]);
        if (vt == ScalarType::Int) vt = ScalarType::Long;
        if (vt == ScalarType::Decimal) vt = ScalarType::Real;
        for (size_t i = 0; i < args.size(); ++i) push_arg(expr_of(args[i]));
        for (size_t i = first_p; i < args.size(); ++i) {
          std::string p = args[i]->kind == NodeKind::Literal ? std::string(args[i]->as<LiteralNode>()->text) : "";
          cols.push_back({"percentile_" + value_name + "_" + valid_name_fragment(p), vt});
        }
        break;
      }
      case functions::AggregateShape::PercentilesArray: {
        std::string value_name = args.empty() ? std::string() : result_name(args[0], {});
        for (const Node* a : args) push_arg(expr_of(a));
        cols.push_back({"percentiles_" + value_name, ScalarType::Dynamic});
        break;
      }
      case functions::AggregateShape::Single:
        break;
    }
  }
  ExprPtr agg;
  if (complete && fn) {
    agg = Expr::call(fn, ScalarType::Unknown, std::move(call_args));
    std::vector<ScalarType> types;
    for (const auto& c : cols) types.push_back(c.type);
    aggregate_fields_[agg.get()] = std::move(types);
  }
  // Names written by the query take the first columns; the rest keep theirs (made unique).
  std::vector<const NameNode*> names;
  if (auto* named = expr->as<SimpleNamedNode>()) names.push_back(named->name);
  if (auto* cn = expr->as<CompoundNamedNode>())
    for (const NameNode* n : cn->names) names.push_back(n);
  for (size_t i = 0; i < cols.size(); ++i) {
    ExprPtr field = field_of(agg, static_cast<uint32_t>(i), cols[i].type);
    if (i < names.size()) {
      if (!builder.declare({names[i]->value, cols[i].type}, false, field))
        error(names[i], fmt::format("A column with the name '{}' is already declared.", names[i]->value));
    } else {
      builder.add(cols[i], false, {}, field);
    }
  }
}

// ---------------------------------------------------------------- aggregation plans

namespace {

// Rewrites an expression over aggregate results: each aggregate call becomes a reference to the
// column the Aggregate node gives it.
class AggregateLifter {
 public:
  AggregateLifter(size_t key_count, const absl::flat_hash_map<const Expr*, std::vector<ScalarType>>& fields)
      : key_count_(key_count), fields_(fields) {}

  std::vector<AggregateCall> calls;
  std::vector<ColumnSchema> columns;  // the Aggregate node's aggregate columns
  bool ok = true;

  ExprPtr lift(const ExprPtr& e) {
    if (!e) return nullptr;
    if (e->kind == ExprKind::Call && e->fn && e->fn->kind == functions::FunctionKind::Aggregate)
      return column_of(e, 0);
    if (e->kind == ExprKind::TupleField && !e->args.empty() && e->args[0] && e->args[0]->kind == ExprKind::Call &&
        e->args[0]->fn && e->args[0]->fn->kind == functions::FunctionKind::Aggregate)
      return column_of(e->args[0], e->index);
    if (e->kind == ExprKind::Column) {
      // A row column outside any aggregate has no single value per group.
      ok = false;
      return e;
    }
    if (e->args.empty()) return e;
    auto copy = std::make_shared<Expr>(*e);
    for (auto& a : copy->args) a = lift(a);
    return copy;
  }

 private:
  ExprPtr column_of(const ExprPtr& call, uint32_t field) {
    auto it = first_column_.find(call.get());
    if (it == first_column_.end()) {
      AggregateCall c;
      c.fn = call->fn;
      c.at = call->at;
      c.args = call->args;
      auto f = fields_.find(call.get());
      if (f != fields_.end()) {
        c.types = f->second;
      } else {
        c.types = {call->type};
      }
      it = first_column_.emplace(call.get(), columns.size()).first;
      for (size_t i = 0; i < c.types.size(); ++i)
        columns.push_back({fmt::format("__aggregate{}", columns.size()), c.types[i]});
      calls.push_back(std::move(c));
    }
    size_t col = it->second + field;
    return Expr::column(static_cast<uint32_t>(key_count_ + col), columns[col].type, columns[col].name);
  }

  size_t key_count_;
  const absl::flat_hash_map<const Expr*, std::vector<ScalarType>>& fields_;
  absl::flat_hash_map<const Expr*, size_t> first_column_;
};

}  // namespace

BoundType Binder::aggregate_plan(const BoundType& input, ProjectionBuilder& builder, size_t key_count, const Node* at) {
  TablePtr out = std::make_shared<TableSchema>(builder.take());
  const auto& exprs = builder.exprs();
  if (!input.plan || !Expr::all_set(exprs)) return BoundType::table(out);
  auto agg = std::make_shared<AggregatePlan>();
  agg->inputs = {input.plan};
  TableSchema inner;
  for (size_t i = 0; i < key_count && i < exprs.size(); ++i) {
    agg->keys.push_back(exprs[i]);
    inner.columns.push_back(out->columns[i]);
  }
  AggregateLifter lifter(key_count, aggregate_fields_);
  std::vector<ExprPtr> finals;
  for (size_t i = 0; i < key_count && i < exprs.size(); ++i)
    finals.push_back(Expr::column(static_cast<uint32_t>(i), out->columns[i].type, out->columns[i].name));
  for (size_t i = key_count; i < exprs.size(); ++i) finals.push_back(lifter.lift(exprs[i]));
  if (!lifter.ok) {
    plan_error(at, "An expression of summarize refers to a column outside any aggregation.");
    return BoundType::table(out);
  }
  agg->aggregates = std::move(lifter.calls);
  for (auto& c : lifter.columns) inner.columns.push_back(std::move(c));
  // When every output column is a key or an aggregate value, in the Aggregate node's order, the
  // Aggregate node is the whole plan; otherwise a Project computes the outputs from it.
  bool direct = finals.size() == inner.columns.size();
  for (size_t i = 0; direct && i < finals.size(); ++i)
    direct = finals[i]->kind == ExprKind::Column && finals[i]->index == i && finals[i]->type == inner.columns[i].type;
  if (direct) {
    for (size_t i = 0; i < inner.columns.size(); ++i) inner.columns[i].name = out->columns[i].name;
    agg->schema = out;
    return BoundType::table(out, agg);
  }
  agg->schema = std::make_shared<TableSchema>(std::move(inner));
  auto project = std::make_shared<ProjectPlan>();
  project->inputs = {agg};
  project->exprs = std::move(finals);
  project->schema = out;
  return BoundType::table(out, project);
}

}  // namespace huntdb::analyze::detail
