// A small deterministic random source (SplitMix64): the demo must give the same rows for the
// same seed on every platform, which the standard distributions do not promise.
#pragma once

#include <cstdint>
#include <span>

namespace huntdb::demo {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n).
  uint64_t below(uint64_t n) { return n ? next() % n : 0; }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  // An index drawn with the given weights (cumulative weights, ascending).
  size_t pick(std::span<const double> cumulative) {
    double x = unit() * cumulative.back();
    size_t lo = 0, hi = cumulative.size() - 1;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

 private:
  uint64_t state_;
};

}  // namespace huntdb::demo
