// activity_metrics(IdColumn, TimelineColumn, [Start, End,] Step [, dim...]): for every period
// with rows and combination of dimensions, the distinct ids (dcount_values), the ids that were
// not in the previous period (dcount_newvalues), and the retention and churn rates against the
// previous period.
// Kusto docs: activity-metrics-plugin.md. Retention = (customers at the end of the period - new
// customers) / customers at the beginning = |ids(p) ∩ ids(p-1)| / |ids(p-1)|; churn = (customers
// at the beginning - returning) / customers at the beginning. Both are NaN (0/0) for the first
// period, as the docs' output shows.
#include <algorithm>
#include <limits>
#include <optional>
#include <vector>

#include "huntdb/exec/plugins/activity_periods.h"

namespace huntdb::exec {

namespace {

TablePtr activity_metrics(const PluginCall& call) {
  constexpr std::string_view kName = "activity_metrics";
  bool with_range = call.plan.args.size() > 3;
  size_t step_arg = with_range ? 4 : 2;
  Value step = activity::constant_arg(call, step_arg, "Step");
  int64_t start = 0, end = 0;
  std::optional<activity::PeriodAxis> axis;
  if (with_range) {
    start = activity::constant_ticks(call, 2, "Start");
    end = activity::constant_ticks(call, 3, "End");
    axis = activity::PeriodAxis::make(step, start, kName);
  }
  activity::ActivityRows rows =
      activity::read_rows(call, 0, 1, with_range ? 5 : 3, with_range ? start : std::numeric_limits<int64_t>::min(),
                          with_range ? end : std::numeric_limits<int64_t>::max());
  if (!with_range && !rows.time.empty()) {
    auto [mn, mx] = std::minmax_element(rows.time.begin(), rows.time.end());
    axis = activity::PeriodAxis::make(step, activity::bin_origin(rows.time_type), kName);
    start = axis->floor(*mn);
    end = *mx;
  }
  if (!axis) axis = activity::PeriodAxis::make(step, 0, kName);
  activity::PeriodList periods(*axis, start, end, kName);

  std::vector<uint32_t> period_of_row(rows.time.size());
  for (size_t r = 0; r < rows.time.size(); ++r) {
    int64_t p = periods.index_of(rows.time[r]);
    period_of_row[r] = p < 0 ? UINT32_MAX : static_cast<uint32_t>(p);
  }
  auto occ = activity::distinct_occurrences(rows, period_of_row, periods.size());

  activity::OutputKeys keys;
  std::vector<int64_t> dcount, fresh_count;
  std::vector<double> retention, churn;
  // last_seen[id] = (group << 32 | period + 1) of the id's latest period so far.
  std::vector<uint64_t> last_seen(rows.id_count, 0);
  uint32_t prev_group = UINT32_MAX, prev_period = 0;
  int64_t prev_dcount = 0;
  for (size_t i = 0; i < occ.size();) {
    uint32_t g = occ[i].group, p = occ[i].period;
    // Ids at the beginning of the period: those of the previous period, if it had rows.
    int64_t beginning = (g == prev_group && prev_period + 1 == p) ? prev_dcount : 0;
    uint64_t previous_stamp = (uint64_t{g} << 32) | p;  // (period - 1) + 1
    uint64_t stamp = (uint64_t{g} << 32) | (p + 1);
    int64_t d = 0, returned = 0;
    for (; i < occ.size() && occ[i].group == g && occ[i].period == p; ++i) {
      ++d;
      if (p > 0 && last_seen[occ[i].id] == previous_stamp) ++returned;
      last_seen[occ[i].id] = stamp;
    }
    keys.add(g, periods.start(p));
    dcount.push_back(d);
    fresh_count.push_back(d - returned);
    double b = static_cast<double>(beginning);
    retention.push_back(static_cast<double>(returned) / b);
    churn.push_back(static_cast<double>(beginning - returned) / b);
    prev_group = g;
    prev_period = p;
    prev_dcount = d;
  }
  std::vector<ColumnPtr> metrics;
  metrics.push_back(Column::make_longs(ScalarType::Long, std::move(dcount)));
  metrics.push_back(Column::make_longs(ScalarType::Long, std::move(fresh_count)));
  metrics.push_back(Column::make_reals(ScalarType::Real, std::move(retention)));
  metrics.push_back(Column::make_reals(ScalarType::Real, std::move(churn)));
  return activity::make_output(call, rows, keys, std::move(metrics));
}

const PluginEntry kEntries[] = {{"activity_metrics", activity_metrics}};

}  // namespace

std::span<const PluginEntry> activity_metrics_plugins() { return kEntries; }

}  // namespace huntdb::exec
