// mv-apply: each input row is expanded as mv-expand would expand it, the subquery runs over that
// row's expanded rows (its own small table, even when empty), and the subquery's rows are
// appended to the row's other columns. Rows are independent: each batch's rows run in parallel.
#include <algorithm>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/mv_expansion.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"

namespace huntdb::exec::op {

TablePtr mv_apply(const MvApplyPlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  MvExpansion expansion(*p.expand, ex);
  const TableSchema& expanded_schema = *p.expand->schema;
  const TableSchema& out_schema = *p.schema;
  std::vector<Batch> out_batches;

  for (const Batch& batch : in->batches) {
    ex.context().check_cancelled();
    MvExpansion::Result expanded = expansion.expand(batch);
    // Each input row's expanded rows are a contiguous run (source rows never decrease).
    std::vector<size_t> run_start(batch.rows + 1, expanded.source_rows.size());
    for (size_t i = expanded.source_rows.size(); i-- > 0;) run_start[expanded.source_rows[i]] = i;
    for (size_t r = batch.rows; r-- > 0;) run_start[r] = std::min(run_start[r], run_start[r + 1]);

    std::vector<TablePtr> results(batch.rows);
    ex.context().pool().parallel_for(batch.rows, [&](size_t r, size_t) {
      ex.context().check_cancelled();
      size_t begin = run_start[r], end = run_start[r + 1];
      std::vector<Batch> rows;
      if (end > begin) rows.push_back(slice_rows(expanded.batch, begin, end - begin));
      TablePtr sub_input = make_table(expanded_schema, std::move(rows));
      Bindings bindings = b ? *b : Bindings{};
      collect_subquery_inputs(p.subquery, sub_input, bindings);
      results[r] = ex.run(p.subquery, &bindings);
    });

    // The input row of every output row, then each output column from its source.
    std::vector<uint32_t> source;
    for (size_t r = 0; r < batch.rows; ++r) source.insert(source.end(), results[r]->row_count(), static_cast<uint32_t>(r));
    if (source.empty()) continue;
    std::vector<ColumnPtr> columns;
    for (size_t j = 0; j < p.outputs.size(); ++j) {
      int from = p.outputs[j];
      ColumnPtr col;
      if (from >= 0) {
        col = Column::take(batch.columns[from], source);
      } else {
        size_t sub_col = static_cast<size_t>(-1 - from);
        std::vector<ColumnPtr> parts;
        for (const auto& t : results)
          for (const auto& part : t->batches) parts.push_back(part.columns[sub_col]);
        ScalarType want = out_schema.columns[j].type;
        for (auto& part : parts)
          if (want != ScalarType::Unknown && part->type() != want) part = cast_column(part, want);
        col = Column::concat(parts);
      }
      columns.push_back(std::move(col));
    }
    for (auto& part : split_into_batches(std::move(columns), source.size())) out_batches.push_back(std::move(part));
  }
  return make_table(out_schema, std::move(out_batches));
}

}  // namespace huntdb::exec::op
