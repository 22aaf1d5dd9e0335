// A HyperLogLog sketch of a set of 64-bit hashes: what dcount() estimates with and what hll()
// returns for dcount_hll() and hll_merge() to read back.
//
// Accuracy levels (learn.microsoft.com/kusto/query/dcount-aggregation-function, "Estimation
// accuracy"): 0, 1, 2, 3, 4 use 2^12, 2^14, 2^16, 2^17, 2^18 one-byte registers, for a standard
// error of 1.6%, 0.8%, 0.4%, 0.28%, 0.2%; the default is 1. The page adds that small sets are
// counted exactly (up to 1000 values at level 1 and 8000 at level 2): so a sketch keeps the
// exact set of hashes until it holds more than sparse_limit() of them (1024 at level 1, 8192 at
// level 2, and 256, 16384, 32768 at levels 0, 3, 4), and only then switches to registers. The
// estimate from registers is Ertl's improved raw estimator ("New cardinality estimation
// algorithms for HyperLogLog sketches", 2017), which needs no bias tables or range corrections.
//
// Encoding as a dynamic value (the shape Kusto's hll() results have):
//   [[sparse_limit, precision], ["<hash as a signed 64-bit decimal>", ...], []]   exact set
//   [[sparse_limit, precision], [], "<base64 of the 2^precision registers>"]      registers
// Sketches of different precisions merge at the lower one.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <absl/container/flat_hash_set.h>

#include "huntdb/types/dynamic.h"

namespace huntdb::functions {

class HllSketch {
 public:
  static constexpr int kDefaultAccuracy = 1;

  // The precision (log2 of the register count) for an accuracy level; levels outside 0..4 use
  // the default.
  static int precision_for_accuracy(int64_t accuracy);

  explicit HllSketch(int precision = 14);

  int precision() const { return p_; }
  size_t sparse_limit() const;
  bool exact() const { return registers_.empty(); }

  void add(uint64_t hash);
  void merge(const HllSketch& other);
  uint64_t estimate() const;

  DynamicPtr to_dynamic() const;
  // Null if `v` is not a sketch in the encoding above.
  static std::optional<HllSketch> from_dynamic(const DynValue& v);

 private:
  void add_to_registers(uint64_t hash);
  void make_dense();
  // Registers of precision p_ folded to a lower precision q.
  static std::vector<uint8_t> fold(const std::vector<uint8_t>& registers, int p, int q);
  void lower_precision(int q);

  size_t exact_count() const { return few_.size() + hashes_.size(); }
  std::vector<uint64_t> exact_hashes() const;

  int p_;
  // While exact: the first kFew hashes in a small vector (most groups of a wide summarize have a
  // few values), then a hash set.
  static constexpr size_t kFew = 16;
  std::vector<uint64_t> few_;
  absl::flat_hash_set<uint64_t> hashes_;
  std::vector<uint8_t> registers_;  // once dense
};

}  // namespace huntdb::functions
