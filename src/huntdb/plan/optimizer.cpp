#include "huntdb/plan/optimizer.h"

namespace huntdb::plan {

using namespace analyze;

QueryPlan optimize(const QueryPlan& query, const OptimizerOptions& options) {
  QueryPlan out = query;
  for (auto& r : out.results) {
    if (!r.plan) continue;
    if (options.constants) r.plan = fold_plan_constants(r.plan, *options.constants);
    r.plan = push_filters(r.plan);
    r.plan = add_scan_bounds(r.plan);
  }
  mark_needed_columns(out);
  return out;
}

}  // namespace huntdb::plan
