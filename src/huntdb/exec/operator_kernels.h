// Kernels of KQL's operators (arithmetic, comparison, logical, string predicates, in, between,
// dynamic member access, conversion), chosen once per expression by operand types.
#pragma once

#include "huntdb/analyze/logical_plan.h"
#include "huntdb/functions/kernel.h"

namespace huntdb::exec {

// lhs op rhs; null when the operator is not defined for these types.
functions::ScalarKernel binary_kernel(kql::BinaryOp op, ScalarType lhs, ScalarType rhs);

// -x
ColumnPtr negate_column(const ColumnPtr& x, ScalarType result);
// x converted to `to` (Kusto's implicit and explicit conversions).
ColumnPtr cast_column(const ColumnPtr& x, ScalarType to);
// x between (lo .. hi), inclusive; negated for !between.
ColumnPtr between_column(const ColumnPtr& x, const ColumnPtr& lo, const ColumnPtr& hi, bool negated);
// d.key / d["key"]
ColumnPtr member_column(const ColumnPtr& d, std::string_view key);
// d[i] (array index, negative from the end) or d[key] (string)
ColumnPtr index_column(const ColumnPtr& d, const ColumnPtr& index);

}  // namespace huntdb::exec
