// activity_engagement(IdColumn, TimelineColumn, [Start, End,] InnerActivityWindow,
// OuterActivityWindow [, dim...]): for every inner period (e.g. a day) and combination of
// dimensions, the distinct ids in that period (dcount_activities_inner), the distinct ids in the
// outer window that ends with it (dcount_activities_outer: the last Outer/Inner inner periods,
// e.g. 7 days for DAU/WAU) and their ratio (activity_ratio = inner / outer).
// Kusto docs: activity-engagement-plugin.md ("activity engagement ratio ... over a sliding
// timeline window"). The outer window looks back like sliding_window_counts: rows before Start
// count towards the first outer windows. Periods are bin_at(t, Inner, Start); a period appears
// when its outer window has rows. Without Start and End the range is the data's, its periods
// aligned to bin(t, Inner).
#include <algorithm>
#include <limits>
#include <optional>
#include <vector>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/plugins/activity_periods.h"

namespace huntdb::exec {

namespace {

TablePtr activity_engagement(const PluginCall& call) {
  constexpr std::string_view kName = "activity_engagement";
  bool with_range = call.plan.args.size() > 4;
  size_t inner_arg = with_range ? 4 : 2;
  int64_t inner = activity::constant_ticks(call, inner_arg, "InnerActivityWindow");
  int64_t outer = activity::constant_ticks(call, inner_arg + 1, "OuterActivityWindow");
  if (inner <= 0 || outer <= 0) throw ExecError("activity_engagement: the activity windows must be positive.");

  int64_t start = 0, end = 0, lo = std::numeric_limits<int64_t>::min();
  std::optional<activity::PeriodAxis> axis;
  if (with_range) {
    start = activity::constant_ticks(call, 2, "Start");
    end = activity::constant_ticks(call, 3, "End");
    axis = activity::PeriodAxis::make(activity::constant_arg(call, inner_arg, "InnerActivityWindow"), start, kName);
    lo = axis->floor(start);
    for (int64_t i = 1; i < axis->periods_in(outer); ++i) lo = axis->previous(lo);
  }
  size_t first_dim = with_range ? 6 : 4;
  activity::ActivityRows rows =
      activity::read_rows(call, 0, 1, first_dim, lo, with_range ? end : std::numeric_limits<int64_t>::max());
  if (!with_range) {
    if (rows.time.empty()) return activity::make_output(call, rows, {}, {
        Column::make_longs(ScalarType::Long, {}), Column::make_longs(ScalarType::Long, {}),
        Column::make_reals(ScalarType::Real, {})});
    auto [mn, mx] = std::minmax_element(rows.time.begin(), rows.time.end());
    axis = activity::PeriodAxis::make(activity::constant_arg(call, inner_arg, "InnerActivityWindow"), activity::bin_origin(rows.time_type), kName);
    start = axis->floor(*mn);
    lo = start;
    end = *mx;
  }
  int64_t k = axis->periods_in(outer);
  activity::PeriodList periods(*axis, lo, end, kName);
  int64_t first_out = periods.index_of(axis->floor(start));

  std::vector<uint32_t> period_of_row(rows.time.size());
  for (size_t r = 0; r < rows.time.size(); ++r) {
    int64_t p = periods.index_of(rows.time[r]);
    period_of_row[r] = p < 0 ? UINT32_MAX : static_cast<uint32_t>(p);
  }
  auto occ = activity::distinct_occurrences(rows, period_of_row, periods.size());

  activity::OutputKeys keys;
  std::vector<int64_t> inner_ids, outer_ids;
  std::vector<double> ratio;
  activity::for_each_window(occ, rows.id_count, k, periods.size(), [&](const activity::WindowStats& w) {
    if (static_cast<int64_t>(w.period) < first_out) return;
    keys.add(w.group, periods.start(w.period));
    inner_ids.push_back(w.period_ids);
    outer_ids.push_back(w.window_ids);
    ratio.push_back(static_cast<double>(w.period_ids) / static_cast<double>(w.window_ids));
  });
  std::vector<ColumnPtr> metrics;
  metrics.push_back(Column::make_longs(ScalarType::Long, std::move(inner_ids)));
  metrics.push_back(Column::make_longs(ScalarType::Long, std::move(outer_ids)));
  metrics.push_back(Column::make_reals(ScalarType::Real, std::move(ratio)));
  return activity::make_output(call, rows, keys, std::move(metrics));
}

const PluginEntry kEntries[] = {{"activity_engagement", activity_engagement}};

}  // namespace

std::span<const PluginEntry> activity_engagement_plugins() { return kEntries; }

}  // namespace huntdb::exec
