#include "huntdb/exec/search_term.h"

#include "huntdb/exec/kernels_internal.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/functions/kernels/text_search.h"
#include "huntdb/types/format.h"

namespace huntdb::exec {

ColumnPtr search_term_column(const Batch& batch, std::string_view term, kql::BinaryOp op) {
  bool lead = !term.empty() && term.front() == '*';
  bool trail = term.size() > 1 && term.back() == '*';
  std::string_view core = term.substr(lead ? 1 : 0);
  if (trail) core.remove_suffix(1);
  if (op == kql::BinaryOp::Has || op == kql::BinaryOp::Search) {
    if (lead && trail) op = kql::BinaryOp::Contains;
    else if (lead) op = kql::BinaryOp::HasSuffix;
    else if (trail) op = kql::BinaryOp::HasPrefix;
  }
  functions::ScalarKernel k = string_operator_kernel(op);
  std::vector<uint8_t> out(batch.rows, 0);
  ColumnPtr needle = Column::make_constant(Value::of_string(std::string(core)), batch.rows);
  for (const auto& col : batch.columns) {
    if (!col) continue;
    ColumnPtr args[2] = {col, needle};
    functions::KernelArgs a{args, batch.rows, ScalarType::Bool, nullptr};
    ColumnPtr hit = k(a);
    functions::BoolReader r(*hit);
    for (size_t i = 0; i < batch.rows; ++i)
      if (!r.null(i) && r.get(i)) out[i] = 1;
  }
  return Column::make_bools(std::move(out));
}

}  // namespace huntdb::exec
