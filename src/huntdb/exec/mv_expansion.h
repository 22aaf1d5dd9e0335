// The expansion shared by mv-expand and mv-apply: each input row becomes one row per element of
// the expanded arrays or property bags, the arrays zipped (a shorter one padded with null), with
// the other columns repeated.
#pragma once

#include <memory>
#include <vector>

#include "huntdb/analyze/logical_plan.h"
#include "huntdb/exec/executor.h"
#include "huntdb/exec/expression.h"

namespace huntdb::exec {

class MvExpansion {
 public:
  // `plan` gives the items (evaluated over the input row), the output layout and the limit.
  MvExpansion(const analyze::MvExpandPlan& plan, Executor& ex);

  struct Result {
    Batch batch;                       // in the plan's output schema
    std::vector<uint32_t> source_rows;  // for each output row, the input row it came from
  };
  Result expand(const Batch& in) const;

 private:
  const analyze::MvExpandPlan& plan_;
  std::vector<std::unique_ptr<CompiledExpr>> items_;
  int64_t limit_ = INT64_MAX;
};

// Expanded elements as a column of type `to` (`to typeof(T)`). The conversion is a cast, not a
// parse: elements that do not hold a value of that type (a string "12" for long) give null.
ColumnPtr dynamic_elements_as(std::vector<DynamicPtr> elements, ScalarType to);

}  // namespace huntdb::exec
