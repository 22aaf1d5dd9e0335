// What the user-analytics plugins (activity_counts_metrics, activity_engagement,
// sliding_window_counts, active_users_count, ...) share: reading their constant arguments,
// cutting the timeline into periods, reading the rows once into dense per-row ids, times and
// dimension groups, and building the output table (timeline, dimensions, metrics).
//
// Periods follow the sliding-window technique the sliding_window_counts page points to (Kusto
// docs, samples.md "Performing aggregations over a sliding window"): a row belongs to
// bin_at(t, step, Start), and the analysis keeps rows with `t between (Start .. End)` (plus the
// lookback before Start where a plugin looks back). A step given as the string
// "week", "month" or "year" makes calendar periods (startofweek/startofmonth/startofyear).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "huntdb/exec/group_table.h"
#include "huntdb/exec/plugins/plugin.h"

namespace huntdb::exec::activity {

// The value of constant argument `i` (the plugins' bounds, steps and windows must be constant).
Value constant_arg(const PluginCall& call, size_t i, std::string_view what);
// A time-like constant as a number on the timeline (ticks for datetime/timespan).
int64_t constant_ticks(const PluginCall& call, size_t i, std::string_view what);

// The origin of bin(t, size) on a timeline of this type: .NET's tick zero (0001-01-01) for
// datetimes, as Kusto's bin() counts, and 0 for numbers.
int64_t bin_origin(ScalarType timeline);

// Periods of a timeline: fixed steps aligned to an origin, or calendar weeks/months/years.
class PeriodAxis {
 public:
  // `step`: a timespan or number, or "week"/"month"/"year".
  static PeriodAxis make(const Value& step, int64_t origin, std::string_view plugin);

  bool calendar() const { return calendar_ != Calendar::None; }
  int64_t step() const { return step_; }  // fixed steps only
  // The start of the period holding t.
  int64_t floor(int64_t t) const;
  int64_t next(int64_t period_start) const;
  int64_t previous(int64_t period_start) const;
  // How many whole periods a window spans (at least 1): window / step, or for calendar
  // periods window / their nominal length (7, 30 or 365 days).
  int64_t periods_in(int64_t window) const;

 private:
  enum class Calendar : uint8_t { None, Week, Month, Year };
  Calendar calendar_ = Calendar::None;
  int64_t step_ = 0;
  int64_t origin_ = 0;
};

// The consecutive periods from the one holding `first` to the one holding `last`.
class PeriodList {
 public:
  PeriodList(const PeriodAxis& axis, int64_t first, int64_t last, std::string_view plugin);
  size_t size() const { return starts_.size(); }
  int64_t start(size_t i) const { return starts_[i]; }
  // The period holding t, or -1 outside the list.
  int64_t index_of(int64_t t) const;

 private:
  PeriodAxis axis_;
  std::vector<int64_t> starts_;
};

// The input rows the plugin reads: per kept row its time, a dense id (first appearance order)
// and its dimensions' group (0 without dimensions).
struct ActivityRows {
  ScalarType time_type = ScalarType::DateTime;
  std::vector<int64_t> time;
  std::vector<uint32_t> id;
  std::vector<uint32_t> group;
  uint32_t id_count = 0;
  uint32_t group_count = 1;
  std::unique_ptr<GroupTable> dims;  // null without dimensions
  std::vector<ScalarType> dim_types;
  // The values of the `extra_args` read_rows was given, over the kept rows (one column each).
  std::vector<ColumnPtr> extra;
};

// Reads the id, timeline and dimension arguments (the column references from first_dim_arg on)
// over every input row; keeps the rows whose timeline is not null and lies in [lo, hi]. `id_arg` may be -1 (no id: every id is 0).
// `extra_args` are other arguments to read over the kept rows (the value of rolling_percentile).
ActivityRows read_rows(const PluginCall& call, int id_arg, size_t time_arg, size_t first_dim_arg, int64_t lo, int64_t hi,
                       std::span<const size_t> extra_args = {});

// One distinct (group, period, id) of the rows, with how many rows had it.
struct Occurrence {
  uint32_t group, period, id, rows;
};
// The distinct occurrences, sorted by group, period, id. `period_of_row` gives each row's period.
std::vector<Occurrence> distinct_occurrences(const ActivityRows& rows, std::span<const uint32_t> period_of_row,
                                             size_t period_count);

// A window of `k` periods ending at period r (periods r-k+1 .. r) of one group.
struct WindowStats {
  uint32_t group, period;
  int64_t period_ids, period_rows;  // distinct ids and rows of period r itself
  int64_t window_ids, window_rows;  // of the whole window
};
// Calls fn for every group and period whose window has rows, in group then period order.
// `occ` must come from distinct_occurrences.
void for_each_window(std::span<const Occurrence> occ, uint32_t id_count, int64_t k, size_t period_count,
                     const std::function<void(const WindowStats&)>& fn);

// Output rows under construction: for each, its dimensions group and timeline value.
struct OutputKeys {
  std::vector<uint32_t> group;
  std::vector<int64_t> time;
  bool two_times = false;      // a second timeline column (new_activity_metrics' to_)
  std::vector<int64_t> time2;
  void add(uint32_t g, int64_t t) {
    group.push_back(g);
    time.push_back(t);
  }
  void add(uint32_t g, int64_t t, int64_t t2) {
    add(g, t);
    time2.push_back(t2);
  }
};
// The plugin's output: the timeline column (two with time2), one column per dimension, then
// `metrics`, named and typed as the plan's schema says.
TablePtr make_output(const PluginCall& call, const ActivityRows& rows, const OutputKeys& keys,
                     std::vector<ColumnPtr> metrics);

}  // namespace huntdb::exec::activity
