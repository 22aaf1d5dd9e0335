// sample: up to N random rows of the input (https://learn.microsoft.com/kusto/query/sample-operator).
// The rows are chosen uniformly (reservoir sampling over the row numbers) and returned in their
// input order. Like Kusto's, the result differs from one evaluation to the next.
#include <algorithm>
#include <random>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::exec::op {

TablePtr sample(const SamplePlan& p, Executor& ex, const Bindings* b) {
  CompiledExpr count(p.count, ex);
  Batch one;
  one.rows = 1;
  Value n = count.eval(one)->value_at(0);
  if (n.is_null()) throw ExecError("The row count of sample is null.");
  double wanted = functions::RealReader::value_as_real(n);
  TablePtr in = ex.run(p.inputs[0], b);
  size_t rows = in->row_count();
  size_t k = wanted <= 0 ? 0 : (wanted >= static_cast<double>(rows) ? rows : static_cast<size_t>(wanted));
  if (k == rows) return in;

  // Reservoir sampling of k row numbers out of rows.
  std::mt19937_64 rng(std::random_device{}());
  std::vector<size_t> chosen(k);
  for (size_t i = 0; i < k; ++i) chosen[i] = i;
  for (size_t i = k; i < rows; ++i) {
    std::uniform_int_distribution<size_t> pick(0, i);
    size_t j = pick(rng);
    if (j < k) chosen[j] = i;
  }
  std::sort(chosen.begin(), chosen.end());
  std::vector<RowRef> refs;
  refs.reserve(k);
  size_t batch = 0, base = 0;
  for (size_t row : chosen) {
    while (row >= base + in->batches[batch].rows) base += in->batches[batch++].rows;
    refs.push_back({static_cast<uint32_t>(batch), static_cast<uint32_t>(row - base)});
  }
  return make_table(in->schema, take_row_refs(*in, refs));
}

}  // namespace huntdb::exec::op
