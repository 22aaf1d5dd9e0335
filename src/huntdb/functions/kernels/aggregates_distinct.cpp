// Distinct counts: dcount, dcountif (HyperLogLog estimates, hll_sketch.h), count_distinct,
// count_distinctif (exact), and the sketch aggregates hll, hll_if, hll_merge.
//
// learn.microsoft.com/kusto/query/dcount-aggregation-function: nulls are ignored; accuracy 0..4
// (default 1) trades memory for error; over no values dcount is 0 (summarize operator's default
// values). hll() over no values is null (the summarize operator page's example: hll_x is empty
// over an empty table).
#include <memory>

#include "huntdb/functions/kernels/accumulator_util.h"
#include "huntdb/functions/kernels/element_store.h"
#include "huntdb/functions/kernels/families.h"
#include "huntdb/functions/kernels/hll_sketch.h"
#include "huntdb/functions/kernels/value_keys.h"

namespace huntdb::functions {

namespace {

// Sketches per group, made on first use (most groups of a wide summarize never need one).
class SketchGroups {
 public:
  explicit SketchGroups(int precision) : precision_(precision) {}
  void resize(size_t n) { sketches_.resize(n); }
  HllSketch& at(uint32_t g) {
    if (!sketches_[g]) sketches_[g] = std::make_unique<HllSketch>(precision_);
    return *sketches_[g];
  }
  const HllSketch* get(size_t g) const { return g < sketches_.size() ? sketches_[g].get() : nullptr; }
  void merge(SketchGroups& other, std::span<const uint32_t> mapping) {
    for (size_t g = 0; g < other.sketches_.size(); ++g) {
      auto& theirs = other.sketches_[g];
      if (!theirs) continue;
      auto& mine = sketches_[mapping[g]];
      if (!mine) {
        mine = std::move(theirs);
      } else {
        mine->merge(*theirs);
      }
    }
  }

 private:
  int precision_;
  std::vector<std::unique_ptr<HllSketch>> sketches_;
};

int precision_of(const AggregateSpec& spec, size_t accuracy_index) {
  return HllSketch::precision_for_accuracy(
      constant_long(spec, accuracy_index).value_or(HllSketch::kDefaultAccuracy));
}

// dcount, dcountif (a long estimate) and hll, hll_if (the sketch itself).
class HllAcc : public Accumulator {
 public:
  HllAcc(const AggregateSpec& spec, bool conditional, bool sketch_result)
      : predicate_(conditional ? std::optional<size_t>(1) : std::nullopt),
        sketch_result_(sketch_result),
        groups_(precision_of(spec, conditional ? 2 : 1)) {}
  void resize(size_t n) override { groups_.resize(n); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    Predicate p(a, predicate_);
    ValueKeys values(a[0]);
    for (size_t i = 0; i < groups.size(); ++i) {
      if (values.null(i) || !p.pass(i)) continue;
      groups_.at(groups[i]).add(values.hash(i));
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    groups_.merge(static_cast<HllAcc&>(other).groups_, mapping);
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    groups_.resize(n);
    if (sketch_result_) {
      std::vector<DynamicPtr> out(n);
      for (size_t g = 0; g < n; ++g)
        if (const HllSketch* s = groups_.get(g)) out[g] = s->to_dynamic();
      return {Column::make_dynamics(std::move(out))};
    }
    std::vector<int64_t> out(n, 0);
    for (size_t g = 0; g < n; ++g)
      if (const HllSketch* s = groups_.get(g)) out[g] = static_cast<int64_t>(s->estimate());
    return {Column::make_longs(ScalarType::Long, std::move(out))};
  }

 private:
  std::optional<size_t> predicate_;
  bool sketch_result_;
  SketchGroups groups_;
};

// hll_merge (aggregate): the union of the group's sketches; values that are not sketches are
// ignored.
class HllMergeAcc : public Accumulator {
 public:
  HllMergeAcc() : groups_(HllSketch::precision_for_accuracy(4)) {}
  void resize(size_t n) override { groups_.resize(n); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    DynamicReader r(a[0]);
    for (size_t i = 0; i < groups.size(); ++i) {
      const DynValue* v = r.get(i);
      if (!v || v->is_null()) continue;
      auto sketch = HllSketch::from_dynamic(*v);
      if (!sketch) continue;
      HllSketch& into = groups_.at(groups[i]);
      // A group's sketch starts at the highest precision; merging lowers it to the inputs'.
      into.merge(*sketch);
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    groups_.merge(static_cast<HllMergeAcc&>(other).groups_, mapping);
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    groups_.resize(n);
    std::vector<DynamicPtr> out(n);
    for (size_t g = 0; g < n; ++g)
      if (const HllSketch* s = groups_.get(g)) out[g] = s->to_dynamic();
    return {Column::make_dynamics(std::move(out))};
  }

 private:
  SketchGroups groups_;
};

// count_distinct, count_distinctif: the exact number of distinct keys, kept for all groups in one
// indexed store (element_store.h).
class CountDistinctAcc : public Accumulator {
 public:
  CountDistinctAcc(const AggregateSpec& spec, bool conditional)
      : predicate_(conditional ? std::optional<size_t>(1) : std::nullopt),
        keys_(spec.arg_types.empty() ? ScalarType::Unknown : spec.arg_types[0], true) {}
  void resize(size_t n) override { counts_.resize(n, 0); }
  void update(std::span<const uint32_t> groups, const KernelArgs& a) override {
    Predicate p(a, predicate_);
    ValueKeys values(a[0]);
    const uint32_t* codes = cache_.codes_of(a.ptr(0));
    for (size_t i = 0; i < groups.size(); ++i) {
      if (values.null(i) || !p.pass(i)) continue;
      if (codes) {
        if (cache_.contains(groups[i], codes[i])) continue;
        cache_.add(groups[i], codes[i]);
      }
      std::string_view k = values.key(i);
      if (keys_.find(groups[i], k) >= 0) continue;
      keys_.add(groups[i], 0, 0, k, nullptr);
      ++counts_[groups[i]];
    }
  }
  void merge(Accumulator& other, std::span<const uint32_t> mapping) override {
    auto& o = static_cast<CountDistinctAcc&>(other);
    for (size_t k = 0; k < o.keys_.size(); ++k) {
      const auto& e = o.keys_.at(k);
      uint32_t g = mapping[e.group];
      std::string_view key = o.keys_.key(e);
      if (keys_.find(g, key) >= 0) continue;
      keys_.add(g, 0, 0, key, nullptr);
      ++counts_[g];
    }
    o.keys_.clear();  // merged partials are not used again
  }
  std::vector<ColumnPtr> finish(size_t n) override {
    resize(n);
    return {Column::make_longs(ScalarType::Long, std::vector<int64_t>(counts_.begin(), counts_.end()))};
  }

 private:
  std::optional<size_t> predicate_;
  ElementStore keys_;
  DictionaryCodeCache cache_;
  std::vector<int64_t> counts_;
};

std::unique_ptr<Accumulator> make_dcount(const AggregateSpec& s) { return std::make_unique<HllAcc>(s, false, false); }
std::unique_ptr<Accumulator> make_dcountif(const AggregateSpec& s) { return std::make_unique<HllAcc>(s, true, false); }
std::unique_ptr<Accumulator> make_hll(const AggregateSpec& s) { return std::make_unique<HllAcc>(s, false, true); }
std::unique_ptr<Accumulator> make_hll_if(const AggregateSpec& s) { return std::make_unique<HllAcc>(s, true, true); }
std::unique_ptr<Accumulator> make_hll_merge(const AggregateSpec&) { return std::make_unique<HllMergeAcc>(); }
std::unique_ptr<Accumulator> make_count_distinct(const AggregateSpec& s) {
  return std::make_unique<CountDistinctAcc>(s, false);
}
std::unique_ptr<Accumulator> make_count_distinctif(const AggregateSpec& s) {
  return std::make_unique<CountDistinctAcc>(s, true);
}

constexpr AggregateTable kAggregates[] = {
    {"dcount", make_dcount},
    {"dcountif", make_dcountif},
    {"hll", make_hll},
    {"hll_if", make_hll_if},
    {"hll_merge", make_hll_merge},
    {"count_distinct", make_count_distinct},
    {"count_distinctif", make_count_distinctif},
};

}  // namespace

void attach_distinct_kernels(Registry& r) { r.attach(kAggregates); }

}  // namespace huntdb::functions
