// make-series: one row per distinct key, each aggregate as an array over the bins of the axis,
// and the axis itself as the last column. As https://learn.microsoft.com/kusto/query/make-series-operator
// describes it, rows are grouped by the keys and the binned axis (bin_at(on, step, from), or
// bin(on, step) with `in range(from, to, step)` whose `to` is inclusive), aggregated, and the
// aggregates are folded into arrays; bins without rows get the default value (0 unless given).
// A key whose rows all fall outside the range still gets a series (of defaults).
//
// Without `from` the axis starts at the bin of the smallest value, without `to` it ends after
// the bin of the largest value; both are taken over the whole input, so that every series has
// the same axis.
#include <cmath>

#include <fmt/format.h>

#include "huntdb/exec/aggregation.h"
#include "huntdb/exec/exec_error.h"
#include "huntdb/exec/expression.h"
#include "huntdb/exec/operators.h"
#include "huntdb/exec/table_util.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/types/datetime.h"

namespace huntdb::exec::op {

namespace {

// The arrays are limited to 2^20 values, as in Kusto.
constexpr int64_t kMaxSeriesLength = 1 << 20;

Value constant_value(const ExprPtr& e, Executor& ex) {
  CompiledExpr c(e, ex);
  Batch one;
  one.rows = 1;
  return c.eval(one)->value_at(0);
}

bool is_real_axis(ScalarType t) { return t == ScalarType::Real || t == ScalarType::Decimal; }

// The axis: `count` bins of width `step` from `start`, in the axis type's number domain (ticks
// for datetime and timespan).
struct Axis {
  bool real = false;
  double start = 0, step = 1;  // as reals (exact for the integer domain below 2^53)
  int64_t istart = 0, istep = 1;
  int64_t count = 0;

  // The bin of a value, or -1 outside the axis.
  int64_t bin_of(double v) const {
    double k = std::floor((v - start) / step);
    return (k >= 0 && k < static_cast<double>(count)) ? static_cast<int64_t>(k) : -1;
  }
  int64_t bin_of(int64_t v) const {
    __int128 d = static_cast<__int128>(v) - istart;
    __int128 k = d >= 0 ? d / istep : -((-d + istep - 1) / istep);
    return (k >= 0 && k < count) ? static_cast<int64_t>(k) : -1;
  }
};

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// The value a bin gets when no row falls into it: the given default, else 0 for numbers.
Value default_for(const ExprPtr& e, ScalarType type, Executor& ex) {
  if (e) return constant_value(e, ex);
  switch (type) {
    case ScalarType::Int: return Value::of_int(0);
    case ScalarType::Long: return Value::of_long(0);
    case ScalarType::Real: return Value::of_real(0);
    case ScalarType::Decimal: return Value::of_decimal(0);
    case ScalarType::TimeSpan: return Value::of_timespan(0);
    default: return Value::null(type);
  }
}

}  // namespace

TablePtr make_series(const MakeSeriesPlan& p, Executor& ex, const Bindings* b) {
  TablePtr in = ex.run(p.inputs[0], b);
  ScalarType axis_type = p.on->type;
  bool real = is_real_axis(axis_type);

  // The axis values of every row (evaluated once, reused for binning).
  CompiledExpr on(p.on, ex);
  std::vector<ColumnPtr> on_values(in->batches.size());
  ex.context().pool().parallel_for(in->batches.size(), [&](size_t i, size_t) { on_values[i] = on.eval(in->batches[i]); });

  Value step_v = constant_value(p.step, ex);
  if (step_v.is_null()) throw ExecError("make-series: the step is null.");
  Axis axis;
  axis.real = real;
  if (real) {
    axis.step = functions::RealReader::value_as_real(step_v);
    if (!(axis.step > 0)) throw ExecError("make-series: the step must be greater than zero.");
  } else {
    axis.istep = functions::LongReader::value_as_long(step_v);
    if (axis.istep <= 0) throw ExecError("make-series: the step must be greater than zero.");
    axis.step = static_cast<double>(axis.istep);
  }

  // The smallest and largest axis values, when the range leaves them open.
  Value from_v = p.from ? constant_value(p.from, ex) : Value::null(axis_type);
  Value to_v = p.to ? constant_value(p.to, ex) : Value::null(axis_type);
  bool have_data = false;
  double dmin = 0, dmax = 0;
  int64_t imin = 0, imax = 0;
  if (from_v.is_null() || to_v.is_null()) {
    for (const auto& c : on_values) {
      if (real) {
        functions::RealReader r(*c);
        for (size_t i = 0; i < c->size(); ++i) {
          if (r.null(i) || std::isnan(r.get(i))) continue;
          double v = r.get(i);
          if (!have_data || v < dmin) dmin = v;
          if (!have_data || v > dmax) dmax = v;
          have_data = true;
        }
      } else {
        functions::LongReader r(*c);
        for (size_t i = 0; i < c->size(); ++i) {
          if (r.null(i)) continue;
          int64_t v = r.get(i);
          if (!have_data || v < imin) imin = v;
          if (!have_data || v > imax) imax = v;
          have_data = true;
        }
      }
    }
  }
  bool have_axis = true;
  if (real) {
    double start, end;
    if (!from_v.is_null()) {
      start = functions::RealReader::value_as_real(from_v);
      if (p.in_range) start = std::floor(start / axis.step) * axis.step;
    } else if (have_data) {
      start = std::floor(dmin / axis.step) * axis.step;
    } else {
      have_axis = false;
      start = 0;
    }
    double count = 0;
    if (have_axis) {
      if (!to_v.is_null()) {
        end = functions::RealReader::value_as_real(to_v);
        count = p.in_range ? std::floor((end - start) / axis.step) + 1 : std::ceil((end - start) / axis.step);
      } else if (have_data) {
        count = std::floor((dmax - start) / axis.step) + 1;
      }
    }
    if (count > static_cast<double>(kMaxSeriesLength))
      throw ExecError(fmt::format("make-series: the series would have more than {} values.", kMaxSeriesLength));
    axis.start = start;
    axis.count = count > 0 ? static_cast<int64_t>(count) : 0;
  } else {
    // bin() of a datetime counts from .NET's epoch (0001-01-01), as Kusto's does.
    int64_t epoch = axis_type == ScalarType::DateTime ? kDotNetTicksAtUnixEpoch : 0;
    auto bin = [&](int64_t v) { return floor_div(v + epoch, axis.istep) * axis.istep - epoch; };
    int64_t start = 0;
    if (!from_v.is_null()) {
      start = functions::LongReader::value_as_long(from_v);
      if (p.in_range) start = bin(start);
    } else if (have_data) {
      start = bin(imin);
    } else {
      have_axis = false;
    }
    __int128 count = 0;
    if (have_axis) {
      if (!to_v.is_null()) {
        __int128 span = static_cast<__int128>(functions::LongReader::value_as_long(to_v)) - start;
        if (p.in_range) {
          count = span < 0 ? 0 : span / axis.istep + 1;
        } else {
          count = span <= 0 ? 0 : (span + axis.istep - 1) / axis.istep;
        }
      } else if (have_data) {
        count = (static_cast<__int128>(imax) - start) / axis.istep + 1;
      }
    }
    if (count > kMaxSeriesLength)
      throw ExecError(fmt::format("make-series: the series would have more than {} values.", kMaxSeriesLength));
    axis.istart = start;
    axis.start = static_cast<double>(start);
    axis.count = static_cast<int64_t>(count);
  }

  // Group by the keys and the bin (null outside the axis, so that such rows still make their
  // key's series but add to no bin).
  auto binned = std::make_shared<Table>();
  binned->schema = in->schema;
  binned->schema.columns.push_back({"$bin", ScalarType::Long});
  uint32_t bin_column = static_cast<uint32_t>(in->schema.columns.size());
  binned->batches.resize(in->batches.size());
  ex.context().pool().parallel_for(in->batches.size(), [&](size_t i, size_t) {
    const Batch& batch = in->batches[i];
    const Column& c = *on_values[i];
    functions::LongWriter bins(ScalarType::Long, batch.rows);
    auto put = [&](size_t row, int64_t k) {
      if (k < 0) {
        bins.set_null(row);
      } else {
        bins.set(row, k);
      }
    };
    if (real) {
      functions::RealReader r(c);
      for (size_t row = 0; row < batch.rows; ++row) put(row, r.null(row) ? -1 : axis.bin_of(r.get(row)));
    } else {
      functions::LongReader r(c);
      for (size_t row = 0; row < batch.rows; ++row) put(row, r.null(row) ? -1 : axis.bin_of(r.get(row)));
    }
    Batch out = batch;
    out.columns.push_back(bins.finish());
    binned->batches[i] = std::move(out);
  });
  std::vector<ExprPtr> keys = p.keys;
  keys.push_back(Expr::column(bin_column, ScalarType::Long, "$bin"));
  GroupedAggregation agg(keys, p.aggregates, ex);
  auto result = agg.run(*binned);
  std::vector<ColumnPtr> values = agg.aggregate_columns(result);  // in result.order
  size_t nkeys = p.keys.size();

  // Fold the groups into one series per key, in the order keys first appear.
  std::vector<ScalarType> key_types;
  for (const auto& k : p.keys) key_types.push_back(k->type);
  GroupTable series(key_types);
  std::vector<Value> defaults;
  for (size_t a = 0; a < p.aggregates.size(); ++a) {
    ScalarType t = p.aggregates[a].types.empty() ? ScalarType::Unknown : p.aggregates[a].types[0];
    defaults.push_back(default_for(a < p.defaults.size() ? p.defaults[a] : nullptr, t, ex));
  }
  // arrays[a][s]: the values of aggregate a for series s.
  std::vector<std::vector<std::vector<Value>>> arrays(p.aggregates.size());
  auto new_series = [&]() {
    for (size_t a = 0; a < arrays.size(); ++a) arrays[a].emplace_back(static_cast<size_t>(axis.count), defaults[a]);
  };
  for (size_t i = 0; i < result.order.size(); ++i) {
    const std::vector<Value>& key = result.groups->key(result.order[i]);
    std::vector<Value> series_key(key.begin(), key.begin() + static_cast<ptrdiff_t>(nkeys));
    size_t before = series.size();
    uint32_t s = series.find_or_add(series_key, i);
    if (series.size() > before) new_series();
    const Value& bin = key[nkeys];
    if (bin.is_null()) continue;
    int64_t k = functions::LongReader::value_as_long(bin);
    for (size_t a = 0; a < arrays.size(); ++a) arrays[a][s][static_cast<size_t>(k)] = values[a]->value_at(i);
  }
  size_t rows = series.size();
  if (rows == 0 && p.nonempty && in->row_count() == 0) {
    series.find_or_add(std::vector<Value>(nkeys, Value::null(ScalarType::Unknown)), 0);
    new_series();
    rows = 1;
  }

  // The output: keys, one array per aggregate, then the axis.
  std::vector<ColumnPtr> cols;
  for (size_t k = 0; k < nkeys; ++k) {
    ScalarType t = p.schema->columns[k].type;
    ColumnBuilder bld(t, rows);
    for (size_t s = 0; s < rows; ++s) bld.append_value(series.key(s)[k]);
    cols.push_back(bld.finish());
  }
  for (auto& per_series : arrays) {
    std::vector<DynamicPtr> out;
    for (auto& vals : per_series) {
      DynValue::Elements elements;
      elements.reserve(vals.size());
      for (const auto& v : vals) elements.push_back(DynValue::from_value(v));
      out.push_back(DynValue::of_array(std::move(elements)));
    }
    cols.push_back(Column::make_dynamics(std::move(out)));
  }
  DynValue::Elements axis_values;
  for (int64_t k = 0; k < axis.count; ++k) {
    switch (axis_type) {
      case ScalarType::DateTime: axis_values.push_back(DynValue::of_datetime(axis.istart + k * axis.istep)); break;
      case ScalarType::TimeSpan: axis_values.push_back(DynValue::of_timespan(axis.istart + k * axis.istep)); break;
      case ScalarType::Real: axis_values.push_back(DynValue::of_real(axis.start + static_cast<double>(k) * axis.step)); break;
      case ScalarType::Decimal: axis_values.push_back(DynValue::of_decimal(axis.start + static_cast<double>(k) * axis.step)); break;
      default: axis_values.push_back(DynValue::of_long(axis.istart + k * axis.istep));
    }
  }
  cols.push_back(Column::make_constant(Value::of_dynamic(DynValue::of_array(std::move(axis_values))), rows));
  return make_table(*p.schema, split_into_batches(std::move(cols), rows));
}

}  // namespace huntdb::exec::op
