// The text of a logical plan, one operator per line and its inputs indented below it, with its
// output columns and its expressions: what `huntdb query --explain` prints and what the
// optimizer's tests compare.
#pragma once

#include <string>

#include "huntdb/analyze/logical_plan.h"

namespace huntdb::plan {

std::string explain(const analyze::Plan& plan);
std::string explain(const analyze::QueryPlan& query);
// An expression as KQL-like text (columns as #index:name).
std::string expr_text(const analyze::ExprPtr& e);

}  // namespace huntdb::plan
