// The everyday aggregates: count, countif, sum, sumif, avg, avgif, min, max, minif, maxif,
// take_any/any, take_anyif/anyif.
//
// Null handling follows the summarize operator's "default values of aggregations" table
// (learn.microsoft.com/kusto/query/summarize-operator): nulls are ignored, and a group with no
// value left gives count/countif/sum/sumif 0, while "all others" give null. avg() is the sum
// over the count, so over no values it is NaN (the page's own example: avg_x = NaN over an
// empty table); avg of decimal, datetime and timespan values has no NaN and gives null.
#include <cmath>
#include <limits>
#include <memory>

#include "huntdb/functions/kernels/accumulator_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"
#include "huntdb/functions/kernels/ordered_values.h"

namespace huntdb::functions {

namespace {

// count() counts rows; count(predicate), Kusto's obsolete spelling of countif, and countif count
// the rows where the predicate is true.
class CountAcc : public Accumulator {
 public:
  void resize(size_t n) override { counts_.resize(n, 0); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    if (a.size() == 0) {
      for (uint32_t g : groups) ++counts_[g];
      return;
    }
    BoolReader p(a[0]);
    for (size_t i = 0; i < groups.size(); ++i) counts_[groups[i]] += (!p.null(i) && p.get(i)) ? 1 : 0;
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<CountAcc&>(other);
    for (size_t g = 0; g < o.counts_.size(); ++g) counts_[mapping[g]] += o.counts_[g];
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    counts_.resize(n, 0);
    return {Column::make_longs(ScalarType::Long, counts_)};
  }

 private:
  std::vector<int64_t> counts_;
};

// sum and avg. Integers, datetimes and timespans add in 64 bits (wrapping as .NET's unchecked
// arithmetic does); reals and decimals in double.
class SumAcc : public Accumulator {
 public:
  SumAcc(const AggregateSpec& s, bool conditional, bool average)
      : value_type_(s.arg_types.empty() ? ScalarType::Real : s.arg_types[0]),
        result_(s.result_types.empty() ? ScalarType::Real : s.result_types[0]),
        integral_(value_type_ != ScalarType::Real && value_type_ != ScalarType::Decimal),
        conditional_(conditional),
        average_(average) {}
  void resize(size_t n) override {
    longs_.resize(n, 0);
    wide_.resize(n, 0);
    reals_.resize(n, 0);
    counts_.resize(n, 0);
  }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    Predicate p(a, conditional_ ? std::optional<size_t>(1) : std::nullopt);
    if (integral_) {
      LongReader r(a[0]);
      for (size_t i = 0; i < groups.size(); ++i) {
        if (r.null(i) || !p.pass(i)) continue;
        uint32_t g = groups[i];
        int64_t v = r.get(i);
        longs_[g] = static_cast<int64_t>(static_cast<uint64_t>(longs_[g]) + static_cast<uint64_t>(v));
        wide_[g] += v;
        ++counts_[g];
      }
    } else {
      RealReader r(a[0]);
      for (size_t i = 0; i < groups.size(); ++i) {
        if (r.null(i) || !p.pass(i)) continue;
        reals_[groups[i]] += r.get(i);
        ++counts_[groups[i]];
      }
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<SumAcc&>(other);
    for (size_t g = 0; g < o.counts_.size(); ++g) {
      uint32_t t = mapping[g];
      longs_[t] = static_cast<int64_t>(static_cast<uint64_t>(longs_[t]) + static_cast<uint64_t>(o.longs_[g]));
      wide_[t] += o.wide_[g];
      reals_[t] += o.reals_[g];
      counts_[t] += o.counts_[g];
    }
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    if (average_) return {average(n)};
    if (integral_) return {Column::make_longs(result_ == ScalarType::Int ? ScalarType::Long : result_, longs_)};
    return {Column::make_reals(result_ == ScalarType::Decimal ? ScalarType::Decimal : ScalarType::Real, reals_)};
  }

 private:
  ColumnPtr average(size_t n) {
    Validity valid;
    if (result_ == ScalarType::DateTime || result_ == ScalarType::TimeSpan) {
      // The exact mean of the ticks (a 128-bit sum cannot overflow), truncated toward zero.
      std::vector<int64_t> out(n, 0);
      for (size_t g = 0; g < n; ++g) {
        if (counts_[g] == 0) {
          valid.set(g, false);
          continue;
        }
        out[g] = static_cast<int64_t>(wide_[g] / counts_[g]);
      }
      return Column::make_longs(result_, std::move(out), std::move(valid));
    }
    std::vector<double> out(n, 0);
    for (size_t g = 0; g < n; ++g) {
      double sum = integral_ ? static_cast<double>(wide_[g]) : reals_[g];
      if (counts_[g] == 0) {
        if (result_ == ScalarType::Decimal) valid.set(g, false);
        out[g] = std::numeric_limits<double>::quiet_NaN();
        continue;
      }
      out[g] = sum / static_cast<double>(counts_[g]);
    }
    return Column::make_reals(result_ == ScalarType::Decimal ? ScalarType::Decimal : ScalarType::Real, std::move(out),
                              std::move(valid));
  }

  ScalarType value_type_;
  ScalarType result_;
  bool integral_;
  bool conditional_;
  bool average_;
  std::vector<int64_t> longs_;  // wrapping sums (what sum() returns)
  std::vector<__int128> wide_;  // exact sums (what avg() divides)
  std::vector<double> reals_;
  std::vector<int64_t> counts_;
};

// min / max / minif / maxif of any orderable type; null when the group has no value.
template <OrderClass K>
class ExtremeAcc : public Accumulator {
  using T = OrderTraits<K>;

 public:
  ExtremeAcc(const AggregateSpec& s, bool max, bool conditional)
      : type_(s.result_types.empty() ? ScalarType::Unknown : s.result_types[0]), max_(max), conditional_(conditional) {}
  void resize(size_t n) override { slots_.resize(n); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    Predicate p(a, conditional_ ? std::optional<size_t>(1) : std::nullopt);
    typename T::Reader r(a[0]);
    for (size_t i = 0; i < groups.size(); ++i) {
      if (T::null(r, i) || !p.pass(i)) continue;
      offer(groups[i], T::get(r, i));
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<ExtremeAcc&>(other);
    for (size_t g = 0; g < o.slots_.has.size(); ++g)
      if (o.slots_.has[g]) offer(mapping[g], o.slots_.value[g]);
  }
  std::vector<ColumnPtr> finish(size_t n) override { return {slots_.column(type_, n)}; }

 private:
  template <typename V>
  void offer(uint32_t g, const V& v) {
    if (slots_.has[g]) {
      int c = T::compare(v, slots_.value[g]);
      if (max_ ? c <= 0 : c >= 0) return;
    }
    T::store(slots_.value[g], v);
    slots_.has[g] = 1;
  }

  ScalarType type_;
  bool max_;
  bool conditional_;
  ExtremeSlots<K> slots_;
};

std::unique_ptr<Accumulator> make_extreme(const AggregateSpec& s, bool max, bool conditional) {
  switch (order_class(s.arg_types.empty() ? ScalarType::Long : s.arg_types[0])) {
    case OrderClass::Integer: return std::make_unique<ExtremeAcc<OrderClass::Integer>>(s, max, conditional);
    case OrderClass::Real: return std::make_unique<ExtremeAcc<OrderClass::Real>>(s, max, conditional);
    case OrderClass::String: return std::make_unique<ExtremeAcc<OrderClass::String>>(s, max, conditional);
  }
  return nullptr;
}

// take_any / any (one column per argument) and take_anyif / anyif (value, predicate): the values
// of one arbitrary row of the group. Kusto: "When the function is provided with a single column
// reference, it will attempt to return a non-null/non-empty value, if such value is present"
// (take-any-aggregation-function); with several values the row is kept whole, and a row
// without nulls is preferred.
class AnyAcc : public Accumulator {
 public:
  AnyAcc(const AggregateSpec& s, bool conditional)
      : types_(s.result_types), values_count_(conditional ? 1 : s.arg_types.size()), conditional_(conditional) {
    if (types_.size() > values_count_) types_.resize(values_count_);
  }
  void resize(size_t n) override {
    rows_.resize(n);
    complete_.resize(n, 0);
  }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    Predicate p(a, conditional_ ? std::optional<size_t>(1) : std::nullopt);
    for (size_t i = 0; i < groups.size(); ++i) {
      uint32_t g = groups[i];
      if (complete_[g] || !p.pass(i)) continue;
      std::vector<Value> row;
      row.reserve(values_count_);
      for (size_t k = 0; k < values_count_ && k < a.size(); ++k) row.push_back(row_value(a[k], i));
      offer(g, std::move(row));
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<AnyAcc&>(other);
    for (size_t g = 0; g < o.rows_.size(); ++g) {
      uint32_t t = mapping[g];
      if (complete_[t] || o.rows_[g].empty()) continue;
      offer(t, std::move(o.rows_[g]));
    }
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    std::vector<ColumnPtr> out;
    for (size_t k = 0; k < types_.size(); ++k) {
      ColumnBuilder b(types_[k], n);
      for (const auto& row : rows_) {
        if (k < row.size()) {
          b.append_value(row[k]);
        } else {
          b.append_null();
        }
      }
      out.push_back(b.finish());
    }
    return out;
  }

 private:
  static bool usable(const Value& v) { return !v.is_null() && !(v.type == ScalarType::String && v.as_string().empty()); }
  static bool complete(const std::vector<Value>& row) {
    for (const auto& v : row)
      if (!usable(v)) return false;
    return true;
  }
  void offer(uint32_t g, std::vector<Value> row) {
    bool whole = complete(row);
    if (rows_[g].empty() || whole) {
      rows_[g] = std::move(row);
      complete_[g] = whole;
    }
  }

  std::vector<ScalarType> types_;
  size_t values_count_;
  bool conditional_;
  std::vector<std::vector<Value>> rows_;
  std::vector<uint8_t> complete_;  // the group's row has every value: look no further
};

std::unique_ptr<Accumulator> make_count(const AggregateSpec&) { return std::make_unique<CountAcc>(); }
std::unique_ptr<Accumulator> make_sum(const AggregateSpec& s) { return std::make_unique<SumAcc>(s, false, false); }
std::unique_ptr<Accumulator> make_sumif(const AggregateSpec& s) { return std::make_unique<SumAcc>(s, true, false); }
std::unique_ptr<Accumulator> make_avg(const AggregateSpec& s) { return std::make_unique<SumAcc>(s, false, true); }
std::unique_ptr<Accumulator> make_avgif(const AggregateSpec& s) { return std::make_unique<SumAcc>(s, true, true); }
std::unique_ptr<Accumulator> make_min(const AggregateSpec& s) { return make_extreme(s, false, false); }
std::unique_ptr<Accumulator> make_max(const AggregateSpec& s) { return make_extreme(s, true, false); }
std::unique_ptr<Accumulator> make_minif(const AggregateSpec& s) { return make_extreme(s, false, true); }
std::unique_ptr<Accumulator> make_maxif(const AggregateSpec& s) { return make_extreme(s, true, true); }
std::unique_ptr<Accumulator> make_any(const AggregateSpec& s) { return std::make_unique<AnyAcc>(s, false); }
std::unique_ptr<Accumulator> make_anyif(const AggregateSpec& s) { return std::make_unique<AnyAcc>(s, true); }

constexpr AggregateTable kAggregates[] = {
    {"count", make_count}, {"countif", make_count},   {"sum", make_sum},     {"sumif", make_sumif},
    {"avg", make_avg},     {"avgif", make_avgif},     {"min", make_min},     {"max", make_max},
    {"minif", make_minif}, {"maxif", make_maxif},     {"take_any", make_any}, {"any", make_any},
    {"take_anyif", make_anyif}, {"anyif", make_anyif},
};

}  // namespace

void attach_aggregate_kernels(Registry& r) { r.attach(kAggregates); }

}  // namespace huntdb::functions
