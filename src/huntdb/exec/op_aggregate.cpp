// summarize and distinct: each worker groups its batches into its own table with its own
// accumulators; the partial results are then merged by key. Groups come out in the order of
// their first row, so results are deterministic.
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "huntdb/exec/aggregation.h"
#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/group_table.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"

namespace huntdb::exec {

using namespace analyze;

GroupedAggregation::GroupedAggregation(std::vector<ExprPtr> keys, std::vector<AggregateCall> aggregates, Executor& ex)
    : ex_(ex), aggregates_(std::move(aggregates)) {
  for (const auto& k : keys) {
    keys_.push_back(std::make_unique<CompiledExpr>(k, ex));
    key_types_.push_back(k->type);
  }
  for (const auto& a : aggregates_) {
    if (!a.fn || !a.fn->accumulator)
      throw ExecError(fmt::format("The aggregation function '{}' is not supported yet.", a.fn ? a.fn->name : "?"), a.at);
    std::vector<std::unique_ptr<CompiledExpr>> args;
    functions::AggregateSpec spec;
    spec.ctx = &ex.context().kernel;
    spec.result_types = a.types;
    for (const auto& e : a.args) {
      args.push_back(std::make_unique<CompiledExpr>(e, ex));
      spec.arg_types.push_back(e->type);
      spec.constants.push_back(args.back()->is_constant() ? std::optional<Value>(args.back()->constant()) : std::nullopt);
    }
    args_.push_back(std::move(args));
    specs_.push_back(std::move(spec));
  }
}

GroupedAggregation::Result GroupedAggregation::run(const Table& input) {
  size_t workers = ex_.context().pool().size();
  struct Partial {
    std::unique_ptr<GroupTable> groups;
    std::vector<std::unique_ptr<functions::Accumulator>> accs;
  };
  std::vector<Partial> partials(workers);
  ex_.context().pool().parallel_for(input.batches.size(), [&](size_t bi, size_t w) {
    ex_.context().check_cancelled();
    Partial& part = partials[w];
    if (!part.groups) {
      part.groups = std::make_unique<GroupTable>(key_types_);
      for (size_t a = 0; a < aggregates_.size(); ++a) part.accs.push_back(aggregates_[a].fn->accumulator(specs_[a]));
    }
    const Batch& batch = input.batches[bi];
    EvalState state;
    std::vector<ColumnPtr> key_cols;
    for (const auto& k : keys_) key_cols.push_back(k->eval(batch, state));
    std::vector<uint32_t> groups;
    part.groups->assign(key_cols, batch.rows, groups, static_cast<uint32_t>(bi));
    for (size_t a = 0; a < aggregates_.size(); ++a) {
      std::vector<ColumnPtr> args;
      for (const auto& e : args_[a]) args.push_back(e->eval(batch, state));
      part.accs[a]->resize(part.groups->size());
      functions::KernelArgs ka{args, batch.rows, aggregates_[a].types.empty() ? ScalarType::Unknown : aggregates_[a].types[0],
                               &ex_.context().kernel};
      ka.batch = static_cast<uint32_t>(bi);
      part.accs[a]->update(groups, ka);
    }
  });
  // Merge the partial tables by key.
  Result r;
  r.groups = std::make_unique<GroupTable>(key_types_);
  for (size_t a = 0; a < aggregates_.size(); ++a) r.accumulators.push_back(aggregates_[a].fn->accumulator(specs_[a]));
  for (auto& part : partials) {
    if (!part.groups) continue;
    std::vector<uint32_t> mapping = r.groups->merge_from(*part.groups);
    for (size_t a = 0; a < aggregates_.size(); ++a) {
      r.accumulators[a]->resize(r.groups->size());
      part.accs[a]->resize(part.groups->size());
      r.accumulators[a]->merge(*part.accs[a], mapping);
    }
  }
  // Without keys there is always one group, even over no rows (count() of nothing is 0).
  if (keys_.empty() && r.groups->size() == 0) {
    r.groups->find_or_add({}, 0);
    for (auto& acc : r.accumulators) acc->resize(1);
  }
  // Groups in the order of their first row.
  r.order.resize(r.groups->size());
  std::iota(r.order.begin(), r.order.end(), 0);
  std::stable_sort(r.order.begin(), r.order.end(),
                   [&](uint32_t x, uint32_t y) { return r.groups->first_seen(x) < r.groups->first_seen(y); });
  return r;
}

std::vector<ColumnPtr> GroupedAggregation::key_columns(const Result& r, const TableSchema& schema) const {
  std::vector<ColumnPtr> out;
  for (size_t k = 0; k < keys_.size(); ++k) {
    ColumnPtr c = Column::take(r.groups->key_column(k), r.order);
    ScalarType t = schema.columns[k].type;
    if (t != ScalarType::Unknown && c->type() != t) c = cast_column(c, t);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<ColumnPtr> GroupedAggregation::aggregate_columns(Result& r) {
  std::vector<ColumnPtr> out;
  for (auto& acc : r.accumulators) {
    for (auto& c : acc->finish(r.groups->size())) out.push_back(Column::take(c, r.order));
  }
  return out;
}

namespace op {

TablePtr aggregate(const AggregatePlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  GroupedAggregation agg(p.keys, p.aggregates, ex);
  auto r = agg.run(*in);
  std::vector<ColumnPtr> cols = agg.key_columns(r, *p.schema);
  for (auto& c : agg.aggregate_columns(r)) cols.push_back(std::move(c));
  // Aggregates report their own result type; keep the declared one.
  for (size_t i = 0; i < cols.size() && i < p.schema->columns.size(); ++i) {
    ScalarType want = p.schema->columns[i].type;
    if (want != ScalarType::Unknown && cols[i]->type() != want) cols[i] = cast_column(cols[i], want);
  }
  size_t rows = r.order.size();
  return make_table(*p.schema, split_into_batches(std::move(cols), rows));
}

TablePtr distinct(const DistinctPlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  std::vector<ExprPtr> keys;
  for (size_t i = 0; i < in->schema.columns.size(); ++i)
    keys.push_back(Expr::column(static_cast<uint32_t>(i), in->schema.columns[i].type, in->schema.columns[i].name));
  GroupedAggregation agg(keys, {}, ex);
  auto r = agg.run(*in);
  size_t rows = r.order.size();
  return make_table(*p.schema, split_into_batches(agg.key_columns(r, *p.schema), rows));
}

}  // namespace op
}  // namespace huntdb::exec
