// dcount_intersect(hll_1, hll_2 [, hll_3, ...]): per input row, the distinct counts of
// S1, S1 ∩ S2, S1 ∩ S2 ∩ S3, ... from hll() sketches, as columns s0, s1, ... after the input's.
// Kusto docs: dcount-intersect-plugin.md (2 to 16 sets; its example counts 50, 16, 3 numbers of
// 1..100 divisible by 2, by 6 and by 30, plus the 0 each set holds). An intersection's size is
// the inclusion-exclusion sum of the sizes of the unions of its sets, each estimated from
// merged sketches; while the sketches still hold exact sets (small sets), that is exact.
// A value that is not a sketch counts as an empty set.
#include <algorithm>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/plugins/plugin.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/hll_sketch.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::exec {

namespace {

using functions::HllSketch;

// est[J] for every non-empty subset J of the sets: the estimated size of their union. Walks
// the subsets depth first so only one running union per depth is kept.
void union_sizes(const std::vector<HllSketch>& sets, size_t from, uint32_t mask, const HllSketch* running,
                 std::vector<int64_t>& est) {
  for (size_t j = from; j < sets.size(); ++j) {
    HllSketch u = running ? *running : sets[j];
    if (running) u.merge(sets[j]);
    uint32_t m = mask | (1u << j);
    est[m] = static_cast<int64_t>(u.estimate());
    union_sizes(sets, j + 1, m, &u, est);
  }
}

TablePtr dcount_intersect(const PluginCall& call) {
  const auto& args = call.plan.args;
  size_t n = args.size();
  if (n < 2 || n > 16) throw ExecError("dcount_intersect: expects between 2 and 16 hll arguments.");
  std::vector<CompiledExpr> exprs;
  for (const auto& a : args) exprs.emplace_back(a, call.executor);
  const TableSchema& schema = *call.plan.schema;
  size_t input_columns = call.input->schema.columns.size();

  std::vector<Batch> out;
  std::vector<int64_t> est(size_t{1} << n);
  for (const Batch& batch : call.input->batches) {
    if (batch.rows == 0) continue;
    std::vector<ColumnPtr> cols;
    for (const auto& e : exprs) cols.push_back(e.eval(batch));
    std::vector<functions::DynamicReader> readers;
    for (const auto& c : cols) readers.emplace_back(*c);
    std::vector<std::vector<int64_t>> s(n, std::vector<int64_t>(batch.rows));
    std::vector<HllSketch> sets;
    for (size_t r = 0; r < batch.rows; ++r) {
      sets.clear();
      for (size_t k = 0; k < n; ++k) {
        const DynValue* v = readers[k].get(r);
        std::optional<HllSketch> sketch = v ? HllSketch::from_dynamic(*v) : std::nullopt;
        sets.push_back(sketch ? std::move(*sketch) : HllSketch());
      }
      std::fill(est.begin(), est.end(), 0);
      union_sizes(sets, 0, 0, nullptr, est);
      // s_k = sum over the non-empty subsets J of {0..k}: (-1)^(|J|+1) |union of J|.
      for (size_t k = 0; k < n; ++k) {
        int64_t total = 0;
        uint32_t limit = 1u << (k + 1);
        for (uint32_t m = 1; m < limit; ++m) total += (__builtin_popcount(m) % 2 == 1 ? 1 : -1) * est[m];
        s[k][r] = std::max<int64_t>(0, total);
      }
    }
    Batch b;
    b.rows = batch.rows;
    b.columns.assign(batch.columns.begin(), batch.columns.begin() + static_cast<std::ptrdiff_t>(input_columns));
    for (auto& v : s) b.columns.push_back(Column::make_longs(ScalarType::Long, std::move(v)));
    out.push_back(std::move(b));
  }
  return make_table(schema, std::move(out));
}

const PluginEntry kEntries[] = {{"dcount_intersect", dcount_intersect}};

}  // namespace

std::span<const PluginEntry> dcount_intersect_plugins() { return kEntries; }

}  // namespace huntdb::exec
