// partition: the subquery runs over the rows of each key value, and the results are unioned
// (in the order the keys first appear). https://learn.microsoft.com/kusto/query/partition-operator
// The strategies change how Kusto spreads the work, not the result; only the legacy strategy
// (the default) limits the number of partitions, to 64.
#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/group_table.h"
#include "huntdb/exec/operator_kernels.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"

namespace huntdb::exec::op {

namespace {
constexpr size_t kMaxLegacyPartitions = 64;
}

TablePtr partition(const PartitionPlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  CompiledExpr key(p.key, ex);
  GroupTable groups({p.key->type});
  std::vector<std::vector<RowRef>> rows_of;
  for (size_t bi = 0; bi < in->batches.size(); ++bi) {
    const Batch& batch = in->batches[bi];
    std::vector<ColumnPtr> keys{key.eval(batch)};
    std::vector<uint32_t> group_of;
    groups.assign(keys, batch.rows, group_of, static_cast<uint32_t>(bi));
    rows_of.resize(groups.size());
    for (size_t r = 0; r < batch.rows; ++r) rows_of[group_of[r]].push_back({static_cast<uint32_t>(bi), static_cast<uint32_t>(r)});
  }
  if (p.legacy && groups.size() > kMaxLegacyPartitions)
    throw ExecError(fmt::format("Partition operator exceeds amount of maximum partitions allowed ({}).", kMaxLegacyPartitions));

  std::vector<TablePtr> results(groups.size());
  ex.context().pool().parallel_for(groups.size(), [&](size_t g, size_t) {
    ex.context().check_cancelled();
    TablePtr part = make_table(in->schema, take_row_refs(*in, rows_of[g]));
    Bindings bindings = b ? *b : Bindings{};
    collect_subquery_inputs(p.subquery, part, bindings);
    results[g] = ex.run(p.subquery, &bindings);
  });

  const TableSchema& schema = *p.schema;
  std::vector<Batch> out;
  for (const auto& t : results)
    for (const auto& batch : t->batches) {
      Batch o = batch;
      for (size_t c = 0; c < o.columns.size() && c < schema.columns.size(); ++c) {
        ScalarType want = schema.columns[c].type;
        if (want != ScalarType::Unknown && o.columns[c]->type() != want) o.columns[c] = cast_column(o.columns[c], want);
      }
      out.push_back(std::move(o));
    }
  return make_table(schema, std::move(out));
}

}  // namespace huntdb::exec::op
