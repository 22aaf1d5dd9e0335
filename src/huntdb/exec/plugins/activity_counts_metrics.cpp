// activity_counts_metrics(IdColumn, TimelineColumn, Start, End, Step [, dim...]): for every
// period and combination of dimensions, the rows (count), the distinct ids (dcount), the ids
// never seen in an earlier period of the same dimensions (new_dcount) and the distinct ids seen
// from the first period to this one (aggregated_dcount).
// Kusto docs: activity-counts-metrics-plugin.md. Periods are bin_at(t, Step, Start) over the
// rows with Start <= t <= End (see activity_periods.h); only periods with rows appear.
#include <vector>

#include "huntdb/exec/plugins/activity_periods.h"

namespace huntdb::exec {

namespace {

TablePtr activity_counts_metrics(const PluginCall& call) {
  constexpr std::string_view kName = "activity_counts_metrics";
  int64_t start = activity::constant_ticks(call, 2, "Start");
  int64_t end = activity::constant_ticks(call, 3, "End");
  auto axis = activity::PeriodAxis::make(activity::constant_arg(call, 4, "Step"), start, kName);
  activity::PeriodList periods(axis, start, end, kName);
  activity::ActivityRows rows = activity::read_rows(call, 0, 1, 5, start, end);

  std::vector<uint32_t> period_of_row(rows.time.size());
  for (size_t r = 0; r < rows.time.size(); ++r) {
    int64_t p = periods.index_of(rows.time[r]);
    period_of_row[r] = p < 0 ? UINT32_MAX : static_cast<uint32_t>(p);
  }
  auto occ = activity::distinct_occurrences(rows, period_of_row, periods.size());

  activity::OutputKeys keys;
  std::vector<int64_t> count, dcount, new_dcount, aggregated;
  // seen_in[id] = group + 1 once the id appeared in that group (groups come in order, so one
  // marker per id suffices).
  std::vector<uint32_t> seen_in(rows.id_count, 0);
  int64_t running = 0;
  for (size_t i = 0; i < occ.size();) {
    uint32_t g = occ[i].group, p = occ[i].period;
    if (i == 0 || occ[i - 1].group != g) running = 0;
    int64_t c = 0, d = 0, fresh = 0;
    for (; i < occ.size() && occ[i].group == g && occ[i].period == p; ++i) {
      c += occ[i].rows;
      ++d;
      if (seen_in[occ[i].id] != g + 1) {
        seen_in[occ[i].id] = g + 1;
        ++fresh;
      }
    }
    running += fresh;
    keys.add(g, periods.start(p));
    count.push_back(c);
    dcount.push_back(d);
    new_dcount.push_back(fresh);
    aggregated.push_back(running);
  }
  std::vector<ColumnPtr> metrics;
  for (auto* v : {&count, &dcount, &new_dcount, &aggregated})
    metrics.push_back(Column::make_longs(ScalarType::Long, std::move(*v)));
  return activity::make_output(call, rows, keys, std::move(metrics));
}

const PluginEntry kEntries[] = {{"activity_counts_metrics", activity_counts_metrics}};

}  // namespace

std::span<const PluginEntry> activity_counts_metrics_plugins() { return kEntries; }

}  // namespace huntdb::exec
