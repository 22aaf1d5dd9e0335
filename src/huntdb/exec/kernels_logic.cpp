// and / or with three-valued logic: false and null is false, true or null is true, anything
// else with a null is null. Dynamic operands count when they hold a bool.
#include "huntdb/exec/kernels_internal.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::exec {

using functions::KernelArgs;
using kql::BinaryOp;

namespace {

// -1 null, 0 false, 1 true
struct TriReader {
  const Column& c;
  bool boxed;
  functions::BoolReader bools;
  explicit TriReader(const Column& col) : c(col), boxed(col.type() != ScalarType::Bool), bools(col) {}
  int get(size_t i) const {
    if (!boxed) return bools.null(i) ? -1 : (bools.get(i) ? 1 : 0);
    Value v = scalar_value(c, i);
    if (v.is_null() || v.type != ScalarType::Bool) return -1;
    return v.as_bool() ? 1 : 0;
  }
};

template <bool IsAnd>
ColumnPtr logic(const KernelArgs& a) {
  TriReader l(a[0]), r(a[1]);
  std::vector<uint8_t> out(a.rows);
  Validity valid;
  for (size_t i = 0; i < a.rows; ++i) {
    int x = l.get(i), y = r.get(i);
    int v;
    if (IsAnd) {
      v = (x == 0 || y == 0) ? 0 : (x < 0 || y < 0) ? -1 : 1;
    } else {
      v = (x == 1 || y == 1) ? 1 : (x < 0 || y < 0) ? -1 : 0;
    }
    if (v < 0) {
      valid.set(i, false);
    } else {
      out[i] = static_cast<uint8_t>(v);
    }
  }
  return Column::make_bools(std::move(out), std::move(valid));
}

}  // namespace

functions::ScalarKernel logical_kernel(BinaryOp op) {
  if (op == BinaryOp::And) return logic<true>;
  if (op == BinaryOp::Or) return logic<false>;
  return nullptr;
}

}  // namespace huntdb::exec
