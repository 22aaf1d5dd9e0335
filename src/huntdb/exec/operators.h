// The physical operators, one function per logical plan node kind. Each runs its inputs through
// the executor and returns its own table.
#pragma once

#include "huntdb/analyze/logical_plan.h"
#include "huntdb/exec/executor.h"

namespace huntdb::exec::op {

using namespace huntdb::analyze;

TablePtr table_scan(const TableScanPlan& p, Executor& ex);
TablePtr values(const ValuesPlan& p, Executor& ex, const Bindings* b);
TablePtr range(const RangePlan& p, Executor& ex, const Bindings* b);
TablePtr filter(const FilterPlan& p, Executor& ex, const Bindings* b);
TablePtr project(const ProjectPlan& p, Executor& ex, const Bindings* b);
TablePtr aggregate(const AggregatePlan& p, Executor& ex, const Bindings* b);
TablePtr distinct(const DistinctPlan& p, Executor& ex, const Bindings* b);
TablePtr count(const CountPlan& p, Executor& ex, const Bindings* b);
TablePtr take(const TakePlan& p, Executor& ex, const Bindings* b);
TablePtr sort(const SortPlan& p, Executor& ex, const Bindings* b);
TablePtr top(const TopPlan& p, Executor& ex, const Bindings* b);
TablePtr union_all(const UnionPlan& p, Executor& ex, const Bindings* b);
TablePtr join(const JoinPlan& p, Executor& ex, const Bindings* b);
TablePtr partition(const PartitionPlan& p, Executor& ex, const Bindings* b);
TablePtr mv_expand(const MvExpandPlan& p, Executor& ex, const Bindings* b);
TablePtr mv_apply(const MvApplyPlan& p, Executor& ex, const Bindings* b);
TablePtr parse(const ParsePlan& p, Executor& ex, const Bindings* b);
TablePtr parse_kv(const ParseKvPlan& p, Executor& ex, const Bindings* b);
TablePtr make_series(const MakeSeriesPlan& p, Executor& ex, const Bindings* b);
TablePtr top_nested(const TopNestedPlan& p, Executor& ex, const Bindings* b);
TablePtr top_hitters(const TopHittersPlan& p, Executor& ex, const Bindings* b);
TablePtr sample(const SamplePlan& p, Executor& ex, const Bindings* b);
TablePtr sample_distinct(const SampleDistinctPlan& p, Executor& ex, const Bindings* b);
TablePtr scan(const ScanOpPlan& p, Executor& ex, const Bindings* b);
TablePtr reduce(const ReducePlan& p, Executor& ex, const Bindings* b);
TablePtr evaluate(const EvaluatePlan& p, Executor& ex, const Bindings* b);
TablePtr external_data(const ExternalDataPlan& p, Executor& ex);

}  // namespace huntdb::exec::op
