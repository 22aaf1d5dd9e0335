// The t-digest behind percentile() and tdigest() (src/huntdb/functions/kernels/tdigest.cpp):
// exact nearest-rank percentiles while small, rank errors under 1% once compressed
// (percentiles-aggregation-function, "estimation error"), merges, and the dynamic encoding.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "huntdb/functions/kernels/tdigest.h"

namespace huntdb::functions {
namespace {

TEST(TDigest, NearestRankWhileExact) {
  TDigest d;
  for (int v : {4, 1, 3, 2}) d.add(v);
  EXPECT_EQ(d.percentile(0), 1);
  EXPECT_EQ(d.percentile(25), 1);
  EXPECT_EQ(d.percentile(26), 2);
  EXPECT_EQ(d.percentile(50), 2);
  EXPECT_EQ(d.percentile(75), 3);
  EXPECT_EQ(d.percentile(100), 4);
  EXPECT_EQ(d.rank(2), 2);
  EXPECT_EQ(d.rank(0), 0);
  EXPECT_EQ(d.rank(10), 4);
}

TEST(TDigest, WeightsCountAsRepetitions) {
  // docs (percentilesw): buckets 10, 20, 30, 40 weighted 8, 6, 3, 1 -> 20, 20, 40.
  TDigest d;
  d.add(10, 8);
  d.add(20, 6);
  d.add(30, 3);
  d.add(40, 1);
  EXPECT_EQ(d.percentile(50), 20);
  EXPECT_EQ(d.percentile(75), 20);
  EXPECT_EQ(d.percentile(99.9), 40);
  EXPECT_EQ(d.total_weight(), 18);
  d.add(50, 0);  // no weight, no value
  EXPECT_EQ(d.percentile(100), 40);
}

TEST(TDigest, LongsAndTicksStayExact) {
  TDigest d;
  int64_t big = 638'000'000'000'000'000;  // datetime ticks beyond double's 53 bits
  d.add(static_cast<long double>(big));
  d.add(static_cast<long double>(big + 1));
  EXPECT_EQ(static_cast<int64_t>(d.percentile(100)), big + 1);
  EXPECT_EQ(static_cast<int64_t>(d.percentile(50)), big);
}

TEST(TDigest, CompressedRankErrorUnderOnePercent) {
  std::mt19937_64 rng(42);
  std::vector<double> values(200000);
  for (auto& v : values) v = std::lognormal_distribution<double>(0, 1)(rng);
  TDigest d;
  for (double v : values) d.add(v);
  EXPECT_FALSE(d.exact());
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  for (double p : {0.1, 1.0, 10.0, 25.0, 50.0, 75.0, 90.0, 99.0, 99.9}) {
    double estimate = static_cast<double>(d.percentile(p));
    double rank = static_cast<double>(std::upper_bound(sorted.begin(), sorted.end(), estimate) - sorted.begin());
    EXPECT_NEAR(rank / static_cast<double>(sorted.size()) * 100, p, 1.0) << p;
  }
  EXPECT_EQ(static_cast<double>(d.percentile(0)), sorted.front());
  EXPECT_EQ(static_cast<double>(d.percentile(100)), sorted.back());
  double r = d.rank(sorted[100000]);
  EXPECT_NEAR(r / 200000, 0.5, 0.01);
}

TEST(TDigest, MergeOfPartsMatchesTheWhole) {
  // Exact parts: the same answers as one digest.
  TDigest a, b, whole;
  for (int v = 1; v <= 1000; ++v) {
    ((v % 2) ? a : b).add(v);
    whole.add(v);
  }
  a.merge(b);
  for (double p : {0.0, 10.0, 50.0, 68.5, 99.0, 100.0}) EXPECT_EQ(a.percentile(p), whole.percentile(p)) << p;
  EXPECT_EQ(a.rank(685), 685);
  // Compressed parts: within the error bound.
  TDigest c, e;
  for (int v = 1; v <= 100000; ++v) ((v % 3) ? c : e).add(v);
  c.merge(e);
  EXPECT_NEAR(static_cast<double>(c.percentile(50)), 50000, 1000);
  EXPECT_EQ(c.percentile(100), 100000);
  EXPECT_EQ(c.total_weight(), 100000);
}

TEST(TDigest, DynamicEncodingRoundTrips) {
  TDigest d;
  d.add(1.0, 1);
  d.add(2.0, 2);
  EXPECT_EQ(to_json(*d.to_dynamic(ScalarType::Real)), "[[9],[1.0,2.0],[1,2]]");
  TDigest longs;
  for (int v : {5, 3, 5}) longs.add(v);
  EXPECT_EQ(to_json(*longs.to_dynamic(ScalarType::Long)), "[[7],[3,5],[1,2]]");
  auto back = TDigest::from_dynamic(*longs.to_dynamic(ScalarType::Long));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->second, ScalarType::Long);
  EXPECT_EQ(back->first.percentile(50), 5);

  TDigest big;
  for (int v = 1; v <= 50000; ++v) big.add(v);
  auto again = TDigest::from_dynamic(*big.to_dynamic(ScalarType::Long));
  ASSERT_TRUE(again.has_value());
  EXPECT_FALSE(again->first.exact());
  EXPECT_NEAR(static_cast<double>(again->first.percentile(50)), static_cast<double>(big.percentile(50)), 1e-6);
  EXPECT_EQ(again->first.percentile(100), 50000);
  EXPECT_FALSE(TDigest::from_dynamic(*DynValue::of_array({})).has_value());
}

}  // namespace
}  // namespace huntdb::functions
