// top-hitters: the N values of an expression with the most rows (or the largest sum of `by`).
// Kusto approximates with a count-min sketch; the docs define the result as
//   summarize C = count() by Value | top N by C desc   (or sum(by) for `by`),
// which is what we compute, exactly (ties in order of first appearance).
// https://learn.microsoft.com/kusto/query/top-hitters-operator
#include <algorithm>
#include <numeric>

#include "huntdb/exec/aggregation.h"
#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/functions/registry.h"

namespace huntdb::exec::op {

TablePtr top_hitters(const TopHittersPlan& p, Executor& ex, const Bindings* b) {
  CompiledExpr count(p.count, ex);
  Batch one;
  one.rows = 1;
  Value n = count.eval(one)->value_at(0);
  if (n.is_null()) throw ExecError("The value count of top-hitters is null.");
  int64_t wanted = functions::LongReader::value_as_long(n);
  TablePtr in = ex.run(p.inputs[0], b);

  const auto& registry = functions::Registry::builtins();
  AggregateCall weight;
  weight.fn = registry.aggregate(p.by ? "sum" : "count");
  if (p.by) weight.args = {p.by};
  weight.types = {p.schema->columns[1].type};
  GroupedAggregation agg({p.of}, {weight}, ex);
  auto r = agg.run(*in);
  std::vector<ColumnPtr> keys = agg.key_columns(r, *p.schema);
  std::vector<ColumnPtr> weights = agg.aggregate_columns(r);
  functions::RealReader w(*weights[0]);
  std::vector<uint32_t> order(r.order.size());
  std::iota(order.begin(), order.end(), 0);
  // Largest first; nulls last; ties keep the order of first appearance.
  std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    if (w.null(x) || w.null(y)) return !w.null(x) && w.null(y);
    return w.get(x) > w.get(y);
  });
  size_t k = wanted <= 0 ? 0 : std::min(order.size(), static_cast<size_t>(wanted));
  order.resize(k);
  std::vector<ColumnPtr> cols{Column::take(keys[0], order), Column::take(weights[0], order)};
  return make_table(*p.schema, split_into_batches(std::move(cols), k));
}

}  // namespace huntdb::exec::op
