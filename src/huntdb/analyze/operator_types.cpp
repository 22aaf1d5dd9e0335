// Result types of KQL's arithmetic operators, as Kusto types them: integers widen to long,
// decimal dominates real, and dynamic takes the type the other operand implies.
#include "huntdb/analyze/binder_internal.h"

namespace huntdb::analyze::detail {

namespace {

using enum ScalarType;

int rank(ScalarType t) {
  switch (t) {
    case Int:
    case Long: return 1;
    case Real: return 2;
    case Decimal: return 3;
    default: return 0;
  }
}

ScalarType numeric_result(ScalarType a, ScalarType b) {
  int r = std::max(rank(a), rank(b));
  return r == 1 ? Long : r == 2 ? Real : Decimal;
}

}  // namespace

ScalarType arithmetic_result(kql::BinaryOp op, ScalarType a, ScalarType b, bool* defined) {
  using kql::BinaryOp;
  *defined = true;
  if (a == Unknown || b == Unknown) return Unknown;
  if (a == Dynamic && b == Dynamic) return Dynamic;
  // dynamic behaves as whatever the other side needs it to be
  if (a == Dynamic) a = (b == DateTime && op == BinaryOp::Subtract) ? DateTime : b;
  if (b == Dynamic) b = (a == DateTime && (op == BinaryOp::Add || op == BinaryOp::Subtract)) ? TimeSpan : a;
  if (rank(a) && rank(b)) return numeric_result(a, b);
  switch (op) {
    case BinaryOp::Add:
      if (a == DateTime && b == TimeSpan) return DateTime;
      if (a == TimeSpan && b == DateTime) return DateTime;
      if (a == TimeSpan && b == TimeSpan) return TimeSpan;
      break;
    case BinaryOp::Subtract:
      if (a == DateTime && b == DateTime) return TimeSpan;
      if (a == DateTime && b == TimeSpan) return DateTime;
      if (a == TimeSpan && b == TimeSpan) return TimeSpan;
      break;
    // A datetime scaled by a number stays a datetime (its ticks scaled), as the official type
    // checker has it; datetime / timespan counts timespans in the ticks since 0001-01-01.
    case BinaryOp::Multiply:
      if ((a == TimeSpan || a == DateTime) && rank(b)) return a;
      if (rank(a) && (b == TimeSpan || b == DateTime)) return b;
      break;
    case BinaryOp::Divide:
      if (a == TimeSpan && b == TimeSpan) return Real;
      if (a == DateTime && b == TimeSpan) return Real;
      if ((a == TimeSpan || a == DateTime) && rank(b)) return a;
      break;
    case BinaryOp::Modulo:
      if (a == TimeSpan && (b == TimeSpan || rank(b))) return TimeSpan;
      if (a == DateTime && rank(b)) return DateTime;
      break;
    default:
      break;
  }
  *defined = false;
  return Unknown;
}

}  // namespace huntdb::analyze::detail
