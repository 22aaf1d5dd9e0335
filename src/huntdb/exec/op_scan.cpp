// scan: a state machine over the rows in order, as https://learn.microsoft.com/kusto/query/scan-operator
// describes it. Each step keeps a state: the rows its sequence matched at every step so far
// (with their declared columns as the steps assigned them). Every row is checked against the
// steps from the last to the first:
//   1. if the previous step has an active sequence and the row meets this step's condition
//      (with that sequence's state), the sequence moves up to this step (replacing what was
//      there) and the row, extended by the step's assignments, is output;
//   2. otherwise, if this step has an active sequence (or is the first step) and the row meets
//      the condition with this step's state, the row replaces this step's row in the state; a
//      first step without an active sequence starts a new one (and a new match id).
// `output=last` outputs only the last of a run of matches of a step, `none` nothing.
//
// `step.Column` reads the row a step matched last in the sequence being checked; a step with
// no row there reads nulls and the declared defaults. Conditions and assignments that do not
// read steps are computed for whole batches; the others row by row.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/group_table.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::exec::op {

namespace {

bool reads_steps(const ExprPtr& e) {
  if (!e) return false;
  if (e->kind == ExprKind::Column && e->side == ColumnSide::Step) return true;
  for (const auto& a : e->args)
    if (reads_steps(a)) return true;
  return false;
}

// A row of the scan's output schema (input columns, declared columns, match id), one row long.
using RowPtr = std::shared_ptr<const Batch>;

// One output row: where its input columns come from and its own values.
struct OutputRow {
  RowRef source;
  std::vector<Value> declared;
  int64_t match_id = 0;
};

struct StepState {
  bool active = false;
  int64_t match_id = 0;
  std::vector<RowPtr> rows;          // per step (up to this one): the row it matched
  std::optional<OutputRow> pending;  // output=last: the last match not yet output
};

class ScanMachine {
 public:
  ScanMachine(const ScanOpPlan& p, Executor& ex, const Table& in) : p_(p), ex_(ex), in_(in) {
    nsteps_ = p.steps.size();
    input_columns_ = in.schema.columns.size();
    for (const auto& d : p.declared_defaults) {
      CompiledExpr c(d, ex);
      Batch one;
      one.rows = 1;
      defaults_.push_back(c.eval(one)->value_at(0));
    }
    for (const auto& s : p.steps) {
      conditions_.push_back(std::make_unique<CompiledExpr>(s.condition, ex));
      condition_reads_steps_.push_back(reads_steps(s.condition));
      std::vector<std::unique_ptr<CompiledExpr>> assigns;
      std::vector<bool> reads;
      for (const auto& [col, e] : s.assignments) {
        assigns.push_back(std::make_unique<CompiledExpr>(e, ex));
        reads.push_back(reads_steps(e));
      }
      assignments_.push_back(std::move(assigns));
      assignment_reads_steps_.push_back(std::move(reads));
    }
    // The row a step without a match reads: nulls, and the declared defaults.
    auto empty = std::make_shared<Batch>();
    empty->rows = 1;
    for (const auto& c : p.schema->columns) empty->columns.push_back(Column::make_nulls(c.type, 1));
    for (size_t d = 0; d < defaults_.size(); ++d) empty->columns[input_columns_ + d] = Column::make_constant(defaults_[d], 1);
    empty_row_ = empty;
    states_.resize(nsteps_);
  }

  // Runs the rows `order` (in that order) through the machine; a partition starts empty.
  void run(const std::vector<RowRef>& order) {
    for (auto& s : states_) s = StepState{};
    for (size_t start = 0; start < order.size(); start += kBatchRows) {
      ex_.context().check_cancelled();
      size_t n = std::min(kBatchRows, order.size() - start);
      std::vector<RowRef> refs(order.begin() + static_cast<ptrdiff_t>(start), order.begin() + static_cast<ptrdiff_t>(start + n));
      Batch batch = extended(take_row_refs(in_, refs).front());
      precompute(batch);
      for (size_t r = 0; r < n; ++r) step_row(batch, r, refs[r]);
    }
    for (auto& s : states_) flush(s);
  }

  TablePtr output() const {
    std::vector<RowRef> sources;
    for (const auto& o : out_) sources.push_back(o.source);
    std::vector<ColumnPtr> cols;
    size_t rows = out_.size();
    if (rows > 0) {
      std::vector<Batch> parts = take_row_refs(in_, sources);
      for (size_t c = 0; c < input_columns_; ++c) {
        std::vector<ColumnPtr> pieces;
        for (const auto& b : parts) pieces.push_back(b.columns[c]);
        cols.push_back(Column::concat(pieces));
      }
    } else {
      for (size_t c = 0; c < input_columns_; ++c) cols.push_back(Column::make_nulls(in_.schema.columns[c].type, 0));
    }
    for (size_t d = 0; d < defaults_.size(); ++d) {
      ColumnBuilder b(p_.schema->columns[input_columns_ + d].type, rows);
      for (const auto& o : out_) b.append_value(o.declared[d]);
      cols.push_back(b.finish());
    }
    if (p_.match_id_column >= 0) {
      std::vector<int64_t> ids;
      for (const auto& o : out_) ids.push_back(o.match_id);
      cols.push_back(Column::make_longs(ScalarType::Long, std::move(ids)));
    }
    return make_table(*p_.schema, split_into_batches(std::move(cols), rows));
  }

 private:
  // A batch of input rows with the declared columns (at their defaults) and the match id.
  Batch extended(Batch b) const {
    for (size_t d = 0; d < defaults_.size(); ++d) b.columns.push_back(Column::make_constant(defaults_[d], b.rows));
    if (p_.match_id_column >= 0) b.columns.push_back(Column::make_nulls(ScalarType::Long, b.rows));
    return b;
  }

  void precompute(const Batch& batch) {
    row_cache_index_ = SIZE_MAX;
    conditions_now_.assign(nsteps_, nullptr);
    assignments_now_.assign(nsteps_, {});
    EvalState state;
    for (size_t k = 0; k < nsteps_; ++k) {
      if (!condition_reads_steps_[k]) conditions_now_[k] = conditions_[k]->eval(batch, state);
      assignments_now_[k].assign(assignments_[k].size(), nullptr);
      for (size_t a = 0; a < assignments_[k].size(); ++a)
        if (!assignment_reads_steps_[k][a]) assignments_now_[k][a] = assignments_[k][a]->eval(batch, state);
    }
  }

  // What `step.Column` reads while checking against a sequence's state.
  std::vector<const Batch*> view_of(const StepState& s) const {
    std::vector<const Batch*> v(nsteps_, empty_row_.get());
    for (size_t j = 0; j < s.rows.size(); ++j)
      if (s.rows[j]) v[j] = s.rows[j].get();
    return v;
  }

  const Batch& one_row(const Batch& batch, size_t r) {
    if (row_cache_index_ != r) {
      row_cache_ = slice_rows(batch, r, 1);
      row_cache_index_ = r;
    }
    return row_cache_;
  }

  bool condition(size_t k, const Batch& batch, size_t r, const StepState& s) {
    ColumnPtr c;
    size_t at = r;
    if (conditions_now_[k]) {
      c = conditions_now_[k];
    } else {
      std::vector<const Batch*> view = view_of(s);
      EvalState st;
      st.steps = &view;
      c = conditions_[k]->eval(one_row(batch, r), st);
      at = 0;
    }
    functions::BoolReader b(*c);
    return !b.null(at) && b.get(at);
  }

  // The declared values of row r once step k's assignments extend it.
  std::vector<Value> assign(size_t k, const Batch& batch, size_t r, const StepState& s) {
    std::vector<Value> declared = defaults_;
    const auto& step = p_.steps[k];
    std::vector<const Batch*> view;
    for (size_t a = 0; a < step.assignments.size(); ++a) {
      size_t col = step.assignments[a].first;
      if (col < input_columns_ || col >= input_columns_ + defaults_.size()) continue;
      Value v;
      if (assignments_now_[k][a]) {
        v = assignments_now_[k][a]->value_at(r);
      } else {
        if (view.empty()) view = view_of(s);
        EvalState st;
        st.steps = &view;
        v = assignments_[k][a]->eval(one_row(batch, r), st)->value_at(0);
      }
      declared[col - input_columns_] = std::move(v);
    }
    return declared;
  }

  RowPtr make_row(const Batch& batch, size_t r, const std::vector<Value>& declared, int64_t match_id) {
    auto row = std::make_shared<Batch>(slice_rows(batch, r, 1));
    for (size_t d = 0; d < declared.size(); ++d) row->columns[input_columns_ + d] = Column::make_constant(declared[d], 1);
    if (p_.match_id_column >= 0) row->columns[static_cast<size_t>(p_.match_id_column)] = Column::make_constant(Value::of_long(match_id), 1);
    return row;
  }

  void emit(size_t k, StepState& s, OutputRow row) {
    const std::string& mode = p_.steps[k].output;
    if (mode == "none") return;
    if (mode == "last") {
      s.pending = std::move(row);
      return;
    }
    out_.push_back(std::move(row));
  }

  void flush(StepState& s) {
    if (s.pending) out_.push_back(std::move(*s.pending));
    s.pending.reset();
  }

  void step_row(const Batch& batch, size_t r, RowRef source) {
    for (size_t k = nsteps_; k-- > 0;) {
      // Check 1: the previous step's sequence moves up to this step.
      if (k > 0 && states_[k - 1].active && condition(k, batch, r, states_[k - 1])) {
        StepState moved = std::move(states_[k - 1]);
        states_[k - 1] = StepState{};
        flush(moved);       // the previous step's run of matches ends
        flush(states_[k]);  // the sequence replaced here ends
        std::vector<Value> declared = assign(k, batch, r, moved);
        moved.rows.resize(k + 1);
        moved.rows[k] = make_row(batch, r, declared, moved.match_id);
        states_[k] = std::move(moved);
        emit(k, states_[k], OutputRow{source, std::move(declared), states_[k].match_id});
        continue;
      }
      // Check 2: the row replaces this step's row, or starts a sequence at the first step.
      StepState& s = states_[k];
      if ((s.active || k == 0) && condition(k, batch, r, s)) {
        if (!s.active) {
          s = StepState{};
          s.active = true;
          s.match_id = next_match_id_++;
        }
        std::vector<Value> declared = assign(k, batch, r, s);
        s.rows.resize(std::max(s.rows.size(), k + 1));
        s.rows[k] = make_row(batch, r, declared, s.match_id);
        emit(k, s, OutputRow{source, std::move(declared), s.match_id});
      }
    }
  }

  const ScanOpPlan& p_;
  Executor& ex_;
  const Table& in_;
  size_t nsteps_ = 0, input_columns_ = 0;
  std::vector<Value> defaults_;
  std::vector<std::unique_ptr<CompiledExpr>> conditions_;
  std::vector<bool> condition_reads_steps_;
  std::vector<std::vector<std::unique_ptr<CompiledExpr>>> assignments_;
  std::vector<std::vector<bool>> assignment_reads_steps_;
  std::vector<ColumnPtr> conditions_now_;
  std::vector<std::vector<ColumnPtr>> assignments_now_;
  RowPtr empty_row_;
  std::vector<StepState> states_;
  std::vector<OutputRow> out_;
  int64_t next_match_id_ = 0;
  Batch row_cache_;
  size_t row_cache_index_ = SIZE_MAX;
};

}  // namespace

TablePtr scan(const ScanOpPlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  // `order by`: the rows sorted first, by the sort operator itself.
  if (!p.order_by.empty()) {
    auto source = std::make_shared<SubqueryInputPlan>();
    source->schema = std::make_shared<TableSchema>(in->schema);
    auto sort = std::make_shared<SortPlan>();
    sort->schema = source->schema;
    sort->inputs = {source};
    sort->keys = p.order_by;
    Bindings bindings = b ? *b : Bindings{};
    bindings[source.get()] = in;
    in = ex.run(sort, &bindings);
  }
  // The rows of each partition (`partition by`), in order; one partition without it.
  std::vector<std::vector<RowRef>> partitions;
  if (p.partition_by.empty()) {
    partitions.emplace_back();
    for (size_t bi = 0; bi < in->batches.size(); ++bi)
      for (size_t r = 0; r < in->batches[bi].rows; ++r) partitions[0].push_back({static_cast<uint32_t>(bi), static_cast<uint32_t>(r)});
  } else {
    std::vector<std::unique_ptr<CompiledExpr>> keys;
    std::vector<ScalarType> types;
    for (const auto& k : p.partition_by) {
      keys.push_back(std::make_unique<CompiledExpr>(k, ex));
      types.push_back(k->type);
    }
    GroupTable groups(types);
    for (size_t bi = 0; bi < in->batches.size(); ++bi) {
      std::vector<ColumnPtr> cols;
      EvalState st;
      for (const auto& k : keys) cols.push_back(k->eval(in->batches[bi], st));
      std::vector<uint32_t> group_of;
      groups.assign(cols, in->batches[bi].rows, group_of, static_cast<uint32_t>(bi));
      partitions.resize(groups.size());
      for (size_t r = 0; r < group_of.size(); ++r) partitions[group_of[r]].push_back({static_cast<uint32_t>(bi), static_cast<uint32_t>(r)});
    }
  }
  ScanMachine machine(p, ex, *in);
  for (const auto& rows : partitions) machine.run(rows);
  return machine.output();
}

}  // namespace huntdb::exec::op
