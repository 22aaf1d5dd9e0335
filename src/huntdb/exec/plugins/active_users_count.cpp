// active_users_count(IdColumn, TimelineColumn, Start, End, LookbackWindow, Period,
// ActivePeriodsCount, Bin [, dim...]): for every bin from Start to End and combination of
// dimensions, the distinct ids with an "active" appearance in the bin: one whose lookback
// window (appearance - LookbackWindow, appearance] holds appearances of the id in at least
// ActivePeriodsCount distinct periods.
// Kusto docs: active-users-count-plugin.md. Its example fixes the window's ends: B on 7/4 is
// active (6/29, 6/30, 7/4 within 8d) while B on 7/8 is not (6/30 is exactly 8d before, outside),
// and appearances before Start count for the lookback only. Periods are bin_at(t, Period,
// Start); bins are bin_at(t, Bin, Start); bins without active ids do not appear.
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/plugins/activity_periods.h"

namespace huntdb::exec {

namespace {

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

TablePtr active_users_count(const PluginCall& call) {
  constexpr std::string_view kName = "active_users_count";
  int64_t start = activity::constant_ticks(call, 2, "Start");
  int64_t end = activity::constant_ticks(call, 3, "End");
  int64_t lookback = activity::constant_ticks(call, 4, "LookbackWindow");
  int64_t period = activity::constant_ticks(call, 5, "Period");
  Value active_value = activity::constant_arg(call, 6, "ActivePeriodsCount");
  auto axis = activity::PeriodAxis::make(activity::constant_arg(call, 7, "Bin"), start, kName);
  if (period <= 0) throw ExecError("active_users_count: the period must be positive.");
  double active_periods = 0;
  if (active_value.type == ScalarType::Real) active_periods = active_value.as_real();
  else if (active_value.type == ScalarType::Decimal) active_periods = std::get<Decimal>(active_value.data).value;
  else active_periods = static_cast<double>(activity::constant_ticks(call, 6, "ActivePeriodsCount"));

  activity::PeriodList bins(axis, start, end, kName);
  activity::ActivityRows rows = activity::read_rows(call, 0, 1, 8, start - lookback, end);

  // Appearances by (group, id), then time.
  std::vector<std::pair<uint64_t, int64_t>> seen(rows.time.size());
  for (size_t r = 0; r < rows.time.size(); ++r) seen[r] = {uint64_t{rows.group[r]} << 32 | rows.id[r], rows.time[r]};
  std::sort(seen.begin(), seen.end());

  // The distinct (group, bin, id) of the active appearances, as one sortable key each.
  if (static_cast<uint64_t>(rows.group_count) * bins.size() >= (uint64_t{1} << 32))
    throw ExecError("active_users_count: too many dimension combinations times bins.");
  std::vector<uint64_t> active;
  std::vector<int64_t> distinct_before;  // per appearance of the run: distinct periods up to it
  for (size_t b = 0; b < seen.size();) {
    size_t e = b;
    while (e < seen.size() && seen[e].first == seen[b].first) ++e;
    distinct_before.assign(e - b, 0);
    for (size_t j = b; j < e; ++j) {
      bool new_period = j == b || floor_div(seen[j].second - start, period) != floor_div(seen[j - 1].second - start, period);
      distinct_before[j - b] = (j == b ? 0 : distinct_before[j - b - 1]) + (new_period ? 1 : 0);
    }
    size_t left = b;
    for (size_t j = b; j < e; ++j) {
      int64_t x = seen[j].second;
      if (x < start) continue;
      while (seen[left].second <= x - lookback) ++left;
      size_t last = j;  // appearances at the same instant are in the window too
      while (last + 1 < e && seen[last + 1].second == x) ++last;
      int64_t periods_seen = distinct_before[last - b] - distinct_before[left - b] + 1;
      if (static_cast<double>(periods_seen) < active_periods) continue;
      int64_t bin = bins.index_of(x);
      if (bin < 0) continue;
      uint32_t g = static_cast<uint32_t>(seen[j].first >> 32), id = static_cast<uint32_t>(seen[j].first);
      active.push_back((uint64_t{g} * bins.size() + static_cast<uint64_t>(bin)) << 32 | id);
    }
    b = e;
  }
  std::sort(active.begin(), active.end());
  active.erase(std::unique(active.begin(), active.end()), active.end());

  activity::OutputKeys keys;
  std::vector<int64_t> dcount;
  for (size_t i = 0; i < active.size();) {
    uint64_t cell = active[i] >> 32;
    size_t j = i;
    while (j < active.size() && (active[j] >> 32) == cell) ++j;
    keys.add(static_cast<uint32_t>(cell / bins.size()), bins.start(cell % bins.size()));
    dcount.push_back(static_cast<int64_t>(j - i));
    i = j;
  }
  std::vector<ColumnPtr> metrics;
  metrics.push_back(Column::make_longs(ScalarType::Long, std::move(dcount)));
  return activity::make_output(call, rows, keys, std::move(metrics));
}

const PluginEntry kEntries[] = {{"active_users_count", active_users_count}};

}  // namespace

std::span<const PluginEntry> active_users_count_plugins() { return kEntries; }

}  // namespace huntdb::exec
