// rolling_percentile(ValueColumn, Percentile, IndexColumn, BinSize, BinsPerWindow [, dim...]):
// for every bin of the index (bin(IndexColumn, BinSize)) and combination of dimensions, the
// percentile of the values in the window of BinsPerWindow bins that ends with the bin.
// Kusto docs: rolling-percentile-plugin.md ("the rolling percentile of values in the window
// ending at the bin (inclusive)"); its example (hourly values 1..240, 1d bins, 3 bins, p50)
// gives 12, 24, 36, 60, ...: nearest-rank percentiles, as the percentile() aggregate computes
// them. Only bins with values appear (the example stops at its last day).
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <type_traits>
#include <vector>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/plugins/activity_periods.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::exec {

namespace {

// Index of the nearest-rank percentile among n sorted values (the tolerance keeps 50% of 18
// at rank 9 when the product comes out as 9.000000000000002).
size_t nearest_rank(double percentile, size_t n) {
  double target = percentile / 100.0 * static_cast<double>(n);
  double rank = std::max(1.0, std::ceil(target - 1e-9 * std::max(1.0, target)));
  return std::min(n, static_cast<size_t>(rank)) - 1;
}

template <typename T, typename Reader>
ColumnPtr rolling(const activity::ActivityRows& rows, const Reader& values, const activity::PeriodAxis& axis,
                  int64_t bins_per_window, double percentile, ScalarType out_type, activity::OutputKeys& keys) {
  // Rows with a value, by group then bin.
  std::vector<uint32_t> order;
  std::vector<int64_t> bin_of(rows.time.size());
  for (size_t r = 0; r < rows.time.size(); ++r) {
    if (values.null(r)) continue;
    bin_of[r] = axis.floor(rows.time[r]);
    order.push_back(static_cast<uint32_t>(r));
  }
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return rows.group[a] != rows.group[b] ? rows.group[a] < rows.group[b] : bin_of[a] < bin_of[b];
  });
  std::vector<T> out, scratch;
  for (size_t b = 0; b < order.size();) {
    uint32_t g = rows.group[order[b]];
    size_t e = b;
    while (e < order.size() && rows.group[order[e]] == g) ++e;
    size_t lo = b, hi = b;  // the window's rows: order[lo .. hi)
    while (hi < e) {
      // The next bin with values, and the window of bins_per_window bins that ends with it.
      int64_t bin = bin_of[order[hi]];
      while (hi < e && bin_of[order[hi]] == bin) ++hi;
      int64_t window_start = bin;
      for (int64_t i = 1; i < bins_per_window; ++i) window_start = axis.previous(window_start);
      while (bin_of[order[lo]] < window_start) ++lo;
      scratch.clear();
      for (size_t i = lo; i < hi; ++i) scratch.push_back(static_cast<T>(values.get(order[i])));
      auto nth = scratch.begin() + static_cast<std::ptrdiff_t>(nearest_rank(percentile, scratch.size()));
      std::nth_element(scratch.begin(), nth, scratch.end());
      out.push_back(*nth);
      keys.add(g, bin);
    }
    b = e;
  }
  if constexpr (std::is_same_v<T, double>) {
    return Column::make_reals(out_type, std::move(out));
  } else if (out_type == ScalarType::Int) {
    return Column::make_ints(std::vector<int32_t>(out.begin(), out.end()));
  } else {
    return Column::make_longs(out_type, std::move(out));
  }
}

TablePtr rolling_percentile(const PluginCall& call) {
  constexpr std::string_view kName = "rolling_percentile";
  Value p = activity::constant_arg(call, 1, "Percentile");
  double percentile = p.type == ScalarType::Real ? p.as_real()
                      : p.type == ScalarType::Decimal ? std::get<Decimal>(p.data).value
                                                      : static_cast<double>(activity::constant_ticks(call, 1, "Percentile"));
  int64_t bins_per_window = activity::constant_ticks(call, 4, "BinsPerWindow");
  if (bins_per_window < 1) throw ExecError("rolling_percentile: BinsPerWindow must be at least 1.");
  const size_t value_arg[] = {0};
  activity::ActivityRows rows = activity::read_rows(call, -1, 2, 5, std::numeric_limits<int64_t>::min(),
                                                    std::numeric_limits<int64_t>::max(), value_arg);
  auto axis = activity::PeriodAxis::make(activity::constant_arg(call, 3, "BinSize"),
                                         activity::bin_origin(rows.time_type), kName);
  ScalarType out_type = call.plan.schema->columns.back().type;
  activity::OutputKeys keys;
  ColumnPtr metric;
  const Column& values = *rows.extra[0];
  if (out_type == ScalarType::Real || out_type == ScalarType::Decimal) {
    functions::RealReader reader(values);
    metric = rolling<double>(rows, reader, axis, bins_per_window, percentile, out_type, keys);
  } else {
    functions::LongReader reader(values);
    metric = rolling<int64_t>(rows, reader, axis, bins_per_window, percentile, out_type, keys);
  }
  std::vector<ColumnPtr> metrics;
  metrics.push_back(std::move(metric));
  return activity::make_output(call, rows, keys, std::move(metrics));
}

const PluginEntry kEntries[] = {{"rolling_percentile", rolling_percentile}};

}  // namespace

std::span<const PluginEntry> rolling_percentile_plugins() { return kEntries; }

}  // namespace huntdb::exec
