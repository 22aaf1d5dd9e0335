// Statistics: stdev, stdevif, stdevp, variance, varianceif, variancep, variancepif, covariance,
// covarianceif, covariancep, covariancepif; and the bitwise binary_all_and/or/xor.
//
// Moments are kept per group as (count, mean, sum of squared deviations) and combined with
// Chan et al.'s pairwise update, so partial results of several workers merge exactly. Datetime
// and timespan values count in ticks.
// - Sample statistics divide by n - 1 (stdev-aggregation-function: stdev(1..5) = 1.58113883008419;
//   variance-aggregation-function: variance(1..5) = 2.5); with fewer than two values they are 0,
//   the default the summarize operator's table gives variance, varianceif, stdev and stdevif.
// - Population statistics divide by n (variancep(1..5) = 2, covariancep example = 16.4); with no
//   value they are null ("all others" in that table).
// - binary_all_*: nulls are ignored; null when the group has no value.
#include <cmath>
#include <memory>

#include "huntdb/functions/kernels/accumulator_util.h"
#include "huntdb/functions/kernels/families.h"

namespace huntdb::functions {

namespace {

enum class Statistic : uint8_t { Variance, Stdev, Covariance };

struct Moments {
  double n = 0;
  double mean_x = 0;
  double mean_y = 0;
  double m2 = 0;  // sum of (x - mean_x)^2, or of (x - mean_x)(y - mean_y) for covariance

  void add(double x, double y) {
    n += 1;
    double dx = x - mean_x;
    mean_x += dx / n;
    mean_y += (y - mean_y) / n;
    m2 += dx * (y - mean_y);  // with y = x this is Welford's dx * (x - new mean)
  }
  void merge(const Moments& o) {
    if (o.n == 0) return;
    if (n == 0) {
      *this = o;
      return;
    }
    double total = n + o.n;
    double dx = o.mean_x - mean_x, dy = o.mean_y - mean_y;
    m2 += o.m2 + dx * dy * n * o.n / total;
    mean_x += dx * o.n / total;
    mean_y += dy * o.n / total;
    n = total;
  }
};

class MomentsAcc : public Accumulator {
 public:
  MomentsAcc(Statistic stat, bool population, bool conditional)
      : stat_(stat), population_(population), conditional_(conditional) {}
  void resize(size_t n) override { groups_.resize(n); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    bool two = stat_ == Statistic::Covariance;
    size_t pred = two ? 2 : 1;
    Predicate p(a, conditional_ ? std::optional<size_t>(pred) : std::nullopt);
    RealReader x(a[0]);
    RealReader y(a[two ? 1 : 0]);
    for (size_t i = 0; i < groups.size(); ++i) {
      if (x.null(i) || y.null(i) || !p.pass(i)) continue;
      double xv = x.get(i);
      groups_[groups[i]].add(xv, two ? y.get(i) : xv);
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<MomentsAcc&>(other);
    for (size_t g = 0; g < o.groups_.size(); ++g) groups_[mapping[g]].merge(o.groups_[g]);
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    std::vector<double> out(n, 0);
    Validity valid;
    for (size_t g = 0; g < n; ++g) {
      const Moments& m = groups_[g];
      double v;
      if (population_) {
        if (m.n == 0) {
          valid.set(g, false);
          continue;
        }
        v = m.m2 / m.n;
      } else {
        v = m.n < 2 ? 0 : m.m2 / (m.n - 1);
      }
      if (stat_ == Statistic::Variance && v < 0) v = 0;  // rounding can leave -0.0000001
      out[g] = stat_ == Statistic::Stdev ? std::sqrt(std::max(v, 0.0)) : v;
    }
    return {Column::make_reals(ScalarType::Real, std::move(out), std::move(valid))};
  }

 private:
  Statistic stat_;
  bool population_;
  bool conditional_;
  std::vector<Moments> groups_;
};

enum class BitOp : uint8_t { And, Or, Xor };

class BinaryAllAcc : public Accumulator {
 public:
  BinaryAllAcc(const AggregateSpec& s, BitOp op)
      : type_(s.result_types.empty() ? ScalarType::Long : s.result_types[0]), op_(op) {}
  void resize(size_t n) override {
    values_.resize(n, op_ == BitOp::And ? ~uint64_t{0} : 0);
    has_.resize(n, 0);
  }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    LongReader r(a[0]);
    for (size_t i = 0; i < groups.size(); ++i) {
      if (r.null(i)) continue;
      apply(groups[i], static_cast<uint64_t>(r.get(i)));
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<BinaryAllAcc&>(other);
    for (size_t g = 0; g < o.values_.size(); ++g)
      if (o.has_[g]) apply(mapping[g], o.values_[g]);
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    Validity valid;
    for (size_t g = 0; g < n; ++g)
      if (!has_[g]) valid.set(g, false);
    if (type_ == ScalarType::Int) {
      std::vector<int32_t> out(n);
      for (size_t g = 0; g < n; ++g) out[g] = static_cast<int32_t>(static_cast<uint32_t>(values_[g]));
      return {Column::make_ints(std::move(out), std::move(valid))};
    }
    std::vector<int64_t> out(n);
    for (size_t g = 0; g < n; ++g) out[g] = static_cast<int64_t>(values_[g]);
    return {Column::make_longs(type_, std::move(out), std::move(valid))};
  }

 private:
  void apply(uint32_t g, uint64_t v) {
    switch (op_) {
      case BitOp::And: values_[g] &= v; break;
      case BitOp::Or: values_[g] |= v; break;
      case BitOp::Xor: values_[g] ^= v; break;
    }
    has_[g] = 1;
  }

  ScalarType type_;
  BitOp op_;
  std::vector<uint64_t> values_;
  std::vector<uint8_t> has_;
};

template <Statistic S, bool Population, bool Conditional>
std::unique_ptr<Accumulator> make_moments(const AggregateSpec&) {
  return std::make_unique<MomentsAcc>(S, Population, Conditional);
}

template <BitOp Op>
std::unique_ptr<Accumulator> make_binary_all(const AggregateSpec& s) {
  return std::make_unique<BinaryAllAcc>(s, Op);
}

constexpr AggregateTable kAggregates[] = {
    {"stdev", make_moments<Statistic::Stdev, false, false>},
    {"stdevif", make_moments<Statistic::Stdev, false, true>},
    {"stdevp", make_moments<Statistic::Stdev, true, false>},
    {"variance", make_moments<Statistic::Variance, false, false>},
    {"varianceif", make_moments<Statistic::Variance, false, true>},
    {"variancep", make_moments<Statistic::Variance, true, false>},
    {"variancepif", make_moments<Statistic::Variance, true, true>},
    {"covariance", make_moments<Statistic::Covariance, false, false>},
    {"covarianceif", make_moments<Statistic::Covariance, false, true>},
    {"covariancep", make_moments<Statistic::Covariance, true, false>},
    {"covariancepif", make_moments<Statistic::Covariance, true, true>},
    {"binary_all_and", make_binary_all<BitOp::And>},
    {"binary_all_or", make_binary_all<BitOp::Or>},
    {"binary_all_xor", make_binary_all<BitOp::Xor>},
};

}  // namespace

void attach_statistics_kernels(Registry& r) { r.attach(kAggregates); }

}  // namespace huntdb::functions
