#include "huntdb/exec/expression.h"

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/executor.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/search_term.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/functions/kernels/text_search.h"
#include "huntdb/types/convert.h"
#include "huntdb/types/format.h"

namespace huntdb::exec {

using analyze::ColumnSide;
using analyze::Expr;
using analyze::ExprKind;
using analyze::ExprPtr;

namespace {

bool is_lowercase_in(kql::InOp op) { return op == kql::InOp::InCs || op == kql::InOp::NotInCs; }

class Compiler {
 public:
  explicit Compiler(Executor& executor) : executor_(executor) {}

  std::shared_ptr<ExprNode> compile(const ExprPtr& e) {
    if (!e) throw ExecError("The query has an expression that cannot be evaluated.");
    auto it = seen_.find(e.get());
    if (it != seen_.end()) {
      it->second->shared = true;
      return it->second;
    }
    auto n = build(e);
    seen_[e.get()] = n;
    return n;
  }

 private:
  std::shared_ptr<ExprNode> build(const ExprPtr& e) {
    auto n = std::make_shared<ExprNode>();
    n->kind = e->kind;
    n->type = e->type;
    n->name = e->name;
    n->binary_op = e->binary_op;
    n->in_op = e->in_op;
    n->negated = e->negated;
    n->fn = e->fn;
    n->field = e->index;
    for (const auto& a : e->args) n->args.push_back(a ? compile(a) : nullptr);

    switch (e->kind) {
      case ExprKind::Literal:
        n->constant = e->value;
        n->single_column = -1;
        return n;
      case ExprKind::Column:
        n->column = e->index;
        n->side = e->side;
        n->step = e->step;
        n->single_column = e->side == ColumnSide::Step ? -2 : static_cast<int>(e->index);
        return n;
      case ExprKind::Parameter: {
        for (const auto& [name, value] : executor_.context().parameters)
          if (name == e->name) {
            auto v = value;
            n->constant = v.type == e->type || e->type == ScalarType::Unknown
                              ? v
                              : cast_column(Column::make_constant(v, 1), e->type)->value_at(0);
          }
        if (!n->constant) {
          if (n->args.empty() || !n->args[0] || !n->args[0]->constant)
            throw ExecError(fmt::format("The query parameter '{}' has no value.", e->name));
          n->constant = *n->args[0]->constant;
        }
        n->args.clear();
        n->single_column = -1;
        return n;
      }
      case ExprKind::ScalarSubquery: {
        TablePtr t = executor_.run(e->subquery);
        Value v = Value::null(e->type);
        for (const auto& b : t->batches)
          if (b.rows > 0 && !b.columns.empty()) {
            v = b.columns[0]->value_at(0);
            break;
          }
        n->constant = v;
        n->single_column = -1;
        return n;
      }
      case ExprKind::Call:
        if (!e->fn) throw ExecError("A function call cannot be evaluated.", e->at);
        if (e->fn->kind == functions::FunctionKind::Aggregate)
          throw ExecError(fmt::format("The aggregation function '{}' can only be used in summarize.", e->fn->name), e->at);
        if (e->fn->kind == functions::FunctionKind::Window && !e->fn->kernel) {
          if (!e->fn->window) throw ExecError(fmt::format("The function '{}' is not supported yet.", e->fn->name), e->at);
          n->window = e->fn->window(window_spec(*n));
          break;
        }
        n->kernel = e->fn->kernel;
        n->tuple_kernel = e->fn->tuple_kernel;
        if (!n->kernel && !n->tuple_kernel)
          throw ExecError(fmt::format("The function '{}' is not supported yet.", e->fn->name), e->at);
        break;
      case ExprKind::Binary:
        n->kernel = binary_kernel(e->binary_op, e->args[0]->type, e->args[1]->type);
        if (!n->kernel)
          throw ExecError(fmt::format("The operator cannot be applied to {} and {}.", type_name(e->args[0]->type),
                                      type_name(e->args[1]->type)), e->at);
        break;
      case ExprKind::In: {
        if (e->subquery) {
          // x in (T | project y): the subquery's first column is the list.
          TablePtr t = executor_.run(e->subquery);
          for (const auto& b : t->batches)
            if (!b.columns.empty())
              for (size_t i = 0; i < b.rows; ++i) add_in_value(*n, b.columns[0]->value_at(i));
        }
        for (size_t i = 1; i < n->args.size(); ++i) {
          if (!n->args[i]->constant) {
            n->in_values.clear();
            n->in_strings.clear();
            n->in_has_dynamic_arrays = false;
            throw ExecError("The values of `in` must be constants.");
          }
          add_in_value(*n, *n->args[i]->constant);
        }
        n->args.resize(1);
        break;
      }
      case ExprKind::SearchTerm:
        n->single_column = -2;
        return n;
      default:
        break;
    }
    // Which single column the subtree reads, and whether everything in it is constant.
    bool all_constant = true;
    int single = -1;
    for (const auto& a : n->args) {
      if (!a) continue;
      if (!a->constant) all_constant = false;
      if (a->single_column == -1) continue;
      if (single == -1) {
        single = a->single_column;
      } else if (single != a->single_column) {
        single = -2;
      }
    }
    bool deterministic = !(n->kind == ExprKind::Call && n->fn && !n->fn->deterministic) &&
                         !(n->kind == ExprKind::Call && n->fn && n->fn->kind == functions::FunctionKind::Window);
    n->single_column = deterministic ? single : -2;
    // A call that yields several values (series_fit_line) is not a value itself: its fields
    // (TupleField nodes) read it, so it is never folded on its own.
    bool yields_tuple = n->kind == ExprKind::Call && n->fn && !n->fn->tuple_fields.empty();
    if (all_constant && deterministic && n->kind != ExprKind::TupleField && !yields_tuple) {
      // Fold: compute it once over a one-row batch.
      Batch one;
      one.rows = 1;
      EvalState s;
      ColumnPtr c = eval_node(*n, one, s, executor_.context().kernel);
      n->constant = c->value_at(0);
      n->args.clear();
      n->single_column = -1;
    }
    return n;
  }

  // What a window function knows before the first row: its argument types and constants.
  functions::AggregateSpec window_spec(const ExprNode& n) {
    functions::AggregateSpec spec;
    spec.ctx = &executor_.context().kernel;
    spec.result_types = {n.type};
    for (const auto& a : n.args) {
      spec.arg_types.push_back(a ? a->type : ScalarType::Unknown);
      spec.constants.push_back(a && a->constant ? a->constant : std::nullopt);
    }
    return spec;
  }

  static void add_in_value(ExprNode& n, const Value& v) {
    if (v.is_null()) return;  // a null of any type (a dynamic null holds no pointer)
    if (v.type == ScalarType::Dynamic && v.as_dynamic() && v.as_dynamic()->is_array()) {
      // x in (dynamic([...])): the array's elements are the list.
      for (const auto& el : v.as_dynamic()->elements()) add_in_value(n, scalar_of(*el));
      return;
    }
    if (v.type == ScalarType::Dynamic && v.as_dynamic()) {
      add_in_value(n, scalar_of(*v.as_dynamic()));
      return;
    }
    if (v.is_null()) return;
    std::string text = format_value(v);
    if (is_lowercase_in(n.in_op)) text = functions::to_lower_invariant(text);
    n.in_strings.insert(std::move(text));
    n.in_values.push_back(v);
  }

  Executor& executor_;
  absl::flat_hash_map<const Expr*, std::shared_ptr<ExprNode>> seen_;
};

// Rows of `batch` whose value in the column is in the list.
ColumnPtr eval_in(const ExprNode& n, const ColumnPtr& x) {
  bool negate = n.in_op == kql::InOp::NotIn || n.in_op == kql::InOp::NotInCs;
  bool lower = is_lowercase_in(n.in_op);
  size_t rows = x->size();
  std::vector<uint8_t> out(rows);
  Validity valid;
  if (x->type() == ScalarType::String) {
    functions::StringReader r(*x);
    std::string buf;
    for (size_t i = 0; i < rows; ++i) {
      std::string_view s = r.get(i);
      bool hit;
      if (lower) {
        buf = functions::to_lower_invariant(s);
        hit = n.in_strings.contains(buf);
      } else {
        hit = n.in_strings.contains(s);
      }
      out[i] = hit != negate;
    }
    return Column::make_bools(std::move(out), std::move(valid));
  }
  // Other types compare by their text (so 1 in (1.0) and long vs int agree the way Kusto's
  // typed comparison does for integral values).
  for (size_t i = 0; i < rows; ++i) {
    Value v = x->value_at(i);
    if (v.type == ScalarType::Dynamic && !v.is_null() && v.as_dynamic()) v = scalar_of(*v.as_dynamic());
    if (v.is_null()) {
      out[i] = negate;
      continue;
    }
    std::string text = format_value(v);
    if (lower) text = functions::to_lower_invariant(text);
    bool hit = n.in_strings.contains(text);
    if (!hit && is_numeric(v.type)) {
      double d = functions::RealReader::value_as_real(v);
      for (const auto& c : n.in_values)
        if (is_numeric(c.type) && functions::RealReader::value_as_real(c) == d) hit = true;
    }
    out[i] = hit != negate;
  }
  return Column::make_bools(std::move(out), std::move(valid));
}

ColumnPtr eval_unpeeled(const ExprNode& n, const Batch& batch, EvalState& state, const functions::KernelContext& kctx) {
  size_t rows = batch.rows;
  switch (n.kind) {
    case ExprKind::Column: {
      if (n.side == ColumnSide::Step) {
        const Batch* step = state.steps && n.step < state.steps->size() ? (*state.steps)[n.step] : nullptr;
        if (!step || n.column >= step->columns.size()) return Column::make_nulls(n.type, rows);
        return Column::make_constant(step->columns[n.column]->value_at(0), rows);
      }
      if (n.column >= batch.columns.size()) throw ExecError("A column reference is out of range.");
      return batch.columns[n.column];
    }
    case ExprKind::Call: {
      std::vector<ColumnPtr> args;
      args.reserve(n.args.size());
      for (const auto& a : n.args) args.push_back(eval_node(*a, batch, state, kctx));
      functions::KernelArgs ka{args, rows, n.type, &kctx};
      if (n.window) return n.window->next(ka);
      return n.kernel(ka);
    }
    case ExprKind::TupleField: {
      const ExprNode& call = *n.args[0];
      auto it = state.tuples.find(&call);
      if (it == state.tuples.end()) {
        std::vector<ColumnPtr> args;
        for (const auto& a : call.args) args.push_back(eval_node(*a, batch, state, kctx));
        functions::KernelArgs ka{args, rows, call.type, &kctx};
        it = state.tuples.emplace(&call, call.tuple_kernel(ka)).first;
      }
      if (n.field >= it->second.size()) return Column::make_nulls(n.type, rows);
      return it->second[n.field];
    }
    case ExprKind::Binary: {
      ColumnPtr args[2] = {eval_node(*n.args[0], batch, state, kctx), eval_node(*n.args[1], batch, state, kctx)};
      functions::KernelArgs ka{args, rows, n.type, &kctx};
      return n.kernel(ka);
    }
    case ExprKind::Negate:
      return negate_column(eval_node(*n.args[0], batch, state, kctx), n.type);
    case ExprKind::Cast:
      return cast_column(eval_node(*n.args[0], batch, state, kctx), n.type);
    case ExprKind::Between:
      return between_column(eval_node(*n.args[0], batch, state, kctx), eval_node(*n.args[1], batch, state, kctx),
                            eval_node(*n.args[2], batch, state, kctx), n.negated);
    case ExprKind::Member:
      return member_column(eval_node(*n.args[0], batch, state, kctx), n.name);
    case ExprKind::Index:
      return index_column(eval_node(*n.args[0], batch, state, kctx), eval_node(*n.args[1], batch, state, kctx));
    case ExprKind::In:
      return eval_in(n, eval_node(*n.args[0], batch, state, kctx));
    case ExprKind::SearchTerm:
      return search_term_column(batch, n.name, n.binary_op);
    default:
      throw ExecError("An expression cannot be evaluated.");
  }
}

}  // namespace

ColumnPtr eval_node(const ExprNode& n, const Batch& batch, EvalState& state, const functions::KernelContext& kctx) {
  if (n.constant) return Column::make_constant(*n.constant, batch.rows);
  if (n.shared) {
    auto it = state.memo.find(&n);
    if (it != state.memo.end()) return it->second;
  }
  ColumnPtr result;
  // A subtree over one dictionary-encoded column (and constants): compute it once per distinct
  // value, then spread the results to the rows by their codes.
  if (n.single_column >= 0 && n.kind != ExprKind::Column && static_cast<size_t>(n.single_column) < batch.columns.size() &&
      batch.columns[n.single_column]->is_dictionary() && batch.columns[n.single_column]->validity().all_valid()) {
    const ColumnPtr& col = batch.columns[n.single_column];
    const ColumnPtr& dict = col->dictionary_ptr();
    ColumnPtr per_value;
    {
      std::lock_guard<std::mutex> lock(n.dict_mu);
      if (n.dict_key == dict) per_value = n.dict_result;
    }
    if (!per_value) {
      Batch over_dict;
      over_dict.rows = dict->size();
      over_dict.columns.assign(batch.columns.size(), nullptr);
      over_dict.columns[n.single_column] = dict;
      EvalState s;
      per_value = Column::flatten(eval_unpeeled(n, over_dict, s, kctx));
      std::lock_guard<std::mutex> lock(n.dict_mu);
      n.dict_key = dict;
      n.dict_result = per_value;
    }
    if (per_value->type() == ScalarType::String) {
      result = Column::make_dictionary(per_value, std::vector<uint32_t>(col->codes().begin(), col->codes().end()));
    } else {
      result = Column::take(per_value, col->codes());
    }
  } else {
    result = eval_unpeeled(n, batch, state, kctx);
  }
  if (n.shared) state.memo[&n] = result;
  return result;
}

CompiledExpr::CompiledExpr(const ExprPtr& expr, Executor& executor) : kernel_context_(executor.context().kernel) {
  Compiler c(executor);
  root_ = c.compile(expr);
}

ColumnPtr CompiledExpr::eval(const Batch& batch, EvalState& state) const {
  return eval_node(*root_, batch, state, kernel_context_);
}

}  // namespace huntdb::exec
