// sample-distinct: up to N distinct values of an expression
// (https://learn.microsoft.com/kusto/query/sample-distinct-operator). Kusto favours speed over
// fairness here; we return the first N distinct values in input order.
#include <algorithm>

#include "huntdb/exec/aggregation.h"
#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::exec::op {

TablePtr sample_distinct(const SampleDistinctPlan& p, Executor& ex, const Bindings* b) {
  CompiledExpr count(p.count, ex);
  Batch one;
  one.rows = 1;
  Value n = count.eval(one)->value_at(0);
  if (n.is_null()) throw ExecError("The value count of sample-distinct is null.");
  double wanted = functions::RealReader::value_as_real(n);
  TablePtr in = ex.run(p.inputs[0], b);
  GroupedAggregation distinct({p.of}, {}, ex);
  auto r = distinct.run(*in);
  size_t k = wanted <= 0 ? 0 : std::min(r.order.size(), static_cast<size_t>(std::min(wanted, 1e18)));
  r.order.resize(k);
  return make_table(*p.schema, split_into_batches(distinct.key_columns(r, *p.schema), k));
}

}  // namespace huntdb::exec::op
