// A t-digest of weighted values: what percentile(), percentiles() and friends estimate with, and
// what tdigest() returns for percentile_tdigest(), rank_tdigest() and tdigest_merge() to read.
//
// Kusto's percentiles are nearest-rank percentiles (learn.microsoft.com/kusto/query/
// percentiles-aggregation-function): the smallest value v of the set such that at least P% of
// the (weighted) values are <= v; percentile 0 is the minimum and 100 the maximum. A digest keeps
// the exact distinct values and their weights while it has at most kExactLimit of them, so small
// sets (the documented examples, and typical per-host latencies) get exact answers. Beyond that
// it becomes a merging t-digest (Dunning & Ertl, "Computing extremely accurate quantiles using
// t-digests", scale function k1, compression 200), whose rank error near the median stays well
// under the documented 1%, and whose minimum and maximum stay exact.
//
// Values are long doubles (64-bit mantissa): longs, datetimes and timespans are exact.
//
// Encoding as a dynamic value (the shape of Kusto's tdigest() results):
//   [[type], [value, ...], [weight, ...]]                      exact: distinct values in order
//   [[type, compression, min, max], [mean, ...], [weight, ...]] compressed: centroids by mean
// `type` is the digest's value type: 6 int, 7 long, 9 real, 10 decimal, 11 datetime, 12
// timespan (a code of our own, except that Kusto also writes 7 for long). Values of integer-like
// types are written as longs while exact.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "huntdb/types/dynamic.h"
#include "huntdb/types/scalar_type.h"

namespace huntdb::functions {

class TDigest {
 public:
  static constexpr size_t kExactLimit = 4096;
  static constexpr double kCompression = 200;

  bool empty() const { return total_ == 0; }
  double total_weight() const { return total_; }
  bool exact() const { return exact_; }

  void add(long double value, double weight = 1);
  void merge(const TDigest& other);

  // The nearest-rank percentile (0..100): exact while exact(), interpolated between centroids
  // once compressed. The digest must not be empty.
  long double percentile(double p) const;
  // The weight of the values <= v (exact while exact(), interpolated once compressed).
  double rank(long double v) const;

  DynamicPtr to_dynamic(ScalarType type) const;
  // The digest and its value type; null if `v` is not a digest in the encoding above.
  static std::optional<std::pair<TDigest, ScalarType>> from_dynamic(const DynValue& v);

 private:
  struct Centroid {
    long double mean;
    double weight;
  };
  using Key = std::pair<uint64_t, uint64_t>;
  static Key key_of(long double v);

  void compress();                          // exact -> centroids, or folds the buffer in
  void flush() const;                       // folds pending values into the centroids
  std::vector<Centroid> sorted_exact() const;

  bool exact_ = true;
  double total_ = 0;
  long double min_ = 0;
  long double max_ = 0;
  // Exact: the distinct values as they came. Compressed: centroids sorted by mean.
  mutable std::vector<Centroid> centroids_;
  absl::flat_hash_map<Key, uint32_t> index_;  // exact: value -> position in centroids_
  mutable std::vector<Centroid> pending_;     // compressed: values not folded in yet
};

// A digest's value as a dynamic element of its value type: a long for int/long, a real for
// real/decimal, a datetime or timespan (integer-like values are rounded to the nearest tick).
DynamicPtr digest_value_dynamic(long double v, ScalarType value_type);

}  // namespace huntdb::functions
