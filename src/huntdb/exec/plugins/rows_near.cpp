// rows_near(Condition, NumRows [, NumRowsAfter]) (reference page "rows_near plugin"): the rows
// that satisfy the condition and those within NumRows before and NumRowsAfter (default NumRows)
// after them, in the input's order, each once.
#include <algorithm>

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/plugins/plugin_args.h"
#include "huntdb/exec/plugins/plugin_families.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::exec {

namespace {

int64_t row_count_arg(const PluginCall& call, size_t i, std::string_view what) {
  Value v = plugins::required_constant(call, i, what);
  auto n = v.is_null() ? std::nullopt : std::optional<int64_t>(std::holds_alternative<int32_t>(v.data) ? v.as_int() : v.as_long());
  if (!n || *n < 0) throw ExecError(fmt::format("rows_near: {} must be a non-negative integer.", what));
  return *n;
}

TablePtr rows_near(const PluginCall& call) {
  const Table& input = *call.input;
  int64_t before = row_count_arg(call, 1, "NumRows");
  int64_t after = plugins::arg_count(call) > 2 ? row_count_arg(call, 2, "NumRowsAfter") : before;
  ColumnPtr condition = plugins::eval_over(call.plan.args[0], call.executor, input);
  size_t n = input.row_count();
  functions::BoolReader hit(*condition);
  // Mark the window around each matching row: +1 where a window starts, -1 past its end.
  std::vector<int32_t> edges(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    if (hit.null(i) || !hit.get(i)) continue;
    size_t lo = i >= static_cast<size_t>(before) ? i - static_cast<size_t>(before) : 0;
    size_t hi = std::min(n, i + static_cast<size_t>(after) + 1);
    ++edges[lo];
    --edges[hi];
  }
  std::vector<uint32_t> keep;
  int32_t open = 0;
  for (size_t i = 0; i < n; ++i)
    if ((open += edges[i]) > 0) keep.push_back(static_cast<uint32_t>(i));
  std::vector<ColumnPtr> columns = plugins::gather_columns(input);
  Batch whole;
  whole.rows = n;
  whole.columns = std::move(columns);
  Batch picked = take_rows(whole, keep);
  return plugins::table_of(input.schema, std::move(picked.columns), keep.size());
}

const PluginEntry kEntries[] = {{"rows_near", rows_near}};

}  // namespace

std::span<const PluginEntry> rows_near_plugins() { return kEntries; }

}  // namespace huntdb::exec
