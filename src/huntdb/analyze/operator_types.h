// The result types of KQL's arithmetic operators (shared by the binder and the executor, which
// meets the same question for the values inside dynamic columns).
#pragma once

#include "huntdb/kql/ast.h"
#include "huntdb/types/scalar_type.h"

namespace huntdb::analyze::detail {

// The type of `lhs op rhs` for the arithmetic operators, or Unknown if not defined.
ScalarType arithmetic_result(kql::BinaryOp op, ScalarType lhs, ScalarType rhs, bool* defined);

}  // namespace huntdb::analyze::detail
