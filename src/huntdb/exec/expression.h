// Scalar expressions ready to run over batches. Compiling an expression of the logical plan picks
// each call's kernel, folds what is constant, runs scalar subqueries once, and notes which
// subtrees read a single column: over a dictionary-encoded column those are computed once per
// distinct value and spread to the rows by their codes (so a chain of `Process !contains ...`
// filters costs one pass over the dictionary and one over the codes).
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include "huntdb/analyze/logical_plan.h"
#include "huntdb/column/column.h"
#include "huntdb/common/string_map.h"
#include "huntdb/functions/kernel.h"

namespace huntdb::exec {

class Executor;
struct ExprNode;

// Per-batch scratch: values of subexpressions used more than once, and the rows scan steps
// matched last.
struct EvalState {
  absl::flat_hash_map<const ExprNode*, ColumnPtr> memo;
  absl::flat_hash_map<const ExprNode*, std::vector<ColumnPtr>> tuples;
  // scan: for each step, the row it matched last (columns of one-row batches), or null.
  const std::vector<const Batch*>* steps = nullptr;
};

struct ExprNode {
  analyze::ExprKind kind = analyze::ExprKind::Literal;
  ScalarType type = ScalarType::Unknown;
  std::vector<std::shared_ptr<ExprNode>> args;

  std::optional<Value> constant;  // set when the whole subtree is constant
  uint32_t column = 0;
  analyze::ColumnSide side = analyze::ColumnSide::Row;
  uint32_t step = 0;
  functions::ScalarKernel kernel = nullptr;
  functions::TupleKernel tuple_kernel = nullptr;
  const functions::FunctionInfo* fn = nullptr;
  kql::BinaryOp binary_op = kql::BinaryOp::Add;
  kql::InOp in_op = kql::InOp::In;
  bool negated = false;
  std::string name;
  uint32_t field = 0;
  bool shared = false;  // used by several parents: its value is memoized per batch
  // A window function call's running state (row_number, prev, ...), one per compiled
  // expression: eval hands it the batches in order instead of calling a kernel.
  mutable std::unique_ptr<functions::WindowState> window;

  // The one input column the subtree reads (-1: none, -2: several or not peelable).
  int single_column = -1;
  // `in` over constants: the values, as text for strings (lower-cased for in~) and as Values
  // otherwise.
  StringSet in_strings;
  std::vector<Value> in_values;
  bool in_has_dynamic_arrays = false;

  // The last dictionary this subtree was computed over, and its result per distinct value.
  mutable std::mutex dict_mu;
  mutable ColumnPtr dict_key;
  mutable ColumnPtr dict_result;
};

class CompiledExpr {
 public:
  // Throws ExecError if something in it cannot run (a function without a kernel).
  CompiledExpr(const analyze::ExprPtr& expr, Executor& executor);

  ScalarType type() const { return root_->type; }
  bool is_constant() const { return root_->constant.has_value(); }
  const Value& constant() const { return *root_->constant; }

  // The expression's value for every row of the batch (`rows` rows; a constant column if the
  // expression is constant).
  ColumnPtr eval(const Batch& batch, EvalState& state) const;
  ColumnPtr eval(const Batch& batch) const {
    EvalState s;
    return eval(batch, s);
  }

 private:
  std::shared_ptr<ExprNode> root_;
  functions::KernelContext kernel_context_;
};

// Evaluates a compiled node (used by CompiledExpr and by operators with several expressions).
ColumnPtr eval_node(const ExprNode& n, const Batch& batch, EvalState& state, const functions::KernelContext& kctx);

}  // namespace huntdb::exec
