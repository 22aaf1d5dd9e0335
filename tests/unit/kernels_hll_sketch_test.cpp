// The HyperLogLog sketch behind dcount() and hll() (src/huntdb/functions/kernels/hll_sketch.cpp):
// exact counts for small sets, errors within the documented accuracy levels (dcount-aggregation-
// function, "Estimation accuracy"), merges equal to the union, and its dynamic encoding.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "huntdb/functions/kernels/hll_sketch.h"
#include "huntdb/functions/kernels/value_keys.h"

namespace huntdb::functions {
namespace {

uint64_t hash_of(int64_t v) {
  return stable_hash(std::string_view(reinterpret_cast<const char*>(&v), sizeof v));
}

HllSketch sketch_of(int64_t from, int64_t to, int accuracy = 1) {
  HllSketch s(HllSketch::precision_for_accuracy(accuracy));
  for (int64_t v = from; v <= to; ++v) s.add(hash_of(v));
  return s;
}

TEST(HllSketch, PrecisionPerAccuracyLevel) {
  EXPECT_EQ(HllSketch::precision_for_accuracy(0), 12);
  EXPECT_EQ(HllSketch::precision_for_accuracy(1), 14);
  EXPECT_EQ(HllSketch::precision_for_accuracy(2), 16);
  EXPECT_EQ(HllSketch::precision_for_accuracy(3), 17);
  EXPECT_EQ(HllSketch::precision_for_accuracy(4), 18);
  EXPECT_EQ(HllSketch::precision_for_accuracy(9), 14);  // out of range: the default
}

TEST(HllSketch, SmallSetsAreExact) {
  // docs: at level 1 up to 1000 values, at level 2 up to 8000, are counted exactly.
  EXPECT_EQ(sketch_of(1, 1000).estimate(), 1000u);
  EXPECT_TRUE(sketch_of(1, 1000).exact());
  EXPECT_EQ(sketch_of(1, 8000, 2).estimate(), 8000u);
  HllSketch dup = sketch_of(1, 10);
  for (int k = 0; k < 5; ++k) dup.add(hash_of(3));
  EXPECT_EQ(dup.estimate(), 10u);
  EXPECT_EQ(HllSketch().estimate(), 0u);
}

TEST(HllSketch, ErrorsWithinTheDocumentedLevels) {
  // docs: standard errors 1.6%, 0.8%, 0.4%, 0.28%, 0.2%; allow three of them.
  const double sigma[] = {0.016, 0.008, 0.004, 0.0028, 0.002};
  for (int64_t n : {20000, 300000}) {
    for (int level = 0; level <= 4; ++level) {
      double estimate = static_cast<double>(sketch_of(1, n, level).estimate());
      EXPECT_LT(std::abs(estimate - static_cast<double>(n)) / static_cast<double>(n), 3 * sigma[level])
          << "n=" << n << " level=" << level << " estimate=" << estimate;
    }
  }
}

TEST(HllSketch, MergeIsTheUnion) {
  for (int64_t split : {int64_t{500}, int64_t{60000}}) {
    HllSketch left = sketch_of(1, split);
    HllSketch right = sketch_of(split / 2, 2 * split);  // overlaps the left half
    HllSketch both = sketch_of(1, 2 * split);
    left.merge(right);
    EXPECT_EQ(left.estimate(), both.estimate()) << split;
  }
  // An exact sketch merged into a dense one, and the other way round.
  HllSketch dense = sketch_of(1, 50000);
  HllSketch small = sketch_of(49990, 50010);
  HllSketch a = dense, b = small;
  a.merge(small);
  b.merge(dense);
  EXPECT_EQ(a.estimate(), sketch_of(1, 50010).estimate());
  EXPECT_EQ(b.estimate(), a.estimate());
}

TEST(HllSketch, MergingPrecisionsFoldsToTheLowerOne) {
  HllSketch fine = sketch_of(1, 100000, 4);
  HllSketch coarse = sketch_of(100001, 200000, 0);
  fine.merge(coarse);
  EXPECT_EQ(fine.precision(), 12);
  double estimate = static_cast<double>(fine.estimate());
  EXPECT_LT(std::abs(estimate - 200000) / 200000, 3 * 0.016);
  // Folding a sketch alone keeps its estimate close to the one made at the lower precision.
  HllSketch folded = sketch_of(1, 100000, 4);
  folded.merge(HllSketch(12));
  EXPECT_EQ(folded.estimate(), sketch_of(1, 100000, 0).estimate());
}

TEST(HllSketch, DynamicEncodingRoundTrips) {
  for (int64_t n : {int64_t{0}, int64_t{3}, int64_t{5000}}) {
    HllSketch s = sketch_of(1, n);
    DynamicPtr d = s.to_dynamic();
    auto back = HllSketch::from_dynamic(*d);
    ASSERT_TRUE(back.has_value()) << to_json(*d).substr(0, 80);
    EXPECT_EQ(back->estimate(), s.estimate());
    EXPECT_EQ(back->precision(), s.precision());
    EXPECT_EQ(to_json(*back->to_dynamic()), to_json(*d));
  }
  // The shape Kusto's hll() results have: [[limit, precision], [hashes...], []].
  std::string small = to_json(*sketch_of(1, 1).to_dynamic());
  EXPECT_EQ(small.rfind("[[1024,14],[\"", 0), 0u) << small;
  EXPECT_FALSE(HllSketch::from_dynamic(*DynValue::of_long(1)).has_value());
  EXPECT_FALSE(HllSketch::from_dynamic(*parse_json("[[1024,14],[\"x\"],[]]").value()).has_value());
}

TEST(HllSketch, HashIsFixed) {
  // hll() results may be stored and merged by another process: the hash must not change.
  EXPECT_EQ(stable_hash(""), stable_hash(std::string_view()));
  EXPECT_EQ(stable_hash("abc"), stable_hash(std::string("abc")));
  EXPECT_NE(stable_hash("abc"), stable_hash("abd"));
  EXPECT_EQ(stable_hash("huntdb"), 5245477825773668429ull);
}

}  // namespace
}  // namespace huntdb::functions
