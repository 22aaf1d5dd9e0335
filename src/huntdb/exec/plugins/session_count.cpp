// session_count(IdColumn, TimelineColumn, Start, End, Bin, LookBackWindow [, dim...]): for every
// bin and combination of dimensions, the sessions with activity in the bin.
// Kusto docs: session-count-plugin.md: an id's appearance continues its session when the id
// appeared within LookBackWindow before it, and starts a new session otherwise; "a session is
// active as long as the user appears at least once" in the bin. Bins are bin_at(t, Bin, Start)
// over Start <= t <= End (plus the lookback before Start, which only decides whether a session
// started earlier); bins without sessions do not appear.
#include <algorithm>
#include <utility>
#include <vector>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/plugins/activity_periods.h"

namespace huntdb::exec {

namespace {

TablePtr session_count(const PluginCall& call) {
  constexpr std::string_view kName = "session_count";
  int64_t start = activity::constant_ticks(call, 2, "Start");
  int64_t end = activity::constant_ticks(call, 3, "End");
  auto axis = activity::PeriodAxis::make(activity::constant_arg(call, 4, "Bin"), start, kName);
  int64_t lookback = activity::constant_ticks(call, 5, "LookBackWindow");
  activity::PeriodList bins(axis, start, end, kName);
  activity::ActivityRows rows = activity::read_rows(call, 0, 1, 6, start - lookback, end);

  std::vector<std::pair<uint64_t, int64_t>> seen(rows.time.size());
  for (size_t r = 0; r < rows.time.size(); ++r) seen[r] = {uint64_t{rows.group[r]} << 32 | rows.id[r], rows.time[r]};
  std::sort(seen.begin(), seen.end());

  if (static_cast<uint64_t>(rows.group_count) * bins.size() >= (uint64_t{1} << 32))
    throw ExecError("session_count: too many dimension combinations times bins.");
  // (group * bins + bin, session) of every appearance in [Start, End].
  std::vector<std::pair<uint64_t, uint64_t>> active;
  uint64_t session = 0;
  for (size_t i = 0; i < seen.size(); ++i) {
    bool continues = i > 0 && seen[i - 1].first == seen[i].first && seen[i].second - seen[i - 1].second <= lookback;
    if (!continues) ++session;
    int64_t bin = seen[i].second >= start ? bins.index_of(seen[i].second) : -1;
    if (bin < 0) continue;
    uint64_t g = seen[i].first >> 32;
    active.emplace_back(g * bins.size() + static_cast<uint64_t>(bin), session);
  }
  std::sort(active.begin(), active.end());
  active.erase(std::unique(active.begin(), active.end()), active.end());

  activity::OutputKeys keys;
  std::vector<int64_t> count;
  for (size_t i = 0; i < active.size();) {
    size_t j = i;
    while (j < active.size() && active[j].first == active[i].first) ++j;
    keys.add(static_cast<uint32_t>(active[i].first / bins.size()), bins.start(active[i].first % bins.size()));
    count.push_back(static_cast<int64_t>(j - i));
    i = j;
  }
  std::vector<ColumnPtr> metrics;
  metrics.push_back(Column::make_longs(ScalarType::Long, std::move(count)));
  return activity::make_output(call, rows, keys, std::move(metrics));
}

const PluginEntry kEntries[] = {{"session_count", session_count}};

}  // namespace

std::span<const PluginEntry> session_count_plugins() { return kEntries; }

}  // namespace huntdb::exec
