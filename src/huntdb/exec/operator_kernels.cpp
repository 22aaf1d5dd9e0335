#include "huntdb/exec/operator_kernels.h"

#include "huntdb/exec/kernels_internal.h"

namespace huntdb::exec {

using kql::BinaryOp;

functions::ScalarKernel binary_kernel(BinaryOp op, ScalarType lhs, ScalarType rhs) {
  switch (op) {
    case BinaryOp::Add:
    case BinaryOp::Subtract:
    case BinaryOp::Multiply:
    case BinaryOp::Divide:
    case BinaryOp::Modulo:
      return arithmetic_kernel(op);
    case BinaryOp::Less:
    case BinaryOp::LessEqual:
    case BinaryOp::Greater:
    case BinaryOp::GreaterEqual:
    case BinaryOp::Equal:
    case BinaryOp::NotEqual:
      return comparison_kernel(op, lhs, rhs);
    case BinaryOp::And:
    case BinaryOp::Or:
      return logical_kernel(op);
    default:
      return string_operator_kernel(op);
  }
}

}  // namespace huntdb::exec
