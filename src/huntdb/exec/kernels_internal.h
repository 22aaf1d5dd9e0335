// Shared by the operator kernel files (kernels_*.cpp); not for other layers.
#pragma once

#include "huntdb/exec/operator_kernels.h"

namespace huntdb::exec {

// Row i of a column as a scalar Value; a dynamic holding a scalar gives that scalar (so dynamic
// operands compare and compute as the values they hold).
Value scalar_value(const Column& c, size_t i);

functions::ScalarKernel arithmetic_kernel(kql::BinaryOp op);
functions::ScalarKernel comparison_kernel(kql::BinaryOp op, ScalarType lhs, ScalarType rhs);
functions::ScalarKernel logical_kernel(kql::BinaryOp op);
functions::ScalarKernel string_operator_kernel(kql::BinaryOp op);

}  // namespace huntdb::exec
