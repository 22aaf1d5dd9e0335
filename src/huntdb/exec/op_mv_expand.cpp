// mv-expand: one output row per element of the expanded arrays or property bags. Rows are
// independent, so batches expand in parallel; a batch that grows much larger is split again so
// that later operators still get batches of the usual size.
#include "huntdb/exec/mv_expansion.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"

namespace huntdb::exec::op {

TablePtr mv_expand(const MvExpandPlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  MvExpansion expansion(p, ex);
  std::vector<std::vector<Batch>> parts(in->batches.size());
  ex.context().pool().parallel_for(in->batches.size(), [&](size_t i, size_t) {
    ex.context().check_cancelled();
    Batch out = expansion.expand(in->batches[i]).batch;
    if (out.rows <= 2 * kBatchRows) {
      parts[i].push_back(std::move(out));
    } else {
      parts[i] = split_into_batches(std::move(out.columns), out.rows);
    }
  });
  std::vector<Batch> batches;
  for (auto& part : parts)
    for (auto& batch : part) batches.push_back(std::move(batch));
  return make_table(*p.schema, std::move(batches));
}

}  // namespace huntdb::exec::op
