// The everyday aggregates: count, countif, sum, sumif, avg, avgif, min, max, minif, maxif,
// take_any/any. Nulls are ignored; an aggregate over no values is null (count and countif are 0).
#include <memory>

#include "huntdb/functions/kernels/accumulator_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/kernel_util.h"

namespace huntdb::functions {

namespace {

// Whether row i passes the predicate argument (the last one of the *if forms).
struct Predicate {
  std::unique_ptr<BoolReader> r;
  Predicate(const KernelArgs& a, bool has) {
    if (has) r = std::make_unique<BoolReader>(a[a.size() - 1]);
  }
  bool pass(size_t i) const { return !r || (!r->null(i) && r->get(i)); }
};

class CountAcc : public Accumulator {
 public:
  CountAcc(bool conditional) : conditional_(conditional) {}
  void resize(size_t n) override { counts_.resize(n, 0); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    if (conditional_) {
      Predicate p(a, true);
      for (size_t i = 0; i < groups.size(); ++i) counts_[groups[i]] += p.pass(i) ? 1 : 0;
    } else if (a.size() == 1) {
      // count(x): rows where x is not null
      const Column& c = a[0];
      for (size_t i = 0; i < groups.size(); ++i) counts_[groups[i]] += c.is_null(i) ? 0 : 1;
    } else {
      for (uint32_t g : groups) ++counts_[g];
    }
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
  bool conditional_;
  std::vector<int64_t> counts_;
};

// sum and avg: integers add in 64 bits, everything else in double.
class SumAcc : public Accumulator {
 public:
  SumAcc(const AggregateSpec& s, bool conditional, bool average)
      : result_(s.result_types.empty() ? ScalarType::Real : s.result_types[0]),
        integral_(!average && (result_ == ScalarType::Long || result_ == ScalarType::Int || result_ == ScalarType::TimeSpan ||
                               result_ == ScalarType::DateTime)),
        conditional_(conditional),
        average_(average) {}
  void resize(size_t n) override {
    longs_.resize(n, 0);
    reals_.resize(n, 0);
    counts_.resize(n, 0);
  }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    Predicate p(a, conditional_);
    if (integral_) {
      LongReader r(a[0]);
      for (size_t i = 0; i < groups.size(); ++i) {
        if (r.null(i) || !p.pass(i)) continue;
        longs_[groups[i]] = static_cast<int64_t>(static_cast<uint64_t>(longs_[groups[i]]) + static_cast<uint64_t>(r.get(i)));
        ++counts_[groups[i]];
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
      longs_[mapping[g]] += o.longs_[g];
      reals_[mapping[g]] += o.reals_[g];
      counts_[mapping[g]] += o.counts_[g];
    }
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    Validity valid;
    for (size_t g = 0; g < n; ++g)
      if (counts_[g] == 0) valid.set(g, false);
    if (average_) {
      std::vector<double> out(n);
      for (size_t g = 0; g < n; ++g) out[g] = counts_[g] ? reals_[g] / static_cast<double>(counts_[g]) : 0;
      return {Column::make_reals(ScalarType::Real, std::move(out), std::move(valid))};
    }
    if (integral_) {
      ScalarType t = result_ == ScalarType::Int ? ScalarType::Long : result_;
      return {Column::make_longs(t, longs_, std::move(valid))};
    }
    return {Column::make_reals(result_ == ScalarType::Decimal ? ScalarType::Decimal : ScalarType::Real, reals_, std::move(valid))};
  }

 private:
  ScalarType result_;
  bool integral_;
  bool conditional_;
  bool average_;
  std::vector<int64_t> longs_;
  std::vector<double> reals_;
  std::vector<int64_t> counts_;
};

// min / max of any orderable type.
class ExtremeAcc : public Accumulator {
 public:
  ExtremeAcc(const AggregateSpec& s, bool max, bool conditional)
      : type_(s.result_types.empty() ? ScalarType::Unknown : s.result_types[0]), max_(max), conditional_(conditional) {}
  void resize(size_t n) override { best_.resize(n); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    Predicate p(a, conditional_);
    const Column& c = a[0];
    for (size_t i = 0; i < groups.size(); ++i) {
      if (!p.pass(i)) continue;
      Value v = row_value(c, i);
      if (v.is_null()) continue;
      offer(best_[groups[i]], v);
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<ExtremeAcc&>(other);
    for (size_t g = 0; g < o.best_.size(); ++g)
      if (o.best_[g]) offer(best_[mapping[g]], *o.best_[g]);
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    ColumnBuilder b(type_, n);
    for (const auto& v : best_) {
      if (v) {
        b.append_value(*v);
      } else {
        b.append_null();
      }
    }
    return {b.finish()};
  }

 private:
  void offer(std::optional<Value>& slot, const Value& v) {
    if (!slot) {
      slot = v;
      return;
    }
    int c = compare_for_order(v, *slot);
    if (max_ ? c > 0 : c < 0) slot = v;
  }
  ScalarType type_;
  bool max_;
  bool conditional_;
  std::vector<std::optional<Value>> best_;
};

// take_any / any: the first non-null value met.
class AnyAcc : public Accumulator {
 public:
  explicit AnyAcc(const AggregateSpec& s) : types_(s.result_types) {}
  void resize(size_t n) override {
    values_.resize(n);
    seen_.resize(n, UINT64_MAX);
  }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    for (size_t i = 0; i < groups.size(); ++i) {
      auto& slot = values_[groups[i]];
      if (!slot.empty() && !any_null(slot)) continue;
      std::vector<Value> row;
      for (size_t k = 0; k < a.size(); ++k) row.push_back(row_value(a[k], i));
      if (slot.empty() || (any_null(slot) && !any_null(row))) slot = std::move(row);
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<AnyAcc&>(other);
    for (size_t g = 0; g < o.values_.size(); ++g) {
      auto& slot = values_[mapping[g]];
      if (o.values_[g].empty()) continue;
      if (slot.empty() || (any_null(slot) && !any_null(o.values_[g]))) slot = o.values_[g];
    }
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    std::vector<ColumnPtr> out;
    for (size_t k = 0; k < types_.size(); ++k) {
      ColumnBuilder b(types_[k], n);
      for (const auto& slot : values_) {
        if (k < slot.size()) {
          b.append_value(slot[k]);
        } else {
          b.append_null();
        }
      }
      out.push_back(b.finish());
    }
    return out;
  }

 private:
  static bool any_null(const std::vector<Value>& row) {
    for (const auto& v : row)
      if (v.is_null()) return true;
    return false;
  }
  std::vector<ScalarType> types_;
  std::vector<std::vector<Value>> values_;
  std::vector<uint64_t> seen_;
};

std::unique_ptr<Accumulator> make_count(const AggregateSpec&) { return std::make_unique<CountAcc>(false); }
std::unique_ptr<Accumulator> make_countif(const AggregateSpec&) { return std::make_unique<CountAcc>(true); }
std::unique_ptr<Accumulator> make_sum(const AggregateSpec& s) { return std::make_unique<SumAcc>(s, false, false); }
std::unique_ptr<Accumulator> make_sumif(const AggregateSpec& s) { return std::make_unique<SumAcc>(s, true, false); }
std::unique_ptr<Accumulator> make_avg(const AggregateSpec& s) { return std::make_unique<SumAcc>(s, false, true); }
std::unique_ptr<Accumulator> make_avgif(const AggregateSpec& s) { return std::make_unique<SumAcc>(s, true, true); }
std::unique_ptr<Accumulator> make_min(const AggregateSpec& s) { return std::make_unique<ExtremeAcc>(s, false, false); }
std::unique_ptr<Accumulator> make_max(const AggregateSpec& s) { return std::make_unique<ExtremeAcc>(s, true, false); }
std::unique_ptr<Accumulator> make_minif(const AggregateSpec& s) { return std::make_unique<ExtremeAcc>(s, false, true); }
std::unique_ptr<Accumulator> make_maxif(const AggregateSpec& s) { return std::make_unique<ExtremeAcc>(s, true, true); }
std::unique_ptr<Accumulator> make_any(const AggregateSpec& s) { return std::make_unique<AnyAcc>(s); }

constexpr AggregateTable kAggregates[] = {
    {"count", make_count},   {"countif", make_countif}, {"sum", make_sum},     {"sumif", make_sumif},
    {"avg", make_avg},       {"avgif", make_avgif},     {"min", make_min},     {"max", make_max},
    {"minif", make_minif},   {"maxif", make_maxif},     {"take_any", make_any}, {"any", make_any},
};

}  // namespace

void attach_aggregate_kernels(Registry& r) { r.attach(kAggregates); }

}  // namespace huntdb::functions
