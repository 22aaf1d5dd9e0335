// Percentile aggregates: percentile, percentiles, percentilew, percentilesw (one column per
// percentile), percentiles_array, percentilesw_array (one dynamic array), and the sketch
// aggregates tdigest and tdigest_merge / merge_tdigest. The estimates come from tdigest.h.
//
// learn.microsoft.com/kusto/query/percentiles-aggregation-function: nearest-rank percentiles;
// nulls are ignored; the *w forms weigh each value by an integer weight (rows with a null or
// non-positive weight count for nothing; percentilesw example: buckets 10, 20, 30, 40 with
// weights 8, 6, 3, 1 give [20, 20, 40] for 50, 75, 99.9). Over no values the result is null
// ("all others" in the summarize operator's default values table), as is tdigest().
#include <memory>

#include "huntdb/functions/kernels/accumulator_util.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/tdigest.h"

namespace huntdb::functions {

namespace {

bool digestible(ScalarType t) {
  switch (t) {
    case ScalarType::Int:
    case ScalarType::Long:
    case ScalarType::Real:
    case ScalarType::Decimal:
    case ScalarType::DateTime:
    case ScalarType::TimeSpan: return true;
    default: return false;
  }
}

// A percentile listed in a dynamic array: a long or a real (accessors of other kinds give 0).
double percent_of(const DynValue& v) {
  return v.kind() == DynValue::Kind::Long ? static_cast<double>(v.as_long()) : v.as_real();
}

// Digests per group, fed with (value, weight) rows.
class DigestGroups {
 public:
  void resize(size_t n) { digests_.resize(n); }
  void add(const KernelArgs& a, std::span<const uint32_t> groups, std::optional<size_t> weight_index,
           std::optional<size_t> predicate_index = std::nullopt) {
    if (!digestible(a[0].type())) return;
    Predicate p(a, predicate_index);
    RealReader as_real(a[0]);
    bool integral = a[0].type() != ScalarType::Real && a[0].type() != ScalarType::Decimal;
    LongReader as_long(integral ? a[0] : *kNoLongs);
    std::unique_ptr<LongReader> weights;
    if (weight_index && *weight_index < a.size()) weights = std::make_unique<LongReader>(a[*weight_index]);
    for (size_t i = 0; i < groups.size(); ++i) {
      if (as_real.null(i) || !p.pass(i)) continue;
      double w = 1;
      if (weights) {
        if (weights->null(i)) continue;
        w = static_cast<double>(weights->get(i));
        if (w <= 0) continue;
      }
      long double v = integral ? static_cast<long double>(as_long.get(i)) : static_cast<long double>(as_real.get(i));
      digests_[groups[i]].add(v, w);
    }
  }
  void merge(DigestGroups& other, std::span<const uint32_t> mapping) {
    for (size_t g = 0; g < other.digests_.size(); ++g) digests_[mapping[g]].merge(other.digests_[g]);
  }
  TDigest& at(size_t g) { return digests_[g]; }

 private:
  static inline const ColumnPtr kNoLongs = Column::make_nulls(ScalarType::Long, 0);
  std::vector<TDigest> digests_;
};

class PercentileAcc : public Accumulator {
 public:
  PercentileAcc(const AggregateSpec& spec, bool weighted, bool as_array)
      : value_type_(spec.arg_types.empty() ? ScalarType::Long : spec.arg_types[0]),
        result_types_(spec.result_types),
        weight_index_(weighted ? std::optional<size_t>(1) : std::nullopt),
        as_array_(as_array) {
    size_t first = weighted ? 2 : 1;
    for (size_t i = first; i < spec.constants.size(); ++i) {
      const auto& c = spec.constants[i];
      if (!c) throw KernelError("The percentiles must be constants.");
      if (c->type == ScalarType::Dynamic && c->as_dynamic() && c->as_dynamic()->is_array()) {
        for (const auto& el : c->as_dynamic()->elements()) percents_.push_back(el ? percent_of(*el) : 0);
        continue;
      }
      percents_.push_back(c->is_null() ? 0 : RealReader::value_as_real(*c));
    }
  }
  void resize(size_t n) override { groups_.resize(n); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override { groups_.add(a, groups, weight_index_); }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    groups_.merge(static_cast<PercentileAcc&>(other).groups_, mapping);
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    if (as_array_) {
      std::vector<DynamicPtr> out(n);
      for (size_t g = 0; g < n; ++g) {
        const TDigest& d = groups_.at(g);
        if (d.empty()) continue;
        DynValue::Elements values;
        for (double p : percents_) values.push_back(digest_value_dynamic(d.percentile(p), value_type_));
        out[g] = DynValue::of_array(std::move(values));
      }
      return {Column::make_dynamics(std::move(out))};
    }
    std::vector<ColumnPtr> out;
    for (size_t k = 0; k < percents_.size(); ++k) {
      ScalarType t = k < result_types_.size() ? result_types_[k] : ScalarType::Real;
      ColumnBuilder b(t, n);
      for (size_t g = 0; g < n; ++g) {
        const TDigest& d = groups_.at(g);
        if (d.empty()) {
          b.append_null();
          continue;
        }
        long double v = d.percentile(percents_[k]);
        switch (t) {
          case ScalarType::Real:
          case ScalarType::Decimal: b.append_real(static_cast<double>(v)); break;
          case ScalarType::Int:
          case ScalarType::Long:
          case ScalarType::DateTime:
          case ScalarType::TimeSpan: b.append_long(std::llround(v)); break;
          default: b.append_null(); break;
        }
      }
      out.push_back(b.finish());
    }
    return out;
  }

 private:
  ScalarType value_type_;
  std::vector<ScalarType> result_types_;
  std::optional<size_t> weight_index_;
  bool as_array_;
  std::vector<double> percents_;
  DigestGroups groups_;
};

// tdigest(expr [, weight]): the group's digest as a dynamic value.
class DigestAcc : public Accumulator {
 public:
  explicit DigestAcc(const AggregateSpec& spec)
      : value_type_(spec.arg_types.empty() ? ScalarType::Long : spec.arg_types[0]),
        weight_index_(spec.arg_types.size() > 1 ? std::optional<size_t>(1) : std::nullopt) {}
  void resize(size_t n) override { groups_.resize(n); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override { groups_.add(a, groups, weight_index_); }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    groups_.merge(static_cast<DigestAcc&>(other).groups_, mapping);
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    std::vector<DynamicPtr> out(n);
    for (size_t g = 0; g < n; ++g)
      if (!groups_.at(g).empty()) out[g] = groups_.at(g).to_dynamic(value_type_);
    return {Column::make_dynamics(std::move(out))};
  }

 private:
  ScalarType value_type_;
  std::optional<size_t> weight_index_;
  DigestGroups groups_;
};

// tdigest_merge / merge_tdigest (aggregate): the union of the group's digests. Values that are
// not digests, and digests of another value type than the group's first, are ignored.
class DigestMergeAcc : public Accumulator {
 public:
  void resize(size_t n) override { groups_.resize(n); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    DynamicReader r(a[0]);
    for (size_t i = 0; i < groups.size(); ++i) {
      const DynValue* v = r.get(i);
      if (!v || v->is_null()) continue;
      auto parsed = TDigest::from_dynamic(*v);
      if (parsed) offer(groups[i], parsed->first, parsed->second);
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<DigestMergeAcc&>(other);
    for (size_t g = 0; g < o.groups_.size(); ++g)
      if (o.groups_[g].type) offer(mapping[g], o.groups_[g].digest, *o.groups_[g].type);
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    std::vector<DynamicPtr> out(n);
    for (size_t g = 0; g < n; ++g)
      if (groups_[g].type && !groups_[g].digest.empty()) out[g] = groups_[g].digest.to_dynamic(*groups_[g].type);
    return {Column::make_dynamics(std::move(out))};
  }

 private:
  struct Group {
    std::optional<ScalarType> type;
    TDigest digest;
  };
  void offer(uint32_t g, const TDigest& d, ScalarType type) {
    Group& group = groups_[g];
    if (!group.type) group.type = type;
    if (*group.type == type) group.digest.merge(d);
  }
  std::vector<Group> groups_;
};

std::unique_ptr<Accumulator> make_percentile(const AggregateSpec& s) {
  return std::make_unique<PercentileAcc>(s, false, false);
}
std::unique_ptr<Accumulator> make_percentilew(const AggregateSpec& s) {
  return std::make_unique<PercentileAcc>(s, true, false);
}
std::unique_ptr<Accumulator> make_percentiles_array(const AggregateSpec& s) {
  return std::make_unique<PercentileAcc>(s, false, true);
}
std::unique_ptr<Accumulator> make_percentilesw_array(const AggregateSpec& s) {
  return std::make_unique<PercentileAcc>(s, true, true);
}
std::unique_ptr<Accumulator> make_tdigest(const AggregateSpec& s) { return std::make_unique<DigestAcc>(s); }
std::unique_ptr<Accumulator> make_tdigest_merge(const AggregateSpec&) { return std::make_unique<DigestMergeAcc>(); }

constexpr AggregateTable kAggregates[] = {
    {"percentile", make_percentile},
    {"percentiles", make_percentile},
    {"percentilew", make_percentilew},
    {"percentilesw", make_percentilew},
    {"percentiles_array", make_percentiles_array},
    {"percentilesw_array", make_percentilesw_array},
    {"tdigest", make_tdigest},
    {"tdigest_merge", make_tdigest_merge},
    {"merge_tdigest", make_tdigest_merge},
};

}  // namespace

void attach_percentile_kernels(Registry& r) { r.attach(kAggregates); }

}  // namespace huntdb::functions
