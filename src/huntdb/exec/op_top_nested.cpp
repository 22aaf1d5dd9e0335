// top-nested: hierarchical aggregation, as https://learn.microsoft.com/kusto/query/top-nested-operator
// describes it. Each clause splits every partition left by the previous clause by its `of`
// value, aggregates each part, and keeps the best N parts (all when N is omitted); `with others`
// adds, per partition, one row aggregating the parts that were not kept (that row goes no
// deeper: the later clauses' columns are null on it). Rows come out hierarchically, each level
// ordered by its aggregate (descending unless `asc`), ties in order of first appearance.
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/group_table.h"
#include "huntdb/exec/kernels_internal.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::exec::op {

namespace {

// A partition left by the clauses so far: the values of their columns.
struct Partition {
  std::vector<Value> values;  // of, aggregate, of, aggregate, ...
  bool others = false;        // a `with others` row: it goes no deeper
};

// Order of aggregate values: numbers by value, other types by their natural order; null last.
int compare_values(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() == b.is_null() ? 0 : (a.is_null() ? 1 : -1);
  if (is_numeric(a.type) && is_numeric(b.type)) {
    double x = functions::RealReader::value_as_real(a), y = functions::RealReader::value_as_real(b);
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.type == ScalarType::String && b.type == ScalarType::String) return a.as_string().compare(b.as_string());
  if (a.type == b.type && (a.type == ScalarType::DateTime || a.type == ScalarType::TimeSpan))
    return a.as_long() < b.as_long() ? -1 : (a.as_long() > b.as_long() ? 1 : 0);
  return 0;
}

// One aggregation of a clause over rows given by index, grouped by `groups`.
class ClauseAggregate {
 public:
  ClauseAggregate(const AggregateCall& call, Executor& ex) : call_(call), ex_(ex) {
    if (!call.fn || !call.fn->accumulator)
      throw ExecError(fmt::format("The aggregation function '{}' is not supported yet.", call.fn ? call.fn->name : "?"));
    spec_.ctx = &ex.context().kernel;
    spec_.result_types = call.types;
    for (const auto& e : call.args) {
      args_.push_back(std::make_unique<CompiledExpr>(e, ex));
      spec_.arg_types.push_back(e->type);
      spec_.constants.push_back(args_.back()->is_constant() ? std::optional<Value>(args_.back()->constant()) : std::nullopt);
    }
  }

  // The arguments over every row of `all`.
  void evaluate(const Batch& all) {
    EvalState state;
    values_.clear();
    for (const auto& a : args_) values_.push_back(a->eval(all, state));
  }

  // The aggregate of each group over rows `rows` (groups[i] is the group of rows[i]).
  ColumnPtr run(std::span<const uint32_t> rows, std::span<const uint32_t> groups, size_t ngroups) const {
    auto acc = call_.fn->accumulator(spec_);
    acc->resize(ngroups);
    std::vector<ColumnPtr> args;
    for (const auto& v : values_) args.push_back(Column::take(v, rows));
    functions::KernelArgs ka{args, rows.size(), call_.types.empty() ? ScalarType::Unknown : call_.types[0], &ex_.context().kernel};
    acc->update(groups, ka);
    return acc->finish(ngroups)[0];
  }

 private:
  const AggregateCall& call_;
  Executor& ex_;
  functions::AggregateSpec spec_;
  std::vector<std::unique_ptr<CompiledExpr>> args_;
  std::vector<ColumnPtr> values_;
};

Value constant_of(const ExprPtr& e, Executor& ex) {
  CompiledExpr c(e, ex);
  Batch one;
  one.rows = 1;
  return c.eval(one)->value_at(0);
}

}  // namespace

TablePtr top_nested(const TopNestedPlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  Batch all;
  all.rows = in->row_count();
  for (size_t c = 0; c < in->schema.columns.size(); ++c) all.columns.push_back(gather_column(*in, c));

  std::vector<Partition> partitions(1);
  std::vector<int64_t> partition_of(all.rows, 0);  // -1: the row left every kept partition
  for (size_t level = 0; level < p.clauses.size(); ++level) {
    const TopNestedClause& clause = p.clauses[level];
    ex.context().check_cancelled();
    int64_t keep = INT64_MAX;
    if (clause.count) {
      Value n = constant_of(clause.count, ex);
      keep = n.is_null() ? 0 : std::max<int64_t>(0, functions::LongReader::value_as_long(n));
    }
    // The live rows, grouped by (partition, of value).
    std::vector<uint32_t> rows;
    for (size_t r = 0; r < all.rows; ++r)
      if (partition_of[r] >= 0) rows.push_back(static_cast<uint32_t>(r));
    CompiledExpr of(clause.of, ex);
    ColumnPtr of_values = Column::take(of.eval(all), rows);
    std::vector<int64_t> part_ids;
    for (uint32_t r : rows) part_ids.push_back(partition_of[r]);
    GroupTable groups({ScalarType::Long, clause.of->type});
    std::vector<ColumnPtr> keys{Column::make_longs(ScalarType::Long, std::move(part_ids)), of_values};
    std::vector<uint32_t> group_of;
    groups.assign(keys, rows.size(), group_of, 0);
    ClauseAggregate agg(clause.by, ex);
    agg.evaluate(all);
    ColumnPtr agg_values = agg.run(rows, group_of, groups.size());

    // Each partition's groups, best first.
    std::vector<std::vector<uint32_t>> by_partition(partitions.size());
    for (size_t g = 0; g < groups.size(); ++g)
      by_partition[static_cast<size_t>(functions::LongReader::value_as_long(groups.key(g)[0]))].push_back(static_cast<uint32_t>(g));
    std::vector<uint8_t> kept(groups.size(), 0);
    for (auto& gs : by_partition) {
      std::stable_sort(gs.begin(), gs.end(), [&](uint32_t x, uint32_t y) {
        int c = compare_values(agg_values->value_at(x), agg_values->value_at(y));
        if (c != 0) {
          bool x_null = agg_values->is_null(x), y_null = agg_values->is_null(y);
          if (x_null || y_null) return !x_null;  // null last either way
          return clause.descending ? c > 0 : c < 0;
        }
        return groups.first_seen(x) < groups.first_seen(y);
      });
      if (static_cast<int64_t>(gs.size()) > keep) gs.resize(static_cast<size_t>(keep));
      for (uint32_t g : gs) kept[g] = 1;
    }

    // `with others`: the rows of the groups not kept, aggregated per partition.
    ColumnPtr others_values;
    std::vector<uint8_t> has_others(partitions.size(), 0);
    Value others_value;
    if (clause.others) {
      others_value = constant_of(clause.others, ex);
      std::vector<uint32_t> other_rows, other_groups;
      for (size_t i = 0; i < rows.size(); ++i) {
        if (kept[group_of[i]]) continue;
        other_rows.push_back(rows[i]);
        other_groups.push_back(static_cast<uint32_t>(partition_of[rows[i]]));
        has_others[static_cast<size_t>(partition_of[rows[i]])] = 1;
      }
      others_values = agg.run(other_rows, other_groups, partitions.size());
    }

    // The next level's partitions, in order, and where the rows go.
    std::vector<Partition> next;
    std::vector<int64_t> new_id(groups.size(), -1);
    for (size_t part = 0; part < partitions.size(); ++part) {
      if (partitions[part].others) {
        next.push_back(partitions[part]);
        continue;
      }
      for (uint32_t g : by_partition[part]) {
        Partition np = partitions[part];
        np.values.push_back(groups.key(g)[1]);
        np.values.push_back(agg_values->value_at(g));
        new_id[g] = static_cast<int64_t>(next.size());
        next.push_back(std::move(np));
      }
      if (clause.others && has_others[part]) {
        Partition np = partitions[part];
        np.values.push_back(others_value);
        np.values.push_back(others_values->value_at(part));
        np.others = true;
        next.push_back(std::move(np));
      }
    }
    for (size_t r = 0; r < all.rows; ++r) partition_of[r] = -1;
    for (size_t i = 0; i < rows.size(); ++i) partition_of[rows[i]] = new_id[group_of[i]];
    partitions = std::move(next);
  }

  // One row per partition left; an `others` row has nulls for the levels below it.
  size_t ncols = p.schema->columns.size();
  std::vector<ColumnBuilder> builders;
  for (const auto& c : p.schema->columns) builders.emplace_back(c.type, partitions.size());
  for (const auto& part : partitions)
    for (size_t c = 0; c < ncols; ++c) {
      if (c < part.values.size()) {
        builders[c].append_value(part.values[c]);
      } else {
        builders[c].append_null();
      }
    }
  std::vector<ColumnPtr> cols;
  for (auto& bld : builders) cols.push_back(bld.finish());
  return make_table(*p.schema, split_into_batches(std::move(cols), partitions.size()));
}

}  // namespace huntdb::exec::op
