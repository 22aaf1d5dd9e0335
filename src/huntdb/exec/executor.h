// Runs a logical plan. Each operator reads its inputs' tables and produces its own, working on
// batches in parallel across the thread pool; sub-plans shared by several parents (materialize,
// `as`) are computed once per query.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "huntdb/analyze/logical_plan.h"
#include "huntdb/exec/query_context.h"

namespace huntdb::exec {

// The tables SubqueryInput leaves read while a sub-plan runs (mv-apply, partition, fork).
using Bindings = absl::flat_hash_map<const analyze::Plan*, TablePtr>;

// `render`: kept beside the table for the client to draw.
struct Visualization {
  std::string kind;
  std::vector<std::pair<std::string, Value>> properties;
};

// One result of a query: a table (named by fork prongs), with its visualization if any.
struct ResultTable {
  std::string name;
  TablePtr table;
  std::optional<Visualization> visualization;
};

class Executor {
 public:
  explicit Executor(QueryContext& ctx) : ctx_(ctx) {}

  QueryContext& context() { return ctx_; }

  // Every result of the query, in order.
  std::vector<ResultTable> run_query(const analyze::QueryPlan& query);

  // The table a plan produces. `bindings` gives the tables of SubqueryInput leaves.
  TablePtr run(const analyze::PlanPtr& plan, const Bindings* bindings = nullptr);

 private:
  TablePtr dispatch(const analyze::Plan& plan, const Bindings* bindings);

  QueryContext& ctx_;
};

// Binds every SubqueryInput leaf reachable from `plan` (not inside nested subqueries) to `input`.
void collect_subquery_inputs(const analyze::PlanPtr& plan, const TablePtr& input, Bindings& out);

}  // namespace huntdb::exec
