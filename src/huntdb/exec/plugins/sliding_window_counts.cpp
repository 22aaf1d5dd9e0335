// sliding_window_counts(IdColumn, TimelineColumn, Start, End, LookbackWindow, Bin [, dim...]):
// for every bin from Start to End and combination of dimensions, the rows (Count) and distinct
// ids (Dcount) of the lookback window that ends with the bin.
// Kusto docs: sliding-window-counts-plugin.md, built on samples.md "Performing aggregations
// over a sliding window": rows `between (Start - LookbackWindow .. End)`, each in
// bin_at(t, Bin, Start) and counted in that bin and the following LookbackWindow/Bin - 1 bins
// (at least its own), up to End. Bins no window reaches do not appear.
#include <vector>

#include "huntdb/exec/plugins/activity_periods.h"

namespace huntdb::exec {

namespace {

TablePtr sliding_window_counts(const PluginCall& call) {
  constexpr std::string_view kName = "sliding_window_counts";
  int64_t start = activity::constant_ticks(call, 2, "Start");
  int64_t end = activity::constant_ticks(call, 3, "End");
  int64_t lookback = activity::constant_ticks(call, 4, "LookbackWindow");
  auto axis = activity::PeriodAxis::make(activity::constant_arg(call, 5, "Bin"), start, kName);
  int64_t k = axis.periods_in(lookback);
  int64_t first = axis.floor(start), lo = first;
  for (int64_t i = 1; i < k; ++i) lo = axis.previous(lo);
  activity::PeriodList periods(axis, lo, end, kName);
  int64_t first_out = periods.index_of(first);
  activity::ActivityRows rows = activity::read_rows(call, 0, 1, 6, lo, end);

  std::vector<uint32_t> period_of_row(rows.time.size());
  for (size_t r = 0; r < rows.time.size(); ++r) {
    int64_t p = periods.index_of(rows.time[r]);
    period_of_row[r] = p < 0 ? UINT32_MAX : static_cast<uint32_t>(p);
  }
  auto occ = activity::distinct_occurrences(rows, period_of_row, periods.size());

  activity::OutputKeys keys;
  std::vector<int64_t> count, dcount;
  activity::for_each_window(occ, rows.id_count, k, periods.size(), [&](const activity::WindowStats& w) {
    if (static_cast<int64_t>(w.period) < first_out) return;
    keys.add(w.group, periods.start(w.period));
    count.push_back(w.window_rows);
    dcount.push_back(w.window_ids);
  });
  std::vector<ColumnPtr> metrics;
  metrics.push_back(Column::make_longs(ScalarType::Long, std::move(count)));
  metrics.push_back(Column::make_longs(ScalarType::Long, std::move(dcount)));
  return activity::make_output(call, rows, keys, std::move(metrics));
}

const PluginEntry kEntries[] = {{"sliding_window_counts", sliding_window_counts}};

}  // namespace

std::span<const PluginEntry> sliding_window_counts_plugins() { return kEntries; }

}  // namespace huntdb::exec
