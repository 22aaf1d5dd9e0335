// Sources (table scan, literal rows, range) and the row-wise operators (where, extend/project,
// count, take).
#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::exec::op {

namespace {

// The value of a constant expression (take 10, range limits).
Value constant_of(const ExprPtr& e, Executor& ex) {
  CompiledExpr c(e, ex);
  Batch one;
  one.rows = 1;
  return c.eval(one)->value_at(0);
}

int64_t count_of(const ExprPtr& e, Executor& ex, std::string_view what) {
  Value v = constant_of(e, ex);
  if (v.is_null()) throw ExecError(fmt::format("The row count of {} is null.", what));
  if (v.type == ScalarType::Real || v.type == ScalarType::Decimal) return static_cast<int64_t>(functions::RealReader::value_as_real(v));
  return functions::LongReader::value_as_long(v);
}

// Whether an expression calls a window function (row_number, prev, ...): those read the rows
// in order, so the expression runs over the input as one batch, on one thread.
bool calls_window(const ExprPtr& e) {
  if (!e) return false;
  if (e->kind == analyze::ExprKind::Call && e->fn && e->fn->kind == functions::FunctionKind::Window) return true;
  for (const auto& a : e->args)
    if (calls_window(a)) return true;
  return false;
}

// The rows of a table as one batch.
Batch whole_table(const Table& t) {
  Batch whole;
  whole.rows = t.row_count();
  for (size_t c = 0; c < t.schema.columns.size(); ++c) whole.columns.push_back(gather_column(t, c));
  return whole;
}

// Kusto caps range at this many rows; more is almost certainly a mistake that would exhaust memory.
constexpr int64_t kMaxRangeRows = 100'000'000;

}  // namespace

TablePtr table_scan(const TableScanPlan& p, Executor& ex) {
  TablePtr t = ex.context().tables().scan(p, ex.context().scan_stats());
  if (!t) throw ExecError(fmt::format("Failed to resolve table expression named '{}'.", p.table));
  return t;
}

TablePtr values(const ValuesPlan& p, Executor& ex, const Bindings* b) {
  (void)b;
  size_t ncols = p.schema->columns.size();
  std::vector<ColumnBuilder> builders;
  for (const auto& c : p.schema->columns) builders.emplace_back(c.type, p.rows.size());
  Batch one;
  one.rows = 1;
  for (const auto& row : p.rows) {
    for (size_t c = 0; c < ncols && c < row.size(); ++c) {
      CompiledExpr e(row[c], ex);
      Value v = e.eval(one)->value_at(0);
      builders[c].append_value(v);
    }
  }
  std::vector<ColumnPtr> cols;
  for (auto& bld : builders) cols.push_back(bld.finish());
  return make_table(*p.schema, split_into_batches(std::move(cols), p.rows.size()));
}

TablePtr range(const RangePlan& p, Executor& ex, const Bindings* b) {
  (void)b;
  Value from = constant_of(p.from, ex), to = constant_of(p.to, ex), step = constant_of(p.step, ex);
  ScalarType type = p.schema->columns[0].type;
  if (from.is_null() || to.is_null() || step.is_null()) return make_table(*p.schema, {});
  std::vector<ColumnPtr> cols;
  size_t rows = 0;
  if (type == ScalarType::Real || type == ScalarType::Decimal) {
    double f = functions::RealReader::value_as_real(from), t = functions::RealReader::value_as_real(to),
           s = functions::RealReader::value_as_real(step);
    if (s == 0 || (s > 0 && f > t) || (s < 0 && f < t)) return make_table(*p.schema, {});
    double n = std::floor((t - f) / s) + 1;
    if (n > kMaxRangeRows) throw ExecError("range would produce more than 100,000,000 rows.");
    std::vector<double> v(static_cast<size_t>(n));
    for (size_t i = 0; i < v.size(); ++i) {
      if (i % kBatchRows == 0) ex.context().check_cancelled();  // up to 10^8 rows: stay stoppable
      v[i] = f + s * static_cast<double>(i);
    }
    rows = v.size();
    cols.push_back(Column::make_reals(type, std::move(v)));
  } else {
    int64_t f = functions::LongReader::value_as_long(from), t = functions::LongReader::value_as_long(to);
    int64_t s = (step.type == ScalarType::Real || step.type == ScalarType::Decimal)
                    ? static_cast<int64_t>(functions::RealReader::value_as_real(step))
                    : functions::LongReader::value_as_long(step);
    if (s == 0 || (s > 0 && f > t) || (s < 0 && f < t)) return make_table(*p.schema, {});
    __int128 n = (static_cast<__int128>(t) - f) / s + 1;
    if (n > kMaxRangeRows) throw ExecError("range would produce more than 100,000,000 rows.");
    std::vector<int64_t> v(static_cast<size_t>(n));
    for (size_t i = 0; i < v.size(); ++i) {
      if (i % kBatchRows == 0) ex.context().check_cancelled();
      v[i] = f + s * static_cast<int64_t>(i);
    }
    rows = v.size();
    cols.push_back(Column::make_longs(type == ScalarType::Int ? ScalarType::Long : type, std::move(v)));
  }
  return make_table(*p.schema, split_into_batches(std::move(cols), rows));
}

TablePtr filter(const FilterPlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  CompiledExpr pred(p.predicate, ex);
  if (pred.is_constant()) {
    const Value& v = pred.constant();
    bool keep = !v.is_null() && v.type == ScalarType::Bool && v.as_bool();
    return keep ? in : make_table(in->schema, {});
  }
  auto keep_rows = [&](const Batch& batch) {
    ColumnPtr mask = pred.eval(batch);
    std::vector<uint32_t> keep;
    keep.reserve(batch.rows);
    if (mask->type() == ScalarType::Bool && mask->is_flat()) {
      auto bits = mask->bools();
      const Validity& valid = mask->validity();
      for (size_t i = 0; i < batch.rows; ++i)
        if (bits[i] && valid.valid(i)) keep.push_back(static_cast<uint32_t>(i));
    } else {
      functions::BoolReader r(*mask);
      for (size_t i = 0; i < batch.rows; ++i)
        if (!r.null(i) && r.get(i)) keep.push_back(static_cast<uint32_t>(i));
    }
    if (keep.size() == batch.rows) return batch;
    return take_rows(batch, keep);
  };
  if (calls_window(p.predicate)) {
    if (in->batches.size() == 1) return make_table(in->schema, {keep_rows(in->batches[0])});
    Batch kept = keep_rows(whole_table(*in));
    return make_table(in->schema, split_into_batches(std::move(kept.columns), kept.rows));
  }
  return map_batches(ex.context(), *in, in->schema, [&](const Batch& batch, size_t) { return keep_rows(batch); });
}

TablePtr project(const ProjectPlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  std::vector<std::unique_ptr<CompiledExpr>> exprs;
  for (const auto& e : p.exprs) exprs.push_back(std::make_unique<CompiledExpr>(e, ex));
  auto one_batch = [&](const Batch& batch) {
    Batch out;
    out.rows = batch.rows;
    EvalState state;
    for (const auto& e : exprs) {
      ColumnPtr c = e->eval(batch, state);
      // Keep the declared type (a column of another type would confuse later operators).
      if (c->type() != ScalarType::Unknown && out.columns.size() < p.schema->columns.size()) {
        ScalarType want = p.schema->columns[out.columns.size()].type;
        if (want != ScalarType::Unknown && c->type() != want) c = cast_column(c, want);
      }
      out.columns.push_back(std::move(c));
    }
    return out;
  };
  bool window_calls = false;
  for (const auto& e : p.exprs) window_calls = window_calls || calls_window(e);
  if (p.window) {
    // Window functions see the rows in order, and next() must see the rows after each one: the
    // serialized input is evaluated as one batch, then split again.
    if (in->batches.size() <= 1 || !window_calls) {
      std::vector<Batch> out;
      for (const auto& batch : in->batches) out.push_back(one_batch(batch));
      return make_table(*p.schema, std::move(out));
    }
    Batch out = one_batch(whole_table(*in));
    return make_table(*p.schema, split_into_batches(std::move(out.columns), out.rows));
  }
  return map_batches(ex.context(), *in, *p.schema, [&](const Batch& batch, size_t) { return one_batch(batch); });
}

TablePtr count(const CountPlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  std::vector<ColumnPtr> cols{Column::make_longs(ScalarType::Long, {static_cast<int64_t>(in->row_count())})};
  return make_table(*p.schema, split_into_batches(std::move(cols), 1));
}

TablePtr take(const TakePlan& p, Executor& ex, const Bindings* b) {
  int64_t n = count_of(p.count, ex, "take");
  TablePtr in = ex.run(p.inputs[0], b);
  std::vector<Batch> out;
  size_t left = n < 0 ? 0 : static_cast<size_t>(n);
  for (const auto& batch : in->batches) {
    if (left == 0) break;
    size_t k = std::min(left, batch.rows);
    out.push_back(slice_rows(batch, 0, k));
    left -= k;
  }
  return make_table(in->schema, std::move(out));
}

}  // namespace huntdb::exec::op
