// Grouping rows by keys and aggregating each group, in parallel: shared by summarize, distinct,
// make-series and the plugins that aggregate.
#pragma once

#include <memory>
#include <vector>

#include "huntdb/analyze/logical_plan.h"
#include "huntdb/exec/executor.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/group_table.h"
#include "huntdb/exec/operator_kernels.h"

namespace huntdb::exec {

class GroupedAggregation {
 public:
  GroupedAggregation(std::vector<analyze::ExprPtr> keys, std::vector<analyze::AggregateCall> aggregates, Executor& ex);

  struct Result {
    std::unique_ptr<GroupTable> groups;
    std::vector<std::unique_ptr<functions::Accumulator>> accumulators;
    std::vector<uint32_t> order;  // groups in output order (first appearance)
  };
  Result run(const Table& input);

  // Key columns in output order, typed as the schema's first columns.
  std::vector<ColumnPtr> key_columns(const Result& r, const TableSchema& schema) const;
  // Every value of every aggregate, in output order.
  std::vector<ColumnPtr> aggregate_columns(Result& r);

 private:
  Executor& ex_;
  std::vector<analyze::AggregateCall> aggregates_;
  std::vector<std::unique_ptr<CompiledExpr>> keys_;
  std::vector<ScalarType> key_types_;
  std::vector<std::vector<std::unique_ptr<CompiledExpr>>> args_;
  std::vector<functions::AggregateSpec> specs_;
};

}  // namespace huntdb::exec
