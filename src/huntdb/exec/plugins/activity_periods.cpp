#include "huntdb/exec/plugins/activity_periods.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/datetime.h"

namespace huntdb::exec::activity {

namespace {

// More periods than this means a step far too small for the range (a mistake, not a query).
constexpr size_t kMaxPeriods = 10'000'000;

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int64_t day_of(int64_t ticks) { return floor_div(ticks, kTicksPerDay); }

bool equals_ignore_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::optional<int64_t> value_ticks(const Value& v) {
  if (v.is_null()) return std::nullopt;
  switch (v.type) {
    case ScalarType::Int: return std::get<int32_t>(v.data);
    case ScalarType::Long:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: return v.as_long();
    case ScalarType::Real: return static_cast<int64_t>(v.as_real());
    case ScalarType::Decimal: return static_cast<int64_t>(std::get<Decimal>(v.data).value);
    default: return std::nullopt;
  }
}

}  // namespace

Value constant_arg(const PluginCall& call, size_t i, std::string_view what) {
  std::string_view plugin = call.plan.plugin ? std::string_view(call.plan.plugin->name) : "plugin";
  if (i >= call.plan.args.size() || !call.plan.args[i])
    throw ExecError(fmt::format("{}: the argument {} is missing.", plugin, what));
  CompiledExpr e(call.plan.args[i], call.executor);
  if (!e.is_constant()) throw ExecError(fmt::format("{}: the argument {} must be a constant.", plugin, what));
  return e.constant();
}

int64_t constant_ticks(const PluginCall& call, size_t i, std::string_view what) {
  Value v = constant_arg(call, i, what);
  auto t = value_ticks(v);
  if (!t) {
    std::string_view plugin = call.plan.plugin ? std::string_view(call.plan.plugin->name) : "plugin";
    throw ExecError(fmt::format("{}: the argument {} must be a non-null time or number.", plugin, what));
  }
  return *t;
}

// --- periods

int64_t bin_origin(ScalarType timeline) { return timeline == ScalarType::DateTime ? -kDotNetTicksAtUnixEpoch : 0; }

PeriodAxis PeriodAxis::make(const Value& step, int64_t origin, std::string_view plugin) {
  PeriodAxis a;
  a.origin_ = origin;
  if (step.type == ScalarType::String && !step.is_null()) {
    const std::string& s = step.as_string();
    if (equals_ignore_case(s, "week")) a.calendar_ = Calendar::Week;
    else if (equals_ignore_case(s, "month")) a.calendar_ = Calendar::Month;
    else if (equals_ignore_case(s, "year")) a.calendar_ = Calendar::Year;
    else throw ExecError(fmt::format("{}: the step '{}' is not 'week', 'month' or 'year'.", plugin, s));
    return a;
  }
  auto t = value_ticks(step);
  if (!t || *t <= 0) throw ExecError(fmt::format("{}: the step must be a positive time span or number.", plugin));
  a.step_ = *t;
  return a;
}

int64_t PeriodAxis::floor(int64_t t) const {
  switch (calendar_) {
    case Calendar::None: return origin_ + floor_div(t - origin_, step_) * step_;
    case Calendar::Week: {
      int64_t d = day_of(t);
      // 1970-01-01 was a Thursday; weeks start on Sunday.
      int64_t weekday = ((d + 4) % 7 + 7) % 7;
      return (d - weekday) * kTicksPerDay;
    }
    case Calendar::Month:
    case Calendar::Year: {
      int y, m, d;
      civil_from_days(day_of(t), y, m, d);
      return days_from_civil(y, calendar_ == Calendar::Year ? 1 : m, 1) * kTicksPerDay;
    }
  }
  return t;
}

int64_t PeriodAxis::next(int64_t p) const {
  switch (calendar_) {
    case Calendar::None: return p + step_;
    case Calendar::Week: return p + 7 * kTicksPerDay;
    case Calendar::Month:
    case Calendar::Year: {
      int y, m, d;
      civil_from_days(day_of(p), y, m, d);
      if (calendar_ == Calendar::Year) return days_from_civil(y + 1, 1, 1) * kTicksPerDay;
      return (m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1)) * kTicksPerDay;
    }
  }
  return p;
}

int64_t PeriodAxis::previous(int64_t p) const {
  return calendar_ == Calendar::None ? p - step_ : floor(p - 1);
}

int64_t PeriodAxis::periods_in(int64_t window) const {
  int64_t unit = step_;
  if (calendar_ == Calendar::Week) unit = 7 * kTicksPerDay;
  if (calendar_ == Calendar::Month) unit = 30 * kTicksPerDay;
  if (calendar_ == Calendar::Year) unit = 365 * kTicksPerDay;
  return std::max<int64_t>(1, window / unit);
}

PeriodList::PeriodList(const PeriodAxis& axis, int64_t first, int64_t last, std::string_view plugin) : axis_(axis) {
  if (last < first) return;
  int64_t p = axis.floor(first);
  if (!axis.calendar() && (last - p) / axis.step() >= static_cast<int64_t>(kMaxPeriods))
    throw ExecError(fmt::format("{}: the step makes too many periods between the start and the end.", plugin));
  for (; p <= last; p = axis.next(p)) {
    starts_.push_back(p);
    if (starts_.size() > kMaxPeriods)
      throw ExecError(fmt::format("{}: the step makes too many periods between the start and the end.", plugin));
  }
}

int64_t PeriodList::index_of(int64_t t) const {
  if (starts_.empty() || t < starts_.front()) return -1;
  if (!axis_.calendar()) {
    int64_t i = (t - starts_.front()) / axis_.step();
    return i < static_cast<int64_t>(starts_.size()) ? i : -1;
  }
  auto it = std::upper_bound(starts_.begin(), starts_.end(), t);
  int64_t i = (it - starts_.begin()) - 1;
  if (i == static_cast<int64_t>(starts_.size()) - 1 && t >= axis_.next(starts_.back())) return -1;
  return i;
}

// --- rows

ActivityRows read_rows(const PluginCall& call, int id_arg, size_t time_arg, size_t first_dim_arg, int64_t lo, int64_t hi,
                       std::span<const size_t> extra_args) {
  const auto& args = call.plan.args;
  ActivityRows out;
  if (time_arg >= args.size()) throw ExecError("the timeline argument is missing.");
  out.time_type = args[time_arg]->type;
  std::optional<CompiledExpr> id_expr;
  if (id_arg >= 0) id_expr.emplace(args[static_cast<size_t>(id_arg)], call.executor);
  CompiledExpr time_expr(args[time_arg], call.executor);
  std::vector<CompiledExpr> dim_exprs;
  for (size_t i = first_dim_arg; i < args.size(); ++i) {
    // Dimensions are column references (the output schema has a column for those only).
    if (!args[i] || args[i]->kind != analyze::ExprKind::Column) continue;
    dim_exprs.emplace_back(args[i], call.executor);
    out.dim_types.push_back(args[i]->type);
  }
  std::vector<CompiledExpr> extra_exprs;
  std::vector<std::vector<ColumnPtr>> extra_parts(extra_args.size());
  for (size_t a : extra_args) extra_exprs.emplace_back(args.at(a), call.executor);
  GroupTable ids(std::vector<ScalarType>{id_arg >= 0 ? args[static_cast<size_t>(id_arg)]->type : ScalarType::Long});
  if (!dim_exprs.empty()) out.dims = std::make_unique<GroupTable>(out.dim_types);

  std::vector<uint32_t> kept, id_groups, dim_groups;
  uint32_t batch_no = 0;
  for (const Batch& batch : call.input->batches) {
    if (batch.rows == 0) continue;
    ColumnPtr tc = time_expr.eval(batch);
    functions::LongReader times(*tc);
    kept.clear();
    for (size_t r = 0; r < batch.rows; ++r) {
      if (times.null(r)) continue;
      int64_t t = times.get(r);
      if (t < lo || t > hi) continue;
      kept.push_back(static_cast<uint32_t>(r));
      out.time.push_back(t);
    }
    if (kept.empty()) {
      ++batch_no;
      continue;
    }
    bool all = kept.size() == batch.rows;
    auto pick = [&](const ColumnPtr& c) { return all ? c : Column::take(c, kept); };
    if (id_expr) {
      ColumnPtr idc = pick(id_expr->eval(batch));
      ids.assign(std::span<const ColumnPtr>(&idc, 1), kept.size(), id_groups, batch_no);
      out.id.insert(out.id.end(), id_groups.begin(), id_groups.end());
    } else {
      out.id.insert(out.id.end(), kept.size(), 0u);
    }
    if (out.dims) {
      std::vector<ColumnPtr> dcs;
      for (const auto& e : dim_exprs) dcs.push_back(pick(e.eval(batch)));
      out.dims->assign(dcs, kept.size(), dim_groups, batch_no);
      out.group.insert(out.group.end(), dim_groups.begin(), dim_groups.end());
    } else {
      out.group.insert(out.group.end(), kept.size(), 0u);
    }
    for (size_t k = 0; k < extra_exprs.size(); ++k) extra_parts[k].push_back(pick(extra_exprs[k].eval(batch)));
    ++batch_no;
  }
  for (size_t k = 0; k < extra_exprs.size(); ++k)
    out.extra.push_back(extra_parts[k].empty() ? Column::make_nulls(extra_exprs[k].type(), 0)
                                               : Column::concat(extra_parts[k]));
  out.id_count = id_arg >= 0 ? static_cast<uint32_t>(ids.size()) : 1;
  out.group_count = out.dims ? static_cast<uint32_t>(out.dims->size()) : 1;
  return out;
}

std::vector<Occurrence> distinct_occurrences(const ActivityRows& rows, std::span<const uint32_t> period_of_row,
                                             size_t period_count) {
  // One 64-bit key per row: (group * periods + period) << 32 | id, so a plain integer sort
  // orders by group, period, id.
  if (static_cast<uint64_t>(rows.group_count) * period_count >= (uint64_t{1} << 32))
    throw ExecError("too many dimension combinations times periods.");
  std::vector<uint64_t> keys;
  keys.reserve(period_of_row.size());
  for (size_t r = 0; r < period_of_row.size(); ++r) {
    if (period_of_row[r] == UINT32_MAX) continue;
    uint64_t cell = uint64_t{rows.group[r]} * period_count + period_of_row[r];
    keys.push_back(cell << 32 | rows.id[r]);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<Occurrence> out;
  for (size_t i = 0; i < keys.size();) {
    size_t j = i + 1;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    uint64_t cell = keys[i] >> 32;
    out.push_back(Occurrence{static_cast<uint32_t>(cell / period_count), static_cast<uint32_t>(cell % period_count),
                             static_cast<uint32_t>(keys[i] & 0xffffffffu), static_cast<uint32_t>(j - i)});
    i = j;
  }
  return out;
}

void for_each_window(std::span<const Occurrence> occ, uint32_t id_count, int64_t k, size_t period_count,
                     const std::function<void(const WindowStats&)>& fn) {
  std::vector<uint32_t> in_window(id_count, 0);  // per id: its periods in the window
  for (size_t b = 0; b < occ.size();) {
    uint32_t g = occ[b].group;
    size_t e = b;
    while (e < occ.size() && occ[e].group == g) ++e;
    size_t add = b, remove = b;
    int64_t window_ids = 0, window_rows = 0;
    int64_t r = occ[b].period;
    while (r < static_cast<int64_t>(period_count)) {
      // Periods leave the window once they are k or more behind r.
      while (remove < add && static_cast<int64_t>(occ[remove].period) <= r - k) {
        if (--in_window[occ[remove].id] == 0) --window_ids;
        window_rows -= occ[remove].rows;
        ++remove;
      }
      int64_t period_ids = 0, period_rows = 0;
      while (add < e && occ[add].period == r) {
        if (in_window[occ[add].id]++ == 0) ++window_ids;
        window_rows += occ[add].rows;
        ++period_ids;
        period_rows += occ[add].rows;
        ++add;
      }
      if (window_ids > 0) {
        fn(WindowStats{g, static_cast<uint32_t>(r), period_ids, period_rows, window_ids, window_rows});
        ++r;
      } else {
        if (add == e) break;
        r = occ[add].period;  // skip the periods no window reaches
      }
    }
    for (; remove < add; ++remove) in_window[occ[remove].id] = 0;
    b = e;
  }
}

TablePtr make_output(const PluginCall& call, const ActivityRows& rows, const OutputKeys& keys,
                     std::vector<ColumnPtr> metrics) {
  const TableSchema& schema = *call.plan.schema;
  std::vector<ColumnPtr> columns;
  auto time_column = [&](size_t index, const std::vector<int64_t>& values) {
    ScalarType type = index < schema.columns.size() ? schema.columns[index].type : rows.time_type;
    if (type == ScalarType::Int) return Column::make_ints(std::vector<int32_t>(values.begin(), values.end()));
    if (type == ScalarType::Real || type == ScalarType::Decimal)
      return Column::make_reals(type, std::vector<double>(values.begin(), values.end()));
    return Column::make_longs(type, values);
  };
  columns.push_back(time_column(0, keys.time));
  if (keys.two_times)
    columns.push_back(time_column(1, keys.time2));
  if (rows.dims)
    for (size_t k = 0; k < rows.dim_types.size(); ++k)
      columns.push_back(Column::take(rows.dims->key_column(k), keys.group));
  for (auto& m : metrics) columns.push_back(std::move(m));
  if (columns.size() != schema.columns.size())
    throw ExecError(fmt::format("{}: produced {} columns where {} were expected.",
                                call.plan.plugin ? call.plan.plugin->name : "plugin", columns.size(),
                                schema.columns.size()));
  size_t n = keys.time.size();
  return make_table(schema, split_into_batches(std::move(columns), n));
}

}  // namespace huntdb::exec::activity
