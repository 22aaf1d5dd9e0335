// new_activity_metrics(IdColumn, TimelineColumn, Start, End, Window [, Cohort] [, dim...]
// [, Lookback]): for every cohort period `from` (the ids first seen in it, relative to all
// earlier periods of the range) and every period `to` from it on, per combination of dimensions:
//   dcount_new_values      ids of `to` not seen in any period up to `from` (for to == from: the
//                          cohort itself, as the docs' R=1 and R=7 rows show)
//   dcount_retained_values ids of the cohort seen in `to`
//   dcount_churn_values    ids of the cohort not seen in `to`
//   retention_rate, churn_rate: the last two over the cohort's size.
// Kusto docs: new-activity-metrics-plugin.md (its 2019-11 example and the analysis of records
// R=3 and R=9). Every (from, to) pair of the range appears, periods without rows included (R=6:
// 2019-11-06 has no rows); a cohort with no ids has NaN rates (0/0). A constant Cohort keeps the
// cohort of the period holding it. The Lookback table is not supported.
#include <algorithm>
#include <vector>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/plugins/activity_periods.h"

namespace huntdb::exec {

namespace {

// More (from, to) cells than this per dimension combination is a step far too small.
constexpr size_t kMaxCells = 50'000'000;

TablePtr new_activity_metrics(const PluginCall& call) {
  constexpr std::string_view kName = "new_activity_metrics";
  const auto& args = call.plan.args;
  int64_t start = activity::constant_ticks(call, 2, "Start");
  int64_t end = activity::constant_ticks(call, 3, "End");
  auto axis = activity::PeriodAxis::make(activity::constant_arg(call, 4, "Window"), start, kName);
  activity::PeriodList periods(axis, start, end, kName);
  for (size_t i = 5; i < args.size(); ++i)
    if (!args[i]) throw ExecError("new_activity_metrics: the Lookback table argument is not supported yet.");
  // The argument after Window is the cohort unless it is a column (then it is a dimension).
  size_t first_dim = 5;
  int64_t cohort = -1;
  if (args.size() > 5 && args[5]->kind != analyze::ExprKind::Column) {
    cohort = periods.index_of(activity::constant_ticks(call, 5, "Cohort"));
    first_dim = 6;
    if (cohort < 0) cohort = static_cast<int64_t>(periods.size());  // outside the range: no rows
  }
  activity::ActivityRows rows = activity::read_rows(call, 0, 1, first_dim, start, end);

  size_t n = periods.size();
  if (n * n > kMaxCells) throw ExecError("new_activity_metrics: the window makes too many periods.");
  std::vector<uint32_t> period_of_row(rows.time.size());
  for (size_t r = 0; r < rows.time.size(); ++r) {
    int64_t p = periods.index_of(rows.time[r]);
    period_of_row[r] = p < 0 ? UINT32_MAX : static_cast<uint32_t>(p);
  }
  auto occ = activity::distinct_occurrences(rows, period_of_row, n);

  activity::OutputKeys keys;
  keys.two_times = true;
  std::vector<int64_t> fresh, retained, churned;
  std::vector<double> retention, churn;
  std::vector<uint32_t> first_period(rows.id_count, 0);
  std::vector<uint32_t> first_group(rows.id_count, 0);  // group + 1 that set first_period
  // retained_by[f * n + t]: cohort f's ids seen in t; by_first[t * n + f]: ids of t first seen in f.
  std::vector<int64_t> retained_by(n * n), by_first(n * n), cohort_size(n);
  for (size_t b = 0; b < occ.size();) {
    uint32_t g = occ[b].group;
    size_t e = b;
    while (e < occ.size() && occ[e].group == g) ++e;
    std::fill(retained_by.begin(), retained_by.end(), 0);
    std::fill(by_first.begin(), by_first.end(), 0);
    std::fill(cohort_size.begin(), cohort_size.end(), 0);
    for (size_t i = b; i < e; ++i) {  // periods come in order, so the first one seen is the first
      uint32_t id = occ[i].id, t = occ[i].period;
      if (first_group[id] != g + 1) {
        first_group[id] = g + 1;
        first_period[id] = t;
        ++cohort_size[t];
      }
      uint32_t f = first_period[id];
      ++retained_by[f * n + t];
      ++by_first[t * n + f];
    }
    // by_first becomes, per t, the ids of t first seen after f (a suffix sum over f).
    for (size_t t = 0; t < n; ++t) {
      int64_t after = 0;
      for (size_t f = n; f-- > 0;) {
        int64_t here = by_first[t * n + f];
        by_first[t * n + f] = after;
        after += here;
      }
    }
    for (size_t f = 0; f < n; ++f) {
      if (cohort >= 0 && static_cast<int64_t>(f) != cohort) continue;
      for (size_t t = f; t < n; ++t) {
        // New in t relative to the periods up to f: first seen after f (for t == f: the cohort).
        int64_t fresh_count = t == f ? cohort_size[f] : by_first[t * n + f];
        int64_t kept = retained_by[f * n + t];
        double size = static_cast<double>(cohort_size[f]);
        keys.add(g, periods.start(f), periods.start(t));
        fresh.push_back(fresh_count);
        retained.push_back(kept);
        churned.push_back(cohort_size[f] - kept);
        retention.push_back(static_cast<double>(kept) / size);
        churn.push_back(static_cast<double>(cohort_size[f] - kept) / size);
      }
    }
    b = e;
  }
  std::vector<ColumnPtr> metrics;
  metrics.push_back(Column::make_longs(ScalarType::Long, std::move(fresh)));
  metrics.push_back(Column::make_longs(ScalarType::Long, std::move(retained)));
  metrics.push_back(Column::make_longs(ScalarType::Long, std::move(churned)));
  metrics.push_back(Column::make_reals(ScalarType::Real, std::move(retention)));
  metrics.push_back(Column::make_reals(ScalarType::Real, std::move(churn)));
  return activity::make_output(call, rows, keys, std::move(metrics));
}

const PluginEntry kEntries[] = {{"new_activity_metrics", new_activity_metrics}};

}  // namespace

std::span<const PluginEntry> new_activity_metrics_plugins() { return kEntries; }

}  // namespace huntdb::exec
